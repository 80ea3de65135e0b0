import Foundation
import PostgresNIO
import RecordDatabase

/// Records in a PostgreSQL database, over one postgres-nio connection. The only module that talks to PostgreSQL.
///
/// Every value goes to the server as a bound parameter of the extended query protocol. Rows are inserted
/// with one multi-row statement per table and document, so a document costs a dozen round trips.
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
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        return PostgresStore(connection: connection, logger: logger)
    }

    public func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings(binds)), logger: logger)
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings(binds)), logger: logger) {
            rows.append(try row.map(Self.value))
        }
        return rows
    }

    /// Multi-row INSERTs, each under the protocol's limit of 65,535 parameters.
    public func insert(_ rows: [[SQLValue]], into table: Table) async throws {
        let perStatement = max(1, Int(UInt16.max) / table.columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            try await execute(table.insertSQL(rows: chunk.count, dialect: dialect), chunk.flatMap { $0 })
            start += chunk.count
        }
    }

    public func close() async throws {
        try await connection.close()
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
