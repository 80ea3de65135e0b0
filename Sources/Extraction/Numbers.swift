import Foundation

/// A number written in text, with where it stands.
struct NumberToken: Sendable {
    var value: Double
    var text: Substring
    var range: Range<String.Index>

    /// Written with a decimal point ("95.02").
    var isDecimal: Bool { text.utf8.contains(UInt8(ascii: ".")) }
    /// A Buddhist-era year (2400–2700) written as four digits.
    var isYearBE: Bool { !isDecimal && text.count == 4 && (2400...2700).contains(Int(value)) }
    /// A score: 0–100.
    var isScore: Bool { value >= 0 && value <= 100 && !isYearBE }
}

/// Finds numbers in running text ("95.02", "-2.50", "100"), skipping those glued to letters or inside
/// dates and codes ("พ.ศ.2567", "i15", "56101/77").
enum Numbers {
    static func scan(_ text: String) -> [NumberToken] {
        // Works on UTF-8 bytes: digits, signs and separators are ASCII, and walking Characters here was a
        // sixth of the extract stage's time.
        let bytes = text.utf8.withContiguousStorageIfAvailable(Array.init) ?? Array(text.utf8)
        let n = bytes.count
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        func skipDigits(_ from: Int) -> Int {
            var i = from
            while i < n && isDigit(bytes[i]) { i += 1 }
            return i
        }
        var found: [NumberToken] = []
        var i = 0
        while i < n {
            guard isDigit(bytes[i]) else {
                i += 1
                continue
            }
            var start = i
            var negative = false
            if i > 0 {
                let before = bytes[i - 1]
                // "-" or U+2212 MINUS SIGN (E2 88 92), a sign unless it joins two words or numbers.
                let signLength = before == 0x2D ? 1 : (i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x88 && before == 0x92 ? 3 : 0)
                if signLength > 0 {
                    let beforeSign = i - signLength > 0 ? bytes[i - signLength - 1] : 0x20
                    if !(isDigit(beforeSign) || isASCIILetter(beforeSign) || beforeSign >= 0x80) {
                        start = i - signLength
                        negative = true
                    }
                } else if isASCIILetter(before) || before == 0x2F {
                    // Part of a code ("i15") or a reference number ("56101/77").
                    i = skipDigits(i)
                    continue
                }
            }
            var end = skipDigits(i)
            if end + 1 < n, bytes[end] == 0x2E, isDigit(bytes[end + 1]) { end = skipDigits(end + 1) }
            if end < n, bytes[end] == 0x2F {
                i = skipDigits(end + 1)
                continue
            }
            if let magnitude = Double(String(decoding: bytes[i..<end], as: UTF8.self)) {
                let lower = text.utf8.index(text.startIndex, offsetBy: start)
                let upper = text.utf8.index(text.startIndex, offsetBy: end)
                found.append(NumberToken(value: negative ? -magnitude : magnitude, text: text[lower..<upper], range: lower..<upper))
            }
            i = end
        }
        return found
    }

    /// The cell's value when the whole cell is one number ("95.83", "-2.50"); with `dashIsZero`, a
    /// change column's "-" is zero.
    static func cellValue(_ cell: String, dashIsZero: Bool = false) -> Double? {
        let trimmed = cell.trimmed()
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
