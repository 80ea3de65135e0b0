/// The memo record, version 1: one value per input document, as `RECORD.md` specifies.
///
/// Every key is always encoded: a missing scalar as `null`, a missing list as `[]`.
/// Encoding follows the order of the contract so that written files read like it.
public struct Record: Codable, Sendable, Equatable {
    /// The version of the record contract this value follows.
    public static let schemaVersion = "1.0"

    public var schemaVersion: String
    public var source: Source
    public var document: DocumentInfo
    public var memo: Memo?
    public var assessments: [Assessment]
    public var indicatorScores: [IndicatorScore]
    public var toolScores: [ToolScore]
    public var questionScores: [QuestionScore]
    public var measures: [Measure]
    public var signatories: [Signatory]
    public var validation: ValidationReport

    public init(
        source: Source,
        document: DocumentInfo,
        memo: Memo? = nil,
        assessments: [Assessment] = [],
        indicatorScores: [IndicatorScore] = [],
        toolScores: [ToolScore] = [],
        questionScores: [QuestionScore] = [],
        measures: [Measure] = [],
        signatories: [Signatory] = [],
        validation: ValidationReport = ValidationReport()
    ) {
        self.schemaVersion = Record.schemaVersion
        self.source = source
        self.document = document
        self.memo = memo
        self.assessments = assessments
        self.indicatorScores = indicatorScores
        self.toolScores = toolScores
        self.questionScores = questionScores
        self.measures = measures
        self.signatories = signatories
        self.validation = validation
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", source, document, memo, assessments
        case indicatorScores = "indicator_scores", toolScores = "tool_scores", questionScores = "question_scores"
        case measures, signatories, validation
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(source, forKey: .source)
        try c.encode(document, forKey: .document)
        try c.encode(memo, forKey: .memo)
        try c.encode(assessments, forKey: .assessments)
        try c.encode(indicatorScores, forKey: .indicatorScores)
        try c.encode(toolScores, forKey: .toolScores)
        try c.encode(questionScores, forKey: .questionScores)
        try c.encode(measures, forKey: .measures)
        try c.encode(signatories, forKey: .signatories)
        try c.encode(validation, forKey: .validation)
    }
}

/// Where an item was read: the PDF page (from 1; `nil` for text input) and the line in that page or file (from 1).
public struct Location: Codable, Sendable, Hashable, Comparable {
    public var page: Int?
    public var line: Int

    public init(page: Int? = nil, line: Int) {
        self.page = page
        self.line = line
    }

    public static func < (a: Location, b: Location) -> Bool {
        ((a.page ?? 0), a.line) < ((b.page ?? 0), b.line)
    }

    enum CodingKeys: String, CodingKey { case page, line }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encode(line, forKey: .line)
    }
}

/// How a document's text was obtained.
public enum SourceFormat: String, Codable, Sendable {
    case text
    case pdf
    case pdfOCR = "pdf-ocr"
}

/// The input file a record was made from.
public struct Source: Codable, Sendable, Equatable {
    /// The path as given on the command line (relative to where the run started).
    public var file: String
    /// Hex SHA-256 of the file's bytes.
    public var sha256: String
    public var bytes: Int
    public var format: SourceFormat
    /// PDF page count; `nil` for text.
    public var pages: Int?

    public init(file: String, sha256: String, bytes: Int, format: SourceFormat, pages: Int? = nil) {
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.pages = pages
    }

    enum CodingKeys: String, CodingKey { case file, sha256, bytes, format, pages }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(format, forKey: .format)
        try c.encode(pages, forKey: .pages)
    }
}

/// Whether a document opens with a บันทึกข้อความ header.
public enum DocumentKind: String, Codable, Sendable {
    case memo
    case report
}

/// What the document is and whom it is about.
public struct DocumentInfo: Codable, Sendable, Equatable {
    public var kind: DocumentKind
    public var title: String?
    public var organization: Organization
    public var fiscalYearBE: Int?

    public init(kind: DocumentKind, title: String? = nil, organization: Organization = Organization(), fiscalYearBE: Int? = nil) {
        self.kind = kind
        self.title = title
        self.organization = organization
        self.fiscalYearBE = fiscalYearBE
    }

    enum CodingKeys: String, CodingKey { case kind, title, organization, fiscalYearBE = "fiscal_year_be" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(organization, forKey: .organization)
        try c.encode(fiscalYearBE, forKey: .fiscalYearBE)
    }
}

/// A local administration: its name, type, district (อำเภอ) and province (จังหวัด).
public struct Organization: Codable, Sendable, Equatable {
    /// The types of local administration the contract names.
    public static let types = [
        "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล",
    ]

    public var name: String?
    public var type: String?
    public var district: String?
    public var province: String?

    public init(name: String? = nil, type: String? = nil, district: String? = nil, province: String? = nil) {
        self.name = name
        self.type = type
        self.district = district
        self.province = province
    }

    enum CodingKeys: String, CodingKey { case name, type, district, province }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(district, forKey: .district)
        try c.encode(province, forKey: .province)
    }
}

/// The fields of a บันทึกข้อความ header.
public struct Memo: Codable, Sendable, Equatable {
    public var department: String?
    public var reference: String?
    public var date: MemoDate?
    public var subject: String?
    public var addressee: String?
    public var enclosures: [String]
    public var references: [String]

    public init(
        department: String? = nil, reference: String? = nil, date: MemoDate? = nil, subject: String? = nil,
        addressee: String? = nil, enclosures: [String] = [], references: [String] = []
    ) {
        self.department = department
        self.reference = reference
        self.date = date
        self.subject = subject
        self.addressee = addressee
        self.enclosures = enclosures
        self.references = references
    }

    enum CodingKeys: String, CodingKey { case department, reference, date, subject, addressee, enclosures, references }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(department, forKey: .department)
        try c.encode(reference, forKey: .reference)
        try c.encode(date, forKey: .date)
        try c.encode(subject, forKey: .subject)
        try c.encode(addressee, forKey: .addressee)
        try c.encode(enclosures, forKey: .enclosures)
        try c.encode(references, forKey: .references)
    }
}

/// How much of a calendar date a document gave.
public enum DatePrecision: String, Codable, Sendable {
    case day, month, year
}

/// A date as written and as ISO 8601 Gregorian (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision).
public struct MemoDate: Codable, Sendable, Equatable {
    public var text: String
    public var iso: String
    public var precision: DatePrecision

    public init(text: String, iso: String, precision: DatePrecision) {
        self.text = text
        self.iso = iso
        self.precision = precision
    }
}
