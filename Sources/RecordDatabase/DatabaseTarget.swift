import Foundation

/// Where `--db` sends the records: nowhere, a SQLite file, or a PostgreSQL server.
public enum DatabaseTarget: Equatable, Sendable {
    case none
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// Reads a `--db` value: `none`; `postgres://…` or `postgresql://…`; `sqlite:PATH`; or a plain file path.
    public init(parsing text: String) throws {
        if text == "none" {
            self = .none
        } else if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(url: text))
        } else if text.hasPrefix("sqlite:") {
            var path = text.dropFirst("sqlite:".count)
            if path.hasPrefix("//") { path = path.dropFirst(2) }
            guard !path.isEmpty else { throw DatabaseTargetError("\(text): no file named") }
            self = .sqlite(path: String(path))
        } else if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy(\.isLetter), text[colon...].hasPrefix("://") {
            throw DatabaseTargetError("\(text): unknown database (use a file path, sqlite:PATH, postgres://… or none)")
        } else {
            self = .sqlite(path: text)
        }
    }
}

/// A PostgreSQL server and database from a `postgres://user[:password]@host[:port]/database[?sslmode=…]` URL.
public struct PostgresAddress: Equatable, Sendable {
    /// Whether the connection is encrypted, as libpq's `sslmode` says; `verify-full` also checks the certificate.
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    /// From the URL, else from the `PGPASSWORD` environment variable.
    public var password: String?
    /// The URL's path; the user name when it has none (as libpq does).
    public var database: String
    public var tls: TLSMode

    public init(url text: String) throws {
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw DatabaseTargetError("\(text): not a postgres://user@host:port/database URL")
        }
        self.host = host
        port = url.port ?? 5432
        user = url.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = url.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? user : path
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard let tls = TLSMode(rawValue: mode) else {
            throw DatabaseTargetError("\(text): sslmode must be disable, prefer, require or verify-full")
        }
        self.tls = tls
    }
}

/// A `--db` value that names no usable database.
public struct DatabaseTargetError: Error, LocalizedError {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var errorDescription: String? { message }
}
