import Genre
import Normalization
import Segmentation

/// The first heading of a report: the line or lines that stand apart as a heading at the top of the page.
///
/// Site, breadcrumb, date and counter lines above it are passed over; the heading is its paragraph's lines
/// up to a rule line, a date or counter line, or a line of running text. A page that opens with a running
/// sentence has no heading. In HTML the heading is the first heading element.
struct ReportTitle: Sendable {
    /// What a line at the top of a page is.
    enum Role: Equatable {
        /// Dots or dashes drawn under a heading.
        case rule
        /// A site path, byline, date or counter line.
        case site
        /// Running text: a sentence, not a heading.
        case sentence
        /// A line of a heading.
        case heading
    }

    private static let openers = Genre.sentenceOpeners
    private static let clauses = PatternSet(Genre.clauseWords)
    private static let siteCues = PatternSet(Genre.siteLineCues)
    /// Longest first, so that a word is read by its longest known start ("วันที่" before "วัน").
    private static let dateWords = (Genre.dateLineWords + Genre.monthNames).sorted { $0.count > $1.count }

    func title(_ blocks: [Block]) -> String? {
        if let heading = htmlHeading(blocks) { return heading }
        var heading: [String] = []
        for block in blocks {
            guard case .paragraph(let lines) = block else {
                if heading.isEmpty { continue } else { break }
            }
            for line in lines {
                let text = Self.clean(line.text)
                // Page numbers and codes above the heading ("043", "2566") are not one.
                if heading.isEmpty && !text.contains(where: \.isLetter) { continue }
                switch Self.role(text) {
                case .rule, .site:
                    if heading.isEmpty { continue }
                    return Self.finish(heading)
                case .sentence:
                    return heading.isEmpty ? nil : Self.finish(heading)
                case .heading:
                    heading.append(text)
                }
            }
            if !heading.isEmpty { return Self.finish(heading) }
        }
        return nil
    }

    /// The heading's lines joined, unless together they read as one running sentence wrapped over lines
    /// (their length is no sign, a heading of three lines is long too; nor is a line after an address line).
    private static func finish(_ lines: [String]) -> String? {
        let text = lines.joined(separator: " ")
        return lines.count > 1 && sentenceSigns(text, whole: false) >= 2 ? nil : text
    }

    /// The text of the first `<h1>`…`<h6>` element, which may run over several lines of its paragraph.
    private func htmlHeading(_ blocks: [Block]) -> String? {
        for block in blocks {
            guard case .paragraph(let lines) = block else { continue }
            for (index, line) in lines.enumerated() {
                guard let open = Self.headingTag(in: line.text) else { continue }
                var raw = String(line.text[open...])
                var next = index + 1
                while raw.find("</h") == nil, next < lines.count {
                    raw += " " + lines[next].text
                    next += 1
                }
                if let close = raw.find("</h") { raw = String(raw[..<close.lowerBound]) }
                let text = CellText.clean(raw)
                return text.isEmpty ? nil : text
            }
        }
        return nil
    }

    private static func headingTag(in text: String) -> String.Index? {
        var start = text.startIndex
        while let range = text.find("<h", from: start) {
            start = range.upperBound
            if let level = text[range.upperBound...].first, ("1"..."6").contains(level) { return range.lowerBound }
        }
        return nil
    }

    /// A line's text without markup or a markdown heading mark ("## ", not the "#" of a hashtag).
    static func clean(_ raw: String) -> String {
        let text = CellText.clean(raw)
        let unmarked = text.drop { $0 == "#" }
        return unmarked.count < text.count && unmarked.first == " " ? unmarked.trimmed() : text
    }

    static func role(_ text: String) -> Role {
        if RuleLine.matches(text) { return .rule }
        if text.count <= Genre.headingUsualLength, isSiteLine(text) { return .site }
        if openers.contains(where: { text.hasPrefix($0) }) || text.count > Genre.headingMaxLength || goesOnAfterAddress(text) {
            return .sentence
        }
        // A short line standing apart is a heading whatever it says; a longer one must read like a heading.
        if text.count <= Genre.headingShortLength { return .heading }
        return sentenceSigns(text) >= 2 ? .sentence : .heading
    }

    /// A site path, byline or counter line, or a line that is only a date or a time.
    static func isSiteLine(_ text: String) -> Bool {
        if !siteCues.matches(in: text).isEmpty || Genre.sectionLabels.contains(text)
            || Genre.bylineOpeners.contains(where: { text.hasPrefix($0) })
        {
            return true
        }
        let words = text.split(separator: " ").map { String($0.trimmed("()[]")) }.filter { !$0.isEmpty }
        // A line of hashtags.
        if words.allSatisfy({ $0.hasPrefix("#") }) { return true }
        guard words.contains(where: { $0.contains(where: \.isNumber) }) else { return false }
        return words.allSatisfy(isDateWord)
    }

    /// A word made of numbers, date words and month names only, glued or not: "14/ส.ค./2567",
    /// "วันจันทร์ที่", "09:45".
    private static func isDateWord(_ word: String) -> Bool {
        var rest = Substring(word)
        while let first = rest.first {
            if first.isNumber || ":/.,-".contains(first) {
                rest = rest.dropFirst()
            } else if let known = dateWords.first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(known.count)
            } else {
                return false
            }
        }
        return true
    }

    /// Signs that a line (or lines joined) is running text: it is long, it has a clause word, it states a
    /// score (two signs when it states two or more: a headline states one result), it ends the way a
    /// sentence ends.
    static func sentenceSigns(_ text: String, whole line: Bool = true) -> Int {
        var signs = 0
        if line && text.count > Genre.headingUsualLength { signs += 1 }
        if !clauses.matches(in: text).isEmpty { signs += 1 }
        signs += min(scoreCount(text), 2)
        if Genre.sentenceEndings.contains(where: { text.hasSuffix($0) })
            || text.unicodeScalars.last.map({ $0.properties.isEmojiPresentation }) == true
        {
            signs += 1
        }
        return signs
    }

    /// Whether the sentence goes on after a full address ("… อำเภอเมือง จังหวัดยโสธร ได้รับแจ้งผล …"); an
    /// organisation line ends at its province or goes on with the fiscal year only.
    private static func goesOnAfterAddress(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        var sawDistrict = false
        for (index, word) in words.enumerated() {
            if Genre.districtWords.contains(where: { word.hasPrefix($0) }) { sawDistrict = true }
            guard sawDistrict, Genre.provinceWords.contains(where: { word.hasPrefix($0) }) else { continue }
            let rest = words[(index + 1)...]
            if rest.count >= Genre.wordsAfterAddress, let next = rest.first,
                !Genre.fiscalYearPhrases.contains(where: { next.hasPrefix($0) })
            {
                return true
            }
        }
        return false
    }

    /// How many numbers stand right before the word คะแนน.
    private static func scoreCount(_ text: String) -> Int {
        var count = 0
        var start = text.startIndex
        while let range = text.find("คะแนน", from: start) {
            start = range.upperBound
            let before = text[..<range.lowerBound].reversed().drop { $0 == " " }
            if before.first?.isNumber == true { count += 1 }
        }
        return count
    }
}

/// The fiscal year (ปีงบประมาณ) a subject or title names: "ประจำปีงบประมาณ พ.ศ. 2566", "ปี 2566", "ปี 66",
/// "ITA 2568". A range of years names none; a year in the Common Era ("ITA AWARDS 2024") is not one.
enum FiscalYear {
    static func find(_ text: String) -> Int? {
        for phrase in Genre.fiscalYearPhrases {
            var start = text.startIndex
            while let range = text.find(phrase, from: start) {
                start = range.upperBound
                guard let (year, rest) = year(after: text[range.upperBound...]) else { continue }
                return isRange(rest) ? nil : year
            }
        }
        return nil
    }

    /// The Buddhist-era year written right after a phrase, and the text after it.
    private static func year(after text: Substring) -> (Int, Substring)? {
        var rest = text.drop(while: { $0 == " " })
        for era in Genre.buddhistEra where rest.hasPrefix(era) {
            rest = rest.dropFirst(era.count).drop(while: { $0 == " " })
            break
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        let after = rest.dropFirst(digits.count)
        guard let value = Int(digits) else { return nil }
        switch digits.count {
        case 4 where (2400...2700).contains(value): return (value, after)
        // "ปี 66" is 2566; "ITA 96.50" and "ปี 66 คะแนน" are scores.
        case 2 where !(after.first == "." && after.dropFirst().first?.isNumber == true)
            && !after.drop(while: { $0 == " " }).hasPrefix("คะแนน"):
            return (2500 + value, after)
        default: return nil
        }
    }

    /// Whether a year is followed by a range mark and another year ("2562 - 2567").
    private static func isRange(_ rest: Substring) -> Bool {
        let trimmed = rest.drop(while: { $0 == " " })
        for mark in Genre.yearRangeMarks where trimmed.hasPrefix(mark) {
            var next = trimmed.dropFirst(mark.count).drop(while: { $0 == " " })
            for era in Genre.buddhistEra where next.hasPrefix(era) { next = next.dropFirst(era.count).drop(while: { $0 == " " }) }
            if next.first?.isNumber == true { return true }
        }
        return false
    }
}
