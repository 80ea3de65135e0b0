import Foundation

/// A number written in text, with where it stands.
struct NumberToken: Sendable {
    var value: Double
    var text: Substring
    var range: Range<String.Index>

    /// Written with a decimal point ("95.02").
    var isDecimal: Bool { text.contains(".") }
    /// A Buddhist-era year (2400–2700) written as four digits.
    var isYearBE: Bool { !isDecimal && text.count == 4 && (2400...2700).contains(Int(value)) }
    /// A score: 0–100.
    var isScore: Bool { value >= 0 && value <= 100 && !isYearBE }
}

/// Finds numbers in running text ("95.02", "-2.50", "100"), skipping those glued to letters or inside
/// dates and codes ("พ.ศ.2567", "i15", "56101/77").
enum Numbers {
    static func scan(_ text: String) -> [NumberToken] {
        var found: [NumberToken] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c.isASCII && c.isNumber else {
                i = text.index(after: i)
                continue
            }
            var start = i
            if start > text.startIndex {
                let before = text[text.index(before: start)]
                if before == "-" || before == "−" {
                    let signIndex = text.index(before: start)
                    let beforeSign = signIndex > text.startIndex ? text[text.index(before: signIndex)] : " "
                    if !(beforeSign.isNumber || beforeSign.isLetter) { start = signIndex }
                } else if before.isLetter && before.isASCII || before == "/" {
                    // Part of a code ("i15") or a reference number ("56101/77").
                    i = skipDigits(text, from: i)
                    continue
                }
            }
            var end = skipDigits(text, from: i)
            if end < text.endIndex, text[end] == ".", text.index(after: end) < text.endIndex,
                text[text.index(after: end)].isASCII, text[text.index(after: end)].isNumber
            {
                end = skipDigits(text, from: text.index(after: end))
            }
            if end < text.endIndex, text[end] == "/" {
                i = skipDigits(text, from: text.index(after: end))
                continue
            }
            let literal = text[start..<end]
            if let value = Double(literal.replacingOccurrences(of: "−", with: "-")) {
                found.append(NumberToken(value: value, text: literal, range: start..<end))
            }
            i = end
        }
        return found
    }

    /// The cell's value when the whole cell is one number ("95.83", "-2.50"); with `dashIsZero`, a
    /// change column's "-" is zero.
    static func cellValue(_ cell: String, dashIsZero: Bool = false) -> Double? {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if dashIsZero && (trimmed == "-" || trimmed == "–") { return 0 }
        let tokens = scan(trimmed)
        guard tokens.count == 1, tokens[0].text.count == trimmed.count else { return nil }
        return tokens[0].value
    }

    private static func skipDigits(_ text: String, from start: String.Index) -> String.Index {
        var i = start
        while i < text.endIndex, text[i].isASCII, text[i].isNumber { i = text.index(after: i) }
        return i
    }
}
