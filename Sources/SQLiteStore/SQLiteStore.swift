import CSQLite
import Foundation
import RecordDatabase

/// Records in a SQLite file, through SQLite's C API. The only module that calls SQLite.
///
/// The file is opened in WAL mode with `synchronous = NORMAL`: a committed transaction survives the process
/// being killed at any moment (only a power loss can take back the last commits, and then whole), and
/// readers are not blocked while a run writes. Statements are prepared once and reused.
public final class SQLiteStore: DocumentStore {
    public let dialect = SQLDialect.sqlite
    private var db: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// Opens or creates the file (and its folder).
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        db = handle
        guard status == SQLITE_OK else {
            let error = SQLiteError(status: status, message: handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open", sql: path)
            sqlite3_close_v2(handle)
            db = nil
            throw error
        }
        // Another process (a reader, or a second run) may hold the lock for a moment: wait rather than fail.
        sqlite3_busy_timeout(handle, 10_000)
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"] {
            _ = try query(pragma)
        }
    }

    deinit {
        closeNow()
    }

    public func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        _ = try run(sql, binds, collect: false)
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] {
        try run(sql, binds, collect: true)
    }

    /// One prepared statement per table, stepped once per row: with SQLite in the same process this is
    /// as fast as a multi-row statement, and needs no limit on the number of parameters.
    public func insert(_ document: DocumentRows) async throws {
        for (table, rows) in document.tables {
            let sql = table.insertSQL(rows: 1, dialect: dialect)
            for row in rows { _ = try run(sql, row, collect: false) }
        }
    }

    public func close() async throws {
        closeNow()
    }

    /// A synchronous query, for the pragmas run while opening.
    private func query(_ sql: String) throws -> [[SQLValue]] {
        try run(sql, [], collect: true)
    }

    private func run(_ sql: String, _ binds: [SQLValue], collect: Bool) throws -> [[SQLValue]] {
        guard db != nil else { throw SQLiteError(status: SQLITE_MISUSE, message: "the database is closed", sql: sql) }
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            let i = Int32(index + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, i)
            case .integer(let v): status = sqlite3_bind_int64(statement, i, v)
            case .real(let v): status = sqlite3_bind_double(statement, i, v)
            case .boolean(let v): status = sqlite3_bind_int64(statement, i, v ? 1 : 0)
            case .text(let v): status = sqlite3_bind_text(statement, i, v, -1, Self.transient)
            }
            guard status == SQLITE_OK else { throw error(status, sql) }
        }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql) }
            guard collect else { continue }
            rows.append((0..<sqlite3_column_count(statement)).map { column(statement, $0) })
        }
        return rows
    }

    private func column(_ statement: OpaquePointer, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, i))
        case SQLITE_FLOAT: .real(sqlite3_column_double(statement, i))
        case SQLITE_NULL: .null
        default: .text(String(cString: sqlite3_column_text(statement, i)))
        }
    }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql) }
        statements[sql] = statement
        return statement
    }

    private func error(_ status: Int32, _ sql: String) -> SQLiteError {
        SQLiteError(status: status, message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "", sql: sql)
    }

    private func closeNow() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements = [:]
        // An open transaction is rolled back by closing; the WAL stays for the next opener to recover.
        sqlite3_close_v2(db)
        db = nil
    }

    /// SQLITE_TRANSIENT: SQLite copies bound text before the call returns (the C macro does not import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// An error SQLite reported, with the statement it came from.
public struct SQLiteError: Error, LocalizedError {
    public let status: Int32
    public let message: String
    public let sql: String

    public var errorDescription: String? {
        "SQLite error \(status): \(message) (in: \(sql.prefix(80)))"
    }
}
