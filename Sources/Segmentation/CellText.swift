/// Markup removal for any text value taken from a table cell or a line.
///
/// `clean` removes HTML tags (a tag boundary becomes a space, so adjacent `<p>` paragraphs are
/// joined by one space), decodes the common entities (`&nbsp;` `&amp;` `&lt;` `&gt;` `&quot;`
/// `&apos;` `&#NNN;` `&#xHH;`), removes markdown `**` and stray `|`, drops zero-width characters,
/// collapses every run of white space (tabs, newlines, no-break and other Unicode spaces) to one
/// space and trims. List dashes ("- ") and numbering ("1.") are kept as written; a single `*`
/// (a footnote mark) is kept. It runs in linear time over the UTF-8 bytes.
public enum CellText {
    /// The cleaned text of `raw`.
    public static func clean(_ raw: String) -> String {
        var s = raw
        return s.withUTF8 { clean(bytes: $0) }
    }

    /// The cleaned text of a UTF-8 byte range.
    static func clean(bytes p: UnsafeBufferPointer<UInt8>) -> String {
        let n = p.count
        if n == 0 { return "" }
        return String(unsafeUninitializedCapacity: n) { out in
            var o = 0
            var pendingSpace = false
            @inline(__always) func put(_ b: UInt8) {
                if pendingSpace {
                    out[o] = 0x20
                    o += 1
                    pendingSpace = false
                }
                out[o] = b
                o += 1
            }
            @inline(__always) func space() {
                if o > 0 { pendingSpace = true }
            }
            var i = 0
            while i < n {
                let b = p[i]
                switch b {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    space()
                    i += 1
                case UInt8(ascii: "<"):
                    if let end = tagEnd(p, i) {
                        space()
                        i = end + 1
                    } else {
                        put(b)
                        i += 1
                    }
                case UInt8(ascii: "&"):
                    if let (scalar, length) = entity(p, i) {
                        if scalar == 0x20 || scalar == 0xA0 || scalar == 0x09 || scalar == 0x0A || scalar == 0x0D {
                            space()
                        } else if scalar == 0x7C {
                            // An encoded "|" is stray table markup as well.
                            space()
                        } else {
                            var buffer: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
                            let count = encodeUTF8(scalar, into: &buffer)
                            if count >= 1 { put(buffer.0) }
                            if count >= 2 { put(buffer.1) }
                            if count >= 3 { put(buffer.2) }
                            if count >= 4 { put(buffer.3) }
                        }
                        i += length
                    } else {
                        put(b)
                        i += 1
                    }
                case UInt8(ascii: "*"):
                    var j = i + 1
                    while j < n, p[j] == UInt8(ascii: "*") { j += 1 }
                    if j - i >= 2 {
                        // Markdown emphasis: removed without leaving a gap ("**ผล**" → "ผล").
                        i = j
                    } else {
                        put(b)
                        i += 1
                    }
                case UInt8(ascii: "|"):
                    space()
                    i += 1
                case 0xC2 where i + 1 < n && p[i + 1] == 0xA0:
                    space()
                    i += 2
                case 0xE2 where i + 2 < n && p[i + 1] == 0x80:
                    let c = p[i + 2]
                    if (0x80...0x8A).contains(c) || c == 0xAF || c == 0xA8 || c == 0xA9 {
                        space()
                        i += 3
                    } else if (0x8B...0x8D).contains(c) {
                        i += 3  // zero-width space / non-joiner / joiner
                    } else {
                        put(b)
                        i += 1
                    }
                case 0xE2 where i + 2 < n && p[i + 1] == 0x81 && (p[i + 2] == 0x9F || p[i + 2] == 0xA0):
                    if p[i + 2] == 0x9F { space() }  // U+205F medium space; U+2060 word joiner dropped
                    i += 3
                case 0xE3 where i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80:
                    space()
                    i += 3
                case 0xEF where i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF:
                    i += 3  // byte order mark / zero-width no-break space
                default:
                    put(b)
                    i += 1
                }
            }
            return o
        }
    }

    /// Tags that break a line inside a cell or a paragraph of markup.
    private static let lineBreakTags: Set<[UInt8]> = [Array("br".utf8), Array("p".utf8), Array("div".utf8), Array("li".utf8)]

    /// The cleaned lines of markup, cut at its line-break tags (`<br>`, `<p>`, `</p>`, `<div>`, `<li>`);
    /// empty lines left out.
    static func lines(bytes p: UnsafeBufferPointer<UInt8>) -> [String] {
        var lines: [String] = []
        var start = 0
        var k = 0
        func cut(_ end: Int) {
            let line = clean(bytes: UnsafeBufferPointer(rebasing: p[start..<end]))
            if !line.isEmpty { lines.append(line) }
        }
        while k < p.count {
            guard p[k] == UInt8(ascii: "<"), let end = tagEnd(p, k) else {
                k += 1
                continue
            }
            var j = k + 1
            if j < end, p[j] == UInt8(ascii: "/") { j += 1 }
            var name: [UInt8] = []
            while j < end, isASCIILetter(p[j]), name.count < 4 {
                name.append(p[j] | 0x20)
                j += 1
            }
            if lineBreakTags.contains(name) {
                cut(k)
                start = end + 1
            }
            k = end + 1
        }
        cut(p.count)
        return lines
    }

    /// The index of the `>` that closes a tag starting at `p[start] == "<"`, or nil when the
    /// `<` does not start a tag (`<` must be followed by a letter, `/` + letter, or `!`).
    @inline(__always)
    static func tagEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = p.count
        var j = start + 1
        guard j < n else { return nil }
        if p[j] == UInt8(ascii: "!") {
            // Comment or declaration.
            if j + 2 < n, p[j + 1] == UInt8(ascii: "-"), p[j + 2] == UInt8(ascii: "-") {
                var k = j + 3
                let limit = min(n, start + 4096)
                while k + 2 < limit {
                    if p[k] == UInt8(ascii: "-"), p[k + 1] == UInt8(ascii: "-"), p[k + 2] == UInt8(ascii: ">") { return k + 2 }
                    k += 1
                }
                return nil
            }
        } else {
            if p[j] == UInt8(ascii: "/") { j += 1 }
            guard j < n, isASCIILetter(p[j]) else { return nil }
        }
        let limit = min(n, start + 1024)
        var k = j + 1
        while k < limit {
            let c = p[k]
            if c == UInt8(ascii: ">") { return k }
            if c == UInt8(ascii: "<") { return nil }
            k += 1
        }
        return nil
    }

    /// A character reference starting at `p[start] == "&"`: its scalar and byte length.
    @inline(__always)
    static func entity(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> (UInt32, Int)? {
        let n = p.count
        var j = start + 1
        guard j < n else { return nil }
        if p[j] == UInt8(ascii: "#") {
            j += 1
            var value: UInt32 = 0
            var digits = 0
            if j < n, p[j] == UInt8(ascii: "x") || p[j] == UInt8(ascii: "X") {
                j += 1
                while j < n, digits < 7, let d = hexValue(p[j]) {
                    value = value * 16 + d
                    digits += 1
                    j += 1
                }
            } else {
                while j < n, digits < 8, p[j] >= 0x30, p[j] <= 0x39 {
                    value = value * 10 + UInt32(p[j] - 0x30)
                    digits += 1
                    j += 1
                }
            }
            guard digits > 0, j < n, p[j] == UInt8(ascii: ";") else { return nil }
            guard value > 0, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, j + 1 - start)
        }
        var k = j
        while k < n, k - j < 8, isASCIILetter(p[k]) { k += 1 }
        let nameLength = k - j
        guard nameLength >= 2 else { return nil }
        let hasSemicolon = k < n && p[k] == UInt8(ascii: ";")
        func name(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == nameLength else { return false }
            let q = s.utf8Start
            for m in 0..<nameLength where (p[j + m] | 0x20) != q[m] { return false }
            return true
        }
        var scalar: UInt32?
        if name("nbsp") { scalar = 0xA0 }
        else if name("amp") { scalar = 0x26 }
        else if name("lt") { scalar = 0x3C }
        else if name("gt") { scalar = 0x3E }
        else if name("quot") { scalar = 0x22 }
        else if name("apos") { scalar = 0x27 }
        else if name("ndash") { scalar = 0x2013 }
        else if name("mdash") { scalar = 0x2014 }
        else if name("hellip") { scalar = 0x2026 }
        else if name("bull") { scalar = 0x2022 }
        guard let s = scalar else { return nil }
        if hasSemicolon { return (s, k + 1 - start) }
        // Sloppy exports write "&nbsp" without the semicolon.
        if s == 0xA0 { return (s, k - start) }
        return nil
    }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= UInt8(ascii: "a") && l <= UInt8(ascii: "z")
    }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    @inline(__always)
    static func encodeUTF8(_ v: UInt32, into b: inout (UInt8, UInt8, UInt8, UInt8)) -> Int {
        switch v {
        case 0..<0x80:
            b.0 = UInt8(v)
            return 1
        case 0x80..<0x800:
            b.0 = UInt8(0xC0 | (v >> 6))
            b.1 = UInt8(0x80 | (v & 0x3F))
            return 2
        case 0x800..<0x10000:
            b.0 = UInt8(0xE0 | (v >> 12))
            b.1 = UInt8(0x80 | ((v >> 6) & 0x3F))
            b.2 = UInt8(0x80 | (v & 0x3F))
            return 3
        default:
            b.0 = UInt8(0xF0 | (v >> 18))
            b.1 = UInt8(0x80 | ((v >> 12) & 0x3F))
            b.2 = UInt8(0x80 | ((v >> 6) & 0x3F))
            b.3 = UInt8(0x80 | (v & 0x3F))
            return 4
        }
    }
}
