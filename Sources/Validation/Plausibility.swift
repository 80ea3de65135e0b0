import Foundation
import Genre
import RecordModel

/// The rules a record's numbers keep when they were read right, from the genre's tables (``Genre``):
/// - every year (of a result, a score or the fiscal year) lies between the first ITA round and next year;
/// - a level is the one its score reaches on that year's grading scale (on the pass scale, it may be
///   lower: that scale also sets a minimum for each tool);
/// - an overall score is its tool scores weighted as that year's model weights them;
/// - a tool's score is the mean of its indicators' scores;
/// - a memo is dated within two years of the fiscal year it reports on.
///
/// Each broken rule is a warning "implausible_value". For text read by OCR, ``correctingDigits(_:)`` also
/// tries the readings OCR confuses digits into, and takes one where it alone keeps the rule.
public struct Plausibility: Sendable {
    /// The latest fiscal year a record may name.
    public var lastYear: Int
    /// How far apart a sum and its parts may be: scores are printed to two decimals, and rounding each
    /// part moves a weighted sum or a mean by at most 0.005 (the genre's documents agree to 0.01).
    public var tolerance = 0.1

    /// Rules whose last year is `lastYear`; by default the year after the current one (memos plan the
    /// next round).
    public init(lastYear: Int = Plausibility.currentYearBE + 1) {
        self.lastYear = lastYear
    }

    /// The current year of the Buddhist Era, by the clock.
    public static var currentYearBE: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) + 543 }

    /// The warnings `record` earns.
    public func issues(_ record: Record) -> [ValidationIssue] {
        violations(record).map { ValidationIssue(severity: .warning, code: "implausible_value", path: $0.path, message: $0.message) }
    }

    /// `record` with numbers that break a rule replaced by the one digit-confusion reading that keeps it,
    /// and an "ocr_corrected" warning for each (what was read, what is taken). A number with no such
    /// reading, or with several, is kept: ``issues(_:)`` still reports it.
    public func correctingDigits(_ record: Record) -> (record: Record, issues: [ValidationIssue]) {
        var record = record
        var issues: [ValidationIssue] = []
        var tried: Set<String> = []
        while let violation = violations(record).first(where: { !tried.contains($0.key) }) {
            tried.insert(violation.key)
            let broken = violations(record).count
            var fits: [(field: NumberField, reading: Double)] = []
            for field in violation.fields {
                for reading in Self.readings(of: field) {
                    var candidate = record
                    field.set(&candidate, reading)
                    let left = violations(candidate)
                    if !left.contains(where: { $0.key == violation.key }), left.count < broken {
                        fits.append((field, reading))
                    }
                }
            }
            guard fits.count == 1, let fit = fits.first else { continue }
            fit.field.set(&record, fit.reading)
            issues.append(ValidationIssue(
                severity: .warning, code: "ocr_corrected", path: fit.field.path,
                message: "read as \(Self.printed(fit.field.value, year: fit.field.isYear)); taken as "
                    + "\(Self.printed(fit.reading, year: fit.field.isYear)), the one reading of its digits that \(violation.rule)"))
        }
        return (record, issues)
    }

    // MARK: Rules

    /// A number a rule reads, where it is in the record, and how to put another reading in its place.
    struct NumberField {
        var path: String
        var value: Double
        var isYear: Bool
        var set: @Sendable (inout Record, Double) -> Void
    }

    /// A broken rule: what it says, where, and the numbers that a misreading could have broken it.
    struct Violation {
        var path: String
        var rule: String
        var message: String
        var fields: [NumberField]
        var key: String { rule + " " + path }
    }

    func violations(_ record: Record) -> [Violation] {
        yearViolations(record) + levelViolations(record) + weightViolations(record) + indicatorViolations(record)
            + memoDateViolations(record)
    }

    private func yearField(_ path: String, _ year: Int, _ set: @escaping @Sendable (inout Record, Int) -> Void) -> NumberField {
        NumberField(path: path, value: Double(year), isYear: true) { record, value in set(&record, Int(value)) }
    }

    private func yearViolations(_ record: Record) -> [Violation] {
        var fields: [NumberField] = []
        if let year = record.document.fiscalYearBE {
            fields.append(yearField("/document/fiscal_year_be", year) { $0.document.fiscalYearBE = $1 })
        }
        for (k, item) in record.assessments.enumerated() {
            fields.append(yearField("/assessments/\(k)/year_be", item.yearBE) { $0.assessments[k].yearBE = $1 })
        }
        for (k, item) in record.indicatorScores.enumerated() {
            if let year = item.yearBE { fields.append(yearField("/indicator_scores/\(k)/year_be", year) { $0.indicatorScores[k].yearBE = $1 }) }
        }
        for (k, item) in record.toolScores.enumerated() {
            if let year = item.yearBE { fields.append(yearField("/tool_scores/\(k)/year_be", year) { $0.toolScores[k].yearBE = $1 }) }
        }
        for (k, item) in record.questionScores.enumerated() {
            if let year = item.yearBE { fields.append(yearField("/question_scores/\(k)/year_be", year) { $0.questionScores[k].yearBE = $1 }) }
        }
        let years = Genre.firstITAYear...lastYear
        return fields.filter { !years.contains(Int($0.value)) }.map { field in
            Violation(path: field.path, rule: "is a year the ITA has run (\(years.lowerBound)–\(years.upperBound))",
                      message: "year \(Int(field.value)) is outside the years the ITA has run (\(years.lowerBound)–\(years.upperBound))",
                      fields: [field])
        }
    }

    private func levelViolations(_ record: Record) -> [Violation] {
        record.assessments.enumerated().compactMap { k, item in
            // A year outside every scale (misread itself) still has the scale its level word belongs to.
            guard let level = item.level,
                let scale = Genre.gradingScales.first(where: { $0.covers(item.yearBE) })
                    ?? Genre.gradingScales.first(where: { $0.rank(level) != nil }),
                let reached = scale.level(of: item.score), let expected = scale.rank(reached)
            else { return nil }
            let year = yearField("/assessments/\(k)/year_be", item.yearBE) { $0.assessments[k].yearBE = $1 }
            guard let given = scale.rank(level) else {
                return Violation(path: "/assessments/\(k)/level", rule: "has a level of its year's scale",
                                 message: "level \"\(level)\" is not a level of the grading scale of \(item.yearBE)", fields: [year])
            }
            guard given < expected || (given > expected && !scale.lowerLevelAllowed) else { return nil }
            let field = NumberField(path: "/assessments/\(k)/score", value: item.score, isYear: false) { $0.assessments[k].score = $1 }
            return Violation(path: "/assessments/\(k)/level", rule: "fits its level \"\(level)\"",
                             message: "level \"\(level)\" does not fit score \(Self.printed(item.score, year: false)) in \(item.yearBE) (it reaches \"\(reached)\")",
                             fields: [field, year])
        }
    }

    /// The one tool score (not a part's) of each tool in `year`, when each tool has exactly one.
    private func toolScores(_ record: Record, year: Int) -> [Tool: Int] {
        let indices = record.toolScores.indices.filter { record.toolScores[$0].yearBE == year && record.toolScores[$0].part == nil }
        var found: [Tool: [Int]] = [:]
        for k in indices { found[record.toolScores[k].tool, default: []].append(k) }
        return found.compactMapValues { $0.count == 1 ? $0[0] : nil }
    }

    private func scoreField(_ record: Record, tool k: Int) -> NumberField {
        NumberField(path: "/tool_scores/\(k)/score", value: record.toolScores[k].score, isYear: false) { $0.toolScores[k].score = $1 }
    }

    private func weightViolations(_ record: Record) -> [Violation] {
        record.assessments.enumerated().compactMap { k, item in
            guard record.assessments.filter({ $0.yearBE == item.yearBE }).count == 1,
                let model = Genre.toolWeights.first(where: { (item.yearBE >= $0.from) && (item.yearBE <= $0.through) })
            else { return nil }
            let tools = toolScores(record, year: item.yearBE)
            guard tools.count == Tool.allCases.count else { return nil }
            let weighted = tools.reduce(0.0) { sum, entry in sum + (model.weights[entry.key.rawValue] ?? 0) * record.toolScores[entry.value].score }
            guard abs(weighted - item.score) > tolerance else { return nil }
            let fields = [NumberField(path: "/assessments/\(k)/score", value: item.score, isYear: false) { $0.assessments[k].score = $1 }]
                + Tool.allCases.map { scoreField(record, tool: tools[$0]!) }
            return Violation(path: "/assessments/\(k)/score", rule: "agrees with its tool scores",
                             message: "overall score \(Self.printed(item.score, year: false)) of \(item.yearBE) is not its tool scores weighted as that year's model weights them (\(String(format: "%.2f", weighted)))",
                             fields: fields)
        }
    }

    private func indicatorViolations(_ record: Record) -> [Violation] {
        let years = Set(record.toolScores.compactMap(\.yearBE)).filter { $0 >= Genre.tenIndicatorModelFrom }.sorted()
        var out: [Violation] = []
        for year in years {
            let tools = toolScores(record, year: year)
            for tool in Tool.allCases {
                guard let k = tools[tool], let group = Genre.toolIndicators[tool.rawValue] else { continue }
                let indices = group.compactMap { n -> Int? in
                    let matching = record.indicatorScores.indices.filter { record.indicatorScores[$0].indicator == n && record.indicatorScores[$0].yearBE == year }
                    return matching.count == 1 ? matching[0] : nil
                }
                guard indices.count == group.count else { continue }
                let mean = indices.map { record.indicatorScores[$0].score }.reduce(0, +) / Double(indices.count)
                guard abs(mean - record.toolScores[k].score) > tolerance else { continue }
                let fields = [scoreField(record, tool: k)] + indices.map { i in
                    NumberField(path: "/indicator_scores/\(i)/score", value: record.indicatorScores[i].score, isYear: false) { $0.indicatorScores[i].score = $1 }
                }
                out.append(Violation(path: "/tool_scores/\(k)/score", rule: "agrees with its indicators",
                                     message: "\(tool.rawValue) score \(Self.printed(record.toolScores[k].score, year: false)) of \(year) is not the mean of its indicators (\(String(format: "%.2f", mean)))",
                                     fields: fields))
            }
        }
        return out
    }

    private func memoDateViolations(_ record: Record) -> [Violation] {
        guard let iso = record.memo?.date?.iso, let yearCE = Int(iso.prefix(4)) else { return [] }
        let dated = yearCE + 543
        if dated < Genre.firstITAYear || dated > lastYear {
            return [Violation(path: "/memo/date/iso", rule: "is a year the ITA has run",
                              message: "memo dated \(iso) (\(dated)), outside the years the ITA has run (\(Genre.firstITAYear)–\(lastYear))",
                              fields: [])]
        }
        guard let fiscal = record.document.fiscalYearBE, abs(dated - fiscal) > 2 else { return [] }
        let field = yearField("/document/fiscal_year_be", fiscal) { $0.document.fiscalYearBE = $1 }
        return [Violation(path: "/memo/date/iso", rule: "is within two years of the memo's date",
                          message: "memo dated \(iso) (\(dated)), \(abs(dated - fiscal)) years from its fiscal year \(fiscal)",
                          fields: [field])]
    }

    // MARK: Readings

    /// How a number is printed: a year as an integer, a score with the decimals it has.
    static func printed(_ value: Double, year: Bool) -> String {
        if year || value == value.rounded() { return String(Int(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: #"0$"#, with: "", options: .regularExpression)
    }

    /// Every other number the printed digits of `field` could have been, by OCR's digit confusions.
    static func readings(of field: NumberField) -> [Double] {
        let digits = Array(printed(field.value, year: field.isYear))
        guard digits.count <= 7 else { return [] }
        var variants: [[Character]] = [[]]
        for c in digits {
            let options = [c] + (Genre.ocrDigitConfusions[c] ?? [])
            variants = variants.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return variants.dropFirst().compactMap { Double(String($0)) }.filter { field.isYear || $0 <= 100 }
    }
}
