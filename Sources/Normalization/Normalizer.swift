import ICUBridge
import RecordModel
import TableModel

/// Turns raw document text (exported, PDF-extracted or OCR'd Thai) into the normalized text the
/// record contract asks for (RECORD.md, "General rules"), one source line at a time.
///
/// ``normalizeLine(_:)`` applies these steps, in this order:
///
/// 1. **Per-character mapping** (one pass, while decoding): Thai digits ๐–๙ → ASCII 0–9;
///    zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD)
///    removed; Thai PDF private-use glyphs (Windows U+F700–U+F71A, Mac U+F884–U+F89E, see
///    `ThaiPUA`) → their standard code points; NBSP, the other Unicode space separators, line and
///    paragraph separators and control characters other than TAB → SPACE. This comes first
///    because everything after it looks at real Thai characters: a ZWSP between NIKHAHIT and
///    SARA AA, or a shifted-tone PUA glyph, would hide the patterns the next step repairs, and
///    mapping every space variant to SPACE lets step 2 treat "space before a mark" uniformly.
/// 2. **Thai cluster repair** (one pass): a space directly before a Thai combining mark (U+0E31,
///    U+0E34–U+0E3A, U+0E47–U+0E4E) is removed, so the mark rejoins its consonant; then, per
///    consonant's run of marks: upper/lower vowels and MAITAIKHU are put before tone marks,
///    THANTHAKHAT, NIKHAHIT and YAMAKKAN (Thai typing order; a tone typed before its vowel is
///    moved after it), and a mark repeated within the run is kept once (a doubled tone mark);
///    NIKHAHIT + SARA AA (U+0E4D U+0E32) → SARA AM (U+0E33), also with a tone mark between them
///    (NIKHAHIT, tone, SARA AA → tone, SARA AM, the order PDF shaping leaves); a tone mark typed
///    after SARA AM is moved before it (นำ้ → น้ำ); SARA E SARA E (U+0E40 U+0E40) → SARA AE
///    (U+0E41). The space removal must come before the mark reordering (so a stray mark joins
///    its cluster before the cluster is sorted), and all of it before NFC, which would otherwise
///    reorder only part of a broken cluster.
/// 3. **NFC** through ICU (never NFKC, which would split SARA AM). Lines of ASCII, Latin-1, Thai
///    and common punctuation whose Thai marks are already in canonical order skip the ICU call.
/// 4. **White space**: runs of spaces → one space; spaces directly next to a TAB removed; spaces
///    trimmed at both ends. TABs are kept as they are (they separate table cells). After steps 1–3
///    so that removed characters and mapped spaces cannot leave double spaces behind.
/// 5. **OCR letter-spacing closed up**: "ร า ย ง า น" → "รายงาน", "ร าย ง าน" → "รายงาน", while
///    real spaces between words stay ("ประสิทธิ ภาพ", "ณ จุดเดียว"). Last, because it needs the
///    clean, single-spaced text to find the fragments, and ICU's dictionary to see real words.
///
/// How step 5 decides: the line is cut at spaces into pieces. A *fragment* is a Thai-only piece
/// with one base character: *strong* if it has no vowel mark (ร, ก้, า, เ), *weak* if it has one
/// (ที่, ฏิ). The space between two Thai pieces is a candidate when the right piece starts with a
/// character no syllable starts with (ะ า ำ ๅ or a combining mark), or the left one ends with a
/// leading vowel (เ แ โ ใ ไ), or ends with a tone mark on ป ฝ ฟ ฬ (PDF extraction leaves a space after
/// it: "การป้ องกัน"), or either piece is a strong fragment, or both are weak fragments.
/// Each maximal chain of candidate spaces is joined and segmented with ICU's Thai word break
/// iterator; a candidate space is removed only when it falls inside a segment with a word rule
/// status (200–299) that is an entry of ICU's Thai dictionary, or on a boundary between two
/// dictionary-word segments with fragments on both sides (a fully letter-spaced phrase:
/// "ผ ล ก า ร ด ำ เ นิ น ง า น" → "ผลการดำเนินงาน"). ICU's segmenter labels leftovers
/// it could not match as words too (ณที่ comes back as one "word"), hence the dictionary check.
/// Numbers, Latin text, ฯ and ๆ are never joined.
///
/// ``normalize(_:page:)`` splits text into lines first; markup is not touched here.
public struct Normalizer: Sendable {
    /// Makes a normalizer. It has no state; one value can be shared freely.
    public init() {}

    /// Normalizes one line of text by the steps above. A line break inside `line` counts as a
    /// control character (it becomes a space), so this also normalizes a multi-line value into a
    /// single line.
    public func normalizeLine(_ line: String) -> String {
        var line = line
        let work = LineWork()
        return line.withUTF8 { work.run($0) }
    }

    /// `grid` with each cell's text and lines normalized as a line is.
    public func normalize(_ grid: TableGrid) -> TableGrid {
        let work = LineWork()
        return grid.mappingTexts { text in
            guard !text.isEmpty else { return text }
            var text = text
            return text.withUTF8 { work.run($0) }
        }
    }

    /// Splits `text` into lines and normalizes each one.
    ///
    /// Lines end at LF, CRLF or CR. A leading byte order mark is dropped. There is exactly one
    /// ``TextLine`` per source line, empty lines included, numbered from 1 in `at.line` and
    /// carrying `page` in `at.page`; a final line break does not start another (empty) line,
    /// and a last line without one is kept. Empty text gives no lines.
    public func normalize(_ text: String, page: Int? = nil) -> [TextLine] {
        var text = text
        let work = LineWork()
        return text.withUTF8 { bytes -> [TextLine] in
            let n = bytes.count
            var lines: [TextLine] = []
            var i = 0
            if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            var lineStart = i
            var number = 0
            while i < n {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    number += 1
                    let line = work.run(UnsafeBufferPointer(rebasing: bytes[lineStart..<i]))
                    lines.append(TextLine(text: line, at: Location(page: page, line: number)))
                    i += (b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A) ? 2 : 1
                    lineStart = i
                } else {
                    i += 1
                }
            }
            if lineStart < n {
                number += 1
                let line = work.run(UnsafeBufferPointer(rebasing: bytes[lineStart..<n]))
                lines.append(TextLine(text: line, at: Location(page: page, line: number)))
            }
            return lines
        }
    }
}

// MARK: - Character classes

/// Thai combining marks: MAI HAN-AKAT, the upper and lower vowels, PHINTHU, MAITAIKHU, the tone
/// marks, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
@inline(__always)
func isThaiMark(_ c: UInt32) -> Bool {
    c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E)
}

/// The marks that come first in a cluster: MAI HAN-AKAT, upper and lower vowels, PHINTHU, MAITAIKHU.
@inline(__always)
func isVowelMark(_ c: UInt32) -> Bool {
    c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47
}

/// MAI EK, MAI THO, MAI TRI, MAI CHATTAWA.
@inline(__always)
func isToneMark(_ c: UInt32) -> Bool {
    c >= 0x0E48 && c <= 0x0E4B
}

/// Thai letters, vowels and marks that can make up a word (no digits, ฯ, ๆ, ฿ or signs).
@inline(__always)
func isThaiWordChar(_ c: UInt32) -> Bool {
    (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E30 && c <= 0x0E3A) || (c >= 0x0E40 && c <= 0x0E45)
        || (c >= 0x0E47 && c <= 0x0E4E)
}

/// Characters no Thai syllable starts with: SARA A, SARA AA, SARA AM, LAKKHANGYAO and the marks.
@inline(__always)
func cannotStartSyllable(_ c: UInt32) -> Bool {
    c == 0x0E30 || c == 0x0E32 || c == 0x0E33 || c == 0x0E45 || isThaiMark(c)
}

/// The leading vowels เ แ โ ใ ไ, written before the consonant they follow in speech.
@inline(__always)
func isLeadingVowel(_ c: UInt32) -> Bool {
    c >= 0x0E40 && c <= 0x0E44
}

// MARK: - The per-line pipeline

/// A run of scalars in memory the caller owns, with the few array operations the steps use. Appending to
/// arrays (a uniqueness and a capacity check per scalar) was a tenth of normalizing; the owner makes the
/// capacity enough for a step's output, which is never longer than its input.
struct ScalarBuffer {
    let base: UnsafeMutablePointer<UInt32>
    let capacity: Int
    private(set) var count = 0

    init(_ base: UnsafeMutablePointer<UInt32>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    var last: UInt32? { count > 0 ? base[count - 1] : nil }
    var scalars: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: base, count: count) }

    subscript(_ i: Int) -> UInt32 {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ c: UInt32) {
        precondition(count < capacity, "normalizer scratch buffer overrun")
        base[count] = c
        count += 1
    }

    mutating func removeLast() { count -= 1 }
    mutating func removeAll() { count = 0 }

    /// Inserts `c` before position `i` (0 ≤ i ≤ count).
    mutating func insert(_ c: UInt32, at i: Int) {
        precondition(count < capacity, "normalizer scratch buffer overrun")
        (base + i + 1).update(from: base + i, count: count - i)
        base[i] = c
        count += 1
    }

    /// Whether `c` occurs at or after position `start`.
    func contains(_ c: UInt32, from start: Int) -> Bool {
        var i = start
        while i < count {
            if base[i] == c { return true }
            i += 1
        }
        return false
    }
}

/// Scratch memory reused from line to line (two buffers that the steps write into in turn).
final class LineWork {
    private var capacity = 0
    private var a: UnsafeMutablePointer<UInt32>
    private var b: UnsafeMutablePointer<UInt32>
    private var marks: [UInt32] = []

    init() {
        capacity = 512
        a = .allocate(capacity: capacity)
        b = .allocate(capacity: capacity)
        marks.reserveCapacity(8)
    }

    deinit {
        a.deallocate()
        b.deallocate()
    }

    private func ensure(_ needed: Int) {
        guard needed > capacity else { return }
        a.deallocate()
        b.deallocate()
        capacity = max(needed, capacity * 2)
        a = .allocate(capacity: capacity)
        b = .allocate(capacity: capacity)
    }

    /// Normalizes one line given as UTF-8 (valid, as it comes from a String).
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A step's output is never longer than its input, and the input has at most one scalar per byte.
        ensure(bytes.count + 1)
        var first = ScalarBuffer(a, capacity: capacity)
        decodeAndMap(bytes, into: &first)
        var second = ScalarBuffer(b, capacity: capacity)
        repairThaiClusters(first.scalars, into: &second, marks: &marks)
        if !isTriviallyNFC(second.scalars) {
            // NFC (through ICU) may lengthen the text: it is written back with room made for it.
            let composed = composeNFC(second.scalars)
            ensure(composed.count + 1)
            second = ScalarBuffer(b, capacity: capacity)
            for c in composed { second.append(c) }
        }
        first = ScalarBuffer(a, capacity: capacity)
        collapseWhiteSpace(second.scalars, into: &first)
        second = ScalarBuffer(b, capacity: capacity)
        if closeLetterSpacing(first.scalars, into: &second) {
            return makeString(second.scalars)
        }
        return makeString(first.scalars)
    }
}

/// Step 1: UTF-8 → scalars, with digits, zero-width characters, PUA glyphs and space variants
/// mapped.
func decodeAndMap(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout ScalarBuffer) {
    out.removeAll()
    let n = bytes.count
    var i = 0
    while i < n {
        let b0 = UInt32(bytes[i])
        var c: UInt32
        if b0 < 0x80 {
            i += 1
            if b0 >= 0x20 && b0 != 0x7F || b0 == 0x09 {
                out.append(b0)
            } else {
                out.append(0x20)
            }
            continue
        } else if b0 < 0xE0 {
            c = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            i += 2
        } else if b0 < 0xF0 {
            c = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            i += 3
        } else {
            c = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            i += 4
        }
        if c >= 0x0E00 && c <= 0x0E7F {
            out.append(c >= 0x0E50 && c <= 0x0E59 ? c - 0x0E50 + 0x30 : c)
            continue
        }
        switch c {
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
            continue
        case 0x0080...0x009F, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            out.append(0x20)
        case 0xF700...0xF8FF:
            out.append(ThaiPUA.standard(c) ?? c)
        default:
            out.append(c)
        }
    }
}

/// Step 2: spaces before marks, mark order and duplicates, split SARA AM, doubled SARA E.
func repairThaiClusters(_ input: UnsafeBufferPointer<UInt32>, into out: inout ScalarBuffer, marks: inout [UInt32]) {
    out.removeAll()
    marks.removeAll(keepingCapacity: true)

    /// Emits the pending marks: vowel marks first, then the others, each distinct mark once.
    func flush(_ out: inout ScalarBuffer, _ marks: inout [UInt32]) {
        switch marks.count {
        case 0:
            return
        case 1:
            out.append(marks[0])
        default:
            let start = out.count
            for pass in 0..<2 {
                for m in marks where isVowelMark(m) == (pass == 0) {
                    if !out.contains(m, from: start) { out.append(m) }
                }
            }
        }
        marks.removeAll(keepingCapacity: true)
    }

    for c in input {
        if isThaiMark(c) {
            if marks.isEmpty {
                if out.last == 0x20 {
                    // A space (or NBSP, already a space) before a mark: drop it and reopen the
                    // cluster the mark belongs to.
                    while out.last == 0x20 { out.removeLast() }
                }
                if isToneMark(c), out.last == 0x0E33 {
                    // Tone typed after SARA AM: put it before (น ำ ้ → น ้ ำ).
                    let k = out.count - 1
                    if k == 0 || out[k - 1] != c { out.insert(c, at: k) }
                    continue
                }
                while let last = out.last, isThaiMark(last) {
                    marks.insert(last, at: 0)
                    out.removeLast()
                }
            }
            marks.append(c)
            continue
        }
        if c == 0x0E32, let k = marks.lastIndex(of: 0x0E4D), marks[(k + 1)...].allSatisfy(isToneMark) {
            // NIKHAHIT (+ tone marks) + SARA AA → (tone marks +) SARA AM.
            marks.remove(at: k)
            flush(&out, &marks)
            out.append(0x0E33)
            continue
        }
        flush(&out, &marks)
        if c == 0x0E40, out.last == 0x0E40 {
            out[out.count - 1] = 0x0E41
            continue
        }
        out.append(c)
    }
    flush(&out, &marks)
}

/// Canonical combining class of a code point in the Thai block (Unicode 15).
@inline(__always)
func thaiCombiningClass(_ c: UInt32) -> UInt8 {
    switch c {
    case 0x0E38, 0x0E39: return 103
    case 0x0E3A: return 9
    case 0x0E48...0x0E4B: return 107
    default: return 0
    }
}

/// Whether scalars are certainly NFC without asking ICU: only ASCII/Latin-1/Latin Extended/IPA,
/// Thai with its marks in canonical order, and General Punctuation without the two singleton
/// spaces U+2000/U+2001 (which step 1 maps to SPACE anyway).
func isTriviallyNFC(_ s: UnsafeBufferPointer<UInt32>) -> Bool {
    var previous: UInt8 = 0
    for c in s {
        if c < 0x0300 {
            previous = 0
        } else if c >= 0x0E00 && c <= 0x0E7F {
            let ccc = thaiCombiningClass(c)
            if ccc != 0 && ccc < previous { return false }
            previous = ccc
        } else if (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) {
            previous = 0
        } else {
            return false
        }
    }
    return true
}

/// Step 3: NFC through ICU, for text that is not trivially NFC already.
func composeNFC(_ s: UnsafeBufferPointer<UInt32>) -> [UInt32] {
    var view = String.UnicodeScalarView()
    for c in s { if let u = Unicode.Scalar(c) { view.append(u) } }
    return UnicodeNormalization.nfc(String(view)).unicodeScalars.map(\.value)
}

/// Step 4: one space for a run of spaces, none next to a TAB or at either end.
func collapseWhiteSpace(_ input: UnsafeBufferPointer<UInt32>, into out: inout ScalarBuffer) {
    out.removeAll()
    for c in input {
        if c == 0x20 {
            if let last = out.last, last != 0x20, last != 0x09 { out.append(0x20) }
        } else if c == 0x09 {
            while out.last == 0x20 { out.removeLast() }
            out.append(0x09)
        } else {
            out.append(c)
        }
    }
    while out.last == 0x20 { out.removeLast() }
}

/// Scalars → String through one UTF-8 buffer.
func makeString(_ s: UnsafeBufferPointer<UInt32>) -> String {
    var count = 0
    for c in s {
        count += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
    }
    if count == 0 { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
        var i = 0
        for c in s {
            if c < 0x80 {
                buffer[i] = UInt8(c)
                i += 1
            } else if c < 0x800 {
                buffer[i] = UInt8(0xC0 | c >> 6)
                buffer[i + 1] = UInt8(0x80 | c & 0x3F)
                i += 2
            } else if c < 0x10000 {
                buffer[i] = UInt8(0xE0 | c >> 12)
                buffer[i + 1] = UInt8(0x80 | c >> 6 & 0x3F)
                buffer[i + 2] = UInt8(0x80 | c & 0x3F)
                i += 3
            } else {
                buffer[i] = UInt8(0xF0 | c >> 18)
                buffer[i + 1] = UInt8(0x80 | c >> 12 & 0x3F)
                buffer[i + 2] = UInt8(0x80 | c >> 6 & 0x3F)
                buffer[i + 3] = UInt8(0x80 | c & 0x3F)
                i += 4
            }
        }
        return i
    }
}
