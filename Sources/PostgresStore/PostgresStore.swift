import Foundation
import PostgresNIO
import RecordDatabase

/// Records in a PostgreSQL database, over one postgres-nio connection. The only module that talks to PostgreSQL.
///
/// Every value goes to the server as a bound parameter of the extended query protocol. A document's rows go
/// in one statement, so replacing a document costs five round trips (lock, savepoint, delete, insert, release).
public final class PostgresStore: DocumentStore, Sendable {
    public let dialect = SQLDialect.postgres
    private let connection: PostgresConnection
    private let logger: Logger

    private init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Connects to the server and database `address` names.
    public static func connect(_ address: PostgresAddress) async throws -> PostgresStore {
        var logger = Logger(label: "sarabun.postgres")
        // The library logs connection details at debug level; only its critical messages concern a user.
        logger.logLevel = .critical
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: try tls(address.tls))
        let connection = try await explained {
            try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        }
        return PostgresStore(connection: connection, logger: logger)
    }

    public func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        try await explained {
            _ = try await openConnection().query(PostgresQuery(unsafeSQL: sql, binds: bindings(binds)), logger: logger)
        }
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] {
        try await explained {
            var rows: [[SQLValue]] = []
            for try await row in try await openConnection().query(PostgresQuery(unsafeSQL: sql, binds: bindings(binds)), logger: logger) {
                rows.append(try row.map(Self.value))
            }
            return rows
        }
    }

    /// One statement for the whole document — each table's multi-row INSERT in a WITH clause — since every
    /// statement costs a round trip and a parse on the server; a document too large for the protocol's
    /// 65,535 parameters goes table by table, in chunks.
    public func insert(_ document: DocumentRows) async throws {
        let binds = document.tables.flatMap { $0.rows.flatMap { $0 } }
        guard binds.count > Int(UInt16.max) else {
            // Foreign keys are checked at the end of the statement, when the documents row is there.
            var inserts: [String] = []
            var offset = 0
            for (table, rows) in document.tables {
                inserts.append(table.insertSQL(rows: rows.count, dialect: dialect, firstParameter: offset + 1))
                offset += rows.count * table.columns.count
            }
            let last = inserts.removeLast()
            let with = inserts.enumerated().map { "t\($0.offset) AS (\($0.element))" }.joined(separator: ", ")
            try await execute(with.isEmpty ? last : "WITH \(with) \(last)", binds)
            return
        }
        for (table, rows) in document.tables {
            let perStatement = max(1, Int(UInt16.max) / table.columns.count)
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + perStatement)]
                try await execute(table.insertSQL(rows: chunk.count, dialect: dialect), chunk.flatMap { $0 })
                start += chunk.count
            }
        }
    }

    public func close() async throws {
        try await connection.close()
    }

    /// Runs `body`, giving a PostgreSQL error the server's own words: PSQLError's description hides them
    /// (lest a web service show them to its users), but they are what tells a user of this tool what is wrong.
    private static func explained<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            if let server = error.serverInfo {
                let words = [server[.sqlState].map { "\($0):" }, server[.message], server[.detail]].compactMap { $0 }
                throw PostgresStoreError.server(words.joined(separator: " "))
            }
            throw PostgresStoreError.server(error.underlying.map { String(describing: $0) } ?? "\(error.code)")
        }
    }

    private func explained<T>(_ body: () async throws -> T) async throws -> T {
        try await Self.explained(body)
    }

    /// The connection, if it is still open: postgres-nio never answers a query sent on a closed connection
    /// (closed by ``close()`` or by the server going away), so it must not be sent.
    private func openConnection() throws -> PostgresConnection {
        guard !connection.isClosed else { throw PostgresStoreError.connectionClosed }
        return connection
    }

    private func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let v): binds.append(v)
            case .real(let v): binds.append(v)
            case .text(let v): binds.append(v)
            case .boolean(let v): binds.append(v)
            }
        }
        return binds
    }

    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            // AVG and ROUND give numeric; the store's callers want a number.
            return .real(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
        case .bool: return .boolean(try cell.decode(Bool.self))
        default: return .text(try cell.decode(String.self))
        }
    }

    private static func tls(_ mode: PostgresAddress.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require:
            // As libpq: these modes encrypt but do not check the server's certificate.
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            return mode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}

/// Why the store could not run a statement.
public enum PostgresStoreError: Error, LocalizedError {
    case connectionClosed
    /// What the server (or the connection to it) said.
    case server(String)

    public var errorDescription: String? {
        switch self {
        case .connectionClosed: "the connection to the PostgreSQL server is closed"
        case .server(let message): "PostgreSQL: \(message)"
        }
    }
}
