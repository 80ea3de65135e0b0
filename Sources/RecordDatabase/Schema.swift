/// The SQL spoken by a store, where the two databases differ: parameter placeholders, how a write
/// transaction starts, and how concurrent writers are kept apart.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The placeholder of the `n`th parameter (from 1).
    public func placeholder(_ n: Int) -> String {
        switch self {
        case .sqlite: "?\(n)"
        case .postgres: "$\(n)"
        }
    }

    /// Starts a transaction that will write. SQLite takes the write lock at once (IMMEDIATE), so that two
    /// processes never deadlock upgrading read locks.
    var beginWrite: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }

    /// A statement that makes other writers of the same key wait until this transaction ends; SQLite
    /// needs none (one writer at a time holds the whole database).
    func lockKey(_ key: String) -> (sql: String, binds: [SQLValue])? {
        switch self {
        case .sqlite: nil
        case .postgres: ("SELECT pg_advisory_xact_lock(hashtextextended(\(placeholder(1)), 0))", [.text(key)])
        }
    }
}

/// A table rows are inserted into: its name and the columns each row gives, in order.
public struct Table: Sendable, Hashable {
    public let name: String
    public let columns: [String]

    /// `INSERT INTO name (columns) VALUES (…), (…)` for `rows` rows, with placeholders numbered from
    /// `firstParameter`.
    public func insertSQL(rows: Int, dialect: SQLDialect, firstParameter: Int = 1) -> String {
        var n = firstParameter - 1
        let tuples = (0..<rows).map { _ in
            "(" + columns.map { _ in n += 1; return dialect.placeholder(n) }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
    }
}

/// One step of the schema's history. Applied steps are listed in `schema_migrations`; a step's SQL never
/// changes once released (a change is a new step), so every database that says version N has the same tables.
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    /// One statement each, the same text for SQLite and PostgreSQL.
    public let statements: [String]

    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// The relational form of the record: one row per document in `documents`, keyed by the file's SHA-256,
/// and one table per list of the record, whose rows are keyed by (`document_sha256`, `ordinal`) — the
/// item's index in the JSON list, from 0 — and deleted with their document (ON DELETE CASCADE).
///
/// The DDL uses only types both databases know (`BOOLEAN` and `DOUBLE PRECISION` take numeric and real
/// affinity in SQLite), so one text serves both.
public enum Schema {
    public static let documents = Table(name: "documents", columns: [
        "sha256", "file", "bytes", "format", "pages", "schema_version", "pipeline_version", "valid",
        "failure_stage", "failure_reason", "kind", "title", "organization_name", "organization_type", "district",
        "province", "fiscal_year_be", "memo_department", "memo_reference", "memo_date_text", "memo_date_iso",
        "memo_date_precision", "memo_subject", "memo_addressee",
    ])
    public static let memoEnclosures = Table(name: "memo_enclosures", columns: ["document_sha256", "ordinal", "text"])
    public static let memoReferences = Table(name: "memo_references", columns: ["document_sha256", "ordinal", "text"])
    public static let assessments = Table(name: "assessments", columns: [
        "document_sha256", "ordinal", "year_be", "score", "level", "page", "line",
    ])
    public static let indicatorScores = Table(name: "indicator_scores", columns: [
        "document_sha256", "ordinal", "indicator", "label", "year_be", "score", "doc_number", "page", "line",
    ])
    public static let toolScores = Table(name: "tool_scores", columns: [
        "document_sha256", "ordinal", "tool", "part", "year_be", "score", "page", "line",
    ])
    public static let questionScores = Table(name: "question_scores", columns: [
        "document_sha256", "ordinal", "code", "tool", "year_be", "score", "text", "page", "line",
    ])
    public static let measures = Table(name: "measures", columns: [
        "document_sha256", "ordinal", "title", "indicator", "issue", "approach", "period_text", "period_start",
        "period_end", "monitoring", "status", "result", "outcome", "page", "line",
    ])
    public static let measureSteps = Table(name: "measure_steps", columns: [
        "document_sha256", "measure_ordinal", "ordinal", "text",
    ])
    public static let measureResponsible = Table(name: "measure_responsible", columns: [
        "document_sha256", "measure_ordinal", "ordinal", "name",
    ])
    public static let signatories = Table(name: "signatories", columns: [
        "document_sha256", "ordinal", "name", "title", "rank", "position", "acting_for", "page", "line",
    ])
    public static let validationIssues = Table(name: "validation_issues", columns: [
        "document_sha256", "ordinal", "severity", "code", "path", "message",
    ])

    /// One row per input path (``FileRow``): the content it had when last extracted and where its record
    /// went. Beside the content-keyed tables, not among them: twins share one `documents` row and have a
    /// `files` row each.
    public static let files = Table(name: "files", columns: [
        "path", "sha256", "bytes", "modified", "status", "record", "program_version", "pipeline_version", "stored_at",
    ])

    /// Every table, parents before children (the order rows are inserted in).
    public static let tables = [
        documents, memoEnclosures, memoReferences, assessments, indicatorScores, toolScores, questionScores,
        measures, measureSteps, measureResponsible, signatories, validationIssues,
    ]

    /// The table that lists applied migrations; made before any migration runs.
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    /// The schema's history, oldest first. Each step's text is frozen once released: a change is a new step.
    public static let migrations = [
        Migration(version: 1, name: "record tables", statements: [
            """
            CREATE TABLE documents (
                sha256 TEXT PRIMARY KEY,
                file TEXT NOT NULL,
                bytes BIGINT,
                format TEXT,
                pages INTEGER,
                schema_version TEXT,
                pipeline_version TEXT NOT NULL,
                valid BOOLEAN NOT NULL,
                failure_stage TEXT,
                failure_reason TEXT,
                kind TEXT,
                title TEXT,
                organization_name TEXT,
                organization_type TEXT,
                district TEXT,
                province TEXT,
                fiscal_year_be INTEGER,
                memo_department TEXT,
                memo_reference TEXT,
                memo_date_text TEXT,
                memo_date_iso TEXT,
                memo_date_precision TEXT,
                memo_subject TEXT,
                memo_addressee TEXT
            )
            """,
            "CREATE INDEX documents_pipeline_version ON documents (pipeline_version)",
            "CREATE INDEX documents_organization ON documents (organization_name)",
            "CREATE INDEX documents_province_year ON documents (province, fiscal_year_be)",
            """
            CREATE TABLE memo_enclosures (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            """
            CREATE TABLE memo_references (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            """
            CREATE TABLE assessments (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                year_be INTEGER NOT NULL,
                score DOUBLE PRECISION NOT NULL,
                level TEXT,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX assessments_year ON assessments (year_be)",
            """
            CREATE TABLE indicator_scores (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                indicator INTEGER NOT NULL,
                label TEXT NOT NULL,
                year_be INTEGER,
                score DOUBLE PRECISION NOT NULL,
                doc_number INTEGER,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX indicator_scores_indicator_year ON indicator_scores (indicator, year_be)",
            """
            CREATE TABLE tool_scores (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                tool TEXT NOT NULL,
                part INTEGER,
                year_be INTEGER,
                score DOUBLE PRECISION NOT NULL,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX tool_scores_tool_year ON tool_scores (tool, year_be)",
            """
            CREATE TABLE question_scores (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                code TEXT NOT NULL,
                tool TEXT,
                year_be INTEGER,
                score DOUBLE PRECISION NOT NULL,
                text TEXT,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX question_scores_code_year ON question_scores (code, year_be)",
            """
            CREATE TABLE measures (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                title TEXT NOT NULL,
                indicator INTEGER,
                issue TEXT,
                approach TEXT,
                period_text TEXT,
                period_start TEXT,
                period_end TEXT,
                monitoring TEXT,
                status TEXT,
                result TEXT,
                outcome TEXT,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX measures_status ON measures (status)",
            """
            CREATE TABLE measure_steps (
                document_sha256 TEXT NOT NULL,
                measure_ordinal INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (document_sha256, measure_ordinal, ordinal),
                FOREIGN KEY (document_sha256, measure_ordinal)
                    REFERENCES measures (document_sha256, ordinal) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE measure_responsible (
                document_sha256 TEXT NOT NULL,
                measure_ordinal INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                name TEXT NOT NULL,
                PRIMARY KEY (document_sha256, measure_ordinal, ordinal),
                FOREIGN KEY (document_sha256, measure_ordinal)
                    REFERENCES measures (document_sha256, ordinal) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE signatories (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                name TEXT NOT NULL,
                title TEXT,
                rank TEXT,
                position TEXT,
                acting_for TEXT,
                page INTEGER,
                line INTEGER NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX signatories_name ON signatories (name)",
            """
            CREATE TABLE validation_issues (
                document_sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                severity TEXT NOT NULL,
                code TEXT NOT NULL,
                path TEXT NOT NULL,
                message TEXT NOT NULL,
                PRIMARY KEY (document_sha256, ordinal)
            )
            """,
            "CREATE INDEX validation_issues_code ON validation_issues (code)",
        ]),
        Migration(version: 2, name: "files", statements: [
            """
            CREATE TABLE files (
                path TEXT PRIMARY KEY,
                sha256 TEXT,
                bytes INTEGER,
                modified TEXT,
                status TEXT NOT NULL,
                record TEXT,
                program_version TEXT NOT NULL,
                pipeline_version TEXT NOT NULL,
                stored_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX files_sha256 ON files (sha256)",
        ]),
    ]
}
