import Foundation
import RecordModel
import Genre
import Segmentation

/// The role a score table's column plays, decided by its header words.
enum ScoreColumn: Equatable {
    case score(year: Int?)
    case change
    case toolScore
    case toolName
    /// A weight or weighted score ("ค่าน้ำหนัก", "คะแนนถ่วงน้ำหนัก"): a share of the overall score.
    case weighted
    /// Remarks ("หมายเหตุ"): not part of what the row states.
    case remark
    case other
}

/// What one data row of a score table states, decided before it is read.
enum ScoreRowKind {
    /// A question row: "ข้อ i1 | … | 95.20", "017 | 100".
    case question(QuestionCode)
    /// A row per tool: "IIT | 91.20", "แบบวัด…ภายนอก (EIT) | 88.40 | 90.15".
    case tool(Tool, part: Int?)
    /// The grade row under year columns: "ระดับ | A | AA".
    case grades([Int: String])
    /// A total whose only value is under a weighted-score column ("รวม | 100 | - | 95.38").
    case weightedTotal(Double)
    /// An overall row: "คะแนนรวม | 88.50 | A", "คะแนนเฉลี่ย | 89.10 | 95.02".
    case summary
    /// An indicator row, named (`match`) or with a garbled label that still reads as one.
    case indicator(label: String, docNumber: Int?, match: (indicator: Int, similarity: Double)?)
    /// A row the table reader leaves to the prose reader.
    case unread
}

/// Reads one table's indicator, tool, question and overall scores, when it is a score table: a table
/// with a score column (คะแนน, or a year) and rows that name indicators, tools or questions. Each row is
/// classified (``ScoreRowKind``), then read by the reader of its kind. Returns the rows it consumed; the
/// others are read as prose.
struct TableScoreReader {
    let table: Table
    let contextYear: Int?
    /// The tool the heading above the table names, for question codes written without a letter.
    let contextTool: Tool?

    /// The table's columns, as far as reading a row needs them.
    private struct Columns {
        var roles: [ScoreColumn]
        var scores: [(index: Int, year: Int?)]
        var years: [(index: Int, year: Int?)] { scores.filter { $0.year != nil } }
        var number: Int?
        var change: Int? { roles.firstIndex(of: .change) }
        var toolName: Int? { roles.firstIndex(of: .toolName) }
        var toolScore: Int? { roles.firstIndex(of: .toolScore) }
    }

    /// What reading one table carries from row to row.
    private struct Progress {
        var tableID: Int
        var consumed: Set<Int> = []
        var levelsByYear: [Int: String] = [:]
        var toolValues: [(Double, Location)] = []
        /// The tool of a tool column written once per block, and the letter of the table's question codes.
        var carriedTool: Tool?
        /// The tool of the indicator row read last.
        var indicatorTool: Tool?
        var tableLetter: String?
        var questionYears: [(index: Int, year: Int?, short: Bool)] = []
        var codeColumns: [(column: Int, line: Int)] = []
    }

    func read(into collector: inout ScoreCollector) -> Set<Int> {
        let roles = table.columns.map(Self.role)
        let scores = roles.enumerated().compactMap { entry -> (index: Int, year: Int?)? in
            if case .score(let year) = entry.element { return (entry.offset, year) }
            return nil
        }
        guard !scores.isEmpty else { return [] }
        let columns = Columns(roles: roles, scores: scores, number: numberColumnIndex())
        let yearRows = readYearRows(scoreColumns: scores.map { ($0.index, $0.year) }, into: &collector)
        let labels = table.rows.map { labelCell($0, skipping: columns.number) }
        let codeColumn = table.columns.firstIndex { Genre.questionColumnHeaders.contains($0.withoutSpaces) }
        let codes = table.rows.map { QuestionCode.find(in: $0.cells, codeColumn: codeColumn) }
        let matches = zip(labels, codes).map { label, code in code == nil ? label.flatMap { Indicators.match($0.label) } : nil }
        let scoresTable = matches.compactMap { $0 }.count >= 2 || codes.contains { $0 != nil }
        let kinds = table.rows.indices.map { index in
            classify(index, code: codes[index], label: labels[index], match: matches[index], scoresTable: scoresTable, columns)
        }
        let summaryRows = kinds.filter { if case .summary = $0 { return true } else { return false } }.count
        let toolRows = kinds.contains { if case .tool = $0 { return true } else { return false } }
        guard scoresTable || toolRows || (summaryRows >= 1 && !columns.years.isEmpty) else { return yearRows }

        var progress = Progress(tableID: collector.nextTable(), consumed: yearRows)
        let firstAssessment = collector.assessments.count
        for (index, row) in table.rows.enumerated() where !yearRows.contains(index) {
            if let column = columns.toolName, column < row.cells.count, let tool = Tool(rawValue: row.cells[column].uppercased().trimmed()) {
                progress.carriedTool = tool
            }
            let read: Bool
            switch kinds[index] {
            case .question(let code): read = readQuestion(row, code, columns, &progress, &collector)
            case .tool(let tool, let part): read = readTool(row, tool, part, columns, &collector)
            case .grades(let levels):
                progress.levelsByYear.merge(levels) { _, new in new }
                read = true
            case .weightedTotal(let total): read = readWeightedTotal(row, total, &collector)
            case .summary: read = readSummary(row, columns, &collector)
            case .indicator(let label, let docNumber, let match):
                read = readIndicator(row, label: label, docNumber: docNumber, match: match, columns, &progress, &collector)
            case .unread: read = false
            }
            if read { progress.consumed.insert(index) }
        }
        resolveShiftedQuestions(progress.questionYears, &collector)
        reportMisalignedCodes(progress.codeColumns, &collector)
        for index in firstAssessment..<collector.assessments.count where collector.assessments[index].level == nil {
            collector.assessments[index].level = progress.levelsByYear[collector.assessments[index].yearBE]
        }
        // A tool column written as merged cells holds one value per tool, in tool order.
        if progress.toolValues.count == Tool.allCases.count {
            for (tool, (value, at)) in zip(Tool.allCases, progress.toolValues) {
                collector.tools.append(ToolScore(tool: tool, part: nil, yearBE: contextYear, score: value, at: at))
            }
        }
        return progress.consumed
    }

    // MARK: Classifying rows

    private func classify(_ index: Int, code: QuestionCode?, label: (label: String, docNumber: Int?)?,
                          match: (indicator: Int, similarity: Double)?, scoresTable: Bool, _ columns: Columns) -> ScoreRowKind
    {
        let row = table.rows[index]
        if let code { return .question(code) }
        if match == nil, let (tool, part) = toolNamed(by: row, label: label?.label, roles: columns.roles),
            columns.scores.contains(where: { $0.index < row.cells.count && Self.scoreValue(row.cells[$0.index]) != nil })
        {
            return .tool(tool, part: part)
        }
        guard let label else { return .unread }
        // "ระดับ | A | AA", "ผลการประเมิน | ผ่านดี | ผ่าน": every value under the year columns a grade.
        let yearCells = columns.years.filter { $0.index < row.cells.count && !row.cells[$0.index].isEmpty }
        var levels: [Int: String] = [:]
        for (column, year) in yearCells {
            if let year, let level = Grades.cell(row.cells[column]) { levels[year] = level }
        }
        if !levels.isEmpty, label.label.has(Genre.gradeWord) || levels.count == yearCells.count { return .grades(levels) }
        if match == nil, Self.isSummary(label.label) {
            if let total = weightedTotal(row) { return .weightedTotal(total) }
            return .summary
        }
        guard match != nil || (scoresTable && looksLikeLabel(label.label)) else { return .unread }
        return .indicator(label: label.label, docNumber: label.docNumber, match: match)
    }

    private static func scoreValue(_ cell: String) -> Double? {
        guard let value = Numbers.cellValue(cell), value >= 0, value <= 100 else { return nil }
        return value
    }

    // MARK: One reader per kind of row

    private func readQuestion(_ row: TableRow, _ code: QuestionCode, _ columns: Columns, _ progress: inout Progress,
                              _ collector: inout ScoreCollector) -> Bool
    {
        guard let (value, year, scoreCell) = questionScore(row, codeCell: code.cell, scoreColumns: columns.scores.map { ($0.index, $0.year) })
        else { return true }
        // A code without its letter belongs to its block: the tool column, the indicator row above, the rows
        // above, the heading.
        let block = progress.carriedTool.map(\.letter) ?? progress.indicatorTool.map(\.letter) ?? progress.tableLetter
            ?? contextTool.map(\.letter) ?? collector.questions.last?.code.first.map(String.init)
        guard let letter = code.resolvedLetter(block: block) else { return code.misread == nil }
        progress.tableLetter = letter
        // A zero typed for o is the letter, not a lack of it.
        if code.letter == nil, code.misread.flatMap({ Genre.questionLetterDefaults[$0] }).map(String.init) != letter {
            let written = code.misread.map { String($0) + code.number } ?? code.number
            collector.issues.append(ValidationIssue(
                severity: .warning, code: "code_missing_letter", path: "",
                message: "Question '\(written)' (line \(row.at.line)) has no tool letter; read as \(letter)\(code.number) from its block"))
        }
        progress.questionYears.append((collector.questions.count, year, row.cells.count < table.columns.count))
        progress.codeColumns.append((code.cell, row.at.line))
        collector.questions.append(QuestionScore(
            code: letter + code.number, tool: progress.carriedTool ?? Tool(letter: letter), yearBE: year ?? contextYear, score: value,
            text: code.text ?? wording(row, between: code.cell, and: scoreCell), at: row.at))
        return true
    }

    private func readTool(_ row: TableRow, _ tool: Tool, _ part: Int?, _ columns: Columns, _ collector: inout ScoreCollector) -> Bool {
        for (column, year) in columns.scores where column < row.cells.count {
            guard let value = Self.scoreValue(row.cells[column]) else { continue }
            collector.tools.append(ToolScore(tool: tool, part: part, yearBE: year ?? contextYear, score: value, at: row.at))
        }
        return true
    }

    /// The total of a weighted-score column is the overall score ("คะแนนรวม | | 100 | 79.00").
    private func readWeightedTotal(_ row: TableRow, _ total: Double, _ collector: inout ScoreCollector) -> Bool {
        if let year = contextYear { collector.assessments.append(Assessment(yearBE: year, score: total, level: nil, at: row.at)) }
        return true
    }

    /// An overall row, one score per score column, with the grade in its own cell ("คะแนนรวม | 88.50 | A").
    private func readSummary(_ row: TableRow, _ columns: Columns, _ collector: inout ScoreCollector) -> Bool {
        var read = false
        for (column, year) in columns.scores where column < row.cells.count {
            guard Self.scoreValue(row.cells[column]) != nil else { continue }
            read = true
            guard let year = year ?? contextYear, let value = Self.scoreValue(row.cells[column]) else { continue }
            let level = row.cells.indices.lazy.filter { $0 != column }.compactMap { Grades.cell(row.cells[$0]) }.first
            collector.assessments.append(Assessment(yearBE: year, score: value, level: level, at: row.at))
        }
        return read
    }

    private func readIndicator(_ row: TableRow, label: String, docNumber: Int?, match: (indicator: Int, similarity: Double)?,
                               _ columns: Columns, _ progress: inout Progress, _ collector: inout ScoreCollector) -> Bool
    {
        if let indicator = match?.indicator ?? docNumber,
            let tool = Genre.toolIndicators.first(where: { $0.value.contains(indicator) }).flatMap({ Tool(rawValue: $0.key) })
        {
            progress.indicatorTool = tool
        }
        var read = false
        var candidates: [(year: Int?, index: Int)] = []
        for (column, year) in columns.scores where column < row.cells.count {
            guard let value = Self.scoreValue(row.cells[column]) else { continue }
            read = true
            candidates.append((year ?? contextYear, collector.indicatorCandidates.count))
            collector.indicatorCandidates.append(IndicatorCandidate(
                indicator: match?.indicator, similarity: match?.similarity ?? 0, label: label,
                year: year ?? contextYear, score: value,
                docNumber: docNumber ?? columns.number.flatMap { Self.integer(row.cells, $0) },
                at: row.at, fromTable: true, table: progress.tableID))
        }
        if let column = columns.toolScore, column < row.cells.count, let value = Numbers.cellValue(row.cells[column]), value > 0, value <= 100 {
            progress.toolValues.append((value, row.at))
            read = true
        }
        if let column = columns.change, column < row.cells.count, columns.years.count == 2, candidates.count == 2,
            let stated = Numbers.cellValue(row.cells[column], dashIsZero: true)
        {
            let sorted = candidates.sorted { ($0.year ?? 0) < ($1.year ?? 0) }
            collector.changeChecks.append((
                candidate: sorted[1].index, stated: stated,
                earlier: collector.indicatorCandidates[sorted[0].index].score,
                later: collector.indicatorCandidates[sorted[1].index].score, at: row.at))
        }
        return read
    }

    /// A total row's weighted score, when the row has no value under a score column but one under a
    /// "คะแนนถ่วงน้ำหนัก" column (the weights column, "ค่าน้ำหนัก", sums to 100 and is not it).
    private func weightedTotal(_ row: TableRow) -> Double? {
        let roles = table.columns.map(Self.role)
        let hasScore = roles.indices.contains { index in
            index < row.cells.count && Self.isScoreRole(roles[index]) && Numbers.cellValue(row.cells[index]) != nil
        }
        guard !hasScore else { return nil }
        return roles.indices.lazy.filter { index in
            index < row.cells.count && roles[index] == .weighted && table.columns[index].has(Genre.scoreWord)
        }.compactMap { Numbers.cellValue(row.cells[$0]) }.first { $0 >= 0 && $0 <= 100 }
    }

    /// The one tool a row is about: named in its label (the first Thai cell; an indicator table's tool
    /// column does not make its garbled rows tool scores), or, in a row without Thai, in a cell that is not
    /// a score.
    private func toolNamed(by row: TableRow, label: String?, roles: [ScoreColumn]) -> (Tool, Int?)? {
        let text = label ?? row.cells.indices.filter { index in
            index >= roles.count || !Self.isScoreRole(roles[index])
        }.map { row.cells[$0] }.joined(separator: " ")
        let named = ToolNames.mentions(in: text)
        guard let first = named.first, named.allSatisfy({ $0.tool == first.tool }) else { return nil }
        return (first.tool, named.lazy.compactMap(\.part).first)
    }

    private static func isScoreRole(_ role: ScoreColumn) -> Bool {
        if case .score = role { return true }
        return role == .toolScore || role == .change
    }

    /// Overall results with one row per assessment year ("๒๕๖๖ | ๙๕.๐๒ | AA"): a row whose cells are a year,
    /// a score under a score column and perhaps a grade, with no other words (a row naming an indicator or a
    /// question is not one). Returns the rows read.
    private func readYearRows(scoreColumns: [(Int, Int?)], into collector: inout ScoreCollector) -> Set<Int> {
        var read: Set<Int> = []
        let remarks = Set(table.columns.indices.filter { Self.role(table.columns[$0]) == .remark })
        for (index, row) in table.rows.enumerated() where row.cells.contains(where: { Self.yearCell($0) != nil }) {
            var year: Int?
            var level: String?
            var score: Double?
            for (column, cell) in row.cells.enumerated() where !cell.isEmpty && !remarks.contains(column) {
                if score == nil, scoreColumns.contains(where: { $0.0 == column }),
                    let value = Numbers.cellValue(cell), value >= 0, value <= 100
                {
                    score = value
                } else if year == nil, let value = Self.yearCell(cell) {
                    year = value
                } else if level == nil, let value = Grades.cell(cell) {
                    level = value
                } else if cell.unicodeScalars.contains(where: isThaiConsonant) && !Self.isSummary(cell) {
                    year = nil
                    break
                }
            }
            guard let year, let score else { continue }
            collector.assessments.append(Assessment(yearBE: year, score: score, level: level, at: row.at))
            read.insert(index)
        }
        return read
    }

    /// A cell that holds only an assessment year: "2566", "ปี 2566", "ปีงบประมาณ พ.ศ. 2566".
    static func yearCell(_ cell: String) -> Int? {
        // Every row of every table is asked, so bytes: the year is the cell's last four, all digits.
        let bytes = Array(cell.utf8)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end >= 4, bytes[(end - 4)..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var rest = Substring(cell.trimmed())
        for prefix in Genre.yearCellPrefixes where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count).drop(while: { $0 == " " })
        }
        guard rest.utf8.count == 4, let year = Int(rest), (2500...2700).contains(year) else { return nil }
        return year
    }

    /// Rows with a missing cell put their score under the wrong year; when the table's other question
    /// rows agree on one year, the short rows take it.
    private func resolveShiftedQuestions(_ rows: [(index: Int, year: Int?, short: Bool)], _ collector: inout ScoreCollector) {
        let full = rows.filter { !$0.short }.compactMap(\.year)
        guard let majority = Dictionary(grouping: full, by: { $0 }).max(by: { $0.value.count < $1.value.count })?.key
        else { return }
        var shifted: [String] = []
        for row in rows where row.short && row.year != nil && row.year != majority {
            collector.questions[row.index].yearBE = majority
            shifted.append(collector.questions[row.index].code)
        }
        if !shifted.isEmpty {
            collector.issues.append(ValidationIssue(
                severity: .warning, code: "column_shift", path: "",
                message: "Question rows \(shifted.joined(separator: ", ")) are missing a cell; their scores are read as \(majority), like the table's other rows"))
        }
    }

    /// Question rows whose code is not in the column most rows have it in were shifted by the export (an
    /// extra or a missing cell); they are read by their cells' content, and the shift is worth a look.
    private func reportMisalignedCodes(_ rows: [(column: Int, line: Int)], _ collector: inout ScoreCollector) {
        guard rows.count >= 3,
            let usual = Dictionary(grouping: rows, by: \.column).max(by: { $0.value.count < $1.value.count })?.key
        else { return }
        let shifted = rows.filter { $0.column != usual }
        guard !shifted.isEmpty else { return }
        collector.issues.append(ValidationIssue(
            severity: .warning, code: "misaligned_columns", path: "/question_scores",
            message: "Question rows (line \(shifted.map { String($0.line) }.joined(separator: ", "))) have their code outside "
                + "column \(usual + 1), where the table's other rows have it; read by their cells' content"))
    }

    /// The score of a question row and the cell it is in: in a year-column table the year comes from the
    /// column the number is in; otherwise the first number after the code.
    private func questionScore(_ row: TableRow, codeCell: Int, scoreColumns: [(Int, Int?)]) -> (Double, Int?, Int)? {
        if scoreColumns.count >= 2 {
            for (column, year) in scoreColumns where column < row.cells.count && column != codeCell {
                if let value = Numbers.cellValue(row.cells[column]), value >= 0, value <= 100 { return (value, year, column) }
            }
        }
        for column in (codeCell + 1)..<max(codeCell + 1, row.cells.count) {
            if let value = Numbers.cellValue(row.cells[column]), value >= 0, value <= 100 {
                let year = scoreColumns.count == 1 ? scoreColumns[0].1 : scoreColumns.first { $0.0 == column }?.1
                return (value, year, column)
            }
        }
        return nil
    }

    /// A question's wording written in its own cell, between the code and the score ("o12 | การเปิดเผย… | 100").
    private func wording(_ row: TableRow, between codeCell: Int, and scoreCell: Int) -> String? {
        guard codeCell + 1 < scoreCell else { return nil }
        return row.cells[(codeCell + 1)..<scoreCell].first { $0.unicodeScalars.contains(where: isThaiConsonant) }
    }

    static func role(_ header: String) -> ScoreColumn {
        let compact = header.withoutSpaces
        if Genre.remarkColumnWords.contains(where: compact.has) { return .remark }
        if Genre.changeColumnWords.contains(where: compact.has) { return .change }
        // A weight ("ค่าน้ำหนัก") or a weighted score ("คะแนนถ่วงน้ำหนัก") is a share of the overall score, not
        // the tool's or indicator's own.
        if compact.has(Genre.weightColumnWord) { return .weighted }
        if compact.has(Genre.toolColumnWord) { return compact.has(Genre.scoreWord) ? .toolScore : .toolName }
        let year = Numbers.scan(header).first(where: \.isYearBE).map { Int($0.value) }
        if compact.has(Genre.scoreWord) || year != nil { return .score(year: year) }
        return .other
    }

    /// A column of small whole numbers (ลำดับ, อันดับ, ตัวชี้วัดที่) gives the printed number: named so by its
    /// header, or (in a table of at least three rows) mostly such numbers. Summary rows written in it
    /// ("คะแนนสูงสุด", "คะแนนเฉลี่ย") do not count against it.
    private func numberColumnIndex() -> Int? {
        guard let width = table.rows.map(\.cells.count).max(), width > 0 else { return nil }
        for column in 0..<width {
            let values = table.rows.compactMap { $0.cells.count > column ? $0.cells[column] : nil }
                .filter { !$0.isEmpty && !$0.unicodeScalars.contains(where: isThaiConsonant) }
            let integers = values.filter { v in v.utf8.count <= 2 && v.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            if values.count >= 3, integers.count * 10 >= values.count * 7 { return column }
            let header = column < table.columns.count ? table.columns[column].withoutSpaces : ""
            let named = Genre.numberColumnHeaders.contains(header)
            if named, !values.isEmpty, integers.count == values.count { return column }
        }
        return nil
    }

    /// The row's label: the first cell with Thai letters, without "ตัวชี้วัดที่ N" (which gives the number);
    /// the number column's text only when no other cell has any (a summary row: "คะแนนเฉลี่ย | | 97.72").
    private func labelCell(_ row: TableRow, skipping numberColumn: Int?) -> (label: String, docNumber: Int?)? {
        let thai = row.cells.indices.filter { row.cells[$0].unicodeScalars.contains(where: isThaiConsonant) }
        guard let index = thai.first(where: { $0 != numberColumn }) ?? thai.first else { return nil }
        return IndicatorLabel.split(row.cells[index])
    }

    /// A garbled indicator label still reads as a name: Thai words, not a summary row ("คะแนนสูงสุด").
    private func looksLikeLabel(_ label: String) -> Bool {
        label.unicodeScalars.filter(isThaiConsonant).count >= 4 && !label.has(Genre.scoreWord)
    }

    static func isSummary(_ label: String) -> Bool {
        (Genre.summaryRowWords.contains(where: label.has) || Genre.scoreRowLabels.contains(label.withoutSpaces))
            && !Genre.extremeRowWords.contains(where: label.has)
    }

    static func integer(_ cells: [String], _ column: Int) -> Int? {
        column < cells.count ? Int(cells[column]) : nil
    }
}

/// "ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร" is label "ประสิทธิภาพการสื่อสาร" with printed number 7.
enum IndicatorLabel {
    static func split(_ text: String) -> (label: String, docNumber: Int?) {
        // On bytes: every row of every table comes through here, and the markers and digits are bytes.
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var rest = Substring(text.trimmed()).utf8[...]
        var number: Int?
        let marker = Genre.indicatorNumberMarker.utf8
        if rest.starts(with: marker) {
            rest = rest.dropFirst(marker.count).drop(while: { $0 == 0x20 })
            let digits = rest.prefix(while: isDigit)
            number = Int(Substring(digits))
            rest = rest.dropFirst(digits.count)
        } else {
            let digits = rest.prefix(while: isDigit)
            if !digits.isEmpty, rest.dropFirst(digits.count).first == UInt8(ascii: ".") {
                number = Int(Substring(digits))
                rest = rest.dropFirst(digits.count + 1)
            }
        }
        return (Substring(rest).trimmed(" .:"), number)
    }
}

/// A question code at the start of a cell: "ข้อ i1", "E11", "o6แผน…", "017" (a zero for o), "(2" (OCR's
/// reading of i2), "ข้อ 27" (no letter: the block gives it).
struct QuestionCode {
    var cell: Int
    var letter: String?
    /// What stood for the letter: a zero, or OCR's misreading (`Genre.questionLetterMisreadings`).
    var misread: Character?
    var number: String
    var text: String?

    /// The first code among the row's first cells; in a column headed "ข้อ", a bare number is a code whose
    /// letter the block gives.
    static func find(in cells: [String], codeColumn: Int? = nil) -> QuestionCode? {
        for (index, cell) in cells.enumerated().prefix(4) {
            if let code = parse(cell, cell: index) { return code }
            if index == codeColumn, let number = Int(cell.trimmed()), (1...99).contains(number) {
                return QuestionCode(cell: index, letter: nil, number: String(number), text: nil)
            }
        }
        return nil
    }

    /// The bytes a code can start with: its letters in both cases and their misreadings, all ASCII.
    private static let firstBytes: Set<UInt8> = Set(
        (Genre.questionCodeLetters.keys.flatMap { [$0, Character($0.uppercased())] } + Genre.questionLetterMisreadings.keys)
            .compactMap(\.asciiValue))

    static func parse(_ raw: String, cell: Int) -> QuestionCode? {
        // Most cells are not codes: the first byte says so without splitting Thai into Characters.
        if let first = raw.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), !firstBytes.contains(first), first != 0xC2,
            !raw.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).starts(with: Genre.questionWord.utf8)
        {
            return nil
        }
        var rest = Substring(raw.trimmed())
        var hasPrefix = false
        if rest.hasPrefix(Genre.questionWord) {
            rest = rest.dropFirst(Genre.questionWord.count).drop(while: { $0 == " " })
            hasPrefix = true
        }
        guard let first = rest.first else { return nil }
        var letter: String?
        var misread: Character?
        let followedByDigit = rest.dropFirst().first.map { $0.isASCII && $0.isNumber } ?? false
        if first.isLetter, let lower = first.lowercased().first, Genre.questionCodeLetters[lower] != nil {
            letter = String(lower)
            rest = rest.dropFirst()
        } else if Genre.questionLetterMisreadings[first] != nil, followedByDigit {
            misread = first
            rest = rest.dropFirst()
        } else if !hasPrefix {
            return nil
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= (misread == nil ? 3 : 2), let number = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        if let next = after.first, next == "." || next == "," || (next.isASCII && next.isLetter) { return nil }
        // "(1)" numbers a list item; "60 วัน" is not question 0.
        if misread != nil, number == 0 || after.first == ")" { return nil }
        let text = after.trimmed()
        return QuestionCode(cell: cell, letter: letter, misread: misread, number: String(number), text: text.isEmpty ? nil : text)
    }

    /// The code's letter, given the letter its block names: its own, or the block's when it has none or
    /// a misreading that may stand for it.
    func resolvedLetter(block: String?) -> String? {
        if let letter { return letter }
        guard let misread else { return block }
        if let block, let character = block.first, Genre.questionLetterMisreadings[misread]?.contains(character) == true { return block }
        return Genre.questionLetterDefaults[misread].map(String.init)
    }
}

extension Tool {
    /// The code letter of the tool's questions.
    var letter: String { String(rawValue.prefix(1)).lowercased() }

    init?(letter: String) {
        switch letter {
        case "i": self = .iit
        case "e": self = .eit
        case "o": self = .oit
        default: return nil
        }
    }
}
