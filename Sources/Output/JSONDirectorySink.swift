import Foundation
import RecordModel

/// A document the pipeline could not turn into a record, and why.
public struct DocumentFailure: Sendable, Equatable, Codable {
    /// The stage that failed: "read", "extract", "write".
    public var stage: String
    public var reason: String
    public var file: String
    public var sha256: String?
    public var bytes: Int?

    public init(stage: String, reason: String, file: String, sha256: String? = nil, bytes: Int? = nil) {
        self.stage = stage
        self.reason = reason
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// What the pipeline made of one document.
public enum DocumentOutcome: Sendable {
    case extracted(Record)
    case failed(DocumentFailure)
    /// Not processed: a database already holds the file with this digest (at the same pipeline version).
    case skipped(sha256: String)
}

/// One finished document on its way to the writer, named by its path relative to its INPUT root.
public struct OutputItem: Sendable {
    public var relativePath: String
    public var outcome: DocumentOutcome
    /// The record's JSON as `RecordCoding` writes it, when validation already encoded it.
    public var json: Data?
    /// The input file, for what a database's `files` table says of it (its modification time).
    public var source: URL?

    public init(relativePath: String, outcome: DocumentOutcome, json: Data? = nil, source: URL? = nil) {
        self.relativePath = relativePath
        self.outcome = outcome
        self.json = json
        self.source = source
    }
}

/// Where a document's JSON file went: its kind, and its name below `records/` or `rejects/` without
/// `.json` (the input's relative path, with a `~2` suffix when another input of the run had that path).
public struct Placement: Sendable, Equatable {
    public var disposition: Disposition
    public var name: String

    public init(disposition: Disposition, name: String) {
        self.disposition = disposition
        self.name = name
    }

    /// The file's path relative to the output folder (`records/a/b.txt.json`); `nil` for a skipped document.
    public var file: String? {
        disposition == .skipped ? nil : "\(disposition == .record ? "records" : "rejects")/\(name).json"
    }
}

/// Where a document ended up.
public enum Disposition: String, Sendable {
    case record, reject
    /// Left as an earlier run stored it.
    case skipped
}

/// The writer stage's interface: the pipeline hands it finished documents one at a time, from one task.
///
/// The requirements are async so that a sink may wait on a database server; a sink that only writes
/// files implements them synchronously.
public protocol RecordSink {
    /// Stores one document and says where it went.
    mutating func write(_ item: OutputItem) async throws -> Disposition
    /// Called once after the last document.
    mutating func finish() async throws
}

/// Writes valid records to `DIR/records/` and records with errors and failed documents to `DIR/rejects/`,
/// each at its relative path with `.json` appended, atomically.
///
/// A path already used in this run (two INPUT roots holding the same relative path) gets a `~2`, `~3`, …
/// suffix, so two inputs never overwrite each other. Writing one kind removes a stale file of the other
/// kind left by an earlier run, so a document is never both a record and a reject.
public struct JSONDirectorySink: RecordSink {
    public let directory: URL
    private var used: Set<String> = []

    public init(directory: URL) {
        self.directory = directory
    }

    /// The JSON written for a failed document: what failed and why, with what is known of the file.
    public struct FailureFile: Codable {
        public var failure: DocumentFailure
    }

    public mutating func write(_ item: OutputItem) throws -> Disposition {
        try place(item).disposition
    }

    /// Writes `item`'s file, as ``write(_:)`` does, and says where it went.
    public mutating func place(_ item: OutputItem) throws -> Placement {
        let name = uniqueName(item.relativePath + ".json")
        let placement = { (disposition: Disposition) in Placement(disposition: disposition, name: String(name.dropLast(5))) }
        let disposition: Disposition
        let data: Data
        switch item.outcome {
        case .skipped:
            // The name stays reserved so that a later input with the same relative path still gets `~2`.
            return placement(.skipped)
        case .extracted(let record):
            disposition = record.validation.valid ? .record : .reject
            data = try item.json ?? RecordCoding.encode(record)
        case .failed(let failure):
            disposition = .reject
            data = try RecordCoding.encode(FailureFile(failure: failure))
        }
        let target = folder(disposition).appendingPathComponent(name)
        try AtomicFile.write(data + Data("\n".utf8), to: target)
        // Usually there is none: unlink's ENOENT costs less than FileManager's thrown error.
        unlink(folder(disposition == .record ? .reject : .record).appendingPathComponent(name).path)
        return placement(disposition)
    }

    /// The name (as in ``Placement``) of a JSON file at `relative` below the output folder, below `records/`
    /// or `rejects/`, or below any folder of records.
    public static func name(ofFile relative: String) -> String {
        let below = ["records/", "rejects/"].first { relative.hasPrefix($0) }.map { String(relative.dropFirst($0.count)) } ?? relative
        return below.hasSuffix(".json") ? String(below.dropLast(5)) : below
    }

    /// The names (as in ``Placement``) given in this run so far.
    public var names: Set<String> { Set(used.map { String($0.dropLast(5)) }) }

    /// Removes the JSON files below `records/` and `rejects/` whose name is not in `keep`, and the folders
    /// that leaves empty; returns the names removed. For `--prune`: files of inputs that no longer exist.
    public func removeFiles(except keep: Set<String>) throws -> [String] {
        var removed: [String] = []
        for disposition in [Disposition.record, .reject] {
            let root = folder(disposition)
            guard FileManager.default.fileExists(atPath: root.path) else { continue }
            let prefix = root.standardizedFileURL.path + "/"
            for file in try OutputFolder.jsonFiles(under: root) {
                let path = file.standardizedFileURL.path
                guard path.hasPrefix(prefix) else { continue }
                let name = Self.name(ofFile: String(path.dropFirst(prefix.count)))
                guard !keep.contains(name) else { continue }
                try FileManager.default.removeItem(at: file)
                removed.append(name)
                var parent = file.deletingLastPathComponent().standardizedFileURL
                while parent.path.hasPrefix(prefix), (try? FileManager.default.contentsOfDirectory(atPath: parent.path))?.isEmpty == true {
                    try FileManager.default.removeItem(at: parent)
                    parent = parent.deletingLastPathComponent()
                }
            }
        }
        return removed.sorted()
    }

    public mutating func finish() throws {}

    /// `DIR/records` or `DIR/rejects`.
    public func folder(_ disposition: Disposition) -> URL {
        directory.appendingPathComponent(disposition == .record ? "records" : "rejects", isDirectory: true)
    }

    private mutating func uniqueName(_ name: String) -> String {
        var candidate = name
        var n = 1
        while used.contains(candidate) {
            n += 1
            candidate = String(name.dropLast(5)) + "~\(n).json"
        }
        used.insert(candidate)
        return candidate
    }
}
