import Foundation

/// A database connection that holds records in the ``Schema``'s tables.
///
/// A store implements only the primitives below; migrations, the resume query and the replacing of a
/// document's rows are written once on top of them (in this file), so SQLite and PostgreSQL behave alike.
/// A store is used by one task at a time (the pipeline's writer).
public protocol DocumentStore: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement, its values bound to the dialect's numbered placeholders.
    func execute(_ sql: String, _ binds: [SQLValue]) async throws
    /// Runs one query and returns its rows.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]]
    /// Inserts all of a document's rows, parents first, as the store does it fastest.
    func insert(_ document: DocumentRows) async throws
    /// Ends the connection; a transaction still open is rolled back.
    func close() async throws
}

/// A database whose schema is newer than this program knows.
public struct SchemaTooNewError: Error, LocalizedError {
    public let version: Int
    public let known: Int

    public var errorDescription: String? {
        "the database's schema is at version \(version), newer than this sarabun knows (\(known)); use a newer sarabun"
    }
}

extension DocumentStore {
    public func execute(_ sql: String) async throws {
        try await execute(sql, [])
    }

    /// Brings the schema up to date: applies, in order and each in its own transaction, the migrations whose
    /// version `schema_migrations` does not list. Running it again applies nothing. Returns the versions applied.
    @discardableResult
    public func migrate(_ migrations: [Migration] = Schema.migrations) async throws -> [Int] {
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            try await transaction {
                // Two processes may migrate at once: the lock makes the second wait, then see the step done.
                if let lock = dialect.lockKey("schema_migrations") { try await execute(lock.sql, lock.binds) }
                try await execute(Schema.migrationsTable)
                let versions = try await query("SELECT version FROM schema_migrations", []).compactMap { $0.first?.integer }
                if let newest = versions.max(), let known = migrations.map(\.version).max(), newest > known {
                    throw SchemaTooNewError(version: Int(newest), known: known)
                }
                guard !versions.contains(Int64(migration.version)) else { return }
                for statement in migration.statements { try await execute(statement) }
                try await execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(dialect.placeholder(1)), \(dialect.placeholder(2)), \(dialect.placeholder(3)))",
                    [SQLValue(migration.version), .text(migration.name), .text(Date().ISO8601Format())])
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// The versions `schema_migrations` lists, oldest first.
    public func schemaVersions() async throws -> [Int] {
        try await query("SELECT version FROM schema_migrations ORDER BY version", []).compactMap { $0.first?.integer.map(Int.init) }
    }

    /// The digests of the documents stored by pipeline `version`. Only committed rows are seen, and a
    /// document's rows are committed together, so each of these is stored whole.
    public func storedDigests(pipelineVersion version: String) async throws -> Set<String> {
        let rows = try await query("SELECT sha256 FROM documents WHERE pipeline_version = \(dialect.placeholder(1))", [.text(version)])
        return Set(rows.compactMap { $0.first?.text })
    }

    /// Starts a transaction for ``replace(_:)`` calls, ended by ``commit()``.
    public func begin() async throws {
        try await execute(dialect.beginWrite)
    }

    public func commit() async throws {
        try await execute("COMMIT")
    }

    /// Ends a transaction undoing it; for cleaning up after a failure, so its own errors are not reported.
    public func rollback() async {
        try? await execute("ROLLBACK")
    }

    /// Replaces a document's rows inside the open transaction: deletes the old ones (children go with the
    /// `documents` row) and inserts the new. On failure the document's changes are undone (a savepoint)
    /// and the transaction stays usable for the next document.
    public func replace(_ document: DocumentRows) async throws {
        if let lock = dialect.lockKey(document.sha256) { try await execute(lock.sql, lock.binds) }
        try await execute("SAVEPOINT document")
        do {
            try await execute("DELETE FROM documents WHERE sha256 = \(dialect.placeholder(1))", [.text(document.sha256)])
            try await insert(document)
            try await execute("RELEASE SAVEPOINT document")
        } catch {
            try? await execute("ROLLBACK TO SAVEPOINT document")
            try? await execute("RELEASE SAVEPOINT document")
            throw error
        }
    }

    /// Replaces the rows of all `documents` in one transaction.
    public func store(_ documents: [DocumentRows]) async throws {
        try await transaction {
            for document in documents { try await replace(document) }
        }
    }

    /// Replaces the rows of all `inputs` (``replace(_:rows:)``) in one transaction.
    public func store(_ inputs: [(file: FileRow, rows: DocumentRows?)]) async throws {
        try await transaction {
            for input in inputs { try await replace(input.file, rows: input.rows) }
        }
    }

    private func transaction(_ body: () async throws -> Void) async throws {
        try await begin()
        do {
            try await body()
        } catch {
            await rollback()
            throw error
        }
        try await commit()
    }
}
