import Foundation
import Output

/// The writer stage with a database: each document's JSON file first (atomically), then its rows and its
/// path's `files` row, so that a crash leaves the database behind the files, never ahead of them.
///
/// Rows go into transactions of up to `batchSize` documents or `batchInterval` of time, whichever ends
/// first, and the last one is committed by ``finish()``. A document's rows are replaced as one step inside
/// the transaction, so a document is stored whole or not at all, and `--resume` (which trusts only committed
/// rows) redoes exactly the documents a killed run had not committed.
public struct DatabaseSink: RecordSink {
    private var files: JSONDirectorySink
    private let store: any DocumentStore
    private let pipelineVersion: String
    private let programVersion: String
    private let batchSize: Int
    private let batchInterval: Duration
    /// Documents in the open transaction, and when it began; `nil` when none is open.
    private var open: (documents: Int, since: ContinuousClock.Instant)?

    public init(
        files: JSONDirectorySink, store: any DocumentStore, pipelineVersion: String, programVersion: String,
        batchSize: Int = 100, batchInterval: Duration = .seconds(1)
    ) {
        self.files = files
        self.store = store
        self.pipelineVersion = pipelineVersion
        self.programVersion = programVersion
        self.batchSize = max(1, batchSize)
        self.batchInterval = batchInterval
    }

    public mutating func write(_ item: OutputItem) async throws -> Disposition {
        let placement = try files.place(item)
        guard let record = placement.file,
              let file = FileRow(item, path: placement.name, record: record, programVersion: programVersion, pipelineVersion: pipelineVersion)
        else { return placement.disposition }
        if open == nil {
            try await store.begin()
            open = (0, .now)
        }
        do {
            try await store.replace(file, rows: DocumentRows(item.outcome, pipelineVersion: pipelineVersion))
        } catch {
            throw DatabaseWriteError.document(reason: Self.describe(error))
        }
        open!.documents += 1
        if open!.documents >= batchSize || ContinuousClock.now - open!.since >= batchInterval { try await commit() }
        return placement.disposition
    }

    /// The names the run gave its inputs' JSON files (``JSONDirectorySink/names``).
    public var names: Set<String> { files.names }

    /// Commits the open transaction. The store stays open: whoever opened it closes it.
    public mutating func finish() async throws {
        try files.finish()
        try await commit()
    }

    private mutating func commit() async throws {
        guard let batch = open else { return }
        open = nil
        do {
            try await store.commit()
        } catch {
            await store.rollback()
            throw DatabaseWriteError.batch(documents: batch.documents, reason: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }
}

/// Rows that did not reach the database; their JSON files were written, and `--resume` redoes them.
public enum DatabaseWriteError: Error, LocalizedError {
    /// One document's rows were refused; the transaction goes on with the next document.
    case document(reason: String)
    /// The transaction holding the last `documents` documents did not commit.
    case batch(documents: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case .document(let reason): "not stored in the database: \(reason)"
        case .batch(let n, let reason): "the database did not commit the last \(n) documents: \(reason)"
        }
    }
}
