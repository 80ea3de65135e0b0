import Foundation
import RecordModel

/// What a number in running text is the score of.
enum ScoreSubject: Equatable {
    case overall
    case indicator(Int, label: String, docNumber: Int?, similarity: Double)
    case tool(Tool, part: Int?)
    case question(code: String)
}

/// Reads the scores one line of prose (or one table row read as text) states.
///
/// A number is a score when "คะแนน" stands right after it, or right before it ("ได้คะแนน 100.00",
/// "= 92.51 คะแนน"). Its subject is the last indicator, tool or overall-result phrase written before it in
/// the line; a number with no new subject keeps the previous number's ("ปี 2566 = 92.51 คะแนน ปี 2567 =
/// 99.22 คะแนน"). Differences ("ผลต่าง", "สูงกว่า…") and full marks ("คะแนนเต็ม") are not scores.
struct ProseScoreReader {
    let text: String
    let at: Location
    let contextYear: Int?

    static let overallCues = ["ผลการประเมิน", "คะแนนรวม", "คะแนนเฉลี่ย", "คะแนนประเมิน"]
    /// Cues that name the overall result only when no indicator or tool was named just before them
    /// ("การเปิดเผยข้อมูล เทศบาล มีผลคะแนน 86.75" is the indicator's score).
    static let weakOverallCues = ["ค่าคะแนน", "มีคะแนน", "ผลคะแนน"]
    static let notScoreCues = ["ผลต่าง", "สูงกว่า", "ต่ำกว่า", "เพิ่มขึ้น", "ลดลง", "เปลี่ยนแปลง", "เต็ม", "ส่วนต่าง", "ร้อยละ"]
    static let levels = ["ผ่านดีเยี่ยม", "ไม่ผ่าน", "ผ่านดี", "ผ่าน", "AA", "A", "B", "C", "D", "E", "F"]

    func read(into collector: inout ScoreCollector) {
        let numbers = Numbers.scan(text)
        let cursor = ByteCursor(text)
        guard numbers.contains(where: { isScore($0, cursor) }) else { return }
        let years = YearTracker.years(in: text, numbers: numbers, cursor: cursor)
        var subject: ScoreSubject?
        var windowStart = text.startIndex
        for (position, number) in numbers.enumerated() {
            guard isScore(number, cursor) else { continue }
            // The subject is looked for since the previous score: years and list numbers between stay in view.
            let window = text[Self.recent(text, from: windowStart, before: number.range.lowerBound)..<number.range.lowerBound]
            windowStart = number.range.upperBound
            // About the last 30 characters, in scalars (Character counting splits graphemes, which is slow).
            let tail = String(window.unicodeScalars.suffix(40))
            if Self.notScoreCues.contains(where: tail.has) { continue }
            if let found = Self.subject(in: String(window)) { subject = found }
            guard let subject else { continue }
            let statedYear = years.last(where: { $0.index < number.range.lowerBound })?.year
            let year = statedYear ?? contextYear
            switch subject {
            case .overall:
                guard let year else { continue }
                let nextNumber = position + 1 < numbers.count ? numbers[position + 1].range.lowerBound : text.endIndex
                let level = Self.level(after: text[number.range.upperBound..<nextNumber])
                collector.assessments.append(Assessment(yearBE: year, score: number.value, level: level, at: at))
            case .indicator(let indicator, let label, let docNumber, let similarity):
                collector.indicatorCandidates.append(IndicatorCandidate(
                    indicator: indicator, similarity: similarity, label: label, year: year, score: number.value,
                    docNumber: docNumber, at: at, fromTable: false, table: nil, yearStated: statedYear != nil))
            case .tool(let tool, let part):
                collector.tools.append(ToolScore(tool: tool, part: part, yearBE: year, score: number.value, at: at))
            case .question(let code):
                collector.questions.append(QuestionScore(
                    code: code, tool: code.first.map(String.init).flatMap(Tool.init(letter:)), yearBE: year,
                    score: number.value, text: nil, at: at))
            }
        }
    }

    /// Where to start looking for a subject: at `start`, but no more than about 200 characters before the
    /// number (a subject named further back is not this number's), on a character boundary.
    static func recent(_ text: String, from start: String.Index, before end: String.Index) -> String.Index {
        let utf8 = text.utf8
        guard utf8.distance(from: start, to: end) > 600 else { return start }
        var index = utf8.index(end, offsetBy: -600)
        while index < end, let byte = utf8[index...].first, byte & 0xC0 == 0x80 { index = utf8.index(after: index) }
        return index
    }

    private func isScore(_ number: NumberToken, _ cursor: ByteCursor) -> Bool {
        guard number.isScore, number.value >= 0 else { return false }
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: number.range.lowerBound)
        let end = utf8.distance(from: utf8.startIndex, to: number.range.upperBound)
        if cursor.startsWith("คะแนน", from: end, skipping: [UInt8(ascii: ")")]) { return true }
        return cursor.endsWith(["คะแนน"], before: start, skipping: ["=", ":", "เท่ากับ", "อยู่ที่", "("])
    }

    /// The last subject named in `window`, or nil when it names none.
    static func subject(in window: String) -> ScoreSubject? {
        var found: [(String.Index, ScoreSubject)] = []
        var coveredByNumbered: [Range<String.Index>] = []
        var start = window.startIndex
        while let range = window.find("ตัวชี้วัด", from: start) {
            start = range.upperBound
            let rest = window[range.lowerBound...]
            let labelEnd = ["ได้", "(", "=", "คะแนน", "มี"].compactMap { rest.find($0)?.lowerBound }.min() ?? rest.endIndex
            let phrase = String(rest[..<labelEnd])
            let (label, docNumber) = IndicatorLabel.split(phrase.hasPrefix("ตัวชี้วัดที่") ? phrase : String(phrase.dropFirst("ตัวชี้วัด".count)))
            if let match = Indicators.match(label) {
                found.append((range.lowerBound, .indicator(match.indicator, label: label, docNumber: docNumber, similarity: match.similarity)))
                coveredByNumbered.append(range.lowerBound..<labelEnd)
            }
        }
        for code in questionCodes(in: window) {
            found.append((code.index, .question(code: code.code)))
        }
        let tools = ToolNames.mentions(in: window)
        for tool in tools {
            found.append((tool.range.lowerBound, .tool(tool.tool, part: tool.part)))
        }
        // An indicator's words inside a tool's name ("แบบตรวจการเปิดเผยข้อมูลสาธารณะ") name the tool.
        let covered = coveredByNumbered + tools.map(\.range)
        for mention in Indicators.mentions(in: window) where !covered.contains(where: { $0.overlaps(mention.range) }) {
            let label = String(window[mention.range])
            found.append((mention.range.lowerBound, .indicator(mention.indicator, label: label, docNumber: nil, similarity: 1)))
        }
        for cue in overallCues {
            if let range = window.findLast(cue) { found.append((range.lowerBound, .overall)) }
        }
        var weak: String.Index?
        for cue in weakOverallCues {
            if let range = window.findLast(cue), weak.map({ range.lowerBound > $0 }) ?? true {
                weak = range.lowerBound
            }
        }
        guard let last = found.max(by: { $0.0 < $1.0 }) else { return weak.map { _ in .overall } }
        guard let weak, weak > last.0 else { return last.1 }
        if last.1 != .overall, window.distance(from: last.0, to: weak) <= 60 { return last.1 }
        return .overall
    }

    /// Question codes written as words in running text ("ข้อ o33", "I12"): a tool letter and one to three
    /// digits, with no letter or digit glued on either side.
    static func questionCodes(in text: String) -> [(code: String, index: String.Index)] {
        let bytes = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
        var found: [(String, String.Index)] = []
        for i in bytes.indices where "iIeEoO".utf8.contains(bytes[i]) && (i == 0 || !isASCIIAlphanumeric(bytes[i - 1])) {
            var end = i + 1
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            guard (2...4).contains(end - i), end == bytes.count || !(isASCIIAlphanumeric(bytes[end]) || bytes[end] == 0x2E)
            else { continue }
            // A range of questions ("o1 - o33", "i1–i30") names a group of them (an indicator or a tool), not one.
            func isDash(at k: Int) -> Bool {
                bytes[k] == 0x2D || (k + 2 < bytes.count && bytes[k] == 0xE2 && bytes[k + 1] == 0x80 && bytes[k + 2] == 0x93)
            }
            var after = end
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            var before = i
            while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
            let dashBefore = (before >= 1 && bytes[before - 1] == 0x2D) || (before >= 3 && isDash(at: before - 3))
            if (after < bytes.count && isDash(at: after)) || dashBefore { continue }
            let number = Int(String(decoding: bytes[(i + 1)..<end], as: UTF8.self))!
            let code = String(UnicodeScalar(bytes[i] | 0x20)) + String(number)
            found.append((code, text.utf8.index(text.startIndex, offsetBy: i)))
        }
        return found
    }

    /// The grade written after a score: "อยู่ในระดับ AA", "และอยู่ในระดับผ่านดี", or "97.72 ผ่านดี".
    static func level(after text: Substring) -> String? {
        var rest = text.drop(while: { $0 == " " })
        if rest.hasPrefix("คะแนน") { rest = rest.dropFirst("คะแนน".count) }
        let window = rest.prefix(60)
        if let level = leadingLevel(window) { return level }
        guard let range = window.find("ระดับ") else { return nil }
        return leadingLevel(window[range.upperBound...])
    }

    private static func leadingLevel(_ text: Substring) -> String? {
        let candidate = text.drop(while: { $0 == " " || $0 == "“" || $0 == "\"" || $0 == ":" })
        for level in levels where candidate.hasPrefix(level) {
            let next = candidate.dropFirst(level.count).first
            if let next, next.isASCII && next.isLetter { continue }
            return level
        }
        return nil
    }
}
