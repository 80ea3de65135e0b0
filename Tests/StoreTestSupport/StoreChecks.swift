import Foundation
import Output
import Pipeline
import RecordDatabase
import RecordModel
import Testing

/// A kind of database the checks run on: how to make a new empty one (named by its `--db` argument), open
/// it, and remove it.
public struct TestDatabase: Sendable {
    public var create: @Sendable () async throws -> String
    public var open: @Sendable (String) async throws -> any DocumentStore
    public var remove: @Sendable (String) async -> Void

    public init(
        create: @escaping @Sendable () async throws -> String,
        open: @escaping @Sendable (String) async throws -> any DocumentStore,
        remove: @escaping @Sendable (String) async -> Void
    ) {
        self.create = create
        self.open = open
        self.remove = remove
    }

    /// Runs `body` with the `--db` argument of a new database, then removes it.
    public func withDatabase(_ body: (String) async throws -> Void) async throws {
        let argument = try await create()
        do {
            try await body(argument)
        } catch {
            await remove(argument)
            throw error
        }
        await remove(argument)
    }

    /// Runs `body` on a store of a new database with the schema applied, then closes and removes it.
    public func withStore(_ body: (any DocumentStore) async throws -> Void) async throws {
        try await withDatabase { argument in
            let store = try await open(argument)
            do {
                try await store.migrate()
                try await body(store)
            } catch {
                try? await store.close()
                throw error
            }
            try await store.close()
        }
    }
}

/// The checks every store must pass; the SQLite and PostgreSQL test targets run each of them.
public struct StoreChecks: Sendable {
    public let database: TestDatabase

    public init(_ database: TestDatabase) {
        self.database = database
    }

    /// Migrations make every table on a fresh database, are recorded with their versions, apply only what is
    /// missing when run again, undo a step that fails, and refuse a database newer than the program.
    public func migrationsApplyOnceAndInOrder() async throws {
        try await database.withDatabase { argument in
            let store = try await database.open(argument)
            let known = Schema.migrations.map(\.version)
            #expect(try await store.migrate() == known)
            #expect(try await store.migrate() == [])
            #expect(try await store.schemaVersions() == known)
            let empty = try await store.totalRowCounts()
            #expect(empty == Dictionary(uniqueKeysWithValues: Schema.tables.map { ($0.name, 0) }))
            #expect(try await store.filePaths().isEmpty)

            let after = known.max()! + 1
            let next = Migration(version: after, name: "test step", statements: ["CREATE TABLE test_step (x INTEGER)"])
            #expect(try await store.migrate(Schema.migrations + [next]) == [after])
            #expect(try await store.schemaVersions() == known + [after])
            let broken = Migration(version: after + 1, name: "broken step", statements: ["CREATE TABLE test_broken (x INTEGER)", "NOT SQL AT ALL"])
            await #expect(throws: (any Error).self) { try await store.migrate(Schema.migrations + [next, broken]) }
            #expect(try await store.schemaVersions() == known + [after])
            await #expect(throws: (any Error).self) { try await store.query("SELECT COUNT(*) FROM test_broken", []) }
            await #expect(throws: SchemaTooNewError.self) { try await store.migrate() }
            try await store.close()

            // A second connection (a later run) finds the schema as it was left.
            let again = try await database.open(argument)
            #expect(try await again.migrate(Schema.migrations + [next]) == [])
            try await again.close()
        }
    }

    /// Every table holds exactly as many rows for a document as its JSON file has items, for the five
    /// real corpus documents extracted through the pipeline and for the five gold records.
    public func rowCountsEqualJSONItemCounts() async throws {
        let out = try Corpus.temporaryFolder("counts")
        defer { try? FileManager.default.removeItem(at: out) }
        try await database.withStore { store in
            let summary = try await Corpus.extract(into: store, out: out, batchSize: 2)
            #expect(summary.documents == 5)
            try await expectRowsMatch(files: OutputFolder.jsonFiles(under: out), store: store)
        }
        try await database.withStore { store in
            try await Corpus.loadGold(into: store)
            try await expectRowsMatch(files: OutputFolder.jsonFiles(under: Corpus.gold), store: store)
        }
    }

    /// Running again over the same inputs replaces each document's rows: no duplicates, no leftovers.
    public func rerunReplacesRows() async throws {
        let out = try Corpus.temporaryFolder("rerun")
        defer { try? FileManager.default.removeItem(at: out) }
        try await database.withStore { store in
            try await Corpus.extract(into: store, out: out)
            let once = try await store.totalRowCounts()
            try await Corpus.extract(into: store, out: out)
            #expect(try await store.totalRowCounts() == once)
            #expect(once["documents"] == 5)

            // The same file with fewer items: the old child rows go.
            var record = try #require(try Corpus.goldRecords().first { !$0.measures.isEmpty })
            try await store.store([DocumentRows(record: record, pipelineVersion: Pipeline.version)])
            #expect(try await store.rowCounts(sha256: record.source.sha256)["measures"] == record.measures.count)
            record.measures = []
            try await store.store([DocumentRows(record: record, pipelineVersion: Pipeline.version)])
            let counts = try await store.rowCounts(sha256: record.source.sha256)
            #expect(counts["documents"] == 1)
            #expect(counts["measures"] == 0)
            #expect(counts["measure_steps"] == 0)
        }
    }

    /// `--resume` asks the store which digests it holds at this pipeline version and skips exactly those.
    public func resumeSkipsStoredDocuments() async throws {
        let out = try Corpus.temporaryFolder("resume")
        defer { try? FileManager.default.removeItem(at: out) }
        try await database.withStore { store in
            try await Corpus.extract(into: store, out: out)
            let digests = try await store.storedDigests(pipelineVersion: Pipeline.version)
            let written = try OutputFolder.jsonFiles(under: out).map { try JSONItemCounts(file: $0).sha256 }
            #expect(digests == Set(written))
            #expect(digests.count == 5)
            #expect(try await store.storedDigests(pipelineVersion: "another version").isEmpty)

            // One document's transaction never committed: only it is done again.
            let missing = try #require(digests.sorted().first)
            try await store.execute("DELETE FROM documents WHERE sha256 = \(store.dialect.placeholder(1))", [.text(missing)])
            let full = try await store.totalRowCounts()
            let summary = try await Corpus.extract(into: store, out: out, resume: true)
            #expect(summary.skipped == 4)
            #expect(summary.records == 1)
            #expect(try await store.storedDigests(pipelineVersion: Pipeline.version) == digests)
            #expect(try await store.totalRowCounts()["documents"] == full["documents"]! + 1)
        }
    }

    /// Text reaches SQL only as bound parameters: hostile strings are stored as they are, and rejects and
    /// failed documents are stored with what is known of them.
    public func textIsBoundNeverSpliced() async throws {
        try await database.withStore { store in
            let hostile = "'); DROP TABLE documents; --"
            let odd = #"O'Brien "quoted" \backslash $1 ?1 %s ; -- ชื่อ"#
            var record = Record(
                source: Source(file: "in/\(hostile).txt", sha256: String(repeating: "a", count: 64), bytes: 3, format: .text),
                document: DocumentInfo(kind: .report, title: hostile, organization: Organization(name: odd)),
                measures: [Measure(title: hostile, steps: [odd, hostile], responsible: [odd], at: Location(line: 2))],
                validation: ValidationReport(issues: [
                    ValidationIssue(severity: .error, code: "schema", path: "/measures/0", message: hostile),
                ]))
            record.signatories = [Signatory(name: odd, title: nil, rank: nil, position: hostile, actingFor: nil, at: Location(line: 9))]
            let failure = DocumentFailure(
                stage: "read", reason: "binary file", file: "in/\(odd).txt", sha256: String(repeating: "b", count: 64), bytes: 6)
            try await store.store([
                DocumentRows(record: record, pipelineVersion: Pipeline.version),
                try #require(DocumentRows(failure: failure, pipelineVersion: Pipeline.version)),
            ])
            #expect(DocumentRows(failure: DocumentFailure(stage: "read", reason: "cannot read", file: "x"), pipelineVersion: "1") == nil)

            let p = store.dialect.placeholder(1)
            let document = try await store.query("SELECT title, organization_name, file, valid FROM documents WHERE sha256 = \(p)", [.text(record.source.sha256)])
            #expect(document.first?[0].text == hostile)
            #expect(document.first?[1].text == odd)
            #expect(document.first?[2].text == "in/\(hostile).txt")
            #expect(document.first?[3].integer == 0)
            let steps = try await store.query("SELECT text FROM measure_steps WHERE document_sha256 = \(p) ORDER BY ordinal", [.text(record.source.sha256)])
            #expect(steps.map { $0[0].text } == [odd, hostile])
            let signatory = try await store.query("SELECT name, position FROM signatories WHERE document_sha256 = \(p)", [.text(record.source.sha256)])
            #expect(signatory.first == [.text(odd), .text(hostile)])
            let failed = try await store.query(
                "SELECT failure_stage, failure_reason, valid, kind, title FROM documents WHERE sha256 = \(p)", [.text(failure.sha256!)])
            #expect(failed.first?[0] == .text("read"))
            #expect(failed.first?[1] == .text("binary file"))
            #expect(failed.first?[2].integer == 0)
            #expect(failed.first?[3] == .null)
            #expect(failed.first?[4] == .null)
            #expect(try await store.totalRowCounts()["documents"] == 2)

            // The README's query for rejects names both, with their reasons.
            let rejects = try await store.query(try ReadmeQueries.sql(ReadmeQueries.rejects), [])
            #expect(Set(rejects.map { $0.map(\.text) }) == [
                ["in/\(hostile).txt", "schema at /measures/0: \(hostile)"],
                ["in/\(odd).txt", "read: binary file"],
            ])
        }
    }

    /// The README's example queries, run as written, give the answers computed from the records: on the
    /// gold records (with the concrete values the README quotes) and on the corpus as extracted.
    public func readmeQueriesAnswerRight() async throws {
        let gold = try Corpus.goldRecords()
        try await database.withStore { store in
            try await Corpus.loadGold(into: store)
            try await expectReadmeAnswers(store, gold)

            let averages = try await store.query(try ReadmeQueries.sql(ReadmeQueries.indicatorAverages), [])
            let phatthalung2 = averages.first { $0[0] == .text("พัทลุง") && $0[1].integer == 2568 && $0[2].integer == 2 }
            #expect(pair(phatthalung2?[3].real, 95.83))
            let roiEt8 = averages.first { $0[0] == .text("ร้อยเอ็ด") && $0[1].integer == 2565 && $0[2].integer == 8 }
            #expect(pair(roiEt8?[3].real, 75.6))
            let falls = try await store.query(try ReadmeQueries.sql(ReadmeQueries.scoreFell), [])
            #expect(falls.count == 1)
            #expect(falls.first?[0] == .text("องค์การบริหารส่วนตำบลม่วงหมู่"))
            #expect(falls.first?[1].integer == 2566)
            #expect(pair(falls.first?[2].real, 97.72))
            #expect(falls.first?[3].integer == 2567)
            #expect(pair(falls.first?[4].real, 94.69))
            #expect(pair(falls.first?[5].real, -3.03))
            let notDone = try await store.query(try ReadmeQueries.sql(ReadmeQueries.measuresNotDone), [])
            #expect(Dictionary(uniqueKeysWithValues: notDone.map { ($0[0].text ?? "", $0[1...].compactMap(\.integer)) }) == [
                "เทศบาลตำบลคลองใหญ่": [0, 0, 10], "องค์การบริหารส่วนจังหวัดลำปาง": [0, 0, 7],
                "องค์การบริหารส่วนตำบลม่วงหมู่": [0, 0, 6], "เทศบาลตำบลนาแซง": [0, 0, 3],
            ])
            let issues = try await store.query(try ReadmeQueries.sql(ReadmeQueries.issuesByCode), [])
            #expect(issues.first { $0[1] == .text("garbled_label") }.map { [$0[2].integer, $0[3].integer] } == [7, 4])
            #expect(try await store.query(try ReadmeQueries.sql(ReadmeQueries.rejects), []).isEmpty)
        }

        let out = try Corpus.temporaryFolder("readme")
        defer { try? FileManager.default.removeItem(at: out) }
        try await database.withStore { store in
            try await Corpus.extract(into: store, out: out)
            let extracted = try OutputFolder.jsonFiles(under: out).map {
                try RecordCoding.decoder().decode(Record.self, from: Data(contentsOf: $0))
            }
            try await expectReadmeAnswers(store, extracted)
        }
    }

    private func expectReadmeAnswers(_ store: any DocumentStore, _ records: [Record]) async throws {
        let averages = try await store.query(try ReadmeQueries.sql(ReadmeQueries.indicatorAverages), [])
        let expected = ReadmeQueries.expectedIndicatorAverages(records)
        #expect(averages.count == expected.count)
        for row in averages {
            let key = ReadmeQueries.IndicatorKey(
                province: row[0].text, year: row[1].integer.map(Int.init), indicator: Int(row[2].integer ?? 0))
            let want = try #require(expected[key], "unexpected row \(key)")
            #expect(pair(row[3].real, want.average), "\(key)")
            #expect(row[4].integer == Int64(want.organizations), "\(key)")
        }

        let falls = try await store.query(try ReadmeQueries.sql(ReadmeQueries.scoreFell), [])
        let got = Set(falls.map {
            ReadmeQueries.Fall(
                organization: $0[0].text ?? "", fromYear: Int($0[1].integer ?? 0), fromScore: rounded($0[2].real),
                toYear: Int($0[3].integer ?? 0), toScore: rounded($0[4].real))
        })
        let want = Set(ReadmeQueries.expectedFalls(records).map {
            ReadmeQueries.Fall(organization: $0.organization, fromYear: $0.fromYear, fromScore: rounded($0.fromScore),
                toYear: $0.toYear, toScore: rounded($0.toScore))
        })
        #expect(got == want)

        let notDone = try await store.query(try ReadmeQueries.sql(ReadmeQueries.measuresNotDone), [])
        #expect(Dictionary(uniqueKeysWithValues: notDone.map { ($0[0].text, $0[1...].compactMap(\.integer).map(Int.init)) })
            == ReadmeQueries.expectedMeasuresNotDone(records))

        let issues = try await store.query(try ReadmeQueries.sql(ReadmeQueries.issuesByCode), [])
        #expect(Dictionary(uniqueKeysWithValues: issues.map {
            ("\($0[0].text ?? "") \($0[1].text ?? "")", [Int($0[2].integer ?? 0), Int($0[3].integer ?? 0)])
        }) == ReadmeQueries.expectedIssues(records))
    }

    private func expectRowsMatch(files: [URL], store: any DocumentStore) async throws {
        #expect(files.count == 5)
        var total: [String: Int] = [:]
        for file in files {
            let json = try JSONItemCounts(file: file)
            #expect(try await store.rowCounts(sha256: json.sha256) == json.counts, "\(file.lastPathComponent)")
            total.merge(json.counts, uniquingKeysWith: +)
        }
        #expect(try await store.totalRowCounts() == total)
    }
}

/// Equal to two decimals (the queries round with ROUND(…, 2)).
func pair(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 0.005 + 1e-9
}

func rounded(_ value: Double?) -> Double {
    ((value ?? .nan) * 100).rounded() / 100
}
