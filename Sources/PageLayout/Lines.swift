/// The smallest unit of layout: a base character with the marks drawn on it (text layer), or an OCR word.
struct Piece {
    /// A letter and its marks fit Swift's small-string storage: no allocation for a piece.
    var text: String
    var box: Box
    /// The font size (0 when unknown: OCR) and weight.
    var fontSize: Float = 0
    var bold = false
    /// The page draws a space right after it. Gaps tell the spaces inside a line; only this tells one
    /// at its end, where a wrapped line broke at a space rather than between Thai words.
    var spaceAfter = false
}

/// Pieces that share a baseline, left to right.
struct Line {
    var pieces: [Piece]
    var box: Box
    /// The typical piece height: the scale for the gaps that mean a space or a column.
    var height: Double
    /// How far the left edges of text in one column may stray: next to nothing in a text layer, a good
    /// part of a letter in OCR boxes.
    var jitter = 1.0

    /// Runs of pieces without a space between them: the ink of the line.
    let words: [(x0: Double, x1: Double, range: Range<Int>)]

    init(pieces: [Piece]) {
        self.pieces = pieces
        var box = pieces[0].box
        for p in pieces.dropFirst() {
            box.x0 = min(box.x0, p.box.x0)
            box.y0 = min(box.y0, p.box.y0)
            box.x1 = max(box.x1, p.box.x1)
            box.y1 = max(box.y1, p.box.y1)
        }
        self.box = box
        let heights = pieces.map(\.box.height).sorted()
        height = max(heights[heights.count / 2], 1)
        var words: [(x0: Double, x1: Double, range: Range<Int>)] = []
        var start = 0
        let spaceGap = 0.2 * height
        var right = pieces[0].box.x1
        for k in 1...pieces.count {
            if k == pieces.count || pieces[k].box.x0 - pieces[k - 1].box.x1 > spaceGap {
                words.append((pieces[start].box.x0, right, start..<k))
                start = k
                if k < pieces.count { right = pieces[k].box.x1 }
            } else {
                right = max(right, pieces[k].box.x1)
            }
        }
        self.words = words
    }

    /// The line's type: its usual font size (0 when unknown) and the share of its letters set in bold.
    var style: (size: Float, bold: Double) {
        let sizes = pieces.map(\.fontSize).sorted()
        return (sizes[sizes.count / 2], Double(pieces.filter(\.bold).count) / Double(pieces.count))
    }

    /// Whether two lines are set alike: the same size within a tenth, and both mostly bold or mostly
    /// not (a bold phrase inside a line does not make it a heading). Lines of unknown size are alike.
    func isSetLike(_ other: Line) -> Bool {
        let (a, b) = (style, other.style)
        guard a.size > 0, b.size > 0 else { return true }
        return abs(a.size - b.size) <= 0.1 * max(a.size, b.size) && abs(a.bold - b.bold) <= 0.6
    }

    /// A gap wider than this between two pieces is a space. Word spaces measure about a quarter of the
    /// line height in Thai fonts; letters of a word touch or nearly so (combining marks can leave a
    /// tenth of it).
    var spaceGap: Double { 0.2 * height }

    /// The pieces of `range` as text, with a space where the gap between two is a space. Pieces are in
    /// visual order, left to right; a run of right-to-left script (a Hebrew or Arabic name) is turned
    /// back into reading order.
    func text(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count * 6)
        let gap = spaceGap
        var k = range.lowerBound
        while k < range.upperBound {
            if k > range.lowerBound, pieces[k].box.x0 - pieces[k - 1].box.x1 > gap { out.append(0x20) }
            guard isRightToLeft(pieces[k]) else {
                out.append(contentsOf: pieces[k].text.utf8)
                k += 1
                continue
            }
            var end = k + 1
            while end < range.upperBound, isRightToLeft(pieces[end]) { end += 1 }
            for m in stride(from: end - 1, through: k, by: -1) {
                out.append(contentsOf: pieces[m].text.utf8)
                if m > k, pieces[m].box.x0 - pieces[m - 1].box.x1 > gap { out.append(0x20) }
            }
            k = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func isRightToLeft(_ piece: Piece) -> Bool {
        guard let c = piece.text.unicodeScalars.first?.value else { return false }
        return (0x0590...0x08FF).contains(c) || (0xFB1D...0xFDFF).contains(c) || (0xFE70...0xFEFF).contains(c)
    }
}

enum LineBuilder {
    /// Lines of a page from a text layer: characters grouped into pieces (base + marks), pieces into lines;
    /// a piece that one of the drawn `spaces` follows is marked so.
    static func lines(glyphs: [Glyph], spaces: [Box] = []) -> [Line] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(glyphs.count)
        var orphans: [Glyph] = []
        var lastWord = -1
        for g in glyphs {
            if isSpace(g.scalar) { continue }
            if isMark(g) {
                // In its base's word, content-stream order puts it right after the base; a mark the PDF
                // library split off into a word of its own is placed by its position once lines exist.
                if g.word == lastWord, !pieces.isEmpty {
                    pieces[pieces.count - 1].text.unicodeScalars.append(g.scalar)
                    // A mark may be given part of its cluster's advance (a tone mark before SARA AM, when
                    // one glyph draws both): its piece reaches as far, or the next letter would stand a
                    // space away from it, inside the word.
                    if g.box.x1 > pieces[pieces.count - 1].box.x1, g.box.x0 >= pieces[pieces.count - 1].box.x0 {
                        pieces[pieces.count - 1].box.x1 = g.box.x1
                    }
                } else {
                    orphans.append(g)
                }
                continue
            }
            pieces.append(Piece(text: String(g.scalar), box: g.box, fontSize: Float(g.fontSize), bold: g.bold))
            lastWord = g.word
        }
        var lines = group(pieces)
        for mark in orphans { attach(mark, to: &lines) }
        for space in spaces { markSpace(space, in: &lines) }
        return lines
    }

    /// Marks the piece a drawn space follows: on the line the space's middle is in, the piece whose right
    /// edge is where the space starts, within a tenth of the line's height.
    private static func markSpace(_ space: Box, in lines: inout [Line]) {
        guard let k = lines.firstIndex(where: { $0.box.y0 <= space.midY && space.midY <= $0.box.y1 }) else { return }
        let tolerance = 0.1 * lines[k].height
        let pieces = lines[k].pieces
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].box.x1 < space.x0 - tolerance { lo = mid + 1 } else { hi = mid }
        }
        for j in [lo, lo + 1] where j < pieces.count && abs(pieces[j].box.x1 - space.x0) <= tolerance {
            lines[k].pieces[j].spaceAfter = true
            return
        }
    }

    /// Lines of an OCR'd page: each word is a piece. Words the OCR engine put on one line stay together
    /// (Thai marks above and below a line have boxes of their own, which grouping by position would
    /// split off); such line pieces, one a table cell say, then join others on their baseline.
    static func lines(words: [Word]) -> [Line] {
        var numbered: [Int: [Piece]] = [:]
        var fragments: [[Piece]] = []
        for w in words {
            let text = String(String.UnicodeScalarView(w.text.unicodeScalars.filter { !isSpace($0) }))
            guard !text.isEmpty else { continue }
            let piece = Piece(text: text, box: w.box)
            if let line = w.line { numbered[line, default: []].append(piece) } else { fragments.append([piece]) }
        }
        fragments += numbered.values
        // A word's box is its ink, taller with marks above or below; the line's extent is the height that
        // compares with other lines (table rows are set in one size) and scales the gaps.
        let sorted = fragments.map { Line(pieces: $0) }.sorted { $0.box.midY < $1.box.midY }
        var groups: [[Piece]] = []
        var last: Line?
        for fragment in sorted {
            if let previous = last, abs(fragment.box.midY - previous.box.midY) <= 0.35 * min(fragment.height, previous.height) {
                groups[groups.count - 1] += fragment.pieces
            } else {
                groups.append(fragment.pieces)
            }
            last = fragment
        }
        // Ink boxes make lines with marks above or letters below taller than others; every line gets the
        // page's usual line height around its middle, as the lines of a text layer have, so that heights
        // compare (table rows share one) and gaps scale alike.
        let extents = groups.map { pieces in (pieces.map(\.box.y0).min()!, pieces.map(\.box.y1).max()!) }
        let heights = extents.map { $0.1 - $0.0 }.sorted()
        guard !heights.isEmpty else { return [] }
        let half = heights[heights.count / 2] / 2
        return zip(groups, extents).map { pieces, extent in
            let middle = (extent.0 + extent.1) / 2
            var line = Line(pieces: pieces.map { Piece(text: $0.text, box: Box(x0: $0.box.x0, y0: middle - half, x1: $0.box.x1, y1: middle + half)) }
                .sorted { $0.box.x0 < $1.box.x0 })
            line.jitter = 0.25 * line.height
            return line
        }
    }

    /// A combining mark, a Thai PUA glyph for a shifted mark, or a glyph with no width: drawn on the
    /// character before it, never a character of its own.
    /// White space: a text layer's spaces are left to the layout's own reading of gaps.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x0E00 && v <= 0x0E7F { return false }
        return c.properties.isWhitespace
    }

    static func isMark(_ g: Glyph) -> Bool {
        let v = g.scalar.value
        if v >= 0x0E00 && v <= 0x0E7F {
            return v == 0x0E31 || (v >= 0x0E34 && v <= 0x0E3A) || (v >= 0x0E47 && v <= 0x0E4E)
                || g.box.width <= 0.01 * max(g.box.height, 1)
        }
        if v < 0x0300 { return g.box.width <= 0.01 * max(g.box.height, 1) }
        switch v {
        case 0xF701...0xF70E, 0xF710...0xF71A, 0xF884...0xF899, 0xF89B...0xF89D:
            return true
        case 0xF700, 0xF70F, 0xF89A, 0xF89E:
            return false  // THO THAN and YO YING without descender: letters
        default:
            break
        }
        switch g.scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return g.box.width <= 0.01 * max(g.box.height, 1)
        }
    }

    /// Pieces sorted into lines: by vertical middle, a piece joining the line whose middle is within a
    /// third of the smaller height; each line left to right, doubled pieces (fake bold) dropped.
    static func group(_ pieces: [Piece]) -> [Line] {
        guard !pieces.isEmpty else { return [] }
        let sorted = pieces.sorted { $0.box.midY < $1.box.midY }
        var lines: [Line] = []
        var current: [Piece] = [sorted[0]]
        var anchor = sorted[0].box
        for p in sorted.dropFirst() {
            if abs(p.box.midY - anchor.midY) <= 0.35 * min(p.box.height, anchor.height) {
                current.append(p)
            } else {
                lines.append(Line(pieces: dedup(current)))
                current = [p]
                anchor = p.box
            }
        }
        lines.append(Line(pieces: dedup(current)))
        return lines
    }

    private static func dedup(_ pieces: [Piece]) -> [Piece] {
        let sorted = pieces.sorted { $0.box.x0 < $1.box.x0 }
        var out: [Piece] = []
        out.reserveCapacity(sorted.count)
        for p in sorted {
            if let last = out.last, abs(last.box.x0 - p.box.x0) < 0.2 * max(p.box.width, 0.5),
                abs(last.box.y0 - p.box.y0) < 0.2 * p.box.height, last.text == p.text
            {
                continue
            }
            out.append(p)
        }
        return out
    }

    /// Puts a split-off mark on the piece it is drawn on: in the line it overlaps most, the piece whose
    /// right edge is nearest to it. A mark has no width and is drawn from the pen position after its base
    /// (give or take the font's mark positioning), so it sits at its base's right edge, which is also the
    /// next letter's left edge: only the right edges tell the two apart.
    private static func attach(_ mark: Glyph, to lines: inout [Line]) {
        var best = -1
        var bestOverlap = 0.0
        for (k, line) in lines.enumerated() {
            let overlap = min(line.box.y1, mark.box.y1) - max(line.box.y0, mark.box.y0)
            if overlap > bestOverlap, mark.box.x0 >= line.box.x0 - line.height, mark.box.x0 <= line.box.x1 + line.height {
                best = k
                bestOverlap = overlap
            }
        }
        guard best >= 0 else { return }
        let pieces = lines[best].pieces
        var lo = 0
        var hi = pieces.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pieces[mid].box.x0 < mark.box.x0 - 0.01 { lo = mid + 1 } else { hi = mid }
        }
        // `lo` is the first piece starting at or right of the mark; its right edge is too far unless the
        // mark is on it, so the candidates are the pieces around it.
        var chosen = max(lo - 1, 0)
        for k in [lo - 2, lo - 1, lo] where k >= 0 && k < pieces.count {
            if abs(pieces[k].box.x1 - mark.box.x0) < abs(pieces[chosen].box.x1 - mark.box.x0) { chosen = k }
        }
        lines[best].pieces[chosen].text.unicodeScalars.append(mark.scalar)
    }
}
