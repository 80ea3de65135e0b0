import Normalization
import RecordModel

/// Tab-separated and markdown pipe tables.
extension LineBytes {
    /// Maximum blank lines a table may continue across.
    static let tableGap = 4

    /// A page number on its own line: "5", "- 5 -", "(5)", "หน้า 5", "5/12".
    func isPageNumber(_ i: Int) -> Bool {
        guard !isBlank(i), length(i) <= 30, !hasTab[i] else { return false }
        let b = bytes[i]
        var k = lo[i]
        let z = hi[i]
        if Bytes.hasPrefix(b, from: k, to: z, Self.pageWord) { k += Self.pageWord.count }
        func skipDecoration() {
            while k < z {
                if b[k] == 0x20 || b[k] == UInt8(ascii: "-") || b[k] == UInt8(ascii: "(") || b[k] == UInt8(ascii: ")") {
                    k += 1
                } else if b[k] == 0xE2, k + 2 < z, b[k + 1] == 0x80, b[k + 2] == 0x93 || b[k + 2] == 0x94 {
                    k += 3
                } else {
                    return
                }
            }
        }
        func digits() -> Int {
            var n = 0
            while k < z, n < 5 {
                let d = Bytes.digitLength(b, k, z)
                if d == 0 { break }
                k += d
                n += 1
            }
            return n
        }
        skipDecoration()
        let n = digits()
        guard (1...4).contains(n) else { return false }
        if k < z, b[k] == UInt8(ascii: "/") {
            k += 1
            guard (1...4).contains(digits()) else { return false }
        }
        skipDecoration()
        return k == z
    }

    private static let pageWord = Array("หน้า".utf8)

    /// The next table line after blank lines (at most `tableGap`) and at most one page-number line.
    func nextTableLine(from start: Int) -> Int? {
        var i = start
        var blanks = 0
        var pageNumbers = 0
        while i < count {
            if isBlank(i) {
                blanks += 1
                if blanks > Self.tableGap { return nil }
            } else if isPageNumber(i) {
                pageNumbers += 1
                if pageNumbers > 1 { return nil }
            } else {
                return i
            }
            i += 1
        }
        return nil
    }

    // MARK: Tab tables

    /// The cleaned cells of a tab line (all of them, empty ones included).
    func tabCells(_ i: Int) -> [String] {
        bytes[i].withUnsafeBufferPointer { p in
            var cells: [String] = []
            var start = 0
            let n = p.count
            for k in 0...n where k == n || p[k] == 0x09 {
                cells.append(CellText.clean(bytes: UnsafeBufferPointer(rebasing: p[start..<k])))
                start = k + 1
            }
            return cells
        }
    }

    /// Whether a tab table starts here: a tab line with at least two non-empty cells.
    /// (A line indented with a tab is a paragraph line, not a table.)
    func isTabTableStart(_ i: Int) -> Bool {
        guard hasTab[i], !isBlank(i) else { return false }
        let b = bytes[i]
        var nonEmpty = 0
        var cellHasText = false
        for c in b {
            if c == 0x09 {
                if cellHasText { nonEmpty += 1 }
                cellHasText = false
            } else if c != 0x20 {
                cellHasText = true
            }
        }
        if cellHasText { nonEmpty += 1 }
        guard nonEmpty >= 2 else { return false }
        return !isDashLine(i)
    }

    /// Whether a tab line is a ruling line: only dashes (and the like), tabs and spaces.
    /// Equivalent to `TableShape.isDashSeparator(tabCells(i))` for lines without markup.
    func isDashLine(_ i: Int) -> Bool {
        let b = bytes[i]
        var any = false
        var k = 0
        while k < b.count {
            switch b[k] {
            case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "+"):
                any = true
            case 0x20, 0x09:
                break
            case 0xE2 where k + 2 < b.count && ((b[k + 1] == 0x80 && (b[k + 2] == 0x93 || b[k + 2] == 0x94))
                                                || (b[k + 1] == 0x88 && b[k + 2] == 0x92)):
                any = true  // – — −
                k += 2
            case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "*"):
                // Markup around the dashes: decide on the cleaned cells.
                return TableShape.isDashSeparator(tabCells(i))
            default:
                return false
            }
            k += 1
        }
        return any
    }

    /// Parses the tab table starting at `start`; returns it and the index after it.
    func parseTabTable(at start: Int) -> (Table, Int) {
        let first = tabCells(start)
        let second = start + 1 < count && hasTab[start + 1] && !isBlank(start + 1) ? tabCells(start + 1) : nil
        let header = Array([first, second ?? []].prefix(TableShape.headerRowCount(first, then: second)))
        var i = start + header.count
        var assembler = TableAssembler(headerRows: header)
        while i < count {
            if isBlank(i) || isPageNumber(i) {
                guard let j = nextTableLine(from: i), hasTab[j],
                      assembler.continues(afterGapWith: tabCells(j)) else { break }
                i = j
                continue
            }
            guard hasTab[i] else { break }
            let cells = tabCells(i)
            i += 1
            if TableShape.isDashSeparator(cells) { continue }
            assembler.add(cells, at: lines[i - 1].at)
        }
        return (assembler.table(form: .tab, at: lines[start].at), i)
    }

    // MARK: Pipe tables

    /// A markdown delimiter row (`|---|:--|`): at least one "|", and every cell between the pipes
    /// made of dashes (at least one) and colons.
    func isPipeSeparator(_ i: Int) -> Bool {
        guard !isBlank(i) else { return false }
        let b = bytes[i]
        var a = lo[i]
        var z = hi[i]
        var pipes = 0
        for k in a..<z where b[k] == UInt8(ascii: "|") { pipes += 1 }
        guard pipes >= 1 else { return false }
        if b[a] == UInt8(ascii: "|") { a += 1 }
        if z > a, b[z - 1] == UInt8(ascii: "|") { z -= 1 }
        guard a < z else { return false }
        var dashes = 0
        for k in a...z {
            let c = k < z ? b[k] : UInt8(ascii: "|")
            switch c {
            case UInt8(ascii: "|"):
                if dashes == 0 { return false }
                dashes = 0
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: ":"), 0x20, 0x09: continue
            default: return false
            }
        }
        return true
    }

    /// A pipe row: a line starting with "|" that is not a delimiter row.
    func isPipeRow(_ i: Int) -> Bool {
        !isBlank(i) && bytes[i][lo[i]] == UInt8(ascii: "|") && !isPipeSeparator(i)
    }

    /// Whether a pipe table starts here: a pipe row, or any line with a "|" followed by a delimiter row.
    func isPipeTableStart(_ i: Int) -> Bool {
        if isPipeRow(i) { return true }
        guard !isBlank(i), i + 1 < count, isPipeSeparator(i + 1), !isPipeSeparator(i) else { return false }
        return bytes[i][lo[i]..<hi[i]].contains(UInt8(ascii: "|"))
    }

    /// Cells of a pipe row: split on unescaped "|", the empty pieces outside the outer pipes dropped.
    func pipeCells(_ i: Int) -> [String] {
        bytes[i].withUnsafeBufferPointer { p in
            let a = lo[i]
            let z = hi[i]
            var pieces: [Range<Int>] = []
            var start = a
            var k = a
            while k < z {
                if p[k] == UInt8(ascii: "\\"), k + 1 < z, p[k + 1] == UInt8(ascii: "|") {
                    k += 2
                    continue
                }
                if p[k] == UInt8(ascii: "|") {
                    pieces.append(start..<k)
                    start = k + 1
                }
                k += 1
            }
            pieces.append(start..<z)
            if p[a] == UInt8(ascii: "|"), !pieces.isEmpty { pieces.removeFirst() }
            if z > a, p[z - 1] == UInt8(ascii: "|"), !pieces.isEmpty { pieces.removeLast() }
            return pieces.map { CellText.clean(bytes: UnsafeBufferPointer(rebasing: p[$0])) }
        }
    }

    /// Parses the pipe table starting at `start`; returns it and the index after it.
    func parsePipeTable(at start: Int) -> (Table, Int) {
        var i = start
        var header: [[String]] = []
        let first = pipeCells(i)
        if i + 1 < count, isPipeSeparator(i + 1) {
            header = [first]
            i += 2
        } else if TableShape.looksLikeHeader(first) {
            header = [first]
            i += 1
            if i < count, isPipeSeparator(i) { i += 1 }
        }
        if !header.isEmpty, i < count, isPipeRow(i) {
            let second = pipeCells(i)
            if TableShape.isSecondHeaderRow(second, below: header[0]) {
                header.append(second)
                i += 1
            }
        }
        var assembler = TableAssembler(headerRows: header)
        while i < count {
            if isBlank(i) || isPageNumber(i) {
                guard let j = nextTableLine(from: i), isPipeTableStart(j) else { break }
                let cells = pipeCells(j)
                if !assembler.isHeaderRepeat(cells) {
                    // A new header (followed by its delimiter row) starts another table.
                    if j + 1 < count, isPipeSeparator(j + 1) { break }
                    if !assembler.continues(afterGapWith: cells) { break }
                }
                i = j
                continue
            }
            if isPipeSeparator(i) {
                i += 1
                continue
            }
            guard isPipeTableStart(i) else { break }
            let cells = pipeCells(i)
            if i + 1 < count, isPipeSeparator(i + 1), !assembler.isHeaderRepeat(cells) {
                break  // a different header: another table
            }
            i += 1
            assembler.add(cells, at: lines[i - 1].at)
        }
        return (assembler.table(form: .pipe, at: lines[start].at), i)
    }
}
