import Foundation
import RecordDatabase
import SQLiteStore
import StoreTestSupport
import Testing

/// SQLite files in a temporary folder each.
let sqlite = TestDatabase(
    create: { try Corpus.temporaryFolder("sqlite").appendingPathComponent("sarabun.sqlite").path },
    open: { try SQLiteStore(path: $0) },
    remove: { try? FileManager.default.removeItem(at: URL(fileURLWithPath: $0).deletingLastPathComponent()) })

// A time limit, so that a hung database call fails the test instead of the whole run.
@Suite(.timeLimit(.minutes(5))) struct SQLiteStoreTests {
    let checks = StoreChecks(sqlite)

    @Test func migrationsApplyOnceAndInOrder() async throws { try await checks.migrationsApplyOnceAndInOrder() }
    @Test func rowCountsEqualJSONItemCounts() async throws { try await checks.rowCountsEqualJSONItemCounts() }
    @Test func rerunReplacesRows() async throws { try await checks.rerunReplacesRows() }
    @Test func resumeSkipsStoredDocuments() async throws { try await checks.resumeSkipsStoredDocuments() }
    @Test func textIsBoundNeverSpliced() async throws { try await checks.textIsBoundNeverSpliced() }
    @Test func readmeQueriesAnswerRight() async throws { try await checks.readmeQueriesAnswerRight() }
    @Test func killedRunResumesToEveryDocumentOnce() async throws { try await checks.killedRunResumesToEveryDocumentOnce() }
    @Test func changedAndDeletedFilesArePruned() async throws { try await checks.changedAndDeletedFilesArePruned() }
    @Test(arguments: [SIGINT, SIGTERM])
    func stoppedRunCommitsWhatItWrote(signal: Int32) async throws { try await checks.stoppedRunCommitsWhatItWrote(signal: signal) }
    @Test(arguments: [true, false])
    func runStoppedDuringOCRLeavesNothingRunning(twice: Bool) async throws { try await checks.runStoppedDuringOCRLeavesNothingRunning(twice: twice) }
    @Test func loadCommandStoresEachDocumentOnce() async throws { try await checks.loadCommandStoresEachDocumentOnce() }

    /// The file is in WAL mode with foreign keys on, so that commits survive a kill and cascades delete children.
    @Test func opensInWALModeWithForeignKeys() async throws {
        try await sqlite.withStore { store in
            let pragmas = try await ["journal_mode", "foreign_keys", "synchronous"].asyncMap {
                try await store.query("PRAGMA \($0)", []).first?.first
            }
            #expect(pragmas == [.text("wal"), .integer(1), .integer(1)])  // synchronous 1 is NORMAL
        }
    }

    /// A transaction that never committed (the process died) is not seen by the next connection.
    @Test func uncommittedRowsAreNotSeen() async throws {
        try await sqlite.withDatabase { path in
            let writer = try SQLiteStore(path: path)
            try await writer.migrate()
            let gold = try Corpus.goldRecords()
            try await writer.begin()
            try await writer.replace(DocumentRows(record: gold[0], pipelineVersion: "1"))
            let reader = try SQLiteStore(path: path)
            #expect(try await reader.storedDigests(pipelineVersion: "1").isEmpty)
            try await writer.close()  // closing without COMMIT, as a killed process leaves it
            #expect(try await reader.storedDigests(pipelineVersion: "1").isEmpty)
            try await reader.close()
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}
