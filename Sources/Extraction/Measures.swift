import Foundation
import Genre
import RecordModel
import Segmentation

/// What a measure table's column holds, decided by its header words (``Genre/measureColumns``).
enum MeasureColumn {
    static func of(_ header: String) -> Genre.MeasureField {
        let h = header.withoutSpaces
        let rule = Genre.measureColumns.first { rule in
            rule.anywhere.contains(where: h.has) || rule.opening.contains(where: h.hasPrefix)
        }
        return rule?.field ?? .ignored
    }
}

extension Genre.MeasureField {
    var isStatus: Bool { if case .status = self { true } else { false } }
}

extension MeasureStatus {
    init(_ progress: Genre.Progress) {
        switch progress {
        case .notStarted: self = .notStarted
        case .inProgress: self = .inProgress
        case .done: self = .done
        }
    }

    /// The status a cell says in words ("ดำเนินการเสร็จเรียบร้อยแล้ว", "อยู่ระหว่างดำเนินการ").
    init?(words cell: String) {
        let c = cell.withoutSpaces
        guard let row = Genre.progressWords.first(where: { row in
            row.anywhere.contains(where: c.has) || row.opening.contains(where: c.hasPrefix)
        }) else { return nil }
        self.init(row.progress)
    }
}

/// Reads measure tables: tables with a title column (มาตรการ, หัวข้อ, …) and no score column, in any
/// column order, joined across page breaks. A table with status columns after a plan table is a status
/// table, joined to the plan's measures by title; without a plan table it holds the measures itself.
struct MeasureExtractor: Sendable {
    private let periods = PeriodReader()

    func extract(_ blocks: [Block]) -> [Measure] {
        var measures: [Measure] = []
        var statuses: [Measure] = []
        var lastMeasureTable: [Genre.MeasureField]?
        var index = 0
        while index < blocks.count {
            defer { index += 1 }
            guard case .table(let table) = blocks[index] else { continue }
            let roles = table.columns.map(MeasureColumn.of)
            guard roles.contains(.title),
                !table.columns.contains(where: { column in Genre.scoreColumnWords.contains(where: column.has) })
            else { continue }
            let continuing = lastMeasureTable == roles
            lastMeasureTable = roles
            // Status columns after a plan's measures make a status table for them, also where it resumes after
            // a page break; a plan table that has status columns continues itself.
            let isStatusTable = roles.contains(where: \.isStatus) && !measures.isEmpty && (!continuing || !statuses.isEmpty)
            if isStatusTable {
                readRows(table, roles, continuing: continuing, into: &statuses)
                continue
            }
            readRows(table, roles, continuing: continuing, into: &measures)
            // A cell broken across a page comes out as short free lines before the table resumes.
            if let stepsColumn = roles.firstIndex(of: .steps) ?? roles.lastIndex(where: { $0 != .ignored }),
                let (lines, next) = brokenCellLines(blocks, after: index),
                case .table(let resumed) = blocks[next], resumed.columns.map(MeasureColumn.of) == roles,
                !measures.isEmpty
            {
                append(cell: [lines.joined(separator: " ")], role: roles[stepsColumn], to: &measures[measures.count - 1])
                index = next - 1
            }
        }
        join(statuses, into: &measures)
        return measures
    }

    /// Free lines between a measure table and the table's continuation: all short, as a narrow cell wraps.
    private func brokenCellLines(_ blocks: [Block], after index: Int) -> ([String], Int)? {
        var lines: [String] = []
        var next = index + 1
        while next < blocks.count, case .paragraph(let paragraph) = blocks[next] {
            guard paragraph.allSatisfy({ $0.text.count <= 40 }) else { return nil }
            lines += paragraph.map { CellText.clean($0.text) }
            next += 1
        }
        guard !lines.isEmpty, next < blocks.count else { return nil }
        return (lines, next)
    }

    /// A cell's lines, a cell holding only a dash ("-", "–") being empty.
    private static func lines(_ row: TableRow, _ column: Int) -> [String] {
        let lines = row.lines(ofCell: column)
        return lines.count == 1 && lines[0].allSatisfy({ "-–—".contains($0) }) ? [] : lines
    }

    private func readRows(_ table: Table, _ roles: [Genre.MeasureField], continuing: Bool, into measures: inout [Measure]) {
        guard let titleColumn = roles.firstIndex(of: .title) else { return }
        var canContinue = continuing
        for row in table.rows {
            let cells = roles.indices.map { Self.lines(row, $0) }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            if cells[titleColumn].isEmpty {
                // An empty title continues the measure above, also across a page break into a repeated table.
                guard canContinue, !measures.isEmpty else { continue }
                for (column, role) in roles.enumerated() where column != titleColumn && !cells[column].isEmpty {
                    append(cell: cells[column], role: role, to: &measures[measures.count - 1])
                }
                continue
            }
            canContinue = true
            var measure = Measure(title: cells[titleColumn].joined(separator: " "), at: row.at)
            for (column, role) in roles.enumerated() where column != titleColumn && !cells[column].isEmpty {
                let cell = cells[column].joined(separator: " ")
                switch role {
                case .indicator: measure.indicator = Self.indicator(cell)
                case .issue: measure.issue = cell
                case .approach: measure.approach = cell
                case .steps: measure.steps = StepSplitter.split(lines: cells[column], after: 0).items
                case .responsible: measure.responsible = Self.responsible(cell)
                case .period: measure.period = periods.read(cell)
                case .monitoring: measure.monitoring = cell
                case .result: measure.result = cell
                case .outcome: measure.outcome = cell
                case .status(let progress): measure.status = measure.status ?? Self.status(cell, column: progress)
                case .title, .ignored: continue
                }
            }
            measures.append(measure)
        }
    }

    /// A continuation cell: text is appended with one space; in steps, text before the first marker finishes
    /// the last step and each marked item adds one; responsible entries are added unless present; the
    /// first period and status stay.
    private func append(cell lines: [String], role: Genre.MeasureField, to measure: inout Measure) {
        let cell = lines.joined(separator: " ")
        func joined(_ existing: String?) -> String { existing.map { $0 + " " + cell } ?? cell }
        switch role {
        case .issue: measure.issue = joined(measure.issue)
        case .approach: measure.approach = joined(measure.approach)
        case .monitoring: measure.monitoring = joined(measure.monitoring)
        case .result: measure.result = joined(measure.result)
        case .outcome: measure.outcome = joined(measure.outcome)
        case .indicator: measure.indicator = measure.indicator ?? Self.indicator(cell)
        case .period: measure.period = measure.period ?? periods.read(cell)
        case .status(let progress): measure.status = measure.status ?? Self.status(cell, column: progress)
        case .responsible:
            for entry in Self.responsible(cell) where !measure.responsible.contains(entry) { measure.responsible.append(entry) }
        case .steps:
            let split = StepSplitter.split(lines: lines, after: measure.steps.count)
            if let lead = split.lead {
                if measure.steps.isEmpty { measure.steps.append(lead) } else { measure.steps[measure.steps.count - 1] += " " + lead }
            }
            measure.steps += split.marked
        case .title, .ignored: return
        }
    }

    /// A status cell: a mark in the column of one status, or the status in words.
    private static func status(_ cell: String, column progress: Genre.Progress?) -> MeasureStatus? {
        guard let progress else { return MeasureStatus(words: cell) }
        return Genre.statusMarks.contains(where: cell.hasPrefix) ? MeasureStatus(progress) : nil
    }

    /// The canonical indicator of a ตัวชี้วัด cell ("7 ประสิทธิภาพ การสื่อสาร", "8.การปรับปรุงการทำงาน"), by its
    /// label, else by the number it starts with, after "ตัวชี้วัดที่" when the cell names no label.
    static func indicator(_ cell: String) -> Int? {
        if let match = Indicators.match(cell) { return match.indicator }
        var text = Substring(cell)
        if let lead = Genre.indicatorNumberLeads.first(where: { text.hasPrefix($0) }) {
            text = text.dropFirst(lead.count).drop(while: { $0 == " " })
        }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if let n = Int(digits), (1...10).contains(n) { return n }
        return nil
    }

    /// Responsible units split on "/" and ",".
    static func responsible(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { $0.trimmed() }
            .filter { !$0.isEmpty }
    }

    /// Status rows are joined to measures by title, spaces ignored, and bring the result and outcome the
    /// measure lacks.
    private func join(_ statuses: [Measure], into measures: inout [Measure]) {
        func key(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { $0 != " " } }
        for status in statuses where status.status != nil {
            let k = key(status.title)
            // Only titles at least 0.8 alike count, so distances beyond a fifth of the length are not finished.
            let best = measures.indices.compactMap { index -> (Int, Double)? in
                let title = key(measures[index].title)
                let longest = max(title.count, k.count)
                guard longest > 0, let distance = Similarity.distance(title, k, atMost: longest / 5) else { return nil }
                return (index, 1 - Double(distance) / Double(longest))
            }.max { $0.1 < $1.1 }
            if let best, best.1 >= 0.8, measures[best.0].status == nil {
                measures[best.0].status = status.status
                measures[best.0].result = measures[best.0].result ?? status.result
                measures[best.0].outcome = measures[best.0].outcome ?? status.outcome
            }
        }
    }
}

/// Splits a steps cell on its numbered ("1.", "2)") or dashed ("- ") items; numbers must run in order, so
/// that "พ.ศ.2567" or a stray "3." inside a sentence does not split.
enum StepSplitter {
    struct Split {
        /// Text before the first marker.
        var lead: String?
        /// The marked items, markers removed.
        var marked: [String]

        var items: [String] { (lead.map { [$0] } ?? []) + marked }
    }

    /// A cell whose source broke it into lines (HTML `<br>`): each line after the first starts a step, and
    /// is split on its own markers as well.
    static func split(lines: [String], after count: Int) -> Split {
        guard let first = lines.first else { return Split(lead: nil, marked: []) }
        var result = split(first, after: count)
        for line in lines.dropFirst() {
            let steps = count + result.marked.count + (count == 0 && result.lead != nil ? 1 : 0)
            result.marked += split(line, after: steps).items
        }
        return result
    }

    /// `after`: how many steps the measure already has (a continuation cell's numbers go on from there).
    static func split(_ cell: String, after count: Int) -> Split {
        // Scalars, not Characters: comparing Thai Characters is slow and markers are ASCII.
        let chars = Array(cell.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        var numbered: [(start: Int, end: Int)] = []
        var expected = count + 1
        var restart = 1
        for i in chars.indices where i == 0 || chars[i - 1] == " " {
            // "1.", "1)" or "(1)".
            let opened = chars[i] == "("
            let digits = opened ? i + 1 : i
            var j = digits
            while j < chars.count, j - digits < 2, isDigit(chars[j]) { j += 1 }
            guard j > digits, j < chars.count, opened ? chars[j] == ")" : chars[j] == "." || chars[j] == ")",
                j + 1 >= chars.count || !isDigit(chars[j + 1]),
                let n = Int(String(String.UnicodeScalarView(chars[digits..<j])))
            else { continue }
            if n == expected || (numbered.isEmpty && n == restart) {
                numbered.append((i, j + 1))
                expected = n + 1
                restart = -1
            }
        }
        var markers = numbered
        // One number alone is a marker only when it opens the cell or continues earlier steps.
        if markers.count < 2 && !(markers.count == 1 && (count > 0 || markers[0].start == 0)) {
            markers = []
            for k in chars.indices where chars[k] == "-" || chars[k] == "•" || chars[k] == "●" {
                let before = k == 0 || chars[k - 1] == " "
                let after = k + 1 < chars.count && chars[k + 1] != "-" && (chars[k + 1] == " " || chars[k + 1].value >= 0x80)
                if before && after { markers.append((k, k + 1)) }
            }
        }
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(chars[range])).trimmed()
        }
        guard !markers.isEmpty else {
            let whole = cell.trimmed()
            return Split(lead: whole.isEmpty ? nil : whole, marked: [])
        }
        let lead = text(0..<markers[0].start)
        var marked: [String] = []
        for (n, marker) in markers.enumerated() {
            let end = n + 1 < markers.count ? markers[n + 1].start : chars.count
            let item = text(marker.end..<end)
            if !item.isEmpty { marked.append(item) }
        }
        return Split(lead: lead.isEmpty ? nil : lead, marked: marked)
    }
}

/// Reads a measure's period ("ต.ค.66- ก.ย.67", "1 ตุลาคม 2568 ถึง 30 กันยายน 2569", "ภายในเดือนมีนาคม 2568").
/// `start` and `end` come only from months or dates written out: a fiscal year, "ทุกเดือน" or "ทุกไตรมาส"
/// gives neither.
struct PeriodReader: Sendable {
    private let dates = ThaiDateReader()

    func read(_ text: String) -> Period {
        if let (start, end) = range(text) ?? deadline(text) ?? single(text) {
            return Period(text: text, start: start, end: end)
        }
        return Period(text: text, start: nil, end: nil)
    }

    /// A month or a date, not a bare year.
    private func month(_ text: String) -> ThaiDateReader.Reading? {
        dates.read(text.trimmed()).flatMap { $0.precision == .year ? nil : $0 }
    }

    /// Two ends around exactly one separator. "ม.ค. - มิ.ย. 2568": a start without a year takes the end's,
    /// a year earlier when its month comes later ("ต.ค. - มี.ค. 2568" starts in October 2567).
    private func range(_ text: String) -> (String?, String?)? {
        for separator in Genre.periodSeparators {
            guard let cut = text.find(separator), text.find(separator, from: cut.upperBound) == nil else { continue }
            let (left, right) = (text[..<cut.lowerBound].trimmed(), text[cut.upperBound...].trimmed())
            guard !left.isEmpty, !right.isEmpty else { continue }
            let end = month(right)
            var start = month(left)
            if start == nil, let end, let year = Int(end.iso.prefix(4)) {
                start = month(left + " " + String(year + 543))
                if let borrowed = start, borrowed.iso > end.iso { start = month(left + " " + String(year + 542)) }
            }
            if start != nil || end != nil { return (start?.iso, end?.iso) }
        }
        return nil
    }

    /// "ภายในเดือนมีนาคม 2568": an end and no start.
    private func deadline(_ text: String) -> (String?, String?)? {
        guard let lead = Genre.periodDeadlineLeads.first(where: text.hasPrefix) else { return nil }
        return single(String(text.dropFirst(lead.count))).map { (nil, $0.1) }
    }

    /// One month or date ("เม.ย. 2568", "เดือนเมษายน 2568"): the start and the end.
    private func single(_ text: String) -> (String?, String?)? {
        var rest = text.trimmed()
        if let lead = Genre.periodMonthLeads.first(where: rest.hasPrefix) { rest = String(rest.dropFirst(lead.count)) }
        return month(rest).map { ($0.iso, $0.iso) }
    }
}
