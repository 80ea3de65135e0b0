import Genre
import Normalization
import RecordModel

/// A rule drawn under a heading or a memo subject: a line of rule characters only, three or more.
public enum RuleLine {
    public static func matches(_ text: some StringProtocol) -> Bool {
        let marks = text.filter { $0 != " " && $0 != "\t" }
        return marks.count >= 3 && marks.allSatisfy(Genre.ruleCharacters.contains)
    }
}

/// The บันทึกข้อความ header: title line, header fields and their continuation lines.
extension LineBytes {
    static let memoTitleKey = Array(Genre.memoTitle.utf8)

    /// Header keywords in the genre's order (`วันที่` before `ที่`).
    static let headerKeywords: [(HeaderField.Key, [UInt8])] = Genre.memoFields.compactMap { field in
        HeaderField.Key(rawValue: field.field).map { ($0, Array(field.word.utf8)) }
    }

    /// `วันที่` after a space or a tab: the date written on the `ที่` line.
    private static let dateWord = headerKeywords.first { $0.0 == .date }?.1 ?? []
    private static let dateInline = [0x20] + dateWord
    private static let dateInlineTab = [0x09] + dateWord
    /// `เรื่อง` between spaces after the date on that line: the subject written on it too.
    private static let subjectInline = [0x20] + (headerKeywords.first { $0.0 == .subject }?.1 ?? []) + [0x20]

    /// How many non-blank lines from the top the memo title may come after.
    static let memoTitleWindow = 15

    /// Whether the line is exactly the memo title (markup and spaces ignored).
    func isMemoTitle(_ i: Int) -> Bool {
        guard !isBlank(i), length(i) <= 120 else { return false }
        let cleaned = CellText.clean(trimmed(i))
        let key = cleaned.utf8.filter { $0 != 0x20 }
        return key.elementsEqual(Self.memoTitleKey)
    }

    /// Whether the line is a rule drawn with dots or dashes only (three or more).
    func isRule(_ i: Int) -> Bool {
        !isBlank(i) && RuleLine.matches(trimmed(i))
    }

    /// The header keyword a line starts with and where its value starts, or nil.
    /// `ที่` must be followed by a space (it starts many words); the others may be followed by
    /// a space, a colon or directly by text.
    func headerKeyword(_ i: Int) -> (key: HeaderField.Key, valueStart: Int)? {
        guard !isBlank(i) else { return nil }
        let b = bytes[i]
        var a = lo[i]
        while a < hi[i], b[a] == UInt8(ascii: "*") { a += 1 }
        for (key, kw) in Self.headerKeywords where Bytes.hasPrefix(b, from: a, to: hi[i], kw) {
            var k = a + kw.count
            if k < hi[i] {
                let c = b[k]
                let separated = c == 0x20 || c == 0x09 || c == UInt8(ascii: ":")
                if key == .reference && !separated { continue }
                // A Thai combining mark right after the keyword means the keyword is part of a longer word.
                if !separated, c == 0xE0, k + 2 < hi[i], b[k + 1] == 0xB8 || b[k + 1] == 0xB9 {
                    let v = (UInt32(b[k + 1]) << 8) | UInt32(b[k + 2])
                    if Self.isThaiCombining(v) { continue }
                }
            }
            while k < hi[i], b[k] == 0x20 || b[k] == 0x09 || b[k] == UInt8(ascii: ":") { k += 1 }
            return (key, k)
        }
        return nil
    }

    /// Thai vowel signs and tone marks that cannot start a word (as the 2nd and 3rd UTF-8 bytes).
    private static func isThaiCombining(_ v: UInt32) -> Bool {
        // U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E; U+0E30, U+0E32, U+0E33, U+0E45 also cannot start one.
        switch v {
        case 0xB8B1, 0xB8B4...0xB8BA, 0xB987...0xB98E, 0xB8B0, 0xB8B2, 0xB8B3, 0xB985: return true
        default: return false
        }
    }

    /// A `TextLine` for part of line `i` (bytes `from..<to`, "**" markup at the ends removed,
    /// tabs turned into single spaces, trimmed).
    func part(_ i: Int, from: Int, to: Int) -> TextLine? {
        var a = from
        var z = to
        let b = bytes[i]
        func edge(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == UInt8(ascii: "*") }
        while a < z, edge(b[a]) { a += 1 }
        while z > a, edge(b[z - 1]) { z -= 1 }
        guard a < z else { return nil }
        let slice = b[a..<z]
        guard slice.contains(0x09) else {
            return TextLine(text: String(decoding: slice, as: UTF8.self), at: lines[i].at)
        }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        for c in slice {
            if c == 0x09 || c == 0x20 {
                if out.last != 0x20 { out.append(0x20) }
            } else {
                out.append(c)
            }
        }
        return TextLine(text: String(decoding: out, as: UTF8.self), at: lines[i].at)
    }

    /// Where the memo header region starts: the `บันทึกข้อความ` line among the first lines, or —
    /// when that title is missing — a `ส่วนราชการ` line among the first lines that is followed
    /// by at least two of `ที่` / `วันที่` / `เรื่อง`.
    func memoStart() -> (index: Int, hasTitle: Bool)? {
        var seen = 0
        var i = 0
        var departmentLine: Int?
        while i < count, seen < Self.memoTitleWindow {
            defer { i += 1 }
            if isBlank(i) { continue }
            seen += 1
            if isMemoTitle(i) { return (i, true) }
            if departmentLine == nil, seen <= 8, headerKeyword(i)?.key == .department { departmentLine = i }
        }
        guard let d = departmentLine else { return nil }
        var found = Set<HeaderField.Key>()
        var j = d + 1
        var nonBlank = 0
        while j < count, nonBlank < 8 {
            defer { j += 1 }
            if isBlank(j) { continue }
            nonBlank += 1
            if let k = headerKeyword(j)?.key, k == .reference || k == .date || k == .subject { found.insert(k) }
        }
        return found.count >= 2 ? (d, false) : nil
    }

    /// Parses the header fields from `start` on; appends blocks and returns the index where the
    /// body starts.
    ///
    /// Before `เรียน` every keyword may come (each once); a non-keyword line followed (within a few
    /// lines) by another keyword line continues `เรื่อง` / `ส่วนราชการ`, or else is a paragraph.
    /// After `เรียน` only `สิ่งที่ส่งมาด้วย` / `อ้างถึง` may come, continued by numbered items.
    /// Anything else ends the region.
    func parseMemoHeader(from start: Int, into blocks: inout [Block]) -> Int {
        var i = start
        var seen = Set<HeaderField.Key>()
        var lastField: Int?  // index in `blocks`
        var lastKey: HeaderField.Key?
        var lastItemNumber: Int?  // the enclosure / reference item number to continue from
        var addressed = false

        func allowed(_ key: HeaderField.Key) -> Bool {
            if seen.contains(key) { return false }
            return !addressed || key == .enclosures || key == .references
        }

        while i < count {
            if isBlank(i) || isRule(i) {
                i += 1
                continue
            }
            if let (key, valueStart) = headerKeyword(i), allowed(key) {
                var valueEnd = hi[i]
                var dateValue: TextLine?
                var subjectValue: TextLine?
                if key == .reference, !seen.contains(.date),
                   let p = Bytes.find(bytes[i], Self.dateInline, from: valueStart, to: hi[i])
                    ?? Bytes.find(bytes[i], Self.dateInlineTab, from: valueStart, to: hi[i]) {
                    // "ที่ … วันที่ …" on one line.
                    valueEnd = p
                    var d = p + Self.dateInline.count
                    while d < hi[i], bytes[i][d] == 0x20 || bytes[i][d] == 0x09 || bytes[i][d] == UInt8(ascii: ":") { d += 1 }
                    var dateEnd = hi[i]
                    if !seen.contains(.subject), let s = Bytes.find(bytes[i], Self.subjectInline, from: d, to: hi[i]) {
                        // "ที่ … วันที่ … เรื่อง …": the subject too (a layout that ran the lines together).
                        dateEnd = s
                        subjectValue = part(i, from: s + Self.subjectInline.count, to: hi[i])
                    }
                    dateValue = part(i, from: d, to: dateEnd) ?? TextLine(text: "", at: lines[i].at)
                }
                let value = part(i, from: valueStart, to: valueEnd)
                blocks.append(.headerField(HeaderField(key: key, lines: value.map { [$0] } ?? [], at: lines[i].at)))
                seen.insert(key)
                lastField = blocks.count - 1
                lastKey = key
                if let dateValue {
                    blocks.append(.headerField(HeaderField(
                        key: .date, lines: dateValue.text.isEmpty ? [] : [dateValue], at: lines[i].at)))
                    seen.insert(.date)
                    lastField = blocks.count - 1
                    lastKey = .date
                }
                if let subjectValue {
                    blocks.append(.headerField(HeaderField(key: .subject, lines: [subjectValue], at: lines[i].at)))
                    seen.insert(.subject)
                    lastField = blocks.count - 1
                    lastKey = .subject
                }
                if key == .enclosures || key == .references {
                    if let v = value {
                        let b = Array(v.text.utf8)
                        lastItemNumber = Bytes.listMarker(b, from: 0, to: b.count)?.value
                    } else {
                        lastItemNumber = 0
                    }
                } else {
                    lastItemNumber = nil
                }
                if key == .addressee { addressed = true }
                i += 1
                continue
            }
            // Numbered items continuing สิ่งที่ส่งมาด้วย / อ้างถึง.
            if let n = lastItemNumber, lastKey == .enclosures || lastKey == .references, let f = lastField,
               !innerTab[i], let marker = Bytes.listMarker(bytes[i], from: lo[i], to: hi[i]), marker.value == n + 1,
               case .headerField(var field) = blocks[f], let line = part(i, from: lo[i], to: hi[i]) {
                field.lines.append(line)
                blocks[f] = .headerField(field)
                lastItemNumber = marker.value
                i += 1
                continue
            }
            guard !addressed else { break }
            // Lines before the next keyword line: continuation or stray text.
            var j = i
            var between: [Int] = []
            var next: Int?
            while j < count, between.count <= 4 {
                // A rule drawn under the subject ("-----") belongs to no field.
                if isBlank(j) || isRule(j) {
                    j += 1
                    continue
                }
                if let (key, _) = headerKeyword(j), allowed(key) {
                    next = j
                    break
                }
                if isTabTableStart(j) || isPipeTableStart(j) || isHTMLTableStart(j) || isSignatureStart(j) { break }
                between.append(j)
                j += 1
            }
            guard let next, !between.isEmpty else { break }
            if let f = lastField, lastKey == .subject || lastKey == .department, case .headerField(var field) = blocks[f] {
                for k in between {
                    if let line = part(k, from: lo[k], to: hi[k]) { field.lines.append(line) }
                }
                blocks[f] = .headerField(field)
            } else {
                var group: [TextLine] = []
                var previous = -1
                for k in between {
                    if previous >= 0, k != previous + 1, !group.isEmpty {
                        blocks.append(.paragraph(group))
                        group = []
                    }
                    group.append(lines[k])
                    previous = k
                }
                if !group.isEmpty { blocks.append(.paragraph(group)) }
            }
            i = next
        }
        return i
    }
}
