import TableModel

/// A vertical strip free of ink in every line of a table region: a column boundary.
struct Gutter {
    var x0: Double
    var x1: Double
    /// Lines of the region with ink on both sides of it.
    var support: Int

    var isBounded: Bool { x0 > -Tables.far && x1 < Tables.far }

    /// Where the text right of the gutter starts, less the little a cell's text start varies by (a
    /// number set a hair to the left, rounding in the PDF).
    var boundary: Double { x1 - min(2, (x1 - x0) / 2) }
}

/// A table found on a page: consecutive lines whose ink never crosses the column boundaries.
struct TableRegion {
    var lines: Range<Int>
    /// Column boundaries, left to right: about where the text of each column but the first starts.
    /// Cells are left-aligned from a fixed padding, so that edge stays put from row to row and page to
    /// page, while the text of the column before may reach further right in rows not seen yet.
    var boundaries: [Double]
    /// It continues the table that ends the previous page.
    var continued = false

    init(lines: Range<Int>, gutters: [Gutter]) {
        self.lines = lines
        // Two pieces of one gutter (a stray mark split it) are one boundary: the right one.
        let sorted = gutters.map(\.boundary).sorted()
        boundaries = sorted.enumerated().filter { k, b in k + 1 == sorted.count || sorted[k + 1] - b > 4 }.map(\.element)
    }

    init(lines: Range<Int>, boundaries: [Double], continued: Bool) {
        self.lines = lines
        self.boundaries = boundaries
        self.continued = continued
    }
}

/// A table row: its cells' texts and where its last line ends.
struct Row {
    var cells: [String]
    var lineCount: Int
    var bottom: Double
    var height: Double
    /// The columns with text in the row's first line, and in its last line.
    var firstColumns: Set<Int>
    var lastColumns: Set<Int>
    /// The row's slots with their spans, for a table read from its drawn grid; empty when every cell is
    /// one slot (a table read from its gutters).
    var slots: [GridSlot] = []

    /// The row as grid slots.
    var gridRow: GridRow {
        guard slots.count == cells.count else { return GridRow(slots: cells.map { GridSlot(text: $0) }) }
        return GridRow(slots: zip(slots, cells).map { slot, text in
            var slot = slot
            if slot.cover == nil, slot.text != text {
                slot.text = text
                slot.lines = []  // joined with the part a page break cut off
            }
            return slot
        })
    }
}

/// Tables rebuilt from the layout: gutters that line up down the page make columns, larger vertical
/// gaps between lines make rows, and the lines of one row and column make a cell (wrapped lines joined).
enum Tables {
    static let far = 1e9

    /// A gutter narrower than this many line heights is taken for a word space. Cells are separated by
    /// their padding on both sides (a word processor's default is 0.19 cm each); word spaces measure
    /// about a quarter of the line height, a third in wide fonts.
    static let minGutter = 0.42

    /// The table regions among `lines` (a page's lines, top to bottom).
    static func regions(_ lines: [Line]) -> [TableRegion] {
        var regions: [TableRegion] = []
        var i = 0
        while i < lines.count {
            guard let (end, gutters) = grow(lines, from: i) else {
                i += 1
                continue
            }
            regions.append(TableRegion(lines: i..<end, gutters: gutters.filter { $0.support >= 1 && $0.isBounded }))
            i = end
        }
        return regions
    }

    /// The longest table starting at line `start`: the end of its lines and its gutters, or nil when the
    /// line does not start a table of at least two lines with a column gutter both support.
    private static func grow(_ lines: [Line], from start: Int) -> (Int, [Gutter])? {
        let first = lines[start]
        var gutters = free(first).compactMap { g -> Gutter? in
            let bounded = g.0 > -far && g.1 < far
            if bounded && g.1 - g.0 < minGutter * first.height { return nil }
            return Gutter(x0: g.0, x1: g.1, support: bounded ? 1 : 0)
        }
        guard gutters.contains(where: { $0.isBounded }) else { return nil }
        var end = start + 1
        while end < lines.count {
            let line = lines[end]
            let previous = lines[end - 1]
            let height = min(line.height, previous.height)
            let gap = line.box.y0 - previous.box.y1
            guard gap <= 2 * max(line.height, previous.height), sameSize(line.height, first.height) else { break }
            let next = intersect(gutters, with: line, minWidth: minGutter * height)
            let established = gutters.filter { $0.support >= 2 && $0.isBounded }
            if established.isEmpty {
                // Until two lines have text on both sides of a gutter, a line with text in one column only
                // (a header cell's second line) keeps the candidates alive; a line whose text runs across a
                // candidate (a paragraph) ends the table.
                let crossed = gutters.contains { g in
                    g.isBounded && g.x0 >= line.box.x0 && g.x1 <= line.box.x1
                        && !next.contains { $0.x1 > g.x0 && $0.x0 < g.x1 }
                }
                guard !crossed, next.contains(where: { $0.isBounded }) else { break }
            } else {
                // A line that crosses a column boundary is not a row of this table.
                let survives = established.allSatisfy { g in
                    next.contains { $0.x1 > g.x0 && $0.x0 < g.x1 && $0.support >= g.support }
                }
                guard survives else { break }
            }
            // A line with a column starting where this table has text, or right after its text (closer
            // than any cell padding), belongs to another table (one that follows without text between).
            let words = line.words
            let spaces = zip(words, words.dropFirst()).map { $1.x0 - $0.x1 }.filter { $0 < height }.sorted()
            let columnGap = max(minGutter * height, 1.5 * (spaces.isEmpty ? 0 : spaces[spaces.count / 2]))
            let starts = words.indices.filter { k in k == 0 || words[k].x0 - words[k - 1].x1 >= columnGap }
            let foreign = starts.contains { k in
                let s = words[k].x0
                return lines[start..<end].contains { $0.words.contains { $0.x0 < s - line.jitter && $0.x1 > s - minGutter * height } }
            }
            if foreign { break }
            gutters = next
            end += 1
        }
        // A table: two lines with text on both sides of a gutter; or a first line with two gaps of a line
        // height or more that ends the page or is followed by lines inside its columns (a header row whose
        // other cells wrap, or that a page break cut off); or a line alone with three such gaps.
        let established = gutters.contains { $0.support >= 2 && $0.isBounded }
        let wideGaps = free(first).filter { $0.0 > -far && $0.1 < far && $0.1 - $0.0 >= first.height }.count
        let alone = wideGaps >= 3 || (wideGaps >= 2 && (end - start >= 2 || end == lines.count))
        guard established || (alone && gutters.filter(\.isBounded).count >= 2) else { return nil }
        return (end, gutters)
    }

    /// The strips of a line free of ink (between its words, and beyond its ends).
    static func free(_ line: Line) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        var left = -far
        for word in line.words {
            out.append((left, word.x0))
            left = word.x1
        }
        out.append((left, far))
        return out
    }

    /// The parts of `gutters` that are also free in `line` and at least `minWidth` wide, their support
    /// counting `line` when it has ink on both sides.
    private static func intersect(_ gutters: [Gutter], with line: Line, minWidth: Double) -> [Gutter] {
        let strips = free(line)
        var out: [Gutter] = []
        var k = 0
        for g in gutters {
            while k < strips.count, strips[k].1 <= g.x0 { k += 1 }
            var m = k
            while m < strips.count, strips[m].0 < g.x1 {
                let x0 = max(g.x0, strips[m].0)
                let x1 = min(g.x1, strips[m].1)
                let bounded = x0 > -far && x1 < far
                if x1 - x0 >= minWidth || (!bounded && x1 > x0) {
                    let inkBothSides = line.box.x0 < x0 && line.box.x1 > x1
                    out.append(Gutter(x0: x0, x1: x1, support: g.support + (inkBothSides ? 1 : 0)))
                }
                m += 1
            }
        }
        return out
    }

    /// Continues a table that ends one page on the next: the lines at the top of the next page that cross
    /// none of its column boundaries are rows of it (a row's tail, or more rows), read with its columns,
    /// so that a column left empty on the new page keeps its place. A table the new page finds among
    /// those lines is the same table if its boundaries are the old ones, or lie where the old part has
    /// no text (a column it left empty); then both parts get all the boundaries. Else it is the next
    /// table, and the continuation ends where it starts. The table ending a page may be a drawn one
    /// (`endingGrids`): its continuation may have lost its rules (a last row drawn open). A page whose
    /// drawn table comes first (`openingGrids`, the top of its first) has no lines to continue with.
    static func continueAcrossPages(_ regions: inout [[TableRegion]], lines: [[Line]], endingGrids: [[Double]?],
                                    openingGrids: [Double?]) {
        for p in lines.indices.dropFirst() where !lines[p].isEmpty {
            if let top = openingGrids[p], top < lines[p][0].box.y0 { continue }
            let endsWithRegion = regions[p - 1].last.map { $0.lines.upperBound == lines[p - 1].count } ?? false
            var boundaries: [Double]
            var before: ArraySlice<Line> = []
            if let grid = endingGrids[p - 1], !grid.isEmpty {
                boundaries = grid
            } else if endsWithRegion, let previous = regions[p - 1].last, !previous.boundaries.isEmpty {
                boundaries = previous.boundaries
                before = lines[p - 1][previous.lines]
            } else {
                continue
            }
            let height = (before.isEmpty ? lines[p][...] : before).map(\.height).min() ?? 1
            var end = 0
            while end < lines[p].count, !crosses(lines[p][end], boundaries), sameSize(lines[p][end].height, height),
                end == 0 || lines[p][end].box.y0 - lines[p][end - 1].box.y1 <= 1.5 * height
            {
                end += 1
            }
            while let first = regions[p].first, first.lines.lowerBound < end {
                let added = first.boundaries.filter { b in !boundaries.contains { abs($0 - b) <= 3 } }
                let fits = !before.contains { crosses($0, added) } && !lines[p][0..<first.lines.lowerBound].contains { crosses($0, added) }
                    && !lines[p][first.lines].contains { crosses($0, boundaries) }
                guard fits else {
                    end = first.lines.lowerBound
                    break
                }
                boundaries = (boundaries + added).sorted()
                end = max(end, first.lines.upperBound)
                regions[p].removeFirst()
            }
            guard end > 0 else { continue }
            regions[p].insert(TableRegion(lines: 0..<end, boundaries: boundaries, continued: true), at: 0)
            if endingGrids[p - 1] == nil { regions[p - 1][regions[p - 1].count - 1].boundaries = boundaries }
        }
    }

    /// A table whose text starts well right of the text block's left edge has an empty first column
    /// (tables span the text block; a column empty in every row leaves no text to find it by). It gets a
    /// boundary left of its text, so that its rows keep their empty first cell.
    static func markEmptyFirstColumns(_ regions: inout [[TableRegion]], lines: [[Line]]) {
        guard let left = lines.joined().map(\.box.x0).min() else { return }
        for p in regions.indices {
            for r in regions[p].indices {
                let region = regions[p][r]
                let regionLines = lines[p][region.lines]
                guard let start = regionLines.map(\.box.x0).min(), let height = regionLines.map(\.height).min(),
                    start > left + 3 * height, (region.boundaries.first ?? .infinity) > start
                else { continue }
                regions[p][r].boundaries.insert(start - 2, at: 0)
            }
        }
    }

    /// Lines of one table are set in one size: a line in another (a heading) is not a row.
    static func sameSize(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 0.1 * max(a, b)
    }

    /// Whether a word of `line` spans one of `boundaries`.
    private static func crosses(_ line: Line, _ boundaries: [Double]) -> Bool {
        line.words.contains { w in boundaries.contains { w.x0 < $0 && w.x1 > $0 } }
    }

    /// The gap between two lines of one cell, in line heights, as the document's tables show it: the
    /// smaller gap of tables that have two (lines of a cell, and rows). Nil when no table has both.
    static func cellLineGap(_ regions: [[TableRegion]], lines: [[Line]]) -> Double? {
        var found: [Double] = []
        for (p, pageRegions) in regions.enumerated() {
            for region in pageRegions {
                let gaps = Self.gaps(region, lines[p])
                guard let smallest = gaps.min(), let largest = gaps.max() else { continue }
                let height = lines[p][region.lines].map(\.height).min() ?? 1
                if largest - smallest >= step(height) { found.append(smallest / height) }
            }
        }
        guard !found.isEmpty else { return nil }
        return found.sorted()[found.count / 2]
    }

    /// Gaps between consecutive lines of a region.
    private static func gaps(_ region: TableRegion, _ lines: [Line]) -> [Double] {
        let regionLines = lines[region.lines]
        return zip(regionLines, regionLines.dropFirst()).map { $1.box.y0 - $0.box.y1 }
    }

    /// How much wider than the gap between a cell's lines the gap between rows is at least: the cells'
    /// padding and border.
    private static func step(_ height: Double) -> Double { max(2, 0.15 * height) }

    /// The rows of a table, each as its cells' texts. Rows are split where the gap between lines is
    /// clearly wider than the smallest; when all gaps are alike, they are all gaps within one row if they
    /// match the document's gap between a cell's lines (`cellLineGap`), else every line is a row.
    static func rows(_ region: TableRegion, in lines: [Line], cellLineGap: Double?) -> [Row] {
        let regionLines = Array(lines[region.lines])
        var rows: [[Line]] = [[regionLines[0]]]
        let gaps = Self.gaps(region, lines)
        if let smallest = gaps.min(), let largest = gaps.max() {
            let height = regionLines.map(\.height).min() ?? 1
            let uniform = largest - smallest < step(height)
            let oneRow = uniform && cellLineGap.map { largest / height <= $0 + step(height) / height } == true
            for (k, gap) in gaps.enumerated() {
                if (!oneRow && (uniform || gap > smallest + step(height)))
                    || stacksDecimals(rows[rows.count - 1].last!, regionLines[k + 1], region.boundaries)
                {
                    rows.append([regionLines[k + 1]])
                } else {
                    rows[rows.count - 1].append(regionLines[k + 1])
                }
            }
        }
        let boundaries = region.boundaries
        return rows.map { row in
            Row(cells: cells(of: row, boundaries: boundaries), lineCount: row.count,
                bottom: row.last!.box.y1, height: row.last!.height,
                firstColumns: columns(of: row.first!, boundaries), lastColumns: columns(of: row.last!, boundaries))
        }
    }

    /// Whether `below` has a decimal number under one of `above` in the same column: a number does not
    /// wrap, so the two are rows, whatever the gap between them (a scan's lost border leaves rows close).
    static func stacksDecimals(_ above: Line, _ below: Line, _ boundaries: [Double]) -> Bool {
        let (upper, lower) = (cells(of: [above], boundaries: boundaries), cells(of: [below], boundaries: boundaries))
        return zip(upper, lower).contains { Text.isDecimal($0) && Text.isDecimal($1) }
    }

    /// The columns `line` has text in.
    static func columns(of line: Line, _ boundaries: [Double]) -> Set<Int> {
        Set(line.pieces.map { p in boundaries.firstIndex { p.box.midX < $0 } ?? boundaries.count })
    }

    /// The text of each column in one row's lines; a cell's lines are joined as wrapped text.
    static func cells(of lines: [Line], boundaries: [Double]) -> [String] {
        var cells = [String](repeating: "", count: boundaries.count + 1)
        var spaced = [Bool](repeating: false, count: boundaries.count + 1)
        for line in lines {
            var start = 0
            for column in 0...boundaries.count {
                let limit = column < boundaries.count ? boundaries[column] : Double.infinity
                var end = start
                while end < line.pieces.count, line.pieces[end].box.midX < limit { end += 1 }
                if end > start {
                    cells[column] = WrappedLines.join(cells[column], line.text(start..<end), spaced: spaced[column])
                    spaced[column] = line.pieces[end - 1].spaceAfter
                }
                start = end
            }
        }
        return cells
    }
}

enum Text {
    /// A number with a decimal point and digits on both sides ("97.80", "๙๔.๕๐"): a whole number, not a
    /// piece of one that a narrow column broke.
    static func isDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: " ").joined().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(WrappedLines.isDigit) }
    }
}
