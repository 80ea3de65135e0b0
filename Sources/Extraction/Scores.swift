import Foundation
import Normalization
import RecordModel
import Genre
import Segmentation

/// Every score a document states, with the warnings its contradictions raise.
struct ScoreSet: Sendable {
    var assessments: [Assessment] = []
    var indicators: [IndicatorScore] = []
    var tools: [ToolScore] = []
    var questions: [QuestionScore] = []
    var issues: [ValidationIssue] = []
    var decisions: [ScoreDecision] = []
}

/// Reads scores from score tables (indicator tables in any column order, year-comparison tables with
/// change columns, question tables) and from prose statements (see ``ScoreStatementReader``).
///
/// Tables are read first, prose after, so that a table's value wins a conflict. Each line is read with its
/// scope: the assessment year in force (a heading's, a caption's, the last sentence's, never a calendar
/// date's), the document's own year for "ปีนี้", and the subject a list heading gives its items.
struct ScoreExtractor: Sendable {
    /// Whether to record what was decided about each number of the prose (``ScoreSet/decisions``).
    var explaining = false

    func extract(_ blocks: [Block]) -> ScoreSet {
        var collector = ScoreCollector()
        collector.explaining = explaining
        var years = YearTracker()
        var headingTool: Tool?
        let heading = DocumentHeading(blocks)
        var lead: ScoreSubject?
        var proseLines: [(text: String, at: Location, scope: StatementScope)] = []
        for block in blocks {
            switch block {
            case .paragraph(let lines):
                for line in lines {
                    let text = CellText.clean(line.text)
                    let listItem = ListMarker.isItem(text)
                    if !listItem { lead = nil }
                    let scope = StatementScope(year: years.last ?? heading.year, thisYear: heading.year,
                                               subject: listItem ? lead ?? heading.subject : heading.subject)
                    proseLines.append((text, line.at, scope))
                    years.observe(text)
                    if !listItem, Genre.listLeadEndings.contains(where: { text.utf8.reversed().starts(with: $0.utf8.reversed()) }) {
                        lead = ScoreStatementReader.subject(in: text)
                    }
                    // A line naming one tool heads its block; one naming several heads none.
                    let named = Tool.allCases.filter { line.text.has($0.rawValue) }
                    if !named.isEmpty { headingTool = named.count == 1 ? named[0] : nil }
                }
            case .headerField(let field):
                for line in field.lines { years.observe(line.text) }
            case .table(let table):
                let reader = TableScoreReader(table: table, contextYear: years.last ?? heading.year, contextTool: headingTool)
                let consumed = reader.read(into: &collector)
                for (index, row) in table.rows.enumerated() where !consumed.contains(index) {
                    let scope = StatementScope(year: years.last ?? heading.year, thisYear: heading.year, subject: nil)
                    proseLines.append((row.cells.joined(separator: " "), row.at, scope))
                }
            default:
                continue
            }
        }
        var levelless: Int?
        for line in proseLines {
            let before = collector.assessments.count
            ScoreStatementReader(text: line.text, at: line.at, scope: line.scope).read(into: &collector)
            // A line of its own for the grade ("ผลคะแนน ITA : 92.15" then "ระดับ : ผ่านดี") completes the score above.
            if collector.assessments.count == before, let index = levelless, let level = Grades.line(line.text) {
                collector.assessments[index].level = level
            }
            levelless = collector.assessments.count > before && collector.assessments.last?.level == nil
                ? collector.assessments.count - 1 : nil
        }
        return collector.finish()
    }
}

/// What the document's heading (a report's first paragraph, a memo's subject) says about its scores: its
/// assessment year, and whether it announces the overall result ("ผลการประเมิน ITA …").
struct DocumentHeading {
    var year: Int?
    var subject: ScoreSubject?

    init(_ blocks: [Block]) {
        let lines: [TextLine] = blocks.lazy.compactMap { block -> [TextLine]? in
            switch block {
            case .paragraph(let lines): return lines
            case .headerField(let field) where field.key == .subject: return field.lines
            default: return nil
            }
        }.first ?? []
        let text = CellText.clean(lines.map(\.text).joined(separator: " "))
        year = YearTracker.years(in: text).first?.year
        let announces = Genre.overallCues.contains(where: text.has) || text.has("ITA")
        subject = announces && ScoreStatementReader.subject(in: text).map({ $0 == .overall }) ?? true ? .overall : nil
    }
}

/// Follows the assessment years written in running text. A line's own year is its first: later ones
/// compare ("เพิ่มขึ้นจากปีงบประมาณ พ.ศ. 2565 ซึ่งได้ …"), and a year in a side note that states another
/// year's score ("(ปีงบประมาณ 2567 : 88.12 คะแนน)") sets the year of nothing after it.
struct YearTracker {
    private(set) var last: Int?

    mutating func observe(_ text: String) {
        if let year = Self.years(in: text).first(where: { !$0.sideNote })?.year { last = year }
    }

    /// The assessment years a text names (see ``YearPhrases``).
    static func years(in text: String) -> [YearPhrase] {
        YearPhrases.find(in: text, numbers: Numbers.scan(text), cursor: ByteCursor(text), thisYear: nil)
    }
}

/// One indicator score before de-duplication and label resolution.
struct IndicatorCandidate {
    var indicator: Int?
    var similarity: Double
    var label: String
    var year: Int?
    var score: Double
    var docNumber: Int?
    var at: Location
    var fromTable: Bool
    var table: Int?
    /// Whether the year was written with the score; otherwise it came from the context.
    var yearStated = true
    /// For a garbled label resolved from elsewhere: the line that gave the same score for a named indicator.
    var resolvedFrom: Int?
}

/// Gathers candidates from every reader, then resolves, de-duplicates and explains conflicts.
struct ScoreCollector {
    var indicatorCandidates: [IndicatorCandidate] = []
    var assessments: [Assessment] = []
    var tools: [ToolScore] = []
    var questions: [QuestionScore] = []
    var issues: [ValidationIssue] = []
    /// Overall scores stated without a year, which a statement of the same score with its year takes in.
    var yearlessOverall: [(score: Double, level: String?, at: Location)] = []
    /// Grades a line ties to a year without a score beside them ("“ผ่านดี” ในปี 2567").
    var gradeFacts: [(year: Int, level: String, at: Location)] = []
    /// What the prose reader decided about each candidate number, when explaining.
    var decisions: [ScoreDecision] = []
    var explaining = false
    /// Change columns to check once items have their final places: the later year's candidate, the stated
    /// change and the two scores.
    var changeChecks: [(candidate: Int, stated: Double, earlier: Double, later: Double, at: Location)] = []
    private(set) var tableCount = 0

    mutating func nextTable() -> Int {
        tableCount += 1
        return tableCount
    }

    func finish() -> ScoreSet {
        var set = ScoreSet()
        var issues = self.issues
        var candidates = indicatorCandidates
        resolveGarbled(&candidates, &issues)
        // Prose that repeats a table's score without naming the year means the table's year.
        for index in candidates.indices where !candidates[index].fromTable && !candidates[index].yearStated {
            let repeated = candidates.first {
                $0.fromTable && $0.indicator == candidates[index].indicator && abs($0.score - candidates[index].score) <= 0.005
            }
            if let repeated { candidates[index].year = repeated.year }
        }

        // Tables before prose, each in document order.
        let ordered = candidates.enumerated().sorted { a, b in
            a.element.fromTable != b.element.fromTable ? a.element.fromTable : a.offset < b.offset
        }
        var indexOfKey: [String: Int] = [:]
        var finalIndexOfCandidate: [Int: Int] = [:]
        for (offset, candidate) in ordered {
            guard let indicator = candidate.indicator else { continue }
            let key = "\(indicator)/\(candidate.year.map(String.init) ?? "-")"
            if let existing = indexOfKey[key] {
                finalIndexOfCandidate[offset] = existing
                let kept = set.indicators[existing]
                if abs(kept.score - candidate.score) > 0.005 {
                    issues.append(ValidationIssue(
                        severity: .warning, code: "indicator_conflict", path: "/indicator_scores/\(existing)/score",
                        message: "Indicator \(indicator) \(candidate.year.map(String.init) ?? ""): line \(kept.at.line) gives "
                            + "\(format(kept.score)), line \(candidate.at.line) gives \(format(candidate.score)); kept the first"
                            + (candidate.fromTable ? "" : " (a table's value wins over prose)")))
                }
                continue
            }
            indexOfKey[key] = set.indicators.count
            finalIndexOfCandidate[offset] = set.indicators.count
            set.indicators.append(IndicatorScore(
                indicator: indicator, label: candidate.label, yearBE: candidate.year, score: candidate.score,
                docNumber: candidate.docNumber, at: candidate.at))
            if candidate.similarity < 0.9 && candidate.table != nil {
                let how = candidate.resolvedFrom.map {
                    "resolved from line \($0), which gives the same score for a named indicator"
                } ?? "read as the nearest canonical label"
                issues.append(ValidationIssue(
                    severity: .warning, code: "garbled_label", path: "/indicator_scores/\(set.indicators.count - 1)/label",
                    message: "Label '\(candidate.label)' (line \(candidate.at.line)) is not a canonical indicator label; "
                        + "indicator \(indicator) (\(Indicators.all[indicator - 1].label)), \(how)"))
            }
        }
        for check in changeChecks {
            let difference = check.later - check.earlier
            guard abs(difference - check.stated) > 0.015 else { continue }
            let path = finalIndexOfCandidate[check.candidate].map { "/indicator_scores/\($0)" } ?? ""
            issues.append(ValidationIssue(
                severity: .warning, code: "change_mismatch", path: path,
                message: "Line \(check.at.line): the change column says \(format(check.stated)) but "
                    + "\(format(check.later)) - \(format(check.earlier)) = \(format(difference))"))
        }

        var assessmentIndex: [Int: Int] = [:]
        for item in assessments.sorted(by: { $0.at < $1.at }) {
            if let existing = assessmentIndex[item.yearBE] {
                let kept = set.assessments[existing]
                if abs(kept.score - item.score) > 0.005 {
                    issues.append(ValidationIssue(
                        severity: .warning, code: "assessment_conflict", path: "/assessments/\(existing)/score",
                        message: "Overall score \(item.yearBE): line \(kept.at.line) gives \(format(kept.score)), "
                            + "line \(item.at.line) gives \(format(item.score)); kept the first"))
                } else if kept.level == nil, item.level != nil {
                    set.assessments[existing].level = item.level
                }
                continue
            }
            assessmentIndex[item.yearBE] = set.assessments.count
            set.assessments.append(item)
        }
        set.assessments.sort { $0.at < $1.at }
        for statement in yearlessOverall {
            let same = set.assessments.indices.filter { abs(set.assessments[$0].score - statement.score) <= 0.005 }
            guard same.count == 1 else { continue }
            if statement.at < set.assessments[same[0]].at { set.assessments[same[0]].at = statement.at }
            if set.assessments[same[0]].level == nil { set.assessments[same[0]].level = statement.level }
        }
        set.assessments.sort { $0.at < $1.at }
        for fact in gradeFacts {
            for index in set.assessments.indices where set.assessments[index].yearBE == fact.year && set.assessments[index].level == nil {
                set.assessments[index].level = fact.level
            }
        }

        var toolKeys: Set<String> = []
        for tool in tools {
            let key = "\(tool.tool.rawValue)/\(tool.part.map(String.init) ?? "-")/\(tool.yearBE.map(String.init) ?? "-")"
            let full = key + "/\(format(tool.score))"
            guard !toolKeys.contains(full) else { continue }
            if let other = set.tools.firstIndex(where: {
                "\($0.tool.rawValue)/\($0.part.map(String.init) ?? "-")/\($0.yearBE.map(String.init) ?? "-")" == key
            }) {
                issues.append(ValidationIssue(
                    severity: .warning, code: "tool_conflict", path: "/tool_scores/\(set.tools.count)",
                    message: "\(tool.tool.rawValue) \(tool.yearBE.map(String.init) ?? ""): line \(set.tools[other].at.line) "
                        + "gives \(format(set.tools[other].score)), line \(tool.at.line) gives \(format(tool.score)); both kept"))
            }
            toolKeys.insert(full)
            set.tools.append(tool)
        }

        var questionIndex: [String: Int] = [:]
        for question in questions {
            let key = "\(question.code)/\(question.yearBE.map(String.init) ?? "-")"
            if let existing = questionIndex[key] {
                if abs(set.questions[existing].score - question.score) > 0.005 {
                    issues.append(ValidationIssue(
                        severity: .warning, code: "question_conflict", path: "/question_scores/\(existing)/score",
                        message: "Question \(question.code): line \(set.questions[existing].at.line) gives "
                            + "\(format(set.questions[existing].score)), line \(question.at.line) gives \(format(question.score))"))
                }
                continue
            }
            questionIndex[key] = set.questions.count
            set.questions.append(question)
        }
        set.issues = issues
        set.decisions = decisions
        return set
    }

    /// A table label that names no indicator is resolved from the rest of the document: another statement
    /// of the same score and year for a named indicator that the table does not already list (the same
    /// printed number breaks a tie). Unresolved labels are dropped with a warning.
    private func resolveGarbled(_ candidates: inout [IndicatorCandidate], _ issues: inout [ValidationIssue]) {
        for index in candidates.indices where candidates[index].indicator == nil {
            let garbled = candidates[index]
            let taken = Set(candidates.filter { $0.table == garbled.table && $0.table != nil && $0.year == garbled.year
                && $0.similarity >= Indicators.threshold }.compactMap(\.indicator))
            let options = candidates.enumerated().filter { other in
                other.offset != index && other.element.indicator != nil && other.element.similarity >= Indicators.threshold
                    && other.element.table != garbled.table && other.element.year == garbled.year
                    && abs(other.element.score - garbled.score) <= 0.005 && !taken.contains(other.element.indicator!)
            }
            let distinct = Set(options.map { $0.element.indicator! })
            var chosen: Int?
            if distinct.count == 1 {
                chosen = distinct.first
            } else if let byNumber = options.first(where: { $0.element.docNumber != nil && $0.element.docNumber == garbled.docNumber }) {
                chosen = byNumber.element.indicator
            }
            if let chosen {
                candidates[index].indicator = chosen
                candidates[index].resolvedFrom = options.first { $0.element.indicator == chosen }!.element.at.line
            } else {
                issues.append(ValidationIssue(
                    severity: .warning, code: "garbled_label", path: "",
                    message: "Label '\(garbled.label)' (line \(garbled.at.line), score \(format(garbled.score))) names no "
                        + "indicator and the document states that score for no other indicator; dropped"))
            }
        }
    }
}

func format(_ value: Double) -> String {
    String(format: "%.2f", value)
}
