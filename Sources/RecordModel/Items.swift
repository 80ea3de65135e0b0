/// An overall ITA result for one assessment year.
public struct Assessment: Codable, Sendable, Equatable {
    public var yearBE: Int
    public var score: Double
    /// The grade as written ("AA", "ผ่านดี", …).
    public var level: String?
    public var at: Location

    public init(yearBE: Int, score: Double, level: String?, at: Location) {
        self.yearBE = yearBE
        self.score = score
        self.level = level
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case yearBE = "year_be", score, level, at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(yearBE, forKey: .yearBE)
        try c.encode(score, forKey: .score)
        try c.encode(level, forKey: .level)
        try c.encode(at, forKey: .at)
    }
}

/// A score for one of the ten canonical ITA indicators.
public struct IndicatorScore: Codable, Sendable, Equatable {
    /// The canonical indicator number (1–10), decided by the label.
    public var indicator: Int
    /// The label as the document wrote it.
    public var label: String
    public var yearBE: Int?
    public var score: Double
    /// The number the document printed beside the label, if any.
    public var docNumber: Int?
    public var at: Location

    public init(indicator: Int, label: String, yearBE: Int?, score: Double, docNumber: Int?, at: Location) {
        self.indicator = indicator
        self.label = label
        self.yearBE = yearBE
        self.score = score
        self.docNumber = docNumber
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case indicator, label, yearBE = "year_be", score, docNumber = "doc_number", at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(label, forKey: .label)
        try c.encode(yearBE, forKey: .yearBE)
        try c.encode(score, forKey: .score)
        try c.encode(docNumber, forKey: .docNumber)
        try c.encode(at, forKey: .at)
    }
}

/// The three ITA assessment tools.
public enum Tool: String, Codable, Sendable, CaseIterable {
    case iit = "IIT", eit = "EIT", oit = "OIT"
}

/// A score for a whole tool, or for one part of it.
public struct ToolScore: Codable, Sendable, Equatable {
    public var tool: Tool
    public var part: Int?
    public var yearBE: Int?
    public var score: Double
    public var at: Location

    public init(tool: Tool, part: Int?, yearBE: Int?, score: Double, at: Location) {
        self.tool = tool
        self.part = part
        self.yearBE = yearBE
        self.score = score
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case tool, part, yearBE = "year_be", score, at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tool, forKey: .tool)
        try c.encode(part, forKey: .part)
        try c.encode(yearBE, forKey: .yearBE)
        try c.encode(score, forKey: .score)
        try c.encode(at, forKey: .at)
    }
}

/// A score for one question of a tool (`i1`, `e11`, `o41`).
public struct QuestionScore: Codable, Sendable, Equatable {
    public var code: String
    public var tool: Tool?
    public var yearBE: Int?
    public var score: Double
    public var text: String?
    public var at: Location

    public init(code: String, tool: Tool?, yearBE: Int?, score: Double, text: String?, at: Location) {
        self.code = code
        self.tool = tool
        self.yearBE = yearBE
        self.score = score
        self.text = text
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case code, tool, yearBE = "year_be", score, text, at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(tool, forKey: .tool)
        try c.encode(yearBE, forKey: .yearBE)
        try c.encode(score, forKey: .score)
        try c.encode(text, forKey: .text)
        try c.encode(at, forKey: .at)
    }
}

/// How far a measure has got, from a status table.
public enum MeasureStatus: String, Codable, Sendable {
    case notStarted = "not_started", inProgress = "in_progress", done
}

/// When a measure runs: the text as written and its ISO start and end.
public struct Period: Codable, Sendable, Equatable {
    public var text: String
    public var start: String?
    public var end: String?

    public init(text: String, start: String?, end: String?) {
        self.text = text
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey { case text, start, end }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

/// One row of a measure table (มาตรการ).
public struct Measure: Codable, Sendable, Equatable {
    public var title: String
    public var indicator: Int?
    public var issue: String?
    public var approach: String?
    public var steps: [String]
    public var responsible: [String]
    public var period: Period?
    public var monitoring: String?
    public var status: MeasureStatus?
    public var result: String?
    public var outcome: String?
    public var at: Location

    public init(
        title: String, indicator: Int? = nil, issue: String? = nil, approach: String? = nil, steps: [String] = [],
        responsible: [String] = [], period: Period? = nil, monitoring: String? = nil, status: MeasureStatus? = nil,
        result: String? = nil, outcome: String? = nil, at: Location
    ) {
        self.title = title
        self.indicator = indicator
        self.issue = issue
        self.approach = approach
        self.steps = steps
        self.responsible = responsible
        self.period = period
        self.monitoring = monitoring
        self.status = status
        self.result = result
        self.outcome = outcome
        self.at = at
    }

    enum CodingKeys: String, CodingKey {
        case title, indicator, issue, approach, steps, responsible, period, monitoring, status, result, outcome, at
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(issue, forKey: .issue)
        try c.encode(approach, forKey: .approach)
        try c.encode(steps, forKey: .steps)
        try c.encode(responsible, forKey: .responsible)
        try c.encode(period, forKey: .period)
        try c.encode(monitoring, forKey: .monitoring)
        try c.encode(status, forKey: .status)
        try c.encode(result, forKey: .result)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(at, forKey: .at)
    }
}

/// A person who signs or endorses the document.
public struct Signatory: Codable, Sendable, Equatable {
    public var name: String
    public var title: String?
    public var rank: String?
    public var position: String?
    public var actingFor: String?
    public var at: Location

    public init(name: String, title: String?, rank: String?, position: String?, actingFor: String?, at: Location) {
        self.name = name
        self.title = title
        self.rank = rank
        self.position = position
        self.actingFor = actingFor
        self.at = at
    }

    enum CodingKeys: String, CodingKey { case name, title, rank, position, actingFor = "acting_for", at }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(rank, forKey: .rank)
        try c.encode(position, forKey: .position)
        try c.encode(actingFor, forKey: .actingFor)
        try c.encode(at, forKey: .at)
    }
}

/// Whether a record is valid, and every error and warning found in it.
public struct ValidationReport: Codable, Sendable, Equatable {
    public var valid: Bool
    public var issues: [ValidationIssue]

    public init(issues: [ValidationIssue] = []) {
        self.issues = issues
        self.valid = !issues.contains { $0.severity == .error }
    }
}

/// An error makes a record invalid; a warning marks a document that contradicts itself or looks damaged.
public enum Severity: String, Codable, Sendable {
    case error, warning
}

/// One finding of validation, at a JSON pointer into the record ("" when it belongs to no field).
public struct ValidationIssue: Codable, Sendable, Equatable {
    public var severity: Severity
    public var code: String
    public var path: String
    public var message: String

    public init(severity: Severity, code: String, path: String, message: String) {
        self.severity = severity
        self.code = code
        self.path = path
        self.message = message
    }
}
