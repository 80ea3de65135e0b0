import Foundation
import PostgresStore
import RecordDatabase
import RecordModel
import StoreTestSupport
import Testing

/// The server `scripts/test-postgres.sh` starts (`bash scripts/test.sh` does): a database per test, made
/// through the server's own database and dropped after.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["SARABUN_TEST_POSTGRES_URL"]
    /// Under CI the tests run (and fail) without a server; elsewhere they are skipped.
    static let enabled = url != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    static func admin() async throws -> PostgresStore {
        guard let url else {
            throw TestServerError(description: "SARABUN_TEST_POSTGRES_URL is not set: run bash scripts/test.sh, or source scripts/test-postgres.sh first")
        }
        return try await PostgresStore.connect(PostgresAddress(url: url))
    }

    static let database = TestDatabase(
        create: {
            let name = "sarabun_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let server = try await TestServer.admin()
            try await server.execute("CREATE DATABASE \(name)")
            try await server.close()
            var components = URLComponents(string: url!)!
            components.path = "/" + name
            return components.string!
        },
        open: { try await PostgresStore.connect(PostgresAddress(url: $0)) },
        remove: { argument in
            guard let name = URLComponents(string: argument)?.path.dropFirst(), let server = try? await TestServer.admin() else { return }
            try? await server.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            try? await server.close()
        })
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
}

@Suite(
    .enabled(if: TestServer.enabled, "SARABUN_TEST_POSTGRES_URL is not set; bash scripts/test.sh starts a server for these tests"),
    .timeLimit(.minutes(5)))
struct PostgresStoreTests {
    let checks = StoreChecks(TestServer.database)

    @Test func migrationsApplyOnceAndInOrder() async throws { try await checks.migrationsApplyOnceAndInOrder() }
    @Test func rowCountsEqualJSONItemCounts() async throws { try await checks.rowCountsEqualJSONItemCounts() }
    @Test func rerunReplacesRows() async throws { try await checks.rerunReplacesRows() }
    @Test func resumeSkipsStoredDocuments() async throws { try await checks.resumeSkipsStoredDocuments() }
    @Test func textIsBoundNeverSpliced() async throws { try await checks.textIsBoundNeverSpliced() }
    @Test func readmeQueriesAnswerRight() async throws { try await checks.readmeQueriesAnswerRight() }
    @Test func killedRunResumesToEveryDocumentOnce() async throws { try await checks.killedRunResumesToEveryDocumentOnce() }
    @Test func changedAndDeletedFilesArePruned() async throws { try await checks.changedAndDeletedFilesArePruned() }
    @Test func stoppedRunCommitsWhatItWrote() async throws { try await checks.stoppedRunCommitsWhatItWrote(signal: SIGINT) }
    @Test func loadCommandStoresEachDocumentOnce() async throws { try await checks.loadCommandStoresEachDocumentOnce() }

    /// A document with more values than one statement may bind (65,535) is inserted table by table, in chunks.
    @Test func aHugeDocumentIsInsertedInChunks() async throws {
        try await TestServer.database.withStore { store in
            let scores = (0..<8_000).map {
                QuestionScore(code: "i\($0)", tool: .iit, yearBE: 2566, score: 50, text: "ข้อ \($0)", at: Location(line: $0 + 1))
            }
            let record = Record(
                source: Source(file: "huge.txt", sha256: String(repeating: "c", count: 64), bytes: 1, format: .text),
                document: DocumentInfo(kind: .report), questionScores: scores)
            try await store.store([DocumentRows(record: record, pipelineVersion: "1")])
            let counts = try await store.rowCounts(sha256: record.source.sha256)
            #expect(counts["question_scores"] == 8_000)
        }
    }

    /// Two connections migrating at once: the advisory lock makes one wait, and the schema is made once.
    @Test func concurrentMigrationsApplyOnce() async throws {
        try await TestServer.database.withDatabase { url in
            let a = try await PostgresStore.connect(PostgresAddress(url: url))
            let b = try await PostgresStore.connect(PostgresAddress(url: url))
            async let first = a.migrate()
            async let second = b.migrate()
            let applied = try await [first, second]
            let known = Schema.migrations.map(\.version)
            #expect(applied.flatMap { $0 }.sorted() == known)
            #expect(try await a.schemaVersions() == known)
            try await a.close()
            try await b.close()
        }
    }
}
