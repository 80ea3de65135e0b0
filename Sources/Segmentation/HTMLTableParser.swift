import Normalization
import RecordModel
import TableModel

/// HTML tables: `<table>`, `<tr>`, `<td>` / `<th>`, possibly spread over several lines.
extension LineBytes {
    private static let rowOpen = Array("<tr".utf8)
    private static let headOpen = Array("<thead".utf8)
    private static let bodyOpen = Array("<tbody".utf8)

    /// Whether `b[from..<to]` starts with `prefix`, ASCII case-insensitively, and the name ends there.
    private static func startsWithTag(_ b: [UInt8], from: Int, to: Int, _ prefix: [UInt8]) -> Bool {
        guard to - from >= prefix.count else { return false }
        for (k, p) in prefix.enumerated() where (b[from + k] | (CellText.isASCIILetter(b[from + k]) ? 0x20 : 0)) != p {
            return false
        }
        let after = from + prefix.count
        if after == to { return true }
        let c = b[after]
        return c == UInt8(ascii: ">") || c == 0x20 || c == 0x09 || c == UInt8(ascii: "/")
    }

    /// Whether an HTML table starts here: the line contains `<table`, or starts with `<tr`,
    /// `<thead` or `<tbody`.
    func isHTMLTableStart(_ i: Int) -> Bool {
        guard !isBlank(i) else { return false }
        let b = bytes[i]
        let a = lo[i]
        if b[a] == UInt8(ascii: "<"),
           Self.startsWithTag(b, from: a, to: hi[i], Self.rowOpen)
            || Self.startsWithTag(b, from: a, to: hi[i], Self.headOpen)
            || Self.startsWithTag(b, from: a, to: hi[i], Self.bodyOpen) {
            return true
        }
        return hasTableOpen[i]
    }

    private func startsWithTableTag(_ i: Int) -> Bool {
        guard !isBlank(i), bytes[i][lo[i]] == UInt8(ascii: "<") else { return false }
        let b = bytes[i]
        var k = lo[i] + 1
        if k < hi[i], b[k] == UInt8(ascii: "/") { k += 1 }
        guard k < hi[i], (b[k] | 0x20) == UInt8(ascii: "t") else { return false }
        return true
    }

    /// The index after the HTML table starting at `start`: after the first line with `</table`,
    /// when no other `<table` opens before it; else at the first blank line not followed by a
    /// table tag. (Nested tables are not supported.) Constant time plus the lines consumed.
    private func htmlTableEnd(from start: Int) -> Int {
        if hasTableOpen[start] {
            let close = nextTableClose[start]
            if close < count, start + 1 >= count || nextTableOpen[start + 1] > close {
                return close + 1
            }
        }
        var i = start
        while i < count {
            if isBlank(i) {
                guard let j = nextNonBlank(from: i, maxBlank: 2), startsWithTableTag(j) else { return i }
                i = j
                continue
            }
            if i > start, hasTableOpen[i] { return i }
            i += 1
        }
        return i
    }

    private struct RawCell {
        var text: [UInt8] = []
        var isHeader: Bool
        var colspan: Int
        var rowspan: Int
    }

    private struct RawRow {
        var cells: [RawCell] = []
        var line: Int
        var inHead: Bool
    }

    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ name: [UInt8]) -> Int? {
        var k = from
        while k + name.count <= to {
            var match = true
            for (m, c) in name.enumerated() where (b[k + m] | 0x20) != c {
                match = false
                break
            }
            if match {
                var j = k + name.count
                while j < to, b[j] == 0x20 { j += 1 }
                guard j < to, b[j] == UInt8(ascii: "=") else { return nil }
                j += 1
                while j < to, b[j] == 0x20 || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
                var v = 0
                var digits = 0
                while j < to, b[j] >= 0x30, b[j] <= 0x39, digits < 4 {
                    v = v * 10 + Int(b[j] - 0x30)
                    digits += 1
                    j += 1
                }
                return digits > 0 ? v : nil
            }
            k += 1
        }
        return nil
    }

    /// Parses the HTML table starting at `start`; returns it and the index after it.
    func parseHTMLTable(at start: Int) -> (Table, Int) {
        let end = max(htmlTableEnd(from: start), start + 1)
        // The region's text, lines joined by "\n", with each line's start offset.
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        for i in start..<end {
            lineStarts.append(text.count)
            text.append(contentsOf: bytes[i])
            text.append(0x0A)
        }
        var rows: [RawRow] = []
        text.withUnsafeBufferPointer { p in
            let n = p.count
            var lineCursor = 0
            func lineAt(_ offset: Int) -> Int {
                while lineCursor + 1 < lineStarts.count, lineStarts[lineCursor + 1] <= offset { lineCursor += 1 }
                return start + lineCursor
            }
            var row: RawRow?
            var cell: RawCell?
            var inHead = false
            func closeCell() {
                if let c = cell, row != nil { row!.cells.append(c) }
                cell = nil
            }
            func closeRow() {
                closeCell()
                if let r = row, !r.cells.isEmpty { rows.append(r) }
                row = nil
            }
            var k = 0
            scan: while k < n {
                let c = p[k]
                if c == UInt8(ascii: "<"), let tagEnd = CellText.tagEnd(p, k) {
                    var j = k + 1
                    var closing = false
                    if j < n, p[j] == UInt8(ascii: "/") {
                        closing = true
                        j += 1
                    }
                    var name: [UInt8] = []
                    while j < tagEnd, CellText.isASCIILetter(p[j]) || (p[j] >= 0x30 && p[j] <= 0x39), name.count < 10 {
                        name.append(p[j] | (CellText.isASCIILetter(p[j]) ? 0x20 : 0))
                        j += 1
                    }
                    switch String(decoding: name, as: UTF8.self) {
                    case "tr":
                        closeRow()
                        if !closing { row = RawRow(line: lineAt(k), inHead: inHead) }
                    case "td", "th":
                        closeCell()
                        if !closing {
                            if row == nil { row = RawRow(line: lineAt(k), inHead: inHead) }
                            let colspan = Self.attribute(p, from: j, to: tagEnd, Array("colspan".utf8)) ?? 1
                            let rowspan = Self.attribute(p, from: j, to: tagEnd, Array("rowspan".utf8)) ?? 1
                            cell = RawCell(isHeader: name == Array("th".utf8),
                                           colspan: min(max(colspan, 1), 50), rowspan: min(max(rowspan, 1), 500))
                        }
                    case "thead":
                        closeRow()
                        inHead = !closing
                    case "tbody", "tfoot":
                        closeRow()
                        inHead = false
                    case "table":
                        if closing {
                            closeRow()
                            break scan
                        }
                    default:
                        // Markup inside a cell: kept for CellText.clean (a tag becomes a space).
                        if cell != nil {
                            cell!.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[k...tagEnd]))
                        }
                    }
                    k = tagEnd + 1
                    continue
                }
                if cell != nil { cell!.text.append(c) }
                k += 1
            }
            closeRow()
        }

        // Lay the cells on a grid: colspan covers the slots after the cell, rowspan the slots below it
        // (a merged cell is not filled down).
        var pending: [Int] = []
        var grid: [(row: GridRow, header: Bool, line: Int)] = []
        for r in rows {
            var slots: [GridSlot] = []
            var col = 0
            func fillPending() {
                while col < pending.count, pending[col] > 0 {
                    slots.append(.covered(.above))
                    pending[col] -= 1
                    col += 1
                }
            }
            for c in r.cells {
                fillPending()
                let cleaned = c.text.withUnsafeBufferPointer { CellText.clean(bytes: $0) }
                let cellLines = c.text.withUnsafeBufferPointer { CellText.lines(bytes: $0) }
                for k in 0..<c.colspan {
                    slots.append(k == 0
                        ? GridSlot(text: cleaned, lines: cellLines.count > 1 ? cellLines : [], columnSpan: c.colspan, rowSpan: c.rowspan)
                        : .covered(.left))
                    if pending.count <= col { pending.append(contentsOf: repeatElement(0, count: col + 1 - pending.count)) }
                    pending[col] = c.rowspan - 1
                    col += 1
                }
            }
            if let last = pending.lastIndex(where: { $0 > 0 }), last >= col {
                for k in col...last {
                    slots.append(pending[k] > 0 ? .covered(.above) : GridSlot(text: ""))
                    if pending[k] > 0 { pending[k] -= 1 }
                }
            }
            grid.append((GridRow(slots: slots), r.inHead || r.cells.allSatisfy(\.isHeader), r.line))
        }

        // The header: <thead> or <th> rows, else a first row of labels.
        var headerCount = 0
        while headerCount < grid.count, grid[headerCount].header { headerCount += 1 }
        if headerCount == 0, let first = grid.first {
            let nonEmpty = first.row.texts.filter { !$0.isEmpty }
            if !nonEmpty.isEmpty, nonEmpty.allSatisfy(TableShape.isLabel) { headerCount = 1 }
        }
        let table = GridTableBuilder.table(TableGrid(rows: grid.map(\.row), headerRowCount: headerCount), form: .html,
                                           at: lines[start].at, rowAt: { lines[grid[$0].line].at })
        return (table, end)
    }
}
