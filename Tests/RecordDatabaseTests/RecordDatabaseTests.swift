import Foundation
import Output
import RecordModel
import Testing

@testable import RecordDatabase

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func goldRecords() throws -> [Record] {
    try OutputFolder.jsonFiles(under: repositoryRoot.appendingPathComponent("corpus/gold")).map {
        try RecordCoding.decoder().decode(Record.self, from: Data(contentsOf: $0))
    }
}

func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct DocumentRowsTests {
    /// Each list of a gold record becomes as many rows as it has items, every row fits its table.
    @Test func rowsFollowTheRecordsLists() throws {
        for record in try goldRecords() {
            let rows = DocumentRows(record: record, pipelineVersion: "7")
            #expect(rows.sha256 == record.source.sha256)
            #expect(rows.count(Schema.documents) == 1)
            #expect(rows.count(Schema.assessments) == record.assessments.count)
            #expect(rows.count(Schema.indicatorScores) == record.indicatorScores.count)
            #expect(rows.count(Schema.toolScores) == record.toolScores.count)
            #expect(rows.count(Schema.questionScores) == record.questionScores.count)
            #expect(rows.count(Schema.measures) == record.measures.count)
            #expect(rows.count(Schema.measureSteps) == record.measures.map(\.steps.count).reduce(0, +))
            #expect(rows.count(Schema.measureResponsible) == record.measures.map(\.responsible.count).reduce(0, +))
            #expect(rows.count(Schema.signatories) == record.signatories.count)
            #expect(rows.count(Schema.validationIssues) == record.validation.issues.count)
            #expect(rows.count(Schema.memoEnclosures) == (record.memo?.enclosures.count ?? 0))
            let document = try #require(rows.tables.first?.rows.first)
            let column = { (name: String) in document[Schema.documents.columns.firstIndex(of: name)!] }
            #expect(column("pipeline_version") == .text("7"))
            #expect(column("province") == SQLValue(record.document.organization.province))
            #expect(column("valid") == .boolean(true))
            // Parents first, so that foreign keys hold while inserting.
            let order = rows.tables.map { Schema.tables.firstIndex(of: $0.table)! }
            #expect(order == order.sorted())
        }
    }

    @Test func aMeasuresStepsAreKeyedByTheMeasure() throws {
        let record = Record(
            source: Source(file: "f", sha256: "s", bytes: 1, format: .text), document: DocumentInfo(kind: .report),
            measures: [
                Measure(title: "one", steps: ["a", "b"], at: Location(line: 1)),
                Measure(title: "two", steps: ["c"], responsible: ["x", "y"], at: Location(page: 2, line: 5)),
            ])
        let rows = DocumentRows(record: record, pipelineVersion: "1")
        let steps = try #require(rows.tables.first { $0.table == Schema.measureSteps }).rows
        #expect(steps == [
            [.text("s"), .integer(0), .integer(0), .text("a")], [.text("s"), .integer(0), .integer(1), .text("b")],
            [.text("s"), .integer(1), .integer(0), .text("c")],
        ])
        let measures = try #require(rows.tables.first { $0.table == Schema.measures }).rows
        #expect(measures[1].suffix(2) == [.integer(2), .integer(5)])
    }

    @Test func failuresAreRowsWhenTheyHaveADigest() throws {
        let failure = DocumentFailure(stage: "read", reason: "binary file", file: "in/x.txt", sha256: "d", bytes: 4)
        let rows = try #require(DocumentRows(.failed(failure), pipelineVersion: "1"))
        #expect(rows.tables.count == 1)
        let row = try #require(rows.tables.first?.rows.first)
        #expect(row.prefix(10) == [.text("d"), .text("in/x.txt"), .integer(4), .null, .null, .null, .text("1"), .boolean(false), .text("read"), .text("binary file")])
        #expect(row.dropFirst(10).allSatisfy { $0 == .null })
        #expect(DocumentRows(.failed(DocumentFailure(stage: "read", reason: "cannot read", file: "y")), pipelineVersion: "1") == nil)
        #expect(DocumentRows(.skipped(sha256: "e"), pipelineVersion: "1") == nil)
    }
}

@Suite struct SchemaTests {
    @Test func insertStatementsUseNumberedPlaceholders() {
        let table = Table(name: "t", columns: ["a", "b"])
        #expect(table.insertSQL(rows: 2, dialect: .postgres) == "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)")
        #expect(table.insertSQL(rows: 1, dialect: .sqlite) == "INSERT INTO t (a, b) VALUES (?1, ?2)")
        #expect(table.insertSQL(rows: 1, dialect: .postgres, firstParameter: 7) == "INSERT INTO t (a, b) VALUES ($7, $8)")
    }

    /// Every table a row goes to is made by the migrations, with the same columns in the DDL.
    @Test func migrationsMakeEveryTableWithItsColumns() {
        let ddl = Schema.migrations.flatMap(\.statements).joined(separator: "\n")
        for table in Schema.tables {
            #expect(ddl.contains("CREATE TABLE \(table.name) ("), "\(table.name)")
            for column in table.columns { #expect(ddl.contains("\n    \(column) "), "\(table.name).\(column)") }
        }
        let versions = Schema.migrations.map(\.version)
        #expect(versions == Array(1...versions.count))
        // One statement per entry: PostgreSQL's extended protocol runs one at a time.
        #expect(Schema.migrations.flatMap(\.statements).allSatisfy { !$0.contains(";") })
    }
}

@Suite struct DatabaseTargetTests {
    @Test func readsEveryForm() throws {
        #expect(try DatabaseTarget(parsing: "none") == .none)
        #expect(try DatabaseTarget(parsing: "out/sarabun.sqlite") == .sqlite(path: "out/sarabun.sqlite"))
        #expect(try DatabaseTarget(parsing: "sqlite:x.db") == .sqlite(path: "x.db"))
        #expect(try DatabaseTarget(parsing: "sqlite:///tmp/x.db") == .sqlite(path: "/tmp/x.db"))
        guard case .postgres(let a) = try DatabaseTarget(parsing: "postgres://ita:s%40cret@db.example:6543/records?sslmode=require")
        else { Issue.record("not postgres"); return }
        #expect(a.host == "db.example")
        #expect(a.port == 6543)
        #expect(a.user == "ita")
        #expect(a.password == "s@cret")
        #expect(a.database == "records")
        #expect(a.tls == .require)
        guard case .postgres(let b) = try DatabaseTarget(parsing: "postgresql://ita@localhost") else { return }
        #expect(b.port == 5432)
        #expect(b.database == "ita")
        #expect(b.tls == .prefer)
    }

    @Test func refusesWhatItCannotUse() {
        #expect(throws: DatabaseTargetError.self) { try DatabaseTarget(parsing: "mysql://u@h/db") }
        #expect(throws: DatabaseTargetError.self) { try DatabaseTarget(parsing: "postgres://u@h/db?sslmode=sometimes") }
        #expect(throws: DatabaseTargetError.self) { try DatabaseTarget(parsing: "sqlite:") }
    }
}

/// A store that records what it is asked to do, and can be told to fail.
final class RecordingStore: DocumentStore {
    let dialect = SQLDialect.sqlite
    var log: [String] = []
    var failInsertsFor: String?
    var failCommit = false
    /// Called on every statement, to look at the folder at that moment.
    var onStatement: (String) -> Void = { _ in }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        onStatement(sql)
        if sql == "COMMIT", failCommit { throw SupportError.refused }
        if sql.hasPrefix("DELETE") { log.append("replace \(binds.first?.text ?? "")") } else { log.append(sql) }
    }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] { [] }

    func insert(_ document: DocumentRows) async throws {
        if document.sha256 == failInsertsFor { throw SupportError.refused }
    }

    func close() async throws {}

    enum SupportError: Error { case refused }
}

@Suite struct DatabaseSinkTests {
    func item(_ n: Int) -> OutputItem {
        OutputItem(
            relativePath: "d\(n).txt",
            outcome: .extracted(Record(source: Source(file: "d\(n).txt", sha256: "s\(n)", bytes: 1, format: .text), document: DocumentInfo(kind: .report))))
    }

    /// The JSON file exists before the document's rows are written, transactions hold `batchSize`
    /// documents, and finish commits the rest.
    @Test func filesFirstThenRowsInBatches() async throws {
        let dir = try temporaryFolder("sink")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = RecordingStore()
        store.onStatement = { sql in
            if sql.hasPrefix("DELETE") {
                let last = store.log.filter { $0.hasPrefix("replace") }.count
                #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("records/d\(last).txt.json").path))
            }
        }
        var sink = DatabaseSink(files: JSONDirectorySink(directory: dir), store: store, pipelineVersion: "1", programVersion: "test", batchSize: 2, batchInterval: .seconds(3600))
        for n in 0..<5 { #expect(try await sink.write(item(n)) == .record) }
        let skipped = OutputItem(relativePath: "old.txt", outcome: .skipped(sha256: "o"))
        #expect(try await sink.write(skipped) == .skipped)
        try await sink.finish()
        let transactions = store.log.filter { !$0.contains("SAVEPOINT") && !$0.contains("files") }
        #expect(store.log.filter { $0.hasPrefix("INSERT INTO files") }.count == 5)
        #expect(transactions == [
            "BEGIN IMMEDIATE", "replace s0", "replace s1", "COMMIT", "BEGIN IMMEDIATE", "replace s2", "replace s3", "COMMIT",
            "BEGIN IMMEDIATE", "replace s4", "COMMIT",
        ])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("records/old.txt.json").path))
    }

    /// A document whose rows are refused is reported alone; the batch goes on and commits the others.
    @Test func aRefusedDocumentDoesNotSinkTheBatch() async throws {
        let dir = try temporaryFolder("sink-refused")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = RecordingStore()
        store.failInsertsFor = "s1"
        var sink = DatabaseSink(files: JSONDirectorySink(directory: dir), store: store, pipelineVersion: "1", programVersion: "test", batchSize: 10)
        _ = try await sink.write(item(0))
        await #expect(throws: DatabaseWriteError.self) { _ = try await sink.write(item(1)) }
        _ = try await sink.write(item(2))
        try await sink.finish()
        #expect(store.log.contains("ROLLBACK TO SAVEPOINT document"))
        #expect(store.log.filter { $0 == "COMMIT" }.count == 1)
        #expect(!store.log.contains("ROLLBACK"))
    }

    /// A commit that fails is rolled back and reported with the number of documents it held.
    @Test func aFailedCommitIsReported() async throws {
        let dir = try temporaryFolder("sink-commit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = RecordingStore()
        store.failCommit = true
        var sink = DatabaseSink(files: JSONDirectorySink(directory: dir), store: store, pipelineVersion: "1", programVersion: "test", batchSize: 10)
        _ = try await sink.write(item(0))
        _ = try await sink.write(item(1))
        await #expect {
            try await sink.finish()
        } throws: { error in
            (error as? DatabaseWriteError)?.errorDescription?.contains("last 2 documents") == true
        }
        #expect(store.log.last == "ROLLBACK")
    }
}
