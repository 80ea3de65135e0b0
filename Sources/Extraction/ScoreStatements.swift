import Genre
import RecordModel

/// What a number in running text is the score of.
enum ScoreSubject: Equatable, Sendable {
    case overall
    case indicator(Int, label: String, docNumber: Int?, similarity: Double)
    case tool(Tool, part: Int?)
    case question(code: String)
    /// Another body's score: a national or group average, the next body of a ranking.
    case otherBody
    /// A score the record does not hold: an old-model index, another assessment.
    case unrecorded
}

/// What the lines around a statement say about its scores.
struct StatementScope: Sendable {
    /// The assessment year in force: a list heading's, a caption's, the last sentence's.
    var year: Int?
    /// The document's own assessment year, which "ปีนี้" names.
    var thisYear: Int?
    /// The subject a list heading or the document's heading gives scores stated without one.
    var subject: ScoreSubject?
}

/// What the reader decided about one number, for `sarabun explain`.
public struct ScoreDecision: Sendable, Equatable {
    /// Where the number stands.
    public var at: Location
    /// The number as written.
    public var number: String
    /// "taken as …" with the subject, year and level, or "refused: RULE" with the reason.
    public var outcome: String
}

extension ScoreCollector {
    /// Records a decision when explaining; the text is built only then.
    mutating func explain(_ decision: (Location, String, () -> String)) {
        guard explaining else { return }
        decisions.append(ScoreDecision(at: decision.0, number: decision.1, outcome: decision.2()))
    }
}

/// Reads the scores one line of prose (or one table row read as text) states, in any of the genre's word
/// orders: "ORG ได้คะแนน N อยู่ในระดับ L", "อยู่ในระดับ L ด้วยคะแนน N", "ปีงบประมาณ Y ได้ N คะแนน (ระดับ L)",
/// "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ N" in a list.
///
/// Each number from 0 to 100 is a candidate. It is a score when it is stated as one ("คะแนน" beside it, or
/// the value closing a list item that names its subject) and the nearest governing word before it does not
/// make it something else (``Genre/governingWords``: differences, thresholds, full marks, ranks, counts).
/// Its subject is the nearest cue before it since the previous score (an indicator, a tool, a question
/// code, an overall-result word, another body), else the previous score's, else the scope's. Its year is a
/// year phrase right after it, else the nearest before it outside any parenthesis it is not in, else the
/// scope's; its level the grade written after it (or just before its score word).
struct ScoreStatementReader {
    let text: String
    let at: Location
    let scope: StatementScope

    private struct Candidate {
        var token: NumberToken
        var start: Int
        var end: Int
        var refusal: String?
    }

    func read(into collector: inout ScoreCollector) {
        let numbers = Numbers.scan(text)
        guard !numbers.isEmpty else { return }
        let cursor = ByteCursor(text)
        let utf8 = text.utf8
        var candidates: [Candidate] = numbers.compactMap { token in
            guard token.isScore else { return nil }
            let start = utf8.distance(from: utf8.startIndex, to: token.range.lowerBound)
            let end = utf8.distance(from: utf8.startIndex, to: token.range.upperBound)
            return Candidate(token: token, start: start, end: end)
        }
        guard !candidates.isEmpty else { return }
        let years = YearPhrases.find(in: text, numbers: numbers, cursor: cursor, thisYear: scope.thisYear)
        let line = LineView(cursor: cursor, governors: Self.governorPatterns.matches(in: text), spans: Parentheses.spans(in: cursor.bytes))
        // "ปี 66" is a year, not a score of 66.
        candidates.removeAll { candidate in years.contains { $0.start == candidate.start } }
        for index in candidates.indices {
            candidates[index].refusal = refusal(candidates[index], line)
        }
        let accepted = candidates.indices.filter { candidates[$0].refusal == nil }
        var subject: ScoreSubject?
        var windowStart = 0
        var consumedYears: Set<Int> = []
        for (position, index) in accepted.enumerated() {
            let candidate = candidates[index]
            let window = Substring(text.utf8[utf8.index(utf8.startIndex, offsetBy: max(windowStart, candidate.start - 600))..<candidate.token.range.lowerBound])
            windowStart = candidate.end
            if let found = Self.subject(in: String(window)) { subject = found }
            let nextStart = position + 1 < accepted.count ? candidates[accepted[position + 1]].start : cursor.bytes.count
            guard let chosen = subject ?? scope.subject else {
                collector.explain(decision(candidate, "refused: no_subject (no indicator, tool, question or overall cue before it)"))
                continue
            }
            if chosen == .otherBody || chosen == .unrecorded {
                collector.explain(decision(candidate, chosen == .otherBody
                    ? "refused: other_body (an average or another body's score)"
                    : "refused: unrecorded_subject (an index or another assessment the record does not hold)"))
                subject = nil
                continue
            }
            let year = self.year(of: candidate, years, consumed: &consumedYears)
            let level = Grades.level(after: Substring(text.utf8[candidate.token.range.upperBound..<utf8.index(utf8.startIndex, offsetBy: nextStart)]))
                ?? Grades.level(before: Substring(window))
            take(candidate, subject: chosen, year: year, level: level, into: &collector)
        }
        for candidate in candidates {
            if let refusal = candidate.refusal { collector.explain(decision(candidate, "refused: " + refusal)) }
        }
        collector.gradeFacts += Grades.statedWithYears(in: text, years: years, at: at)
    }

    private func take(_ candidate: Candidate, subject: ScoreSubject, year: (value: Int, stated: Bool)?, level: String?,
                      into collector: inout ScoreCollector)
    {
        let value = candidate.token.value
        let yearText = year.map { String($0.value) } ?? "no year"
        switch subject {
        case .overall:
            guard let year else {
                // A headline that gives the score without its year states the body's result ("ได้ ITA 96.06 คะแนน").
                collector.yearlessOverall.append((value, level, at))
                collector.explain(decision(candidate, "kept aside: no_year (one with the same score and a year elsewhere takes it)"))
                return
            }
            collector.assessments.append(Assessment(yearBE: year.value, score: value, level: level, at: at))
            collector.explain(decision(candidate, "taken as the overall score, \(yearText), level \(level ?? "none")"))
        case .indicator(let indicator, let label, let docNumber, let similarity):
            collector.indicatorCandidates.append(IndicatorCandidate(
                indicator: indicator, similarity: similarity, label: label, year: year?.value, score: value,
                docNumber: docNumber, at: at, fromTable: false, table: nil, yearStated: year?.stated ?? false))
            collector.explain(decision(candidate, "taken as indicator \(indicator) (\(label)), \(yearText)"))
        case .tool(let tool, let part):
            collector.tools.append(ToolScore(tool: tool, part: part, yearBE: year?.value, score: value, at: at))
            collector.explain(decision(candidate, "taken as tool \(tool.rawValue)\(part.map { " part \($0)" } ?? ""), \(yearText)"))
        case .question(let code):
            collector.questions.append(QuestionScore(
                code: code, tool: code.first.map(String.init).flatMap(Tool.init(letter:)), yearBE: year?.value,
                score: value, text: nil, at: at))
            collector.explain(decision(candidate, "taken as question \(code), \(yearText)"))
        case .otherBody, .unrecorded:
            return
        }
    }

    private func decision(_ candidate: Candidate, _ outcome: @autoclosure @escaping () -> String) -> (Location, String, () -> String) {
        (at, String(candidate.token.text), outcome)
    }

    // MARK: Is it a score?

    private static let governorPatterns = PatternSet(Genre.governingWords.map(\.text))
    private static let unitPatterns = Genre.unitsAfterNumber

    /// Why the candidate is not a score, or nil when it is one.
    /// A line's bytes, governing words and parentheses, found once for all its candidates.
    private struct LineView {
        var cursor: ByteCursor
        var governors: [(pattern: Int, range: Range<Int>)]
        var spans: [Range<Int>]
    }

    private func refusal(_ candidate: Candidate, _ line: LineView) -> String? {
        let cursor = line.cursor
        let b = cursor.bytes
        let start = candidate.start
        let end = candidate.end
        if start > 0, b[start - 1] == UInt8(ascii: ","), start >= 2, b[start - 2] >= 0x30, b[start - 2] <= 0x39 {
            return "count (part of a number with thousands separators)"
        }
        if end + 1 < b.count, b[end] == UInt8(ascii: ","), b[end + 1] >= 0x30, b[end + 1] <= 0x39 {
            return "count (a number with thousands separators)"
        }
        if Self.isRange(b, start: start, end: end) { return "range (two numbers joined by a dash)" }
        if Self.inAddress(b, start: start, end: end) { return "address (inside a web address)" }
        if Self.isListMarker(b, start: start, end: end) { return "list_marker (the number of a list item)" }
        if let unit = Self.unitAfter(cursor, end) { return "\(unit.reason.rawValue) (followed by \(unit.text))" }
        // "92.15 คะแนน จาก 100 คะแนน": what the score is out of.
        if cursor.endsWith([Genre.scoreWord + Genre.outOfWord, Genre.scoreWord + " " + Genre.outOfWord], before: start) { return "full_marks (the maximum a score is out of)" }
        let governor = nearestGovernor(before: start, line)
        if let governor, case .refuse(let reason) = governor.governor {
            return "\(reason.rawValue) (after \(governor.text))"
        }
        guard isStated(candidate, line) else { return "not_stated (no คะแนน beside it and not the value of a list item)" }
        return nil
    }

    /// "คะแนน" right after the number, or a score word right before it ("ได้คะแนน 93.40"), or a tool's name
    /// ("EIT = 90.11", "(OIT) 98.58"), or the value closing a short list item that names what it is the
    /// score of ("• ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 98.52").
    private func isStated(_ candidate: Candidate, _ line: LineView) -> Bool {
        let cursor = line.cursor
        if cursor.startsWith(Genre.scoreWord, from: candidate.end, skipping: [UInt8(ascii: ")"), UInt8(ascii: "~")]) { return true }
        let fillers = Genre.transparentWords + Genre.copulas
        if cursor.endsWith([Genre.scoreWord] + Self.scoreCompounds, before: candidate.start, skipping: fillers) { return true }
        if cursor.endsWith(Self.toolWords, before: candidate.start, skipping: ["=", ":", ")"]) { return true }
        // "ได้คะแนนการประเมิน … ปีงบประมาณ พ.ศ. 2564 ร้อยละ 91.09": a percentage after the sentence's score word.
        if cursor.endsWith([Genre.percentWord], before: candidate.start),
            nearestGovernor(before: candidate.start, line, reach: 600)?.governor == .score
        {
            return true
        }
        return closesListItem(candidate, cursor)
    }

    private static let toolWords = Tool.allCases.map(\.rawValue)
    /// The score word's compounds that end a score's lead ("ด้วยผลคะแนนเฉลี่ย 93.40", "คะแนนในภาพรวม 96.06").
    private static let scoreCompounds = (Genre.overallCues + Genre.weakOverallCues).filter { $0.has(Genre.scoreWord) }

    /// A list item is a line with a list marker, or one that opens with its subject ("IIT 95.12").
    private func closesListItem(_ candidate: Candidate, _ cursor: ByteCursor) -> Bool {
        guard cursor.bytes.count <= 360, text.unicodeScalars.count <= 120 else { return false }
        let rest = String(decoding: cursor.bytes[candidate.end...], as: UTF8.self).trimmed(" )")
        guard rest.isEmpty || Grades.level(after: Substring(rest)) != nil else { return false }
        let before = String(decoding: cursor.bytes[..<candidate.start], as: UTF8.self).trimmed()
        guard ListMarker.isItem(before) || Self.subject(in: String(before.unicodeScalars.prefix(12))) != nil else { return false }
        guard let subject = Self.subject(in: before) else { return false }
        return subject != .overall || before.has("ITA")
    }

    /// The nearest governing word before `start` in the number's own clause: a parenthesis is a clause of its
    /// own, so a number inside one looks only inside it, and one outside looks past every closed one.
    private func nearestGovernor(before start: Int, _ line: LineView, reach: Int = 240) -> Genre.GoverningWord? {
        let (cursor, governors, spans) = (line.cursor, line.governors, line.spans)
        let enclosing = spans.last { $0.lowerBound < start && $0.upperBound > start }
        func visible(_ offset: Int) -> Bool {
            if let enclosing { return offset > enclosing.lowerBound }
            return !spans.contains { $0.lowerBound < offset && offset < $0.upperBound && $0.upperBound < start }
        }
        var best: (end: Int, length: Int, word: Genre.GoverningWord)?
        for match in governors where match.range.upperBound <= start && start - match.range.upperBound <= reach && visible(match.range.lowerBound) {
            var word = Genre.governingWords[match.pattern]
            if word.governor == .sum {
                let earlier = governors.contains { other in
                    other.range.upperBound <= match.range.lowerBound && visible(other.range.lowerBound)
                        && { if case .refuse(let reason) = Genre.governingWords[other.pattern].governor { return reason == .difference || reason == .threshold } else { return false } }()
                }
                word.governor = earlier ? .refuse(.difference) : .score
            }
            if word.adjacent, cursor.bytes[match.range.upperBound..<start].contains(where: { $0 != 0x20 }) { continue }
            if best == nil || match.range.upperBound > best!.end
                || (match.range.upperBound == best!.end && match.range.count > best!.length)
            {
                best = (match.range.upperBound, match.range.count, word)
            }
        }
        // Another number between the word and this one (outside a closed side note) is governed by the word instead.
        if let best {
            let text = String(decoding: cursor.bytes[best.end..<start], as: UTF8.self)
            let offsets = Numbers.scan(text).filter { !$0.isYearBE }.map { best.end + text.utf8.distance(from: text.startIndex, to: $0.range.lowerBound) }
            if offsets.contains(where: visible) { return nil }
        }
        return best?.word
    }

    private static func unitAfter(_ cursor: ByteCursor, _ end: Int) -> (text: String, reason: Genre.NotScore)? {
        unitPatterns.first { cursor.startsWith($0.text, from: end) }
    }

    /// "95.00 - 100.00", "95-100": either side of a dash that has a number on its other side.
    private static func isRange(_ b: [UInt8], start: Int, end: Int) -> Bool {
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 }
        func dashLength(at i: Int) -> Int {
            guard i >= 0, i < b.count else { return 0 }
            if b[i] == 0x2D { return 1 }
            if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 { return 3 }
            return 0
        }
        var i = end
        while i < b.count, b[i] == 0x20 { i += 1 }
        let after = dashLength(at: i)
        if after > 0 {
            var j = i + after
            while j < b.count, b[j] == 0x20 { j += 1 }
            if isDigit(j) { return true }
        }
        var k = start - 1
        while k >= 0, b[k] == 0x20 { k -= 1 }
        for length in [1, 3] where k - length + 1 >= 0 && dashLength(at: k - length + 1) == length {
            var j = k - length
            while j >= 0, b[j] == 0x20 { j -= 1 }
            if isDigit(j) { return true }
        }
        return false
    }

    /// A number inside a run of non-space characters that holds "://", "www." or "=" is part of an address.
    private static func inAddress(_ b: [UInt8], start: Int, end: Int) -> Bool {
        var lower = start
        while lower > 0, b[lower - 1] != 0x20 { lower -= 1 }
        var upper = end
        while upper < b.count, b[upper] != 0x20 { upper += 1 }
        let run = b[lower..<upper]
        return (run.contains(UInt8(ascii: "=")) && run.count > end - start + 1) || ByteSlices.contains(run, "://")
            || ByteSlices.contains(run, "www.")
    }

    /// "1.", "1)", "(1)" opening the line, or a whole number followed by a full stop and a word anywhere
    /// ("…(OIT) 1. มอบหมาย…", a table row read as text).
    private static func isListMarker(_ b: [UInt8], start: Int, end: Int) -> Bool {
        if end + 1 < b.count, b[end] == UInt8(ascii: "."), b[end + 1] == 0x20 || b[end + 1] >= 0xE0 { return true }
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: "(") { i += 1 }
        // "… 96.20 คะแนน 2) แบบวัด…": an integer closing a parenthesis it never opened numbers an item run into the line.
        if end < b.count, b[end] == UInt8(ascii: ")"), !b[start..<end].contains(UInt8(ascii: ".")),
            Parentheses.enclosing(start, in: b) == nil
        {
            return true
        }
        guard i == start, end < b.count else { return false }
        return b[end] == UInt8(ascii: ")") || (b[end] == UInt8(ascii: ".") && (end + 1 == b.count || b[end + 1] == 0x20))
    }

    // MARK: Year

    /// A year phrase right after the score ("คะแนนเมื่อปี 2567", "คะแนน (ปี 2566)"), else the nearest before it
    /// outside parentheses it is not inside, else the scope's. `stated` when the line wrote it.
    /// A year phrase taken by the score just before it serves no later score ("จาก 90.10 คะแนน (ปี 2565)
    /// เป็น 93.40 คะแนน").
    private func year(of candidate: Candidate, _ years: [YearPhrase], consumed: inout Set<Int>) -> (value: Int, stated: Bool)? {
        if let index = years.firstIndex(where: { $0.start >= candidate.end && $0.start - candidate.end <= 60 && $0.trailing && !$0.sideNote }),
            !text.utf8.dropFirst(candidate.end).prefix(years[index].start - candidate.end).contains(where: { $0 >= 0x30 && $0 <= 0x39 })
        {
            consumed.insert(index)
            return (years[index].year, true)
        }
        let enclosing = Parentheses.enclosing(candidate.start, in: Array(text.utf8))
        if let before = years.indices.last(where: { index in
            let phrase = years[index]
            return phrase.end <= candidate.start && !consumed.contains(index) && (!phrase.sideNote || phrase.parenthesis == enclosing)
        }).map({ years[$0] }) {
            return (before.year, true)
        }
        return scope.year.map { ($0, false) }
    }

    // MARK: Subject

    private enum CueKind { case overall, weakOverall, otherBody, unrecorded }
    /// The subject cues that are words, found in one pass: overall-result words, weak ones, other bodies,
    /// subjects the record does not hold.
    private static let cues: [(String, CueKind)] = Genre.overallCues.map { ($0, .overall) }
        + Genre.weakOverallCues.map { ($0, .weakOverall) } + Genre.otherBodyCues.map { ($0, .otherBody) }
        + Genre.unrecordedSubjectCues.map { ($0, .unrecorded) }
    private static let cuePatterns = PatternSet(cues.map(\.0))
    private static let cueKinds = cues.map(\.1)

    /// The last subject named in `window`, or nil when it names none.
    static func subject(in window: String) -> ScoreSubject? {
        var found: [(String.Index, ScoreSubject)] = []
        var coveredByNumbered: [Range<String.Index>] = []
        var start = window.startIndex
        while let range = window.find(Genre.indicatorWord, from: start) {
            start = range.upperBound
            let rest = window[range.lowerBound...]
            let labelEnd = Genre.labelEndWords.compactMap { rest.find($0)?.lowerBound }.min() ?? rest.endIndex
            let phrase = String(rest[..<labelEnd])
            let (label, docNumber) = IndicatorLabel.split(phrase.hasPrefix(Genre.indicatorNumberMarker) ? phrase : String(phrase.dropFirst(Genre.indicatorWord.count)))
            if let match = Indicators.match(label) {
                found.append((range.lowerBound, .indicator(match.indicator, label: label, docNumber: docNumber, similarity: match.similarity)))
                coveredByNumbered.append(range.lowerBound..<labelEnd)
            }
        }
        let codes = questionCodes(in: window)
        for code in codes {
            found.append((code.index, .question(code: code.code)))
        }
        let mentions = Indicators.mentions(in: window)
        let indicatorEnds = coveredByNumbered.map(\.upperBound) + mentions.map(\.range.upperBound)
        // "การเปิดเผยข้อมูล (OIT)": the tool in parentheses after an indicator says whose indicator it is.
        let tools = ToolNames.mentions(in: window).filter { tool in
            var before = window[..<tool.range.lowerBound]
            guard before.hasSuffix("(") else { return true }
            before = before.dropLast()
            if before.hasSuffix(" ") { before = before.dropLast() }
            return !indicatorEnds.contains(before.endIndex)
        }
        for tool in tools {
            found.append((tool.range.lowerBound, .tool(tool.tool, part: tool.part)))
        }
        // An indicator's words inside a tool's name ("แบบตรวจการเปิดเผยข้อมูลสาธารณะ") name the tool, and inside a
        // question's wording ("ข้อ i4 การใช้จ่ายงบประมาณ…") the question.
        let covered = coveredByNumbered + tools.map(\.range)
        let firstCode = codes.first?.index
        for mention in mentions where !covered.contains(where: { $0.overlaps(mention.range) }) {
            if let firstCode, mention.range.lowerBound > firstCode { continue }
            let label = String(window[mention.range])
            found.append((mention.range.lowerBound, .indicator(mention.indicator, label: label, docNumber: nil, similarity: 1)))
        }
        let utf8 = window.utf8
        var weak: String.Index?
        for match in cuePatterns.matches(in: window) {
            let index = utf8.index(utf8.startIndex, offsetBy: match.range.lowerBound)
            switch cueKinds[match.pattern] {
            case .weakOverall: weak = max(weak ?? index, index)
            case let kind: found.append((index, kind == .overall ? .overall : kind == .otherBody ? .otherBody : .unrecorded))
            }
        }
        guard let last = found.max(by: { $0.0 < $1.0 }) else { return weak.map { _ in .overall } }
        guard let weak, weak > last.0 else { return last.1 }
        if last.1 != .overall, last.1 != .otherBody, last.1 != .unrecorded, window.distance(from: last.0, to: weak) <= 60 { return last.1 }
        return .overall
    }

    /// Question codes written as words in running text ("ข้อ o33", "I12", "033" for o33 with a Thai zero
    /// read for the letter): a tool letter and one to three digits, with no letter or digit glued on either
    /// side.
    /// The bytes a code in prose starts with, and the letter each is: the letters in both cases and the
    /// stand-ins taken without a block (a zero for o). OCR's misreadings need a table's block to be read.
    private static let codeStarts: [UInt8: String] = {
        var starts: [UInt8: String] = [:]
        for letter in Genre.questionCodeLetters.keys {
            for form in [letter, Character(letter.uppercased())] { if let byte = form.asciiValue { starts[byte] = String(letter) } }
        }
        for (standIn, letter) in Genre.questionLetterDefaults { if let byte = standIn.asciiValue { starts[byte] = String(letter) } }
        return starts
    }()

    static func questionCodes(in text: String) -> [(code: String, index: String.Index)] {
        let bytes = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        var found: [(String, String.Index)] = []
        for i in bytes.indices where codeStarts[bytes[i]] != nil && (i == 0 || !isASCIIAlphanumeric(bytes[i - 1])) {
            var end = i + 1
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            guard (2...4).contains(end - i), end == bytes.count || !(isASCIIAlphanumeric(bytes[end]) || bytes[end] == 0x2E || bytes[end] == 0x2F)
            else { continue }
            // A zero for the letter only at a list item's start ("- 033 รายงาน…"): elsewhere a leading zero is a number's.
            if bytes[i] == UInt8(ascii: "0") {
                let lead = bytes[..<i].filter { $0 != 0x20 && $0 != 0x09 }
                guard end - i >= 3, lead.isEmpty || lead == [UInt8(ascii: "-")] || lead == [0xE2, 0x80, 0xA2] else { continue }
            }
            // A range of questions ("o1 - o33", "i1–i30") names a group of them (an indicator or a tool), not one.
            func dash(at k: Int) -> Int {
                if k >= 0, k < bytes.count, bytes[k] == 0x2D { return 1 }
                if k >= 0, k + 2 < bytes.count, bytes[k] == 0xE2, bytes[k + 1] == 0x80, bytes[k + 2] == 0x93 { return 3 }
                return 0
            }
            var after = end
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            var before = i
            while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
            var dashBefore = false
            for length in [1, 3] where before - length >= 0 && dash(at: before - length) == length {
                var k = before - length
                while k > 0, bytes[k - 1] == 0x20 { k -= 1 }
                if k > 0, isASCIIAlphanumeric(bytes[k - 1]) { dashBefore = true }
            }
            if dash(at: after) > 0 || dashBefore { continue }
            let number = Int(String(decoding: bytes[(i + 1)..<end], as: UTF8.self))!
            found.append((codeStarts[bytes[i]]! + String(number), text.utf8.index(text.startIndex, offsetBy: i)))
        }
        return found
    }
}

/// An assessment year written in a line, with where it stands.
struct YearPhrase: Sendable {
    var year: Int
    var start: Int
    var end: Int
    /// The parenthesis it is written in, as the byte offset of its "(".
    var parenthesis: Int?
    /// Written in a parenthesis that states a score of its own ("(ปีงบประมาณ 2567 : 88.12 คะแนน)"): a side
    /// note about another year, which sets the year of nothing outside it.
    var sideNote = false
    /// Introduced by a word that ties it to a score just before it ("เมื่อปี", "(ปี").
    var trailing: Bool
}

/// Finds the assessment years of a line: "ปีงบประมาณ พ.ศ. 2566", "ปี 66", "ITA 2567", "ปีนี้".
enum YearPhrases {
    static func find(in text: String, numbers: [NumberToken], cursor: ByteCursor, thisYear: Int?) -> [YearPhrase] {
        let bytes = cursor.bytes
        var found: [YearPhrase] = []
        let utf8 = text.utf8
        for token in numbers {
            let start = utf8.distance(from: utf8.startIndex, to: token.range.lowerBound)
            let end = start + token.text.utf8.count
            var year: Int?
            // A bare year in parentheses right after a score names the score's year ("88.10 คะแนน (2564)").
            let bracketed = start > 0 && bytes[start - 1] == UInt8(ascii: "(") && end < bytes.count && bytes[end] == UInt8(ascii: ")")
                && cursor.endsWith([Genre.scoreWord], before: start - 1)
            if token.isYearBE, bracketed || cursor.endsWith(Genre.yearLeads, before: start, skipping: Genre.eraMarkers) {
                year = Int(token.value)
            } else if !token.isDecimal, token.text.utf8.count == 2, (57...99).contains(Int(token.value)),
                cursor.endsWith(Genre.shortYearLeads, before: start, skipping: Genre.eraMarkers),
                !(end < bytes.count && (bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "/")))
            {
                year = 2500 + Int(token.value)
            }
            guard let year else { continue }
            let trailing = bracketed || cursor.endsWith(Genre.trailingYearLeads, before: start, skipping: Genre.eraMarkers + [Genre.budgetWord])
            found.append(YearPhrase(year: year, start: start, end: end,
                                    parenthesis: Parentheses.enclosing(start, in: bytes), trailing: trailing))
        }
        if let thisYear {
            for (word, offset) in Genre.relativeYears {
                var from = text.startIndex
                while let range = text.find(word, from: from) {
                    from = range.upperBound
                    let start = utf8.distance(from: utf8.startIndex, to: range.lowerBound)
                    found.append(YearPhrase(year: thisYear + offset, start: start, end: start + word.utf8.count,
                                            parenthesis: Parentheses.enclosing(start, in: bytes),
                                            trailing: cursor.endsWith(Genre.relativeYearTies, before: start)))
                }
            }
            found.sort { $0.start < $1.start }
        }
        for index in found.indices {
            guard let open = found[index].parenthesis else { continue }
            let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")) ?? bytes.count
            found[index].sideNote = ByteSlices.contains(bytes[open..<close], Genre.scoreWord)
        }
        return found
    }
}

/// Search in byte slices.
enum ByteSlices {
    static func contains(_ bytes: ArraySlice<UInt8>, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard bytes.count >= w.count else { return false }
        var i = bytes.startIndex
        while i <= bytes.endIndex - w.count {
            if bytes[i..<(i + w.count)].elementsEqual(w) { return true }
            i += 1
        }
        return false
    }
}

/// Parentheses of a line.
enum Parentheses {
    /// Each parenthesis of the line, from its "(" to its ")" (to the end when it is not closed).
    static func spans(in bytes: [UInt8]) -> [Range<Int>] {
        var open: [Int] = []
        var spans: [Range<Int>] = []
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "(") { open.append(i) } else if byte == UInt8(ascii: ")"), let start = open.popLast() { spans.append(start..<i) }
        }
        spans += open.map { $0..<bytes.count }
        return spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The offset of the "(" whose parenthesis holds `offset`, or nil when it stands outside every one.
    static func enclosing(_ offset: Int, in bytes: [UInt8]) -> Int? {
        var open: [Int] = []
        for i in 0..<min(offset, bytes.count) {
            if bytes[i] == UInt8(ascii: "(") { open.append(i) } else if bytes[i] == UInt8(ascii: ")") { _ = open.popLast() }
        }
        return open.last
    }
}

/// The grades written beside a score.
enum Grades {
    private static let all = Genre.grades

    /// The grade written after a score: "อยู่ในระดับ AA", "และอยู่ในระดับผ่านดี", "97.72 ผ่านดี", "(ระดับ A)".
    static func level(after text: Substring) -> String? {
        // On scalars and bytes: every score asks, and grapheme breaking Thai was a tenth of the reader's time.
        var rest = Substring(text.unicodeScalars.drop(while: { $0 == " " || $0 == "~" }))
        if rest.utf8.starts(with: Genre.scoreWord.utf8) { rest = Substring(rest.utf8.dropFirst(Genre.scoreWord.utf8.count)) }
        let window = Substring(rest.unicodeScalars.prefix(60))
        if let level = leading(window, afterGradeWord: false) { return level }
        guard let range = window.find(Genre.gradeWord) else { return nil }
        return leading(window[range.upperBound...], afterGradeWord: true)
    }

    /// The grade written just before a score's words: "อยู่ในระดับ A ด้วยคะแนน 91.84".
    static func level(before window: Substring) -> String? {
        guard let range = window.findLast(Genre.gradeWord) else { return nil }
        let rest = window[range.upperBound...]
        guard rest.unicodeScalars.count <= 40 else { return nil }
        return leading(rest, afterGradeWord: true)
    }

    /// A line that only gives a grade: "ระดับ : ผ่านดี", "ระดับผลการประเมิน AA".
    static func line(_ text: String) -> String? {
        let trimmed = Substring(text.trimmed(" -•"))
        guard trimmed.hasPrefix(Genre.gradeWord), trimmed.unicodeScalars.count <= 40 else { return nil }
        var rest = trimmed.dropFirst(Genre.gradeWord.count)
        for filler in Genre.gradeLineFillers where rest.hasPrefix(filler) { rest = rest.dropFirst(filler.count) }
        guard let level = leading(rest, afterGradeWord: true) else { return nil }
        let after = rest.drop(while: { $0 == " " || $0 == ":" || $0 == "“" || $0 == "\"" }).dropFirst(level.count)
        return after.trimmed(" ”\")").isEmpty ? level : nil
    }

    /// A grade alone in a table cell ("A", "ผ่านดี", "สูงมาก"; "–" is none).
    static func cell(_ cell: String) -> String? {
        let trimmed = cell.trimmed(" “”\"")
        if Genre.formerGrades.contains(trimmed) { return trimmed }
        return level(after: Substring(cell))
    }

    /// Grades tied to a year by a phrase right after them: "เปลี่ยนจาก “ผ่านดี” ในปี 2567 มาเป็น “ผ่าน” ในปีนี้".
    static func statedWithYears(in text: String, years: [YearPhrase], at: Location) -> [(year: Int, level: String, at: Location)] {
        guard !years.isEmpty, text.has(Genre.gradeWord) else { return [] }
        var found: [(Int, String, Location)] = []
        let utf8 = text.utf8
        for phrase in years where phrase.start >= 4 {
            let before = Substring(text.utf8[..<utf8.index(utf8.startIndex, offsetBy: phrase.start)])
            let tail = String(before.unicodeScalars.suffix(24))
            for grade in all {
                guard let range = tail.findLast(grade) else { continue }
                let between = tail[range.upperBound...].trimmed(" “”\"")
                guard Genre.gradeYearTies.contains(between) else { continue }
                let start = tail[..<range.lowerBound].unicodeScalars.last
                if let start, (0x0E01...0x0E2E).contains(start.value) { continue }
                found.append((phrase.year, grade, at))
                break
            }
        }
        return found
    }

    private static func leading(_ text: Substring, afterGradeWord: Bool) -> String? {
        let candidate = Substring(text.unicodeScalars.drop(while: { $0 == " " || $0 == "“" || $0 == "\"" || $0 == ":" || $0 == "(" }))
        for level in all + (afterGradeWord ? Genre.formerGrades : []) where candidate.utf8.starts(with: level.utf8) {
            let next = Substring(candidate.utf8.dropFirst(level.utf8.count)).unicodeScalars.first
            if let next, next.isASCII && next.properties.isAlphabetic { continue }
            // The former scale's words begin longer words ("ระดับสูงสุด"): only a whole word is a grade.
            if let next, (0x0E01...0x0E4E).contains(next.value), Genre.formerGrades.contains(level) { continue }
            // "ผ่านเกณฑ์", "ผ่านการประเมิน" are a pass verb, not the grade ผ่าน; glued after ระดับ it still is one.
            if let next, (0x0E01...0x0E4E).contains(next.value), level.unicodeScalars.first!.value >= 0x0E00,
                !(afterGradeWord && isBoundaryAfterThaiGrade(next))
            {
                continue
            }
            return level
        }
        return nil
    }

    /// After "ระดับ", a Thai grade may be glued to the next word only when that word starts with a consonant
    /// ("ระดับผ่านดีในขณะที่"); a vowel or mark after it means the word goes on ("ผ่านเกณฑ์").
    private static func isBoundaryAfterThaiGrade(_ next: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E2E).contains(next.value) && !(0x0E40...0x0E44).contains(next.value)
    }
}
