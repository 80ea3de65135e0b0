internal import ICUShim

/// Word segmentation through ICU's word break iterator (`ubrk_open(UBRK_WORD, "th")`), which splits
/// Thai runs with ICU's Thai dictionary.
public struct WordBreak: Sendable {
    /// One segment between two word boundaries, with the rule status ICU reports for it.
    public struct Segment: Sendable, Equatable {
        /// The segment's range in the string given to ``WordBreak/thaiSegments(_:)``.
        public var range: Range<String.Index>
        /// ICU's rule status: 0 none (spaces, punctuation), 100–199 numbers, 200–299 letters and
        /// words (Thai dictionary words included), 300–399 kana, 400–499 ideographs.
        public var ruleStatus: Int32

        /// Makes a segment.
        public init(range: Range<String.Index>, ruleStatus: Int32) {
            self.range = range
            self.ruleStatus = ruleStatus
        }

        /// Rule status 200–299: a word of letters (for Thai, a dictionary segment).
        public var isWord: Bool { (200..<300).contains(ruleStatus) }
        /// Rule status 100–199: a number.
        public var isNumber: Bool { (100..<200).contains(ruleStatus) }
    }

    /// The segments of `s` by ICU's Thai word break rules, covering `s` from start to end.
    /// Returns `[]` for an empty string (or if ICU fails).
    public static func thaiSegments(_ s: String) -> [Segment] {
        let found = thaiBoundaries(utf16: Array(s.utf16))
        if found.count < 2 { return [] }
        let count = found.count
        // Walk the scalars once, turning the ascending UTF-16 offsets into String indices.
        var indices: [String.Index] = []
        indices.reserveCapacity(count)
        let scalars = s.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        for k in 0..<count {
            let target = found[k].offset
            while offset < target, index < scalars.endIndex {
                offset += UTF16.width(scalars[index])
                scalars.formIndex(after: &index)
            }
            indices.append(index)
        }
        var segments: [Segment] = []
        segments.reserveCapacity(count - 1)
        for k in 1..<count where indices[k - 1] < indices[k] {
            segments.append(Segment(range: indices[k - 1]..<indices[k], ruleStatus: found[k].ruleStatus))
        }
        return segments
    }

    /// A word boundary as a UTF-16 offset, with the rule status of the segment that ends there.
    public struct Boundary: Sendable, Equatable {
        /// UTF-16 offset of the boundary.
        public var offset: Int
        /// Rule status of the segment ending at `offset` (0 for the boundary at offset 0).
        public var ruleStatus: Int32

        /// Makes a boundary.
        public init(offset: Int, ruleStatus: Int32) {
            self.offset = offset
            self.ruleStatus = ruleStatus
        }
    }

    /// The word boundaries of UTF-16 text by ICU's Thai word break rules, first 0 and last
    /// `units.count`: the allocation-light form of ``thaiSegments(_:)`` for callers that work on
    /// code units. Returns `[]` for empty input (or if ICU fails).
    public static func thaiBoundaries(utf16 units: [UInt16]) -> [Boundary] {
        if units.isEmpty { return [] }
        let capacity = units.count + 1
        var boundaries = [Int32](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        var count: Int32 = 0
        let status = units.withUnsafeBufferPointer { text in
            boundaries.withUnsafeMutableBufferPointer { b in
                statuses.withUnsafeMutableBufferPointer { st in
                    icushim_word_breaks("th", text.baseAddress, Int32(text.count), b.baseAddress, st.baseAddress, Int32(capacity), &count)
                }
            }
        }
        if status > 0 || count < 2 { return [] }
        return (0..<Int(count)).map { Boundary(offset: Int(boundaries[$0]), ruleStatus: statuses[$0]) }
    }

    /// ``isThaiDictionaryWord(_:)`` for UTF-16 code units.
    public static func isThaiDictionaryWord(utf16 units: ArraySlice<UInt16>) -> Bool {
        if units.isEmpty { return false }
        return thaiDictionaryPrefixLengths(Array(units)).last == units.count
    }

    /// Whether `word` is an entry of ICU's Thai word-break dictionary (the `thaidict` data the
    /// word break iterator segments Thai with). ICU's segmenter gives every Thai run rule status
    /// 200, even text it could not match (it attaches unknown letters to a neighbouring segment),
    /// so this is how to tell a real word from such a leftover.
    public static func isThaiDictionaryWord(_ word: String) -> Bool {
        let units = Array(word.utf16)
        return thaiDictionaryPrefixLengths(units).last == units.count && !units.isEmpty
    }

    /// Lengths in UTF-16 units, ascending, of the dictionary words that are prefixes of `units`.
    static func thaiDictionaryPrefixLengths(_ units: [UInt16]) -> [Int] {
        if units.isEmpty { return [] }
        var lengths = [Int32](repeating: 0, count: units.count)
        var count: Int32 = 0
        let status = units.withUnsafeBufferPointer { text in
            lengths.withUnsafeMutableBufferPointer { out in
                icushim_thai_dictionary_prefixes(text.baseAddress, Int32(text.count), out.baseAddress, Int32(out.count), &count)
            }
        }
        if status > 0 { return [] }
        return lengths.prefix(Int(count)).map(Int.init)
    }
}
