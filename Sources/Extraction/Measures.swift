import Foundation
import RecordModel
import Segmentation

/// What a measure table's column holds, decided by its header words.
enum MeasureColumn: Equatable {
    case title, indicator, issue, approach, steps, responsible, period, monitoring, result, outcome
    case status(MeasureStatus?)
    case other

    /// Checked from the most specific words to the most general: "แนวทางการปฏิบัติ" is an approach,
    /// "มาตรการ/แนวทาง" a title; "สรุปผลการดำเนินการ" a result, "ระยะเวลาดำเนินการ" a period.
    static func of(_ header: String) -> MeasureColumn {
        let h = header.withoutSpaces
        func has(_ words: String...) -> Bool { words.contains(where: h.has) }
        if has("ยังไม่ดำเนินการ") { return .status(.notStarted) }
        if has("อยู่ระหว่าง") { return .status(.inProgress) }
        if has("เสร็จ") || h.hasPrefix("ดำเนินการแล้ว") { return .status(.done) }
        if has("สถานะ") { return .status(nil) }
        if has("ผลลัพธ์", "ความสำเร็จ") { return .outcome }
        if has("สรุปผล") || h.hasPrefix("ผลการดำเนิน") { return .result }
        if has("ระยะเวลา") { return .period }
        if has("ผู้รับผิดชอบ") || h.hasPrefix("หน่วยงาน") { return .responsible }
        if has("กำกับ", "ติดตาม") { return .monitoring }
        if has("วิธีการนำผล", "แนวทางการปฏิบัติ", "แนวทางการดำเนิน") { return .approach }
        if has("ขั้นตอน", "วิธีการปฏิบัติ", "วิธีการดำเนิน", "วิธีดำเนิน") { return .steps }
        if has("ประเด็น") { return .issue }
        if has("ตัวชี้วัด") { return .indicator }
        if has("มาตรการ", "หัวข้อ", "กิจกรรม", "โครงการ", "แนวทาง") { return .title }
        return .other
    }
}

/// Reads measure tables: tables with a title column (มาตรการ, หัวข้อ, …) and no score column, in any
/// column order, joined across page breaks, with status tables joined to their measures by title.
struct MeasureExtractor: Sendable {
    private let periods = PeriodReader()

    func extract(_ blocks: [Block]) -> [Measure] {
        var measures: [Measure] = []
        var statuses: [Measure] = []
        var lastMeasureTable: [MeasureColumn]?
        var index = 0
        while index < blocks.count {
            defer { index += 1 }
            guard case .table(let table) = blocks[index] else { continue }
            let roles = table.columns.map(MeasureColumn.of)
            guard roles.contains(.title), !table.columns.contains(where: { $0.has("คะแนน") }) else { continue }
            let statusColumns = roles.enumerated().filter { if case .status = $0.element { return true } else { return false } }
            if !statusColumns.isEmpty {
                statuses += statusRows(table, roles)
                continue
            }
            readRows(table, roles, continuing: lastMeasureTable == roles, into: &measures)
            lastMeasureTable = roles
            // A cell broken across a page comes out as short free lines before the table resumes.
            if let stepsColumn = roles.firstIndex(of: .steps) ?? roles.lastIndex(where: { $0 != .other }),
                let (lines, next) = brokenCellLines(blocks, after: index),
                case .table(let resumed) = blocks[next], resumed.columns.map(MeasureColumn.of) == roles,
                !measures.isEmpty
            {
                append(cell: lines.joined(separator: " "), role: roles[stepsColumn], to: &measures[measures.count - 1])
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

    private func readRows(_ table: Table, _ roles: [MeasureColumn], continuing: Bool, into measures: inout [Measure]) {
        guard let titleColumn = roles.firstIndex(of: .title) else { return }
        var canContinue = continuing
        for row in table.rows {
            let cells = row.cells.map { $0 == "-" || $0 == "--" ? "" : $0 }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            let title = titleColumn < cells.count ? cells[titleColumn] : ""
            if title.isEmpty {
                // An empty title continues the measure above, also across a page break into a repeated table.
                guard canContinue, !measures.isEmpty else { continue }
                for (column, role) in roles.enumerated() where column < cells.count && column != titleColumn && !cells[column].isEmpty {
                    append(cell: cells[column], role: role, to: &measures[measures.count - 1])
                }
                continue
            }
            canContinue = true
            var measure = Measure(title: title, at: row.at)
            for (column, role) in roles.enumerated() where column < cells.count && column != titleColumn {
                let cell = cells[column]
                guard !cell.isEmpty else { continue }
                switch role {
                case .indicator: measure.indicator = Self.indicator(cell)
                case .issue: measure.issue = cell
                case .approach: measure.approach = cell
                case .steps: measure.steps = StepSplitter.split(cell, after: 0).items
                case .responsible: measure.responsible = Self.responsible(cell)
                case .period: measure.period = periods.read(cell)
                case .monitoring: measure.monitoring = cell
                case .result: measure.result = cell
                case .outcome: measure.outcome = cell
                case .title, .status, .other: continue
                }
            }
            measures.append(measure)
        }
    }

    /// A continuation cell: text is appended with one space; in steps, text before the first marker finishes
    /// the last step and each marked item adds one; responsible entries are added unless present; the
    /// first period stays.
    private func append(cell: String, role: MeasureColumn, to measure: inout Measure) {
        func joined(_ existing: String?) -> String { existing.map { $0 + " " + cell } ?? cell }
        switch role {
        case .issue: measure.issue = joined(measure.issue)
        case .approach: measure.approach = joined(measure.approach)
        case .monitoring: measure.monitoring = joined(measure.monitoring)
        case .result: measure.result = joined(measure.result)
        case .outcome: measure.outcome = joined(measure.outcome)
        case .indicator: measure.indicator = measure.indicator ?? Self.indicator(cell)
        case .period: measure.period = measure.period ?? periods.read(cell)
        case .responsible:
            for entry in Self.responsible(cell) where !measure.responsible.contains(entry) { measure.responsible.append(entry) }
        case .steps:
            let split = StepSplitter.split(cell, after: measure.steps.count)
            if let lead = split.lead {
                if measure.steps.isEmpty { measure.steps.append(lead) } else { measure.steps[measure.steps.count - 1] += " " + lead }
            }
            measure.steps += split.marked
        case .title, .status, .other: return
        }
    }

    /// The canonical indicator of a ตัวชี้วัด cell ("7 ประสิทธิภาพ การสื่อสาร", "8.การปรับปรุงการทำงาน"),
    /// by its label, else by the number it starts with.
    static func indicator(_ cell: String) -> Int? {
        if let match = Indicators.match(cell) { return match.indicator }
        let digits = cell.prefix(while: { $0.isASCII && $0.isNumber })
        if let n = Int(digits), (1...10).contains(n) { return n }
        return nil
    }

    /// Responsible units split on "/" and ",".
    static func responsible(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { $0.trimmed() }
            .filter { !$0.isEmpty }
    }

    /// The rows of a status table that have a status, with the result and outcome the table gives beside it.
    private func statusRows(_ table: Table, _ roles: [MeasureColumn]) -> [Measure] {
        guard let titleColumn = roles.firstIndex(of: .title) else { return [] }
        var rows: [Measure] = []
        for row in table.rows where titleColumn < row.cells.count && !row.cells[titleColumn].isEmpty {
            var measure = Measure(title: row.cells[titleColumn], at: row.at)
            for (column, role) in roles.enumerated() where column < row.cells.count {
                let cell = row.cells[column] == "-" ? "" : row.cells[column]
                switch role {
                case .status(let option?) where ["/", "✓", "✔", "√"].contains(where: cell.hasPrefix):
                    measure.status = measure.status ?? option
                case .status(nil):
                    measure.status = measure.status ?? Self.statusWords(cell)
                case .result where !cell.isEmpty: measure.result = cell
                case .outcome where !cell.isEmpty: measure.outcome = cell
                default: continue
                }
            }
            if measure.status != nil { rows.append(measure) }
        }
        return rows
    }

    static func statusWords(_ cell: String) -> MeasureStatus? {
        let c = cell.withoutSpaces
        if c.has("ยังไม่ดำเนินการ") { return .notStarted }
        if c.has("อยู่ระหว่าง") { return .inProgress }
        if c.has("เสร็จ") || c.hasPrefix("ดำเนินการแล้ว") { return .done }
        return nil
    }

    /// Status rows are joined to measures by title, spaces ignored, and bring the result and outcome the
    /// measure lacks; a status table without a plan table gives the measures itself.
    private func join(_ statuses: [Measure], into measures: inout [Measure]) {
        guard !statuses.isEmpty else { return }
        if measures.isEmpty {
            measures = statuses
            return
        }
        func key(_ s: String) -> [Unicode.Scalar] { s.unicodeScalars.filter { $0 != " " } }
        for status in statuses {
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

    /// `after`: how many steps the measure already has (a continuation cell's numbers go on from there).
    static func split(_ cell: String, after count: Int) -> Split {
        // Scalars, not Characters: comparing Thai Characters is slow and markers are ASCII.
        let chars = Array(cell.unicodeScalars)
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
        var numbered: [(start: Int, end: Int)] = []
        var expected = count + 1
        var restart = 1
        for i in chars.indices where i == 0 || chars[i - 1] == " " {
            var j = i
            while j < chars.count, j - i < 2, isDigit(chars[j]) { j += 1 }
            guard j > i, j < chars.count, chars[j] == "." || chars[j] == ")",
                j + 1 >= chars.count || !isDigit(chars[j + 1]),
                let n = Int(String(String.UnicodeScalarView(chars[i..<j])))
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

/// Reads a measure's period ("ต.ค.66- ก.ย.67", "1 ตุลาคม 2568 ถึง 30 กันยายน 2569", "ปีงบประมาณ 2567").
struct PeriodReader: Sendable {
    private let dates = ThaiDateReader()

    func read(_ text: String) -> Period {
        var parts: [String] = []
        for separator in [" ถึง ", "ถึง", " - ", "- ", " -", "-", "–", " จนถึง "] where parts.isEmpty {
            // Exactly one separator, with text on both sides.
            guard let range = text.find(separator), text.find(separator, from: range.upperBound) == nil else { continue }
            let pieces = [String(text[..<range.lowerBound]), String(text[range.upperBound...])]
            if pieces.allSatisfy({ !$0.trimmed().isEmpty }) { parts = pieces }
        }
        if parts.count == 2 {
            var start = dates.read(parts[0].trimmed())
            let endText = parts[1].trimmed()
            let end = dates.read(endText)
            // "ต.ค. - ธ.ค. 2566": the start borrows the end's year.
            if start == nil, let end, let year = end.iso.split(separator: "-").first {
                start = dates.read(parts[0].trimmed() + " " + String(Int(year)! + 543))
            }
            if start != nil || end != nil { return Period(text: text, start: start?.iso, end: end?.iso) }
        }
        if text.has("งบประมาณ"), let fiscal = FiscalYear.find(text) {
            // A fiscal year runs from October of the year before to September.
            return Period(text: text, start: "\(fiscal - 544)-10", end: "\(fiscal - 543)-09")
        }
        if let single = dates.read(text) { return Period(text: text, start: single.iso, end: single.iso) }
        return Period(text: text, start: nil, end: nil)
    }
}
