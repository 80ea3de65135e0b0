import ArgumentParser
import Foundation
import Output
import Pipeline
import PostgresStore
import RecordDatabase
import SQLiteStore

/// Opens the store `--db` names and brings its schema up to date; `nil` for `--db none`.
func openStore(_ target: DatabaseTarget) async throws -> (any DocumentStore)? {
    let store: any DocumentStore
    switch target {
    case .none: return nil
    case .sqlite(let path): store = try SQLiteStore(path: path)
    case .postgres(let address): store = try await PostgresStore.connect(address)
    }
    do {
        try await store.migrate()
    } catch {
        try? await store.close()
        throw error
    }
    return store
}

/// The `--db` value, or a SQLite file in `folder` when there is none.
func databaseTarget(_ option: String?, defaultFolder folder: String) throws -> DatabaseTarget {
    do {
        return try DatabaseTarget(parsing: option ?? URL(fileURLWithPath: folder).appendingPathComponent("sarabun.sqlite").path)
    } catch {
        throw ValidationError(error.localizedDescription)
    }
}

struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the JSON records of an extract output folder into a database, without extracting again.",
        discussion: """
            Reads every .json file under DIR (records/ and rejects/) and replaces each document's rows and its \
            path's `files` row (named as the JSON file is, below records/ or rejects/), so loading twice stores \
            each document once. Rows get this sarabun's pipeline version. \
            Exit status 1 when some file could not be read or stored.
            """)

    @Argument(help: "An extract --out folder, or any folder of record JSON files.")
    var directory: String

    @Option(help: "Database: a SQLite file (default DIR/sarabun.sqlite), sqlite:PATH, or postgres://user@host:port/database.")
    var db: String?

    @Flag(help: "No progress display.")
    var quiet = false

    func run() async throws {
        let target = try databaseTarget(db, defaultFolder: directory)
        guard target != .none else { throw ValidationError("load needs a database (--db none names none)") }
        let files = try OutputFolder.jsonFiles(under: URL(fileURLWithPath: directory))
        guard let store = try await openStore(target) else { return }
        let progress = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let start = ContinuousClock.now
        var stored = 0, failed = 0
        var batch: [(file: FileRow, rows: DocumentRows?)] = []
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        func flush() async {
            guard !batch.isEmpty else { return }
            do {
                try await store.store(batch)
                stored += batch.count
            } catch {
                failed += batch.count
                progress.message("database: \(batch.count) documents not stored: \(error.localizedDescription)")
            }
            batch = []
        }
        for (n, file) in files.enumerated() {
            do {
                let outcome = try OutputFolder.read(file)
                let relative = String(file.standardizedFileURL.path.dropFirst(root.count))
                // Named as an extract names it, and pointing at where the file is: DIR may be any folder of records.
                let name = JSONDirectorySink.name(ofFile: relative)
                guard let row = FileRow(OutputItem(relativePath: name, outcome: outcome), path: name, record: relative,
                                        programVersion: Pipeline.programVersion, pipelineVersion: Pipeline.version)
                else { continue }
                batch.append((row, DocumentRows(outcome, pipelineVersion: Pipeline.version)))
            } catch {
                failed += 1
                progress.message("\(file.path): \(error.localizedDescription)")
            }
            if batch.count >= 100 { await flush() }
            let elapsed = (ContinuousClock.now - start) / .seconds(1)
            progress.update(RunProgress(done: n + 1, total: files.count, elapsed: elapsed))
        }
        await flush()
        try await store.close()
        progress.clear()
        standardError("\(files.count) files: \(stored) documents stored, \(failed) failed -> \(describe(target))\n")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// A database as the summary line names it (without a password).
func describe(_ target: DatabaseTarget) -> String {
    switch target {
    case .none: "no database"
    case .sqlite(let path): path
    case .postgres(let a): "postgres://\(a.user)@\(a.host):\(a.port)/\(a.database)"
    }
}
