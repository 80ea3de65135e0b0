import Normalization

/// The document's lines as UTF-8 bytes with their trimmed bounds, computed once.
///
/// All the segmenter's tests work on bytes: every marker it looks for is either ASCII or a fixed
/// Thai byte sequence (the input is NFC-normalized), so no grapheme breaking is needed.
struct LineBytes {
    let lines: [TextLine]
    let bytes: [[UInt8]]
    /// Trimmed bounds (space, tab, CR, NBSP excluded) of each line; `lo == hi` for a blank line.
    let lo: [Int]
    let hi: [Int]
    /// Whether the line contains a TAB.
    let hasTab: [Bool]
    /// Whether the line contains a TAB between its first and last non-space characters
    /// (a line only indented with tabs has none).
    let innerTab: [Bool]
    /// Whether the line contains `<table` / `</table` (ASCII case-insensitive).
    let hasTableOpen: [Bool]
    let hasTableClose: [Bool]
    /// For each line, the first line at or after it that contains `</table`, or `count`.
    let nextTableClose: [Int]
    /// For each line, the first line at or after it that contains `<table`, or `count`.
    let nextTableOpen: [Int]

    init(_ lines: [TextLine]) {
        self.lines = lines
        var bytes: [[UInt8]] = []
        var lo: [Int] = []
        var hi: [Int] = []
        var hasTab: [Bool] = []
        var innerTab: [Bool] = []
        var hasTableOpen: [Bool] = []
        var hasTableClose: [Bool] = []
        hasTableOpen.reserveCapacity(lines.count)
        hasTableClose.reserveCapacity(lines.count)
        bytes.reserveCapacity(lines.count)
        lo.reserveCapacity(lines.count)
        hi.reserveCapacity(lines.count)
        hasTab.reserveCapacity(lines.count)
        for line in lines {
            let b = Array(line.text.utf8)
            var a = 0
            var z = b.count
            while a < z {
                if Self.isSpace(b[a]) { a += 1 } else if b[a] == 0xC2, a + 1 < z, b[a + 1] == 0xA0 { a += 2 } else { break }
            }
            while z > a {
                if Self.isSpace(b[z - 1]) { z -= 1 } else if z - 2 >= a, b[z - 2] == 0xC2, b[z - 1] == 0xA0 { z -= 2 } else { break }
            }
            bytes.append(b)
            lo.append(a)
            hi.append(z)
            let tab = b.contains(0x09)
            hasTab.append(tab)
            innerTab.append(tab && b[a..<z].contains(0x09))
            let (open, close) = Self.tableTags(b)
            hasTableOpen.append(open)
            hasTableClose.append(close)
        }
        var nextClose = [Int](repeating: lines.count, count: lines.count)
        var nextOpen = [Int](repeating: lines.count, count: lines.count)
        var close = lines.count
        var open = lines.count
        for i in stride(from: lines.count - 1, through: 0, by: -1) {
            if hasTableClose[i] { close = i }
            if hasTableOpen[i] { open = i }
            nextClose[i] = close
            nextOpen[i] = open
        }
        self.hasTableOpen = hasTableOpen
        self.hasTableClose = hasTableClose
        self.nextTableClose = nextClose
        self.nextTableOpen = nextOpen
        self.bytes = bytes
        self.lo = lo
        self.hi = hi
        self.hasTab = hasTab
        self.innerTab = innerTab
    }

    var count: Int { lines.count }

    /// Whether a line contains `<table` and / or `</table` (ASCII case-insensitive).
    private static func tableTags(_ b: [UInt8]) -> (Bool, Bool) {
        var open = false
        var close = false
        let n = b.count
        var k = 0
        while k + 6 <= n {
            if b[k] == UInt8(ascii: "<") {
                var j = k + 1
                let closing = b[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                if j + 5 <= n, b[j] | 0x20 == UInt8(ascii: "t"), b[j + 1] | 0x20 == UInt8(ascii: "a"),
                   b[j + 2] | 0x20 == UInt8(ascii: "b"), b[j + 3] | 0x20 == UInt8(ascii: "l"),
                   b[j + 4] | 0x20 == UInt8(ascii: "e") {
                    if closing { close = true } else { open = true }
                }
            }
            k += 1
        }
        return (open, close)
    }

    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A || b == 0x0B || b == 0x0C
    }

    @inline(__always)
    func isBlank(_ i: Int) -> Bool { lo[i] >= hi[i] }

    /// The trimmed length in bytes.
    @inline(__always)
    func length(_ i: Int) -> Int { hi[i] - lo[i] }

    /// The trimmed text.
    func trimmed(_ i: Int) -> String {
        String(decoding: bytes[i][lo[i]..<hi[i]], as: UTF8.self)
    }

    /// Whether the trimmed line starts with `prefix`.
    @inline(__always)
    func starts(_ i: Int, with prefix: [UInt8]) -> Bool {
        Bytes.hasPrefix(bytes[i], from: lo[i], to: hi[i], prefix)
    }

    /// Whether the trimmed line ends with `suffix`.
    func ends(_ i: Int, with suffix: [UInt8]) -> Bool {
        let b = bytes[i]
        guard hi[i] - lo[i] >= suffix.count else { return false }
        var k = hi[i] - suffix.count
        for s in suffix {
            if b[k] != s { return false }
            k += 1
        }
        return true
    }

    /// The next non-blank line at or after `start`, passing at most `maxBlank` blank lines.
    func nextNonBlank(from start: Int, maxBlank: Int) -> Int? {
        var i = start
        var blanks = 0
        while i < count {
            if !isBlank(i) { return i }
            blanks += 1
            if blanks > maxBlank { return nil }
            i += 1
        }
        return nil
    }

    /// The previous non-blank line before `end`, passing at most `maxBlank` blank lines.
    func previousNonBlank(before end: Int, maxBlank: Int) -> Int? {
        var i = end - 1
        var blanks = 0
        while i >= 0 {
            if !isBlank(i) { return i }
            blanks += 1
            if blanks > maxBlank { return nil }
            i -= 1
        }
        return nil
    }
}

/// Byte-sequence helpers.
enum Bytes {
    @inline(__always)
    static func hasPrefix(_ b: [UInt8], from: Int, to: Int, _ prefix: [UInt8]) -> Bool {
        guard to - from >= prefix.count else { return false }
        var k = from
        for p in prefix {
            if b[k] != p { return false }
            k += 1
        }
        return true
    }

    /// The first index of `needle` in `b[from..<to]`.
    static func find(_ b: [UInt8], _ needle: [UInt8], from: Int, to: Int) -> Int? {
        let m = needle.count
        guard m > 0, to - from >= m else { return m == 0 ? from : nil }
        let first = needle[0]
        var i = from
        let last = to - m
        while i <= last {
            if b[i] == first {
                var k = 1
                while k < m, b[i + k] == needle[k] { k += 1 }
                if k == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// Number of Unicode scalars in a UTF-8 range.
    @inline(__always)
    static func scalarCount(_ b: [UInt8], from: Int, to: Int) -> Int {
        var c = 0
        var i = from
        while i < to {
            if b[i] & 0xC0 != 0x80 { c += 1 }
            i += 1
        }
        return c
    }

    /// Whether `b[i...]` is an ASCII digit or a Thai digit (๐–๙, E0 B9 90–99); returns its byte length.
    @inline(__always)
    static func digitLength(_ b: [UInt8], _ i: Int, _ to: Int) -> Int {
        let c = b[i]
        if c >= 0x30, c <= 0x39 { return 1 }
        if c == 0xE0, i + 2 < to, b[i + 1] == 0xB9, b[i + 2] >= 0x90, b[i + 2] <= 0x99 { return 3 }
        return 0
    }

    /// Whether the range contains an ASCII or Thai digit.
    static func hasDigit(_ b: [UInt8], from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            if digitLength(b, i, to) > 0 { return true }
            i += 1
        }
        return false
    }

    /// Number of space-separated words in the range.
    static func wordCount(_ b: [UInt8], from: Int, to: Int) -> Int {
        var words = 0
        var inWord = false
        var i = from
        while i < to {
            if b[i] == 0x20 || b[i] == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
            i += 1
        }
        return words
    }

    /// Whether the range is a number as a table cell writes it: an optional sign, digits (ASCII or
    /// Thai) with "." or "," separators, an optional "%"; spaces ignored.
    static func isNumber(_ b: [UInt8], from: Int, to: Int) -> Bool {
        var i = from
        var digits = 0
        var sawSign = false
        while i < to {
            let c = b[i]
            if c == 0x20 { i += 1; continue }
            let d = digitLength(b, i, to)
            if d > 0 {
                digits += 1
                i += d
                continue
            }
            if (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && digits == 0 && !sawSign {
                sawSign = true
                i += 1
                continue
            }
            // U+2212 MINUS SIGN
            if c == 0xE2, i + 2 < to, b[i + 1] == 0x88, b[i + 2] == 0x92, digits == 0, !sawSign {
                sawSign = true
                i += 3
                continue
            }
            if (c == UInt8(ascii: ".") || c == UInt8(ascii: ",")) && digits > 0 {
                i += 1
                continue
            }
            if c == UInt8(ascii: "%") && digits > 0 {
                i += 1
                continue
            }
            return false
        }
        return digits > 0
    }

    /// Whether the range contains a decimal number ("95.02"), as a score is written.
    static func hasDecimal(_ b: [UInt8], from: Int, to: Int) -> Bool {
        var i = from
        var previousDigit = false
        while i < to {
            let d = digitLength(b, i, to)
            if d > 0 {
                previousDigit = true
                i += d
                continue
            }
            if b[i] == UInt8(ascii: "."), previousDigit, i + 1 < to, digitLength(b, i + 1, to) > 0 {
                return true
            }
            previousDigit = false
            i += 1
        }
        return false
    }

    /// The value and end of a list marker at the start of the range: "1.", "1)", "(1)", with ASCII
    /// or Thai digits, optionally followed by spaces. Nil when the range does not start with one.
    static func listMarker(_ b: [UInt8], from: Int, to: Int) -> (value: Int, end: Int)? {
        var i = from
        var paren = false
        if i < to, b[i] == UInt8(ascii: "(") {
            paren = true
            i += 1
        }
        var value = 0
        var digits = 0
        while i < to, digits < 3 {
            let d = digitLength(b, i, to)
            if d == 0 { break }
            value = value * 10 + Int(d == 1 ? b[i] - 0x30 : b[i + 2] - 0x90)
            digits += 1
            i += d
        }
        guard digits > 0, i < to else { return nil }
        if paren {
            guard b[i] == UInt8(ascii: ")") else { return nil }
        } else {
            guard b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ")") else { return nil }
            // "1.5" is a number, not a marker.
            if b[i] == UInt8(ascii: "."), i + 1 < to, digitLength(b, i + 1, to) > 0 { return nil }
        }
        i += 1
        while i < to, b[i] == 0x20 { i += 1 }
        return (value, i)
    }
}
