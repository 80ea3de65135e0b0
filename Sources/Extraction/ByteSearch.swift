/// Substring search on UTF-8 bytes.
///
/// Foundation's `range(of:)` on Linux bridges through CFString and folds grapheme clusters on every call,
/// which made it most of the extract stage's time. The text is NFC-normalized before the parsers see it,
/// so byte equality is the right equality here.
extension StringProtocol {
    /// The first occurrence of `pattern` at or after `start`.
    func find(_ pattern: String, from start: Index? = nil) -> Range<Index>? {
        let begin = start ?? startIndex
        let base = utf8.distance(from: utf8.startIndex, to: begin)
        var pattern = pattern
        return pattern.withUTF8 { needle -> Range<Index>? in
            guard let first = needle.first else { return nil }
            // Anchor on the first byte that is not a UTF-8 lead or Thai-block byte: in Thai text every
            // character starts with E0 B8/B9, so matching on the first byte would stop at every letter.
            let anchor = needle.firstIndex(where: { $0 != 0xE0 && $0 != 0xB8 && $0 != 0xB9 }) ?? 0
            let key = needle[anchor]
            let found = utf8.withContiguousStorageIfAvailable { hay -> Int? in
                var i = base
                let last = hay.count - needle.count
                while i <= last {
                    if hay[i + anchor] == key && hay[i] == first {
                        var k = 1
                        while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                        if k == needle.count { return i }
                    }
                    i += 1
                }
                return nil
            }
            guard let offset = found ?? slowFind(needle, from: base) else { return nil }
            let lower = utf8.index(utf8.startIndex, offsetBy: offset)
            return lower..<utf8.index(lower, offsetBy: needle.count)
        }
    }

    /// The last occurrence of `pattern`.
    func findLast(_ pattern: String) -> Range<Index>? {
        var result: Range<Index>?
        var from = startIndex
        while let range = find(pattern, from: from) {
            result = range
            from = utf8.index(after: range.lowerBound)
        }
        return result
    }

    /// Whether `pattern` occurs.
    func has(_ pattern: String) -> Bool {
        find(pattern) != nil
    }

    private func slowFind(_ needle: UnsafeBufferPointer<UInt8>, from base: Int) -> Int? {
        let hay = Array(utf8)
        guard hay.count >= needle.count else { return nil }
        var i = base
        while i <= hay.count - needle.count {
            if hay[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and the characters in `extra`; Foundation's
    /// `trimmingCharacters` bridges through NSString and was a sixth of the extract stage's time.
    func trimmed(_ extra: String = "") -> String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || extra.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }) else { return "" }
        let last = lastIndex(where: { !drop($0) })!
        return String(self[first...last])
    }
}

/// Byte-level look-behind and look-ahead around a position in a string, for the "is this number a
/// score / a year" tests that run on every number of every line.
struct ByteCursor {
    let bytes: [UInt8]

    init(_ text: Substring) {
        bytes = Array(text.utf8)
    }

    /// Whether the bytes before `end` (spaces skipped, then any of `fillers` skipped, repeatedly) end with
    /// one of `words`.
    func endsWith(_ words: [String], before end: Int, skipping fillers: [String] = []) -> Bool {
        var end = skipSpaces(backwardFrom: end)
        var changed = true
        while changed {
            changed = false
            for filler in fillers where matches(filler, endingAt: end) {
                end = skipSpaces(backwardFrom: end - filler.utf8.count)
                changed = true
            }
        }
        return words.contains { matches($0, endingAt: end) }
    }

    /// Whether the bytes from `start` (spaces and the given ASCII bytes skipped) begin with `word`.
    func startsWith(_ word: String, from start: Int, skipping skip: Set<UInt8> = []) -> Bool {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || skip.contains(bytes[i]) { i += 1 }
        let w = Array(word.utf8)
        return i + w.count <= bytes.count && bytes[i..<i + w.count].elementsEqual(w)
    }

    private func skipSpaces(backwardFrom end: Int) -> Int {
        var e = end
        while e > 0, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return e
    }

    private func matches(_ word: String, endingAt end: Int) -> Bool {
        let w = Array(word.utf8)
        return end >= w.count && bytes[(end - w.count)..<end].elementsEqual(w)
    }
}
