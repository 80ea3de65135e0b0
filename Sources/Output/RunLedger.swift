import Foundation

/// One line of a run's ledger (`OUT/run.jsonl`): what became of one input, as it finished.
public struct LedgerEntry: Codable, Sendable, Equatable {
    /// What became of an input.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// A valid record.
        case ok
        /// A record with errors (in `rejects/`).
        case reject
        /// A valid record some of whose pages gave no text.
        case partial
        /// Left as an earlier run stored it (`--resume`).
        case skipped
        /// No record: the document could not be read, or its record not written (`stage`, `reason`).
        case failed
        /// Not a document of the run: another file type, a symbolic link, a folder that cannot be read.
        case leftOut = "left-out"
    }

    /// When the run started (ISO 8601, UTC): the entries of one run share it.
    public var run: String
    public var program: String
    public var pipeline: String
    public var path: String
    public var sha256: String?
    public var status: Status
    public var stage: String?
    public var reason: String?
    public var pages: Int?
    public var milliseconds: Int?
    public var warnings: Int?

    public init(run: String, program: String, pipeline: String, path: String, sha256: String? = nil, status: Status,
                stage: String? = nil, reason: String? = nil, pages: Int? = nil, milliseconds: Int? = nil, warnings: Int? = nil) {
        self.run = run
        self.program = program
        self.pipeline = pipeline
        self.path = path
        self.sha256 = sha256
        self.status = status
        self.stage = stage
        self.reason = reason
        self.pages = pages
        self.milliseconds = milliseconds
        self.warnings = warnings
    }
}

extension LedgerEntry.Status {
    /// What became of a document the pipeline finished: `ok`, `reject` (a record with errors), `partial` (a
    /// valid record some of whose pages gave no text), `failed`, or `skipped`.
    public init(_ outcome: DocumentOutcome) {
        switch outcome {
        case .extracted(let record):
            let partial = record.validation.issues.contains { $0.code == "ocr_failed" }
            self = !record.validation.valid ? .reject : partial ? .partial : .ok
        case .failed: self = .failed
        case .skipped: self = .skipped
        }
    }
}

/// The ledger of an output folder, `OUT/run.jsonl`: one JSON line per input as it finishes, every run
/// appending its own, in the manner of Tika's pipes status. Each line is written whole with one `write`,
/// so a run killed mid-way leaves at most its last line cut, which ``read(_:)`` passes over.
public final class RunLedger: @unchecked Sendable {
    public static let fileName = "run.jsonl"
    private let handle: FileHandle
    private let encoder: JSONEncoder

    /// Opens (or creates) the ledger of `directory` for appending.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(Self.fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    deinit {
        try? handle.close()
    }

    /// Appends one entry as one line.
    public func append(_ entry: LedgerEntry) throws {
        try handle.write(contentsOf: encoder.encode(entry) + Data("\n".utf8))
    }

    /// The entries of the ledger in `directory`, oldest first; a line that does not parse (a cut last line)
    /// is left out.
    public static func read(_ directory: URL) throws -> [LedgerEntry] {
        let data = try Data(contentsOf: directory.appendingPathComponent(fileName))
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(LedgerEntry.self, from: Data($0)) }
    }
}
