/// Rebuilds the text of a document's pages from the boxes of their glyphs or OCR words, in the form the
/// text parsers read: one line per paragraph (wrapped lines joined), a blank line between paragraphs, and
/// each table row as one line of TAB-separated cells, so that a PDF table reaches the same table parsers
/// as a tab-separated table in a text file.
///
/// Steps, per document:
/// 1. Pieces and lines: a text-layer character and the combining marks drawn on it make a piece (a mark
///    the PDF library split off into its own word is put back on the letter whose right edge it sits
///    at); OCR words are pieces as they are, on the OCR engine's lines. Pieces on one baseline make a
///    line, read left to right (right-to-left runs turned back); a gap wider than a fifth of the line
///    height is a space.
/// 2. Running headers, footers and page numbers are dropped: first and last lines of a page, near its
///    top or bottom edge, whose text (digits aside) repeats on at least half the pages, or that hold
///    only a number that follows the page order.
/// 3. Tables drawn with known ruling lines (scanned pages) are read from their grid.
/// 4. Other tables: consecutive lines that share a vertical gutter (free of text in every line, at least
///    0.42 line heights wide, with text on both sides in two lines) and never cross it. A table that ends
///    a page continues on the next with its columns. Rows are split at the larger vertical gaps (a row
///    cut by a page break is joined again), cells are the row's text between the boundaries.
/// 5. Paragraphs: a line followed, at the paragraph's line spacing, by a line starting at its left edge
///    whose first word would not have fitted after it continues in that line.
public struct PageLayout: Sendable {
    public init() {}

    /// The text of each page, in order.
    public func texts(_ pages: [PageInput]) -> [String] {
        var lines = pages.map { page -> [Line] in
            switch page.content {
            case .glyphs(let glyphs): LineBuilder.lines(glyphs: glyphs)
            case .words(let words): LineBuilder.lines(words: words)
            }
        }
        RunningLines.remove(from: &lines, pageHeights: pages.map(\.height))
        // Tables drawn with known ruling lines come first; the lines outside them go on.
        var grids: [[GridTable]] = []
        for p in pages.indices {
            let (tables, rest) = GridTables.tables(pages[p].rulings, lines: lines[p])
            grids.append(tables)
            lines[p] = rest
        }
        var regions = lines.map { Tables.regions($0) }
        Tables.continueAcrossPages(&regions, lines: lines)
        Tables.markEmptyFirstColumns(&regions, lines: lines)
        let cellLineGap = Tables.cellLineGap(regions, lines: lines)
        var blocks = lines.indices.map { Self.blocks(lines[$0], regions[$0], grids[$0], cellLineGap: cellLineGap) }
        Self.joinSplitRows(&blocks, textBottom: lines.compactMap { $0.last?.box.y1 }.max() ?? 0)
        Self.padColumns(&blocks)
        let metrics = Metrics(blocks, pageWidths: pages.map(\.width))
        return blocks.indices.map { metrics.text(of: blocks[$0], page: $0) }
    }

    /// A page's lines as text lines and tables, top to bottom. A drawn table with nothing above it
    /// continues the table the page before may end with.
    static func blocks(_ lines: [Line], _ regions: [TableRegion], _ grids: [GridTable], cellLineGap: Double?) -> [Block] {
        var placed: [(top: Double, block: Block)] = []
        var next = 0
        for region in regions {
            for k in next..<region.lines.lowerBound { placed.append((lines[k].box.y0, .line(lines[k]))) }
            placed.append((lines[region.lines.lowerBound].box.y0,
                           .table(rows: Tables.rows(region, in: lines, cellLineGap: cellLineGap), continued: region.continued)))
            next = region.lines.upperBound
        }
        for k in next..<lines.count { placed.append((lines[k].box.y0, .line(lines[k]))) }
        let firstText = lines.first?.box.y0 ?? .infinity
        for grid in grids { placed.append((grid.top, .table(rows: grid.rows, continued: grid.top < firstText))) }
        return placed.enumerated().sorted { ($0.element.top, $0.offset) < ($1.element.top, $1.offset) }.map(\.element.block)
    }

    /// A row that a page break cut in two is one row again: the first row of a table that continues a
    /// page is joined to the last row of the table before when
    /// - that row reaches the bottom of the text (a cut row fills its page);
    /// - it has several lines, or the table's rows have (a table of one-line rows has no cut rows);
    /// - the continuation has text only in columns whose text ran to the bottom of the page (a column
    ///   that ended there cannot go on, so text in it starts a new row).
    /// A row cut over three pages is joined twice; a page left with nothing but the cut row's middle
    /// passes it on.
    static func joinSplitRows(_ pages: inout [[Block]], textBottom: Double) {
        var open: (page: Int, block: Int)?
        for p in pages.indices {
            if let target = open, case .table(var rows, true)? = pages[p].first, let first = rows.first,
                case .table(var previous, let continued) = pages[target.page][target.block], let last = previous.last,
                last.lineCount >= 2 || previous.map(\.lineCount).sorted()[previous.count / 2] >= 2,
                last.bottom >= textBottom - 1.5 * last.height,
                first.firstColumns.isSubset(of: last.lastColumns),
                last.cells.count == first.cells.count
            {
                var joined = first
                joined.cells = zip(last.cells, first.cells).map { Text.joinWrapped($0, $1) }
                joined.lineCount = last.lineCount + first.lineCount
                joined.firstColumns = last.firstColumns
                previous[previous.count - 1] = joined
                pages[target.page][target.block] = .table(rows: previous, continued: continued)
                rows.removeFirst()
                pages[p][0] = .table(rows: rows, continued: true)
                if rows.isEmpty, pages[p].count == 1 { continue }  // the page held only the row's middle
            }
            if case .table(let rows, _)? = pages[p].last, !rows.isEmpty {
                open = (p, pages[p].count - 1)
            } else {
                open = nil
            }
        }
    }
}

extension PageLayout {
    /// A table that follows another with no text between (the next part of one table, or a row set
    /// apart) and shows fewer columns has lost columns that are empty in all its rows: its rows get the
    /// empty cells at the end, so that they have the shape of the table they continue.
    static func padColumns(_ pages: inout [[Block]]) {
        var columns = 0
        for p in pages.indices {
            for b in pages[p].indices {
                guard case .table(var rows, let continued) = pages[p][b] else {
                    columns = 0
                    continue
                }
                let own = rows.map(\.cells.count).max() ?? 0
                if own < columns {
                    for k in rows.indices { rows[k].cells += Array(repeating: "", count: columns - rows[k].cells.count) }
                    pages[p][b] = .table(rows: rows, continued: continued)
                }
                columns = max(own, columns)
            }
        }
    }
}

enum Block {
    case line(Line)
    case table(rows: [Row], continued: Bool)
}

/// What the document says about its text block: where lines end when they wrap (per page, as pages may
/// turn), and how far apart the lines of one paragraph are.
struct Metrics {
    /// The right edge of each page's text: where full lines end. A page's longest lines (the third
    /// longest of nine or more, so that a line or two reaching into the margin do not count), but no less
    /// than three quarters of the page width (a page of short lines has no full line to tell).
    var rightEdges: [Double]
    /// The usual gap between two lines of a paragraph, in line heights.
    var lineGap: Double

    init(_ pages: [[Block]], pageWidths: [Double]) {
        var gaps: [Int: Int] = [:]
        rightEdges = []
        for (blocks, width) in zip(pages, pageWidths) {
            var ends: [Double] = []
            var previous: Line?
            for block in blocks {
                guard case .line(let line) = block else {
                    previous = nil
                    continue
                }
                ends.append(line.box.x1)
                if let p = previous, line.box.x0 < p.box.x1, line.box.x1 > p.box.x0 {
                    // Gaps in 2 % steps of the line height; the most common one is the paragraph's.
                    gaps[Int(((line.box.y0 - p.box.y1) / p.height * 50).rounded()), default: 0] += 1
                }
                previous = line
            }
            ends.sort(by: >)
            rightEdges.append(max(ends.isEmpty ? 0 : ends[min(2, (ends.count - 1) / 3)], 0.75 * width))
        }
        let mode = gaps.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 25
        lineGap = Double(mode) / 50
    }

    /// A page's text: paragraphs (wrapped lines joined) and table rows, blank lines between paragraphs.
    func text(of blocks: [Block], page: Int) -> String {
        let rightEdge = rightEdges[page]
        var out: [String] = []
        var paragraph: (text: String, last: Line)?
        func flush() {
            if let p = paragraph { out.append(p.text) }
            paragraph = nil
        }
        for block in blocks {
            switch block {
            case .table(let rows, _):
                flush()
                if let last = out.last, !last.isEmpty { out.append("") }
                for row in rows { out.append(row.cells.joined(separator: "\t")) }
                out.append("")
            case .line(let line):
                let text = line.text(0..<line.pieces.count)
                guard let p = paragraph else {
                    paragraph = (text, line)
                    continue
                }
                let gap = line.box.y0 - p.last.box.y1
                let sameParagraph = gap <= (lineGap + 0.08) * p.last.height
                if sameParagraph, wraps(p.last, into: line, rightEdge: rightEdge) {
                    paragraph = (Text.joinWrapped(p.text, text), line)
                    continue
                }
                flush()
                if !sameParagraph { out.append("") }
                paragraph = (text, line)
            }
        }
        flush()
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// Whether `line` ended only because `next` did not fit after it: the next line starts at its left
    /// edge, and its first word would not have fitted after it. Thai breaks between words without spaces,
    /// so for Thai the smallest piece that could have moved up is a short word, taken as five letters.
    private func wraps(_ line: Line, into next: Line, rightEdge: Double) -> Bool {
        guard next.box.x0 <= line.box.x0 + 0.5 * line.height, let first = next.words.first else { return false }
        var end = first.x1
        if let scalar = next.pieces[first.range.lowerBound].text.unicodeScalars.first, Text.isThaiLetter(scalar) {
            end = next.pieces[min(first.range.lowerBound + 4, first.range.upperBound - 1)].box.x1
        }
        let space = Text.isThaiLetter(next.pieces[first.range.lowerBound].text.unicodeScalars.first ?? " ") ? 0 : line.spaceGap
        return line.box.x1 + space + (end - first.x0) > rightEdge
    }
}
