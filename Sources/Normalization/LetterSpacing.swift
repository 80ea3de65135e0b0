import ICUBridge

/// What step 5 needs to know about one space-delimited piece of a line.
struct Piece {
    var start: Int
    var end: Int
    /// Only Thai letters, vowels and marks.
    var isThai = true
    /// Non-mark characters in the piece.
    var bases = 0
    var hasVowelMark = false

    /// One base character without a vowel mark: ร, ก้, า, เ.
    var isStrongFragment: Bool { isThai && bases == 1 && !hasVowelMark }
    /// One base character with a vowel mark: ที่, ฏิ.
    var isWeakFragment: Bool { isThai && bases == 1 && hasVowelMark }
}

/// Step 5 (see ``Normalizer``): closes up OCR letter-spacing inside Thai words. Writes the result
/// to `out` and returns true if any space was removed; returns false (and leaves `out` undefined)
/// otherwise.
func closeLetterSpacing(_ s: UnsafeBufferPointer<UInt32>, into out: inout ScalarBuffer) -> Bool {
    // Cheap exit: a candidate needs a space between two Thai characters.
    var candidate = false
    if s.count >= 3 {
        for i in 1..<(s.count - 1) where s[i] == 0x20 && isThaiWordChar(s[i - 1]) && isThaiWordChar(s[i + 1]) {
            candidate = true
            break
        }
    }
    if !candidate { return false }

    // Pieces, and for each the separator that follows it (space or not).
    var pieces: [Piece] = []
    var i = 0
    let n = s.count
    while i < n {
        if s[i] == 0x20 || s[i] == 0x09 {
            i += 1
            continue
        }
        var p = Piece(start: i, end: i)
        while i < n, s[i] != 0x20, s[i] != 0x09 {
            let c = s[i]
            if !isThaiWordChar(c) {
                p.isThai = false
            } else if isThaiMark(c) {
                if isVowelMark(c) { p.hasVowelMark = true }
            } else {
                p.bases += 1
            }
            i += 1
        }
        p.end = i
        pieces.append(p)
    }
    if pieces.count < 2 { return false }

    func joinable(_ a: Piece, _ b: Piece) -> Bool {
        guard a.isThai, b.isThai, b.start == a.end + 1, s[a.end] == 0x20 else { return false }
        return cannotStartSyllable(s[b.start]) || isLeadingVowel(s[a.end - 1]) || endsWithAscenderMark(a)
            || a.isStrongFragment || b.isStrongFragment || (a.isWeakFragment && b.isWeakFragment)
    }

    /// A tone mark on ป ฝ ฟ ฬ ends the piece: PDF text extraction leaves a space after the
    /// (shifted) tone mark on these ascender consonants ("การป้ องกัน"). Only tone marks: a piece
    /// ending in an upper vowel on them is a normal word end ("ประจำปี งบประมาณ" stays).
    func endsWithAscenderMark(_ p: Piece) -> Bool {
        var i = p.end - 1
        guard i > p.start, isToneMark(s[i]) else { return false }
        while i > p.start, isThaiMark(s[i]) { i -= 1 }
        let base = s[i]
        return base == 0x0E1B || base == 0x0E1D || base == 0x0E1F || base == 0x0E2C
    }

    var removed: [Int] = []  // indices in `s` of spaces to drop
    var k = 0
    while k < pieces.count - 1 {
        guard joinable(pieces[k], pieces[k + 1]) else {
            k += 1
            continue
        }
        var last = k + 1
        while last < pieces.count - 1, joinable(pieces[last], pieces[last + 1]) { last += 1 }
        removed.append(contentsOf: spacesToRemove(s, pieces[k...last]))
        k = last + 1
    }
    if removed.isEmpty { return false }

    out.removeAll()
    var r = 0
    for (index, c) in s.enumerated() {
        if r < removed.count, removed[r] == index {
            r += 1
            continue
        }
        out.append(c)
    }
    return true
}

/// For a chain of pieces joined by candidate spaces: the indices (in `s`) of the spaces to drop.
/// A space inside a segment of ICU's segmentation of the joined text goes when that segment is a
/// dictionary word. A space on a segment boundary goes only when the pieces on both sides are
/// fragments and the segments on both sides are dictionary words: a fully letter-spaced phrase
/// ("ค ว า ม ก้ า ว ห น้ า") has lost its word spaces anyway, and Thai puts no spaces between
/// words, whereas a space next to a longer piece ("ร า ย ง า น ความ…") is a real one.
private func spacesToRemove(_ s: UnsafeBufferPointer<UInt32>, _ chain: ArraySlice<Piece>) -> [Int] {
    var units: [UInt16] = []
    var spaceOffsets: [Int] = []  // offset in `units` where each space was
    for piece in chain {
        if !units.isEmpty { spaceOffsets.append(units.count) }
        for c in s[piece.start..<piece.end] { units.append(UInt16(truncatingIfNeeded: c)) }
    }
    let boundaries = WordBreak.thaiBoundaries(utf16: units)
    if boundaries.count < 2 { return [] }

    var verdicts: [Int: Bool] = [:]
    /// Whether segment `k` (boundaries[k - 1] ..< boundaries[k]) is a dictionary word.
    func isDictionaryWord(_ k: Int) -> Bool {
        if let known = verdicts[k] { return known }
        let verdict = (200..<300).contains(boundaries[k].ruleStatus)
            && WordBreak.isThaiDictionaryWord(utf16: units[boundaries[k - 1].offset..<boundaries[k].offset])
        verdicts[k] = verdict
        return verdict
    }

    var result: [Int] = []
    var segment = 1
    let pieces = Array(chain)
    for (j, offset) in spaceOffsets.enumerated() {
        while segment < boundaries.count, boundaries[segment].offset <= offset { segment += 1 }
        guard segment < boundaries.count else { break }
        let remove: Bool
        if boundaries[segment - 1].offset < offset {
            remove = isDictionaryWord(segment)
        } else {
            let left = pieces[j], right = pieces[j + 1]
            remove = segment >= 2
                && (left.isStrongFragment || left.isWeakFragment)
                && (right.isStrongFragment || right.isWeakFragment)
                && isDictionaryWord(segment - 1) && isDictionaryWord(segment)
        }
        if remove { result.append(pieces[j + 1].start - 1) }
    }
    return result
}
