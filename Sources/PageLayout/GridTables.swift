import TableModel

/// A table drawn with ruling lines, read cell by cell from the grid the lines make.
struct GridTable {
    var top: Double
    var bottom: Double
    /// The x of each column's left edge but the first: where the text of the next column may start.
    var boundaries: [Double]
    var rows: [Row]
    /// The rows of the header band, when a header cell spans down over several grid rows.
    var headerRowCount: Int?
}

/// Tables whose borders are drawn (ruling lines of a PDF page, or found in a page image), read as
/// Camelot's lattice mode reads them:
/// 1. Collinear pieces of one line (a border drawn cell by cell) are joined; lines that cross or touch
///    make one table.
/// 2. The distinct x of its vertical lines and y of its horizontal lines make a grid of slots; a slot
///    with no line on its left joins the slot there, one with no line on its top joins the slot above:
///    that gives each cell and its row and column spans.
/// 3. Each piece of text goes to the cell its centre is in; a cell's lines are joined as wrapped text.
/// More certain than gutters where cells wrap, touch, or are empty in every row.
enum GridTables {
    /// How far ruling lines may miss each other and still meet, in points.
    static let slack = 3.0

    /// The tables `rulings` draw among `lines`, and the lines outside them. With `bridging` (rules found
    /// in a scan), pieces of one line are joined across gaps that no text crosses (see `bridged`), and a
    /// grid whose text shows rules still missing is left to the gutters (a PDF draws all its rules).
    static func tables(_ rulings: [Ruling], lines: [Line], bridging: Bool = false) -> (tables: [GridTable], rest: [Line]) {
        var across = joined(rulings.filter(\.horizontal))
        var down = joined(rulings.filter { !$0.horizontal })
        if bridging {
            (across, down) = (bridged(across, meeting: down, lines: lines), bridged(down, meeting: across, lines: lines))
        }
        guard across.count >= 2, down.count >= 2 else { return ([], lines) }
        var tables: [GridTable] = []
        var used = Set<Int>()
        for (h, v) in components(across, down) where h.count >= 2 && v.count >= 2 {
            if let table = read(h, v, lines: lines, used: &used, rulesMayBeMissing: bridging) { tables.append(table) }
        }
        let rest = lines.indices.filter { !used.contains($0) }.map { lines[$0] }
        return (tables.sorted { $0.top < $1.top }, rest)
    }

    /// Lines at one position (within a point) whose pieces meet or overlap, as one line each.
    static func joined(_ rulings: [Ruling]) -> [Ruling] {
        collinear(rulings).flatMap { pieces in
            var out: [Ruling] = []
            for r in pieces {
                if let k = out.indices.last, r.start <= out[k].end + slack { out[k].end = max(out[k].end, r.end) } else { out.append(r) }
            }
            return out
        }
    }

    /// The pieces at each position (within a point of the first), each group in order along the line. A
    /// scan's border wavers by a fraction of a point, so its pieces do not sort by position and start at once.
    private static func collinear(_ rulings: [Ruling]) -> [[Ruling]] {
        var groups: [[Ruling]] = []
        for r in rulings.sorted(by: { $0.position < $1.position }) {
            if let first = groups.last?.first, abs(first.position - r.position) <= 1 {
                groups[groups.count - 1].append(r)
            } else {
                groups.append([r])
            }
        }
        return groups.map { $0.sorted { $0.start < $1.start } }
    }

    /// A scanned page's faint border comes out of thresholding in pieces with wide gaps between them. Two
    /// pieces at one position are one border when no line of text crosses the gap between them (where
    /// text does, a cell spans the rows or columns) and the gap does not run from one line of `others` to
    /// another: that is the space between two tables, or a cell's side where the cell spans.
    static func bridged(_ rulings: [Ruling], meeting others: [Ruling], lines: [Line]) -> [Ruling] {
        func corner(_ at: Double, _ r: Ruling) -> Bool {
            others.contains { abs($0.position - at) <= slack && $0.start - slack <= r.position && r.position <= $0.end + slack }
        }
        return collinear(rulings).flatMap { pieces in
            var out: [Ruling] = []
            for r in pieces {
                if let k = out.indices.last, !crossed(from: out[k], to: r, by: lines), !(corner(out[k].end, r) && corner(r.start, r)) {
                    out[k].end = max(out[k].end, r.end)
                } else {
                    out.append(r)
                }
            }
            return out
        }
    }

    /// Whether some line's box crosses the position of `a` and `b` between the end of `a` and the start of `b`.
    private static func crossed(from a: Ruling, to b: Ruling, by lines: [Line]) -> Bool {
        let (gapStart, gapEnd, at) = (a.end, b.start, a.position)
        return lines.contains { line in
            let box = line.box
            return a.horizontal
                ? box.y0 < at && box.y1 > at && box.x1 > gapStart && box.x0 < gapEnd
                : box.x0 < at && box.x1 > at && box.y1 > gapStart && box.y0 < gapEnd
        }
    }

    /// Groups of horizontal and vertical lines that cross or touch one another: one table each.
    private static func components(_ across: [Ruling], _ down: [Ruling]) -> [(across: [Ruling], down: [Ruling])] {
        var parent = Array(0..<(across.count + down.count))
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k] != k {
                parent[k] = parent[parent[k]]
                k = parent[k]
            }
            return k
        }
        for (i, h) in across.enumerated() {
            for (j, v) in down.enumerated() where meets(h, v) {
                parent[root(i)] = root(across.count + j)
            }
        }
        var groups: [Int: (across: [Ruling], down: [Ruling])] = [:]
        for (i, h) in across.enumerated() { groups[root(i), default: ([], [])].across.append(h) }
        for (j, v) in down.enumerated() { groups[root(across.count + j), default: ([], [])].down.append(v) }
        return Array(groups.values)
    }

    private static func meets(_ h: Ruling, _ v: Ruling) -> Bool {
        v.position >= h.start - slack && v.position <= h.end + slack && h.position >= v.start - slack && h.position <= v.end + slack
    }

    /// Positions closer than `slack` are one (a double line, a border drawn twice).
    private static func distinct(_ positions: [Double]) -> [Double] {
        var out: [Double] = []
        for p in positions.sorted() {
            if let last = out.last, p - last < slack { continue }
            out.append(p)
        }
        return out
    }

    /// Whether some line of `rulings` at `position` runs along at least half of `from..<to`.
    private static func drawn(_ rulings: [Ruling], at position: Double, from: Double, to: Double) -> Bool {
        rulings.contains { r in
            abs(r.position - position) < slack && min(r.end, to) - max(r.start, from) >= 0.5 * (to - from)
        }
    }

    /// The table one group of lines draws, with the text of `lines` inside it; nil when it is one cell
    /// (a frame around a paragraph, a box for a stamp) or holds no text.
    private static func read(_ across: [Ruling], _ down: [Ruling], lines: [Line], used: inout Set<Int>,
                             rulesMayBeMissing: Bool) -> GridTable? {
        let xs = distinct(down.map(\.position))
        let ys = distinct(across.map(\.position))
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        let rowCount = ys.count - 1
        let columnCount = xs.count - 1

        // Slots joined where no line separates them; each cell named by its top-left slot.
        var owner = [[(r: Int, c: Int)]](repeating: [], count: rowCount)
        for r in 0..<rowCount {
            for c in 0..<columnCount {
                let open = c > 0 && !drawn(down, at: xs[c], from: ys[r], to: ys[r + 1])
                let openAbove = r > 0 && !drawn(across, at: ys[r], from: xs[c], to: xs[c + 1])
                owner[r].append(open ? owner[r][c - 1] : openAbove ? owner[r - 1][c] : (r, c))
            }
        }

        // Text: each line inside the table, cut into the cells its pieces fall in.
        var fragments: [[[Fragment]]] = Array(repeating: Array(repeating: [], count: columnCount), count: rowCount)
        var rowLines: [[Line]] = Array(repeating: [], count: rowCount)
        var inside = Set<Int>()
        for (k, line) in lines.enumerated() where !used.contains(k) {
            guard line.box.midY > ys[0], line.box.midY < ys[rowCount],
                line.box.x0 >= xs[0] - slack, line.box.x1 <= xs[columnCount] + slack,
                let r = ys.lastIndex(where: { $0 < line.box.midY }), r < rowCount
            else { continue }
            inside.insert(k)
            rowLines[r].append(line)
            var start = 0
            while start < line.pieces.count {
                let c = column(of: line.pieces[start], xs)
                var end = start + 1
                while end < line.pieces.count, column(of: line.pieces[end], xs) == c { end += 1 }
                let cell = owner[r][c]
                fragments[cell.r][cell.c].append(Fragment(line, start..<end))
                start = end
            }
        }

        // Where the rules are not all there (a scan that broke a faint border into dashes), the table is
        // left to be read from its gutters. The signs: lines whose words stand apart by a gutter right
        // where the grid has a column without its rule…
        let gapped = !rulesMayBeMissing ? [] : inside.filter { k in
            let line = lines[k]
            guard let r = ys.lastIndex(where: { $0 < line.box.midY }), r < rowCount else { return false }
            return line.pieces.indices.dropFirst().contains { i in
                let (left, right) = (line.pieces[i - 1], line.pieces[i])
                let (c0, c1) = (column(of: left, xs), column(of: right, xs))
                return c0 < c1 && owner[r][c1] == owner[r][c0] && right.box.x0 - left.box.x1 >= Tables.minGutter * line.height
                    && xs[(c0 + 1)...c1].contains { $0 > left.box.x1 && $0 < right.box.x0 }
            }
        }
        // …and cells holding several decimal numbers one above another: numbers do not wrap, so the rows
        // between them lost their rule.
        let stacked = !rulesMayBeMissing ? [] : fragments.joined().filter { $0.filter { Text.isDecimal($0.text) }.count >= 2 }
        if gapped.count >= 2 || stacked.count >= 2 { return nil }

        // A cell's lines: a line that ends where the next one's first word would not have fitted wrapped
        // into it; one that ends short of that broke there (a list item, a name per line).
        var texts: [[String]] = Array(repeating: Array(repeating: "", count: columnCount), count: rowCount)
        var cellLines: [[[String]]] = Array(repeating: Array(repeating: [], count: columnCount), count: rowCount)
        func right(_ r: Int, _ c: Int) -> Int { (c..<columnCount).last { owner[r][$0] == (r, c) }! + 1 }
        // Where lines end in the cells that end at each column rule: their longest line.
        var longest = [Double](repeating: -.infinity, count: columnCount + 1)
        for r in 0..<rowCount {
            for c in 0..<columnCount where owner[r][c] == (r, c) {
                longest[right(r, c)] = max(longest[right(r, c)], fragments[r][c].map(\.x1).max() ?? -.infinity)
            }
        }
        for r in 0..<rowCount {
            for c in 0..<columnCount where owner[r][c] == (r, c) && !fragments[r][c].isEmpty {
                let right = right(r, c)
                let parts = fragments[r][c]
                // Where the cell's lines can end: short of its right rule by the padding its left side
                // shows, and, as word processors' paddings differ, no further than the column's longest line.
                let padding = max(0, (parts.map(\.x0).min() ?? xs[c]) - xs[c])
                let edge = min(xs[right] - padding, longest[right])
                var items: [String] = []
                for (k, part) in parts.enumerated() {
                    if k > 0, parts[k - 1].x1 + part.firstWordWidth <= edge - 1 {
                        items.append(part.text)
                    } else if items.isEmpty {
                        items.append(part.text)
                    } else {
                        items[items.count - 1] = WrappedLines.join(items[items.count - 1], part.text, spaced: parts[k - 1].spaceAfter)
                    }
                }
                texts[r][c] = items.joined(separator: " ")
                cellLines[r][c] = items
            }
        }
        let cellCount = (0..<rowCount).reduce(0) { n, r in n + (0..<columnCount).filter { owner[r][$0] == (r, $0) }.count }
        guard cellCount >= 2, texts.joined().contains(where: { !$0.isEmpty }) else { return nil }
        used.formUnion(inside)

        let boundaries = Array(xs.dropFirst().dropLast())
        var rows: [Row] = []
        var kept: [Int] = []
        for r in 0..<rowCount {
            var cells: [String] = []
            var covers: [GridSlot] = []
            for c in 0..<columnCount {
                let cell = owner[r][c]
                if cell == (r, c) {
                    let spanned = (c..<columnCount).prefix { owner[r][$0] == (r, c) }.count
                    let down = (r..<rowCount).prefix { owner[$0][c] == (r, c) }.count
                    let lines = cellLines[r][c]
                    covers.append(GridSlot(text: texts[r][c], lines: lines.count > 1 ? lines : [], columnSpan: spanned, rowSpan: down))
                } else {
                    covers.append(.covered(cell.r == r ? .left : .above))
                }
                cells.append(cell == (r, c) ? texts[r][c] : "")
            }
            // A row of empty cells, or of nothing but slots covered from above, holds nothing of its own.
            guard let first = rowLines[r].first, let last = rowLines[r].last, cells.contains(where: { !$0.isEmpty }) else { continue }
            rows.append(Row(cells: cells, lineCount: rowLines[r].count, bottom: last.box.y1, height: last.height,
                            firstColumns: Tables.columns(of: first, boundaries), lastColumns: Tables.columns(of: last, boundaries),
                            slots: covers))
            kept.append(r)
        }
        guard !rows.isEmpty else { return nil }
        // A header cell that spans down over several grid rows makes them all the header.
        let band = (0..<columnCount).map { c in (0..<rowCount).prefix { owner[$0][c] == owner[0][c] }.count }.max() ?? 1
        let header = kept.filter { $0 < band }.count
        return GridTable(top: ys[0], bottom: ys[rowCount], boundaries: boundaries, rows: rows,
                         headerRowCount: band > 1 && header < rows.count ? header : nil)
    }

    /// The part of a line that falls in one cell.
    private struct Fragment {
        var text: String
        var x0: Double
        var x1: Double
        /// How much room its first word needs on the line above: the run of letters up to its first
        /// space, and a space before it unless it is Thai (which breaks without one). The whole run, as
        /// a Thai run holds several words: only when all of it would have fitted is the break sure to
        /// be the writer's.
        var firstWordWidth: Double
        /// The page drew a space after its last letter.
        var spaceAfter: Bool

        init(_ line: Line, _ range: Range<Int>) {
            text = line.text(range)
            spaceAfter = line.pieces[range.upperBound - 1].spaceAfter
            x0 = line.pieces[range.lowerBound].box.x0
            x1 = line.pieces[range].map(\.box.x1).max() ?? x0
            let thai = line.pieces[range.lowerBound].text.unicodeScalars.first.map(WrappedLines.isThaiLetter) ?? false
            var end = range.lowerBound + 1
            while end < range.upperBound, line.pieces[end].box.x0 - line.pieces[end - 1].box.x1 <= line.spaceGap { end += 1 }
            firstWordWidth = line.pieces[end - 1].box.x1 - x0 + (thai ? 0 : line.spaceGap)
        }
    }

    /// The column a piece's centre is in.
    private static func column(of piece: Piece, _ xs: [Double]) -> Int {
        let x = piece.box.midX
        return min(max((xs.lastIndex { $0 <= x } ?? 0), 0), xs.count - 2)
    }
}
