/// A vertical strip free of ink in every line of a table region: a column boundary.
struct Gutter {
    var x0: Double
    var x1: Double
    /// Lines of the region with ink on both sides of it.
    var support: Int

    var isBounded: Bool { x0 > -Tables.far && x1 < Tables.far }
}

/// A table found on a page: consecutive lines whose ink never crosses the column gutters.
struct TableRegion {
    var lines: Range<Int>
    /// The column gutters, left to right (one fewer than the columns).
    var gutters: [Gutter]
    /// It continues the table that ends the previous page.
    var continued = false

    /// Column boundaries: the middles of the gutters.
    var boundaries: [Double] { gutters.map { ($0.x0 + $0.x1) / 2 } }
}

/// A table row: its cells' texts and where its last line ends.
struct Row {
    var cells: [String]
    var lineCount: Int
    var bottom: Double
    var height: Double
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
        var widestGap = 0.0
        while end < lines.count {
            let line = lines[end]
            let previous = lines[end - 1]
            let height = min(line.height, previous.height)
            let gap = line.box.y0 - previous.box.y1
            guard gap <= 2 * max(line.height, previous.height) else { break }
            let next = intersect(gutters, with: line, minWidth: minGutter * height)
            let established = gutters.filter { $0.support >= 2 && $0.isBounded }
            if established.isEmpty {
                // Until two lines have text on both sides of a gutter, a line with text in one column only
                // (a header cell's second line) keeps the candidates alive.
                guard next.contains(where: { $0.isBounded }) else { break }
            } else {
                // A line that crosses a column boundary is not a row of this table.
                let survives = established.allSatisfy { g in
                    next.contains { $0.x1 > g.x0 && $0.x0 < g.x1 && $0.support >= g.support }
                }
                guard survives else { break }
                // After a gap wider than any between the rows so far, a line with a column boundary
                // where this table has none starts another table (one that follows without text between).
                if gap > max(widestGap + 2, height) {
                    let own = free(line).filter { $0.0 > -far && $0.1 < far && $0.1 - $0.0 >= minGutter * height }
                    let foreign = own.contains { f in !established.contains { $0.x1 > f.0 && $0.x0 < f.1 } }
                    if foreign { break }
                }
            }
            widestGap = max(widestGap, gap)
            gutters = next
            end += 1
        }
        // A table: two lines with text on both sides of a gutter, or a first line alone with two gaps of a
        // line height or more (a header row whose other cells wrap).
        let established = gutters.contains { $0.support >= 2 && $0.isBounded }
        let wideGaps = free(first).filter { $0.0 > -far && $0.1 < far && $0.1 - $0.0 >= first.height }.count
        guard end - start >= 2, established || (wideGaps >= 2 && gutters.filter(\.isBounded).count >= 2) else { return nil }
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
    /// so that a column left empty on the new page keeps its place.
    static func continueAcrossPages(_ regions: inout [[TableRegion]], lines: [[Line]]) {
        for p in lines.indices.dropFirst() where !lines[p].isEmpty {
            guard let previous = regions[p - 1].last, previous.lines.upperBound == lines[p - 1].count,
                !previous.gutters.isEmpty
            else { continue }
            let boundaries = previous.boundaries
            var end = 0
            while end < lines[p].count, !crosses(lines[p][end], boundaries) { end += 1 }
            guard end > 0 else { continue }
            // A table of the page's own that starts meanwhile is the same table if its gutters are among
            // the old ones; else it is the next table, and the continuation ends where it starts.
            var gutters = previous.gutters
            while let first = regions[p].first, first.lines.lowerBound < end {
                // After the tail, a table of the page's own that follows a wider gap than the tail's is the
                // next table (tables are set apart by a margin), as is one with gutters of its own.
                let k = first.lines.lowerBound
                let tailGaps = (0..<max(k - 1, 0)).map { lines[p][$0 + 1].box.y0 - lines[p][$0].box.y1 }
                let apart = k > 0 && lines[p][k].box.y0 - lines[p][k - 1].box.y1
                    > max((tailGaps.max() ?? 0) + 2, lines[p][k].height)
                let same = !apart && first.gutters.allSatisfy { g in previous.gutters.contains { $0.x1 > g.x0 && $0.x0 < g.x1 } }
                guard same else {
                    end = first.lines.lowerBound
                    break
                }
                end = max(end, first.lines.upperBound)
                regions[p].removeFirst()
                // The old gutters its text does not cross (they keep its empty columns apart), and its own
                // where the old ones do not fit (the same table, its columns measured a little apart).
                let lines = lines[p][0..<end]
                let kept = previous.gutters.filter { g in !lines.contains { crosses($0, [(g.x0 + g.x1) / 2]) } }
                gutters = kept + first.gutters.filter { g in !kept.contains { $0.x1 > g.x0 && $0.x0 < g.x1 } }
                gutters.sort { $0.x0 < $1.x0 }
            }
            guard end > 0 else { continue }
            regions[p].insert(TableRegion(lines: 0..<end, gutters: gutters, continued: true), at: 0)
        }
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
                if !oneRow && (uniform || gap > smallest + step(height)) {
                    rows.append([regionLines[k + 1]])
                } else {
                    rows[rows.count - 1].append(regionLines[k + 1])
                }
            }
        }
        return rows.map { lines in
            Row(cells: cells(of: lines, boundaries: region.boundaries), lineCount: lines.count,
                bottom: lines.last!.box.y1, height: lines.last!.height)
        }
    }

    /// The text of each column in one row's lines; a cell's lines are joined as wrapped text.
    private static func cells(of lines: [Line], boundaries: [Double]) -> [String] {
        var cells = [String](repeating: "", count: boundaries.count + 1)
        for line in lines {
            var start = 0
            for column in 0...boundaries.count {
                let limit = column < boundaries.count ? boundaries[column] : Double.infinity
                var end = start
                while end < line.pieces.count, line.pieces[end].box.midX < limit { end += 1 }
                if end > start { cells[column] = Text.joinWrapped(cells[column], line.text(start..<end)) }
                start = end
            }
        }
        return cells
    }
}

enum Text {
    /// Two pieces of text that a line break separated: no space between Thai letters (Thai wraps between
    /// words that have no space between them) or between digits (a number broken in a narrow column),
    /// one space otherwise.
    static func joinWrapped(_ a: String, _ b: String) -> String {
        let tail = a.unicodeScalars.suffix(2)
        guard let last = tail.last else { return b }
        guard let first = b.unicodeScalars.first else { return a }
        // A hyphen inside a word ("E-Service") is where it broke; a spaced dash is a dash.
        let hyphenated = last == "-" && tail.count == 2 && !tail.first!.properties.isWhitespace && !isDigit(first)
        let glue = (isThaiLetter(last) && isThaiLetter(first)) || (isDigit(last) && isDigit(first)) || hyphenated
        return glue ? a + b : a + " " + b
    }

    static func isThaiLetter(_ c: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E4F).contains(c.value)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(c.value) || (0x0E50...0x0E59).contains(c.value)
    }
}
