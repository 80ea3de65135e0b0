import Foundation
import Output
import Pipeline
import Reading
import RecordDatabase
import RecordModel

/// The repository, its corpus and gold records, for the store tests.
public enum Corpus {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let folder = root.appendingPathComponent("corpus")
    public static let gold = folder.appendingPathComponent("gold")

    /// The five hand-made gold records.
    public static func goldRecords() throws -> [Record] {
        try OutputFolder.jsonFiles(under: gold).map {
            try RecordCoding.decoder().decode(Record.self, from: Data(contentsOf: $0))
        }
    }

    /// Stores the gold records, as `sarabun load corpus/gold` does.
    public static func loadGold(into store: any DocumentStore) async throws {
        try await store.store(goldRecords().map { DocumentRows(record: $0, pipelineVersion: Pipeline.version) })
    }

    /// The five real documents (the text files at the corpus's top level, beside their gold; the development
    /// set below `dev/` is not theirs).
    public static func seeds() throws -> [InputFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { InputFile(displayPath: "corpus/\($0)", relativePath: $0, url: folder.appendingPathComponent($0)) }
    }

    /// Runs the pipeline over the five real documents into `out` and `store` (JSON files, then rows), as
    /// `extract` does.
    @discardableResult
    public static func extract(
        into store: any DocumentStore, out: URL, resume: Bool = false, batchSize: Int = 100
    ) async throws -> RunSummary {
        let inputs = try seeds()
        var sink = DatabaseSink(
            files: JSONDirectorySink(directory: out), store: store, pipelineVersion: Pipeline.version,
            programVersion: Pipeline.programVersion, batchSize: batchSize)
        let resume = resume ? ResumePoint(stored: try await store.storedFiles(pipelineVersion: Pipeline.version), directory: out) : nil
        return await Pipeline(workers: 2, processor: try DocumentProcessor(resume: resume)).run(inputs, into: &sink)
    }

    /// A new folder under the system's temporary folder; the caller removes it.
    public static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// How many rows each table should hold for one JSON file, counted from the JSON itself (not through
/// ``DocumentRows``, so that the flattening is checked against an independent reading).
public struct JSONItemCounts: Equatable {
    public var sha256: String
    public var counts: [String: Int]

    public init(file: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        func list(_ value: Any?) -> [Any] { value as? [Any] ?? [] }
        if let failure = object["failure"] as? [String: Any] {
            sha256 = failure["sha256"] as? String ?? ""
            counts = Dictionary(uniqueKeysWithValues: Schema.tables.map { ($0.name, 0) })
            counts["documents"] = 1
            return
        }
        sha256 = (object["source"] as? [String: Any])?["sha256"] as? String ?? ""
        let memo = object["memo"] as? [String: Any]
        let measures = list(object["measures"]).compactMap { $0 as? [String: Any] }
        counts = [
            "documents": 1,
            "memo_enclosures": list(memo?["enclosures"]).count,
            "memo_references": list(memo?["references"]).count,
            "assessments": list(object["assessments"]).count,
            "indicator_scores": list(object["indicator_scores"]).count,
            "tool_scores": list(object["tool_scores"]).count,
            "question_scores": list(object["question_scores"]).count,
            "measures": measures.count,
            "measure_steps": measures.map { list($0["steps"]).count }.reduce(0, +),
            "measure_responsible": measures.map { list($0["responsible"]).count }.reduce(0, +),
            "signatories": list(object["signatories"]).count,
            "validation_issues": list((object["validation"] as? [String: Any])?["issues"]).count,
        ]
    }
}

extension DocumentStore {
    /// Rows per table for one document.
    public func rowCounts(sha256: String) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Schema.tables {
            let key = table == Schema.documents ? "sha256" : "document_sha256"
            let rows = try await query("SELECT COUNT(*) FROM \(table.name) WHERE \(key) = \(dialect.placeholder(1))", [.text(sha256)])
            counts[table.name] = Int(rows.first?.first?.integer ?? -1)
        }
        return counts
    }

    /// Rows per table in the whole database.
    public func totalRowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Schema.tables {
            counts[table.name] = Int(try await query("SELECT COUNT(*) FROM \(table.name)", []).first?.first?.integer ?? -1)
        }
        return counts
    }
}
