import Foundation
import Output

/// One input path's row in the `files` table: what the file held when it was last extracted (its digest,
/// size and modification time), what became of it, and where its JSON file is.
public struct FileRow: Sendable, Equatable {
    /// The input's path relative to its INPUT root, as the JSON file is named (``Placement/name``).
    public var path: String
    /// `nil` for a file that could not be read at all.
    public var sha256: String?
    public var bytes: Int?
    /// ISO 8601, UTC.
    public var modified: String?
    public var status: LedgerEntry.Status
    /// The JSON file, relative to the output folder (`records/…json` or `rejects/…json`).
    public var record: String?
    public var programVersion: String
    public var pipelineVersion: String

    public init(
        path: String, sha256: String?, bytes: Int?, modified: String?, status: LedgerEntry.Status, record: String?,
        programVersion: String, pipelineVersion: String
    ) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.modified = modified
        self.status = status
        self.record = record
        self.programVersion = programVersion
        self.pipelineVersion = pipelineVersion
    }

    /// The row of `item` written at `path` (``Placement/name``) to the JSON file `record`; `nil` for a
    /// skipped document (its row stays as it was).
    public init?(_ item: OutputItem, path: String, record: String, programVersion: String, pipelineVersion: String) {
        var digest: String?, bytes: Int?
        switch item.outcome {
        case .extracted(let record): (digest, bytes) = (record.source.sha256, record.source.bytes)
        case .failed(let failure): (digest, bytes) = (failure.sha256, failure.bytes)
        case .skipped: return nil
        }
        let modified = item.source.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        self.init(
            path: path, sha256: digest, bytes: bytes, modified: modified?.ISO8601Format(),
            status: LedgerEntry.Status(item.outcome), record: record, programVersion: programVersion, pipelineVersion: pipelineVersion)
    }
}

extension DocumentStore {
    /// Replaces the rows of one input inside the open transaction, as one step: its document's rows (when
    /// it has a digest), then its `files` row. The document the path held before, when its content changed,
    /// goes with its rows once no path refers to it any more.
    public func replace(_ file: FileRow, rows: DocumentRows?) async throws {
        try await execute("SAVEPOINT input")
        do {
            let p = dialect.placeholder
            let before = try await query("SELECT sha256 FROM files WHERE path = \(p(1))", [.text(file.path)]).first?.first?.text
            if let rows { try await replace(rows) }
            let updates = Schema.files.columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            try await execute(
                Schema.files.insertSQL(rows: 1, dialect: dialect) + " ON CONFLICT (path) DO UPDATE SET " + updates,
                [.text(file.path), SQLValue(file.sha256), SQLValue(file.bytes), SQLValue(file.modified), .text(file.status.rawValue),
                 SQLValue(file.record), .text(file.programVersion), .text(file.pipelineVersion), .text(Date().ISO8601Format())])
            if let before, before != file.sha256 { try await removeUnreferencedDocument(before) }
            try await execute("RELEASE SAVEPOINT input")
        } catch {
            try? await execute("ROLLBACK TO SAVEPOINT input")
            try? await execute("RELEASE SAVEPOINT input")
            throw error
        }
    }

    /// What `--resume` trusts: per path, the digest its row was made from and its JSON file, for the paths
    /// whose document rows were stored by pipeline `version`.
    public func storedFiles(pipelineVersion version: String) async throws -> [String: ResumePoint.StoredFile] {
        let rows = try await query(
            "SELECT f.path, f.sha256, f.record FROM files f JOIN documents d ON d.sha256 = f.sha256 "
                + "WHERE f.pipeline_version = \(dialect.placeholder(1)) AND d.pipeline_version = \(dialect.placeholder(1))",
            [.text(version)])
        var stored: [String: ResumePoint.StoredFile] = [:]
        for row in rows {
            guard let path = row[0].text, let digest = row[1].text, let record = row[2].text else { continue }
            stored[path] = ResumePoint.StoredFile(sha256: digest, file: record)
        }
        return stored
    }

    /// Every path the `files` table holds.
    public func filePaths() async throws -> Set<String> {
        Set(try await query("SELECT path FROM files", []).compactMap { $0.first?.text })
    }

    /// `--prune`: removes, in one transaction, the `files` rows of the paths not in `keep`, and the
    /// documents only they referred to. Returns the paths removed.
    public func prune(keeping keep: Set<String>) async throws -> [String] {
        let gone = try await filePaths().subtracting(keep).sorted()
        guard !gone.isEmpty else { return [] }
        try await begin()
        do {
            let p = dialect.placeholder(1)
            for path in gone {
                let digest = try await query("SELECT sha256 FROM files WHERE path = \(p)", [.text(path)]).first?.first?.text
                try await execute("DELETE FROM files WHERE path = \(p)", [.text(path)])
                if let digest { try await removeUnreferencedDocument(digest) }
            }
        } catch {
            await rollback()
            throw error
        }
        try await commit()
        return gone
    }

    private func removeUnreferencedDocument(_ digest: String) async throws {
        let p = dialect.placeholder(1)
        try await execute(
            "DELETE FROM documents WHERE sha256 = \(p) AND NOT EXISTS (SELECT 1 FROM files WHERE sha256 = \(p))", [.text(digest)])
    }
}
