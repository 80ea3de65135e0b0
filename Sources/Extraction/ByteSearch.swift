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

    /// The text with every occurrence of `pattern` replaced by `replacement`.
    func replacing(_ pattern: String, with replacement: String) -> String {
        var out = ""
        var from = startIndex
        while let range = find(pattern, from: from) {
            out += self[from..<range.lowerBound]
            out += replacement
            from = range.upperBound
        }
        out += self[from...]
        return out
    }

    /// The pieces between occurrences of `separator` (Foundation's `components(separatedBy:)` bridges too).
    func pieces(separatedBy separator: String) -> [Substring] {
        var found: [Substring] = []
        var from = startIndex
        while let range = find(separator, from: from) {
            found.append(Substring(self[from..<range.lowerBound]))
            from = range.upperBound
        }
        found.append(Substring(self[from...]))
        return found
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
    /// The text with its spaces taken out (Foundation's `replacingOccurrences` bridges through NSString).
    var withoutSpaces: String {
        String(decoding: utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }

    /// The text without leading and trailing spaces, tabs, no-break spaces and the characters in `extra`;
    /// Foundation's `trimmingCharacters` bridges through NSString and was a sixth of the extract stage's time.
    func trimmed(_ extra: String = "") -> String {
        // On bytes when every character to drop is ASCII (all callers), so Thai text is never split into
        // Characters; NBSP is its two bytes C2 A0.
        guard extra.utf8.allSatisfy({ $0 < 0x80 }) else {
            let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{A0}" || extra.contains($0) }
            guard let first = firstIndex(where: { !drop($0) }) else { return "" }
            let last = lastIndex(where: { !drop($0) })!
            return String(self[first...last])
        }
        let extraBytes = Array(extra.utf8)
        func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            func dropped(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || extraBytes.contains(b) }
            var start = 0
            var end = bytes.count
            while start < end {
                if dropped(bytes[start]) {
                    start += 1
                } else if bytes[start] == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                    start += 2
                } else {
                    break
                }
            }
            while start < end {
                if dropped(bytes[end - 1]) {
                    end -= 1
                } else if bytes[end - 1] == 0xA0, end - 2 >= start, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return utf8.withContiguousStorageIfAvailable(trim) ?? Array(utf8).withUnsafeBufferPointer(trim)
    }
}

/// Byte-level look-behind and look-ahead around a position in a string, for the "is this number a
/// score / a year" tests that run on every number of every line.
struct ByteCursor {
    let bytes: [UInt8]

    init(_ text: some StringProtocol) {
        // A copy from contiguous storage is one memcpy; iterating a UTF-8 view is not.
        bytes = text.utf8.withContiguousStorageIfAvailable(Array.init) ?? Array(text.utf8)
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
        let count = word.utf8.count
        return i + count <= bytes.count && bytes[i..<i + count].elementsEqual(word.utf8)
    }

    private func skipSpaces(backwardFrom end: Int) -> Int {
        var e = end
        while e > 0, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return e
    }

    private func matches(_ word: String, endingAt end: Int) -> Bool {
        let count = word.utf8.count
        return end >= count && bytes[(end - count)..<end].elementsEqual(word.utf8)
    }
}

/// Several literal patterns found in one pass over a text's UTF-8 bytes.
///
/// Each pattern is filed under its first character (a Thai letter's three bytes, else its first byte), so
/// a position of the text costs one table lookup, and only patterns starting with that character are
/// compared. With `spaced`, spaces in the text are allowed inside a match after its first character
/// ("ประสิทธิภาพ การสื่อสาร"), and the patterns' own spaces are ignored.
struct PatternSet: Sendable {
    let patterns: [[UInt8]]
    let spaced: Bool
    /// The patterns' bytes one after another, pattern `p` at `offsets[p]..<offsets[p + 1]`; and the patterns
    /// of bucket `b` at `members[bucketStarts[b]..<bucketStarts[b + 1]]`. Flat arrays: an array per bucket
    /// cost a retain and a release at every byte of the text.
    private let bytes: [UInt8]
    private let offsets: [Int]
    private let bucketStarts: [Int]
    private let members: [Int]

    init(_ patterns: [String], spaced: Bool = false) {
        let patternBytes = patterns.map { Array($0.utf8).filter { !spaced || $0 != 0x20 } }
        var buckets = [[Int]](repeating: [], count: 384)
        // Longer patterns first, so that matches at one position come longest first.
        for index in patternBytes.indices.sorted(by: { patternBytes[$0].count > patternBytes[$1].count })
        where !patternBytes[index].isEmpty {
            let bucket = patternBytes[index].withUnsafeBufferPointer { Self.bucket($0, at: 0) }
            buckets[bucket].append(index)
        }
        self.patterns = patternBytes
        self.spaced = spaced
        bytes = patternBytes.flatMap { $0 }
        offsets = patternBytes.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        bucketStarts = buckets.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        members = buckets.flatMap { $0 }
    }

    /// A Thai letter (E0 B8 xx or E0 B9 xx) has a bucket of its own; any other byte is its own bucket.
    @inline(__always)
    private static func bucket(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        if bytes[i] == 0xE0, i + 2 < bytes.count, bytes[i + 1] & 0xFE == 0xB8 {
            return 256 + Int(bytes[i + 1] - 0xB8) << 6 + Int(bytes[i + 2] & 0x3F)
        }
        return Int(bytes[i])
    }

    /// Every match as (pattern index, byte offsets in `text`), in text order; at one position the longer
    /// patterns first. Matches may overlap.
    func matches(in text: some StringProtocol) -> [(pattern: Int, range: Range<Int>)] {
        var found: [(pattern: Int, range: Range<Int>)] = []
        scan(text) { pattern, range in
            found.append((pattern, range))
            return true
        }
        return found
    }

    /// Calls `report` for each match in text order until it returns false.
    private func scan(_ text: some StringProtocol, _ report: (Int, Range<Int>) -> Bool) {
        let run = { (hay: UnsafeBufferPointer<UInt8>) in
            bytes.withUnsafeBufferPointer { bytes in
                offsets.withUnsafeBufferPointer { offsets in
                    bucketStarts.withUnsafeBufferPointer { bucketStarts in
                        members.withUnsafeBufferPointer { members in
                            var i = 0
                            while i < hay.count {
                                let bucket = Self.bucket(hay, at: i)
                                for m in bucketStarts[bucket]..<bucketStarts[bucket + 1] {
                                    let p = members[m]
                                    let pattern = UnsafeBufferPointer(rebasing: bytes[offsets[p]..<offsets[p + 1]])
                                    if let end = match(pattern, in: hay, at: i), !report(p, i..<end) { return }
                                }
                                // Matches start where characters do: skip a character's continuation bytes.
                                let lead = hay[i]
                                i += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                            }
                        }
                    }
                }
            }
        }
        if text.utf8.withContiguousStorageIfAvailable(run) == nil {
            Array(text.utf8).withUnsafeBufferPointer(run)
        }
    }

    /// Where a match of `pattern` at `i` ends.
    @inline(__always)
    private func match(_ pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var j = i
        var k = 0
        while k < pattern.count {
            guard j < hay.count else { return nil }
            if hay[j] == pattern[k] {
                j += 1
                k += 1
            } else if spaced && k > 0 && hay[j] == 0x20 {
                j += 1
            } else {
                return nil
            }
        }
        return j
    }
}
