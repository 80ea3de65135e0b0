/// The smallest unit of layout: a base character with the marks drawn on it (text layer), or an OCR word.
struct Piece {
    var text: String.UnicodeScalarView
    var box: Box
}

/// Pieces that share a baseline, left to right.
struct Line {
    var pieces: [Piece]
    var box: Box
    /// The typical piece height: the scale for the gaps that mean a space or a column.
    var height: Double

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
    }

    /// A gap wider than this between two pieces is a space. Word spaces measure about a quarter of the
    /// line height in Thai fonts; letters of a word touch or nearly so (combining marks can leave a
    /// tenth of it).
    var spaceGap: Double { 0.2 * height }

    /// Runs of pieces without a space between them: the ink of the line.
    var words: [(x0: Double, x1: Double, range: Range<Int>)] {
        var out: [(x0: Double, x1: Double, range: Range<Int>)] = []
        var start = 0
        for k in 1...pieces.count where k == pieces.count || pieces[k].box.x0 - pieces[k - 1].box.x1 > spaceGap {
            let x1 = pieces[start..<k].reduce(pieces[start].box.x1) { max($0, $1.box.x1) }
            out.append((pieces[start].box.x0, x1, start..<k))
            start = k
        }
        return out
    }

    /// The pieces of `range` as text, with a space where the gap between two is a space.
    func text(_ range: Range<Int>) -> String {
        var out = String.UnicodeScalarView()
        for k in range {
            if k > range.lowerBound, pieces[k].box.x0 - pieces[k - 1].box.x1 > spaceGap { out.append(" ") }
            out.append(contentsOf: pieces[k].text)
        }
        return String(out)
    }
}

enum LineBuilder {
    /// Lines of a page from a text layer: characters grouped into pieces (base + marks), pieces into lines.
    static func lines(glyphs: [Glyph]) -> [Line] {
        var pieces: [Piece] = []
        pieces.reserveCapacity(glyphs.count)
        var orphans: [Glyph] = []
        var lastWord = -1
        for g in glyphs {
            if g.scalar.properties.isWhitespace { continue }
            if isMark(g) {
                // In its base's word, content-stream order puts it right after the base; a mark the PDF
                // library split off into a word of its own is placed by its position once lines exist.
                if g.word == lastWord, !pieces.isEmpty {
                    pieces[pieces.count - 1].text.append(g.scalar)
                } else {
                    orphans.append(g)
                }
                continue
            }
            pieces.append(Piece(text: String.UnicodeScalarView([g.scalar]), box: g.box))
            lastWord = g.word
        }
        var lines = group(pieces)
        for mark in orphans { attach(mark, to: &lines) }
        return lines
    }

    /// Lines of an OCR'd page: each word is a piece.
    static func lines(words: [Word]) -> [Line] {
        group(words.compactMap { w in
            let text = w.text.unicodeScalars.filter { !$0.properties.isWhitespace }
            return text.isEmpty ? nil : Piece(text: String.UnicodeScalarView(text), box: w.box)
        })
    }

    /// A combining mark, a Thai PUA glyph for a shifted mark, or a glyph with no width: drawn on the
    /// character before it, never a character of its own.
    static func isMark(_ g: Glyph) -> Bool {
        let v = g.scalar.value
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
            if let last = out.last, last.text.elementsEqual(p.text),
                abs(last.box.x0 - p.box.x0) < 0.2 * max(p.box.width, 0.5), abs(last.box.y0 - p.box.y0) < 0.2 * p.box.height
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
        lines[best].pieces[chosen].text.append(mark.scalar)
    }
}
