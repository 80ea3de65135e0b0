import ICUBridge
import Normalization
import TableModel

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
/// 2. Tables drawn with ruling lines (a text-layer page's drawing, or lines found in a scanned page's
///    image) are read from their grid, with row and column spans (``GridTables``); one that opens a
///    page after a table that fills the page before, with as many columns, continues it.
/// 3. Running headers, footers and page numbers are dropped from the other lines: first and last lines
///    of a page, near its top or bottom edge, whose text (digits aside) repeats on at least half the
///    pages, that hold only a number that follows the page order, or (a header) that are set smaller
///    than the body text.
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
        self.pages(pages).map(\.text)
    }

    /// Each page's text and the tables in it, in order.
    public func pages(_ pages: [PageInput]) -> [LaidOutPage] {
        var lines = pages.map { page -> [Line] in
            switch page.content {
            case .glyphs(let glyphs): LineBuilder.lines(glyphs: glyphs, spaces: page.spaces)
            case .words(let words): LineBuilder.lines(words: words)
            }
        }
        // Tables drawn with ruling lines come first; the lines outside them go on. A header row that a
        // drawn table repeats at the top of every page is no running header.
        var grids: [[GridTable]] = []
        for p in pages.indices {
            let scanned = if case .words = pages[p].content { true } else { false }
            let (tables, rest) = GridTables.tables(pages[p].rulings, lines: lines[p], bridging: scanned)
            grids.append(tables)
            lines[p] = rest
        }
        RunningLines.remove(from: &lines, pageHeights: pages.map(\.height))
        // Where the text of a page ends when it fills the page: the lowest text of pages of its size (a
        // landscape page, for a wide table, ends higher than the portrait ones).
        let bottoms = pages.indices.map { p in
            max(lines[p].last?.box.y1 ?? 0, grids[p].compactMap { $0.rows.last?.bottom }.max() ?? 0)
        }
        let textBottom = pages.indices.map { p in
            pages.indices.filter { abs(pages[$0].height - pages[p].height) < 1 }.map { bottoms[$0] }.max() ?? 0
        }
        // A drawn table that fills its page: lines at the top of the next page may go on with its columns.
        let endingGrids = pages.indices.map { p -> [Double]? in
            guard let last = grids[p].last, let row = last.rows.last, Self.reachesBottom(row, textBottom[p]),
                !lines[p].contains(where: { $0.box.y0 > last.bottom })
            else { return nil }
            return last.boundaries
        }
        var regions = lines.map { Tables.regions($0) }
        Tables.continueAcrossPages(&regions, lines: lines, endingGrids: endingGrids, openingGrids: grids.map { $0.first?.top })
        Tables.markEmptyFirstColumns(&regions, lines: lines)
        let cellLineGap = Tables.cellLineGap(regions, lines: lines)
        var blocks = lines.indices.map { Self.blocks(lines[$0], regions[$0], grids[$0], cellLineGap: cellLineGap) }
        Self.joinSplitRows(&blocks, textBottom: textBottom)
        Self.continueAdjacentTables(&blocks)
        Self.padColumns(&blocks)
        let metrics = Metrics(blocks, pageWidths: pages.map(\.width))
        return blocks.indices.map { metrics.page(of: blocks[$0], page: $0) }
    }

    /// A page's lines as text lines and tables, top to bottom.
    static func blocks(_ lines: [Line], _ regions: [TableRegion], _ grids: [GridTable], cellLineGap: Double?) -> [Block] {
        var placed: [(top: Double, block: Block)] = []
        var next = 0
        for region in regions {
            for k in next..<region.lines.lowerBound { placed.append((lines[k].box.y0, .line(lines[k]))) }
            let rows = Tables.rows(region, in: lines, cellLineGap: cellLineGap)
            placed.append((lines[region.lines.lowerBound].box.y0,
                           .table(TableBlock(rows: rows, continued: region.continued, boundaries: region.boundaries))))
            next = region.lines.upperBound
        }
        for k in next..<lines.count { placed.append((lines[k].box.y0, .line(lines[k]))) }
        for grid in grids {
            placed.append((grid.top, .table(TableBlock(rows: grid.rows, continued: false, boundaries: grid.boundaries,
                                                       headerRowCount: grid.headerRowCount, drawn: true))))
        }
        return placed.enumerated().sorted { ($0.element.top, $0.offset) < ($1.element.top, $1.offset) }.map(\.element.block)
    }

    /// Where the columns of `table`, a drawn table right after `previous`, start among the columns of
    /// `previous` when it goes on from it; nil when it does not. It goes on when it has as many columns
    /// (a word processor may size the part on each page anew; whether it is rather a new table under a
    /// header of its own is the segmenter's to tell, from the words), or fewer, each of its column rules
    /// one of the table's (the rules of columns it leaves empty may be missing).
    static func columnStarts(of table: TableBlock, in previous: TableBlock) -> [Int]? {
        guard table.drawn else { return nil }
        if previous.boundaries.count == table.boundaries.count { return Array(0...table.boundaries.count) }
        let map = table.boundaries.map { b in previous.boundaries.firstIndex { abs($0 - b) <= GridTables.slack } }
        guard !table.boundaries.isEmpty, map.allSatisfy({ $0 != nil }) else { return nil }
        return [0] + map.map { $0! + 1 }
    }

    /// `table` marked as going on from `previous`, its rows set in `previous`'s columns: column k of
    /// `table` starts at column `starts[k]`, a cell covering the columns up to the next start.
    static func `continue`(_ table: inout TableBlock, from previous: TableBlock, starts: [Int]) {
        table.continued = true
        let width = previous.boundaries.count + 1
        guard starts.count < width else { return }
        for r in table.rows.indices {
            var row = table.rows[r]
            var cells = Array(repeating: "", count: width)
            var slots = Array(repeating: GridSlot(text: ""), count: width)
            for (k, start) in starts.enumerated() where k < row.cells.count {
                cells[start] = row.cells[k]
                if k < row.slots.count { slots[start] = row.slots[k] }
                let end = k + 1 < starts.count ? starts[k + 1] : width
                for covered in (start + 1)..<max(start + 1, end) { slots[covered] = .covered(.left) }
            }
            row.cells = cells
            if !row.slots.isEmpty { row.slots = slots }
            row.firstColumns = Set(row.firstColumns.map { starts[min($0, starts.count - 1)] })
            row.lastColumns = Set(row.lastColumns.map { starts[min($0, starts.count - 1)] })
            table.rows[r] = row
        }
        table.boundaries = previous.boundaries
    }

    /// Whether a table whose last row is `row` fills its page: a table that ends higher up ended there,
    /// and one at the top of the next page is another.
    /// `next`, the first row of what follows on the next page, may be too tall to have fitted under it:
    /// the page then ended short of its bottom by up to that row.
    static func reachesBottom(_ row: Row, _ textBottom: Double, before next: Row? = nil) -> Bool {
        let room = next.map { Double($0.lineCount) * $0.height * 1.5 } ?? 0
        return row.bottom + room >= textBottom - 2 * row.height
    }

    /// Whether a cell of `row` has text on neither its first nor its last line: the cell is set in the
    /// middle of the row (a table whose cells are centred vertically), so the row was laid out whole and
    /// no page break cut it (a cut row's text runs from its top to the cut).
    static func hasFloatingCell(_ row: Row) -> Bool {
        row.cells.indices.contains { !row.cells[$0].isEmpty && !row.firstColumns.contains($0) && !row.lastColumns.contains($0) }
    }

    /// Whether `row` leaves empty a column that every one of `rows` (two or more) fills: it is no row of
    /// its own but the rest of one.
    static func lacksAlwaysFilledCell(_ row: Row, _ rows: [Row]) -> Bool {
        guard rows.count >= 2 else { return false }
        return row.cells.indices.contains { c in
            row.cells[c].isEmpty && rows.allSatisfy { c < $0.cells.count && !$0.cells[c].isEmpty }
        }
    }

    /// A drawn table right under another table of as many columns, with no text between, goes on from it
    /// (a table a word processor drew in parts).
    static func continueAdjacentTables(_ pages: inout [[Block]]) {
        for p in pages.indices {
            for b in pages[p].indices.dropFirst() {
                guard case .table(var table) = pages[p][b], case .table(let previous) = pages[p][b - 1],
                    let starts = columnStarts(of: table, in: previous)
                else { continue }
                Self.continue(&table, from: previous, starts: starts)
                pages[p][b] = .table(table)
            }
        }
    }

    /// Tables that go on over a page break, and the rows a page break cut in two:
    /// - a drawn table that opens a page with the columns of the table that fills the page before
    ///   continues it (a table found from gutters was continued when its regions were found);
    /// - the first row of a table that continues a page is joined to the last row of the table before
    ///   when that row reaches the bottom of the text (a cut row fills its page); it has several lines,
    ///   or the table's rows have (a table of one-line rows has no cut rows), or the first row leaves
    ///   empty a column that every row before fills; no cell of it is set in the middle of the row; and
    ///   the continuation has
    ///   text only in columns whose text ran to the bottom of the page (a column that ended there
    ///   cannot go on, so text in it starts a new row).
    /// A row cut over three pages is joined twice; a page left with nothing but the cut row's middle
    /// passes it on, and a part left with no row gives way to the table under it (a row's tail above
    /// the rules of the rest).
    static func joinSplitRows(_ pages: inout [[Block]], textBottom: [Double]) {
        var open: (page: Int, block: Int)?
        for p in pages.indices {
            // Whether the table before has gone on at the top of this page (a part of a row it took in):
            // the next table here then stands right under it.
            var wentOn = false
            while let target = open, case .table(var table)? = pages[p].first,
                case .table(var previous) = pages[target.page][target.block]
            {
                let bottom = textBottom[target.page]
                if !table.continued, let last = previous.rows.last, wentOn || reachesBottom(last, bottom, before: table.rows.first),
                    let starts = columnStarts(of: table, in: previous)
                {
                    Self.continue(&table, from: previous, starts: starts)
                }
                pages[p][0] = .table(table)
                guard table.continued, let first = table.rows.first, let last = previous.rows.last,
                    last.lineCount >= 2 || previous.rows.map(\.lineCount).sorted()[previous.rows.count / 2] >= 2
                        || lacksAlwaysFilledCell(first, previous.rows),
                    last.bottom >= bottom - 1.5 * last.height,  // a cut row fills its page
                    !hasFloatingCell(last),
                    first.firstColumns.isSubset(of: last.lastColumns),
                    last.cells.count == first.cells.count
                else { break }
                var joined = first
                joined.cells = zip(last.cells, first.cells).map { WrappedLines.join($0, $1) }
                joined.slots = last.slots
                joined.lineCount = last.lineCount + first.lineCount
                joined.firstColumns = last.firstColumns
                previous.rows[previous.rows.count - 1] = joined
                pages[target.page][target.block] = .table(previous)
                table.rows.removeFirst()
                guard table.rows.isEmpty else {
                    pages[p][0] = .table(table)
                    break
                }
                pages[p].removeFirst()
                wentOn = true
            }
            if pages[p].isEmpty { continue }  // the page held only the row's middle
            if case .table(let table)? = pages[p].last, !table.rows.isEmpty {
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
                guard case .table(var table) = pages[p][b] else {
                    columns = 0
                    continue
                }
                let own = table.rows.map(\.cells.count).max() ?? 0
                if own < columns {
                    for k in table.rows.indices {
                        let missing = columns - table.rows[k].cells.count
                        table.rows[k].cells += Array(repeating: "", count: missing)
                        if !table.rows[k].slots.isEmpty { table.rows[k].slots += Array(repeating: GridSlot(text: ""), count: missing) }
                    }
                    pages[p][b] = .table(table)
                }
                columns = max(own, columns)
            }
        }
    }
}

/// One page as laid out: its text (paragraph lines, blank lines between paragraphs, each table row as
/// a line of TAB-separated cells) and its tables as grids, each standing in for its rows' lines.
public struct LaidOutPage: Sendable, Equatable, Codable {
    public var text: String
    public var tables: [TableGrid]

    public init(text: String, tables: [TableGrid] = []) {
        self.text = text
        self.tables = tables
    }
}

enum Block {
    case line(Line)
    case table(TableBlock)
}

/// A table on a page, as the layout found it.
struct TableBlock {
    var rows: [Row]
    /// It goes on from the table that ends the page before.
    var continued: Bool
    /// Where the text of each column but the first starts.
    var boundaries: [Double]
    /// The header band's rows, when the drawn grid tells.
    var headerRowCount: Int?
    /// Read from ruling lines rather than gutters.
    var drawn = false

    var grid: TableGrid {
        TableGrid(rows: rows.map(\.gridRow), headerRowCount: headerRowCount, continued: continued)
    }
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
        rightEdges = zip(pages, pageWidths).map { blocks, width in
            let ends = blocks.compactMap { block -> Double? in if case .line(let line) = block { line.box.x1 } else { nil } }.sorted(by: >)
            return max(ends.isEmpty ? 0 : ends[min(2, (ends.count - 1) / 3)], 0.75 * width)
        }
        // Gaps in 2 % steps of the line height; the most common one is the paragraph's. Gaps under a line
        // that fills its page's width are counted alone where there are any: such a line wrapped, so the
        // gap is inside a paragraph, where a memo of many one-line fields may space its paragraphs more
        // often than it wraps a line.
        var gaps: [Int: Int] = [:]
        var wrapGaps: [Int: Int] = [:]
        for (blocks, rightEdge) in zip(pages, rightEdges) {
            var previous: Line?
            for block in blocks {
                guard case .line(let line) = block else {
                    previous = nil
                    continue
                }
                if let p = previous, line.box.x0 < p.box.x1, line.box.x1 > p.box.x0 {
                    let gap = Int(((line.box.y0 - p.box.y1) / p.height * 50).rounded())
                    gaps[gap, default: 0] += 1
                    if p.box.x1 >= rightEdge - 2 * p.height { wrapGaps[gap, default: 0] += 1 }
                }
                previous = line
            }
        }
        let counted = wrapGaps.isEmpty ? gaps : wrapGaps
        let mode = counted.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 25
        lineGap = Double(mode) / 50
    }

    /// A page's text: paragraphs (wrapped lines joined) and table rows, blank lines between paragraphs;
    /// and its tables, each with the lines its rows take.
    func page(of blocks: [Block], page: Int) -> LaidOutPage {
        let rightEdge = rightEdges[page]
        var out: [String] = []
        var tables: [TableGrid] = []
        var paragraph: (text: String, last: Line)?
        func flush() {
            if let p = paragraph { out.append(p.text) }
            paragraph = nil
        }
        for block in blocks {
            switch block {
            case .table(let table):
                flush()
                if let last = out.last, !last.isEmpty { out.append("") }
                var grid = table.grid
                grid.line = out.count + 1
                grid.lineCount = table.rows.count
                if !table.rows.isEmpty { tables.append(grid) }
                for row in table.rows { out.append(row.cells.joined(separator: "\t")) }
                out.append("")
            case .line(let line):
                let text = line.text(0..<line.pieces.count)
                guard let p = paragraph else {
                    paragraph = (text, line)
                    continue
                }
                let gap = line.box.y0 - p.last.box.y1
                // A heading is set larger or bolder than the text under it: a paragraph of its own.
                let sameParagraph = gap <= (lineGap + 0.08) * p.last.height && line.isSetLike(p.last)
                if sameParagraph, wraps(p.last, into: line, rightEdge: rightEdge) {
                    paragraph = (WrappedLines.join(p.text, text, spaced: p.last.pieces.last?.spaceAfter ?? false), line)
                    continue
                }
                flush()
                if !sameParagraph { out.append("") }
                paragraph = (text, line)
            }
        }
        flush()
        while out.last == "" { out.removeLast() }
        return LaidOutPage(text: out.joined(separator: "\n"), tables: tables)
    }

    /// Whether `line` ended only because `next` did not fit after it: the next line starts at its left
    /// edge, and its first word would not have fitted after it. Thai breaks between words without spaces,
    /// so for Thai the smallest piece that could have moved up is a word (``firstThaiWordEnd(_:in:)``).
    ///
    /// A line set out by hand does not go on from the line above: one with a gap of two line heights or
    /// more inside (a field and a date aligned with spaces). A rule drawn of one repeated mark (dashes)
    /// neither goes on from a line nor is gone on from.
    private func wraps(_ line: Line, into next: Line, rightEdge: Double) -> Bool {
        guard next.box.x0 <= line.box.x0 + 0.5 * line.height, let first = next.words.first,
            !Self.isRule(line), !Self.isRule(next), !Self.hasAlignmentGap(next), !Self.opensItem(next)
        else { return false }
        var end = first.x1
        if let scalar = next.pieces[first.range.lowerBound].text.unicodeScalars.first, WrappedLines.isThaiLetter(scalar) {
            end = next.pieces[Self.firstThaiWordEnd(next, in: first.range)].box.x1
        }
        let space = WrappedLines.isThaiLetter(next.pieces[first.range.lowerBound].text.unicodeScalars.first ?? " ") ? 0 : line.spaceGap
        return line.box.x1 + space + (end - first.x0) > rightEdge
    }

    /// The last piece of the least of the Thai run `range` of `line` that could have moved up to the line
    /// above: its first dictionary word (a word processor breaks Thai between the words of its dictionary),
    /// five letters at least, since word processors' dictionaries hold compounds that ICU's splits
    /// ("ผู้มีส่วนได้ส่วนเสีย"), and ten at most, since a run the dictionary does not know (a name) is
    /// one segment to ICU however long, where a word processor would have broken it.
    static func firstThaiWordEnd(_ line: Line, in range: Range<Int>) -> Int {
        let shortWord = min(range.lowerBound + 4, range.upperBound - 1)
        let longWord = min(range.lowerBound + 9, range.upperBound - 1)
        // A legacy font's private-use marks are no letters to the dictionary.
        let text = ThaiPUA.standardized(line.text(range))
        guard let word = WordBreak.thaiSegments(text).first else { return shortWord }
        let scalars = text[word.range].unicodeScalars.count
        var seen = 0
        for k in range {
            seen += line.pieces[k].text.unicodeScalars.count
            if seen >= scalars { return min(max(k, shortWord), longWord) }
        }
        return longWord
    }

    /// Whether `line` opens with an item number standing as a word ("๒)", "3.", "(4)") or a bullet: it
    /// starts an item of a list, and goes on from no line above, however full that line is.
    static func opensItem(_ line: Line) -> Bool {
        guard let first = line.words.first else { return false }
        var word = line.text(first.range).unicodeScalars[...]
        if word.count == 1, word.first == "•" { return true }
        if word.first == "(", word.last == ")" { word = word.dropFirst() }
        guard let mark = word.last, mark == ")" || mark == "." else { return false }
        let number = word.dropLast()
        return (1...2).contains(number.count) && number.allSatisfy(WrappedLines.isDigit)
    }

    private static func hasAlignmentGap(_ line: Line) -> Bool {
        zip(line.words, line.words.dropFirst()).contains { $1.x0 - $0.x1 >= 2 * line.height }
    }

    private static func isRule(_ line: Line) -> Bool {
        guard line.pieces.count >= 5, let mark = line.pieces.first?.text, mark.unicodeScalars.count == 1,
            let scalar = mark.unicodeScalars.first, scalar.properties.generalCategory.isPunctuationOrSymbol
        else { return false }
        return line.pieces.allSatisfy { $0.text == mark }
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .dashPunctuation, .connectorPunctuation, .otherPunctuation, .mathSymbol, .otherSymbol: true
        default: false
        }
    }
}
