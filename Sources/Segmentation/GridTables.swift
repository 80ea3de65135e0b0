import Normalization
import RecordModel
import TableModel

/// Turns a ``TableGrid`` (the PDF layout's tables, the HTML parser's) into a ``Table``: the header the
/// grid tells or its first row's words show, its data rows with their cell lines, repeated headers and
/// dash rows dropped. Cell texts are taken as they are: clean them first (``cleaned(_:)``).
enum GridTableBuilder {
    /// `grid` with its cells' texts and lines cleaned as the text tables' cells are.
    static func cleaned(_ grid: TableGrid) -> TableGrid {
        grid.mappingTexts(CellText.clean)
    }

    /// The table `grid` gives; `rowAt` tells where each of its rows starts.
    static func table(_ grid: TableGrid, form: Table.Form, at: Location, rowAt: (Int) -> Location) -> Table {
        let rows = grid.rows.map(\.texts)
        let headerCount = headerRowCount(grid, rows)
        var assembler = TableAssembler(headerRows: Array(rows.prefix(headerCount)))
        add(grid, rows, from: headerCount, to: &assembler, rowAt: rowAt)
        let spans = grid.rows.prefix(headerCount).map { $0.slots.map { $0.cover == .left } }
        return assembler.table(form: form, spans: spans, at: at)
    }

    /// `table` with the rows of `grid`, the part of it the next page holds, or nil when `grid` is rather a
    /// table of its own (``startsOwnTable(_:after:)``). A header the page break cut is finished from `grid`
    /// (``restOfCutHeader(_:_:)``); header rows the part repeats (all of them, or the rest of a header band
    /// a page break cut) are dropped, and so is a header repeated over the break: the last row before it
    /// and the first row after it, joined, repeat a header row.
    static func extending(_ table: Table, with grid: TableGrid, rowAt: (Int) -> Location) -> Table? {
        if let rest = restOfCutHeader(table, grid) {
            return finishingHeader(of: table, with: grid, rest: rest, rowAt: rowAt)
        }
        if startsOwnTable(grid, after: table) { return nil }
        let rows = grid.rows.map(\.texts)
        var kept = table.rows
        var cutRepeat = 0
        if let last = kept.last, let first = rows.first, let page = last.at.page, page < rowAt(0).page ?? page,
            TableAssembler(headerRows: table.headerRows).isAnyHeaderRow(joinedCells(last.cells, first))
        {
            kept.removeLast()
            cutRepeat = 1
        }
        var assembler = TableAssembler(headerRows: table.headerRows, rows: kept)
        let repeated = cutRepeat + rows.dropFirst(cutRepeat).prefix { assembler.isAnyHeaderRow($0) }.count
        add(grid, rows, from: repeated, to: &assembler, rowAt: rowAt)
        var extended = table
        extended.rows = assembler.rows
        return extended
    }

    /// Whether `grid`, a table that goes on from `table` by its layout, is rather a table of its own: its
    /// first row is a header that is none of the table's header rows repeated, every cell of it a header word
    /// (the layout's word weighs more than a row of short labels, which data rows can be too).
    private static func startsOwnTable(_ grid: TableGrid, after table: Table) -> Bool {
        guard let first = grid.rows.first?.texts else { return false }
        let assembler = TableAssembler(headerRows: table.headerRows, rows: table.rows)
        let named = first.filter { !$0.isEmpty }
        return !assembler.isAnyHeaderRow(first) && TableShape.looksLikeHeader(first) && named.allSatisfy(TableShape.hasHeaderWord)
    }

    /// How the first rows of `grid` finish the header of `table`, a table that a page break cut in its
    /// header (it has no data row yet); nil when `grid` opens with anything else (a data row, a repeated
    /// header).
    private struct HeaderRest {
        /// The first row is the rest of the cut header row: labels only in columns that row fills.
        var finishesCutRow: Bool
        /// How many rows of `grid` belong to the header: the rest of the cut row and a second header row
        /// under it, or the second header row alone (the break fell between the header's rows).
        var rows: Int
    }

    private static func restOfCutHeader(_ table: Table, _ grid: TableGrid) -> HeaderRest? {
        guard table.rows.isEmpty, let cut = table.headerRows.last, let first = grid.rows.first?.texts,
            !TableAssembler(headerRows: table.headerRows).isAnyHeaderRow(first)
        else { return nil }
        if TableShape.isSecondHeaderRow(first, below: cut) { return HeaderRest(finishesCutRow: false, rows: 1) }
        let filled = first.indices.filter { !first[$0].isEmpty }
        guard filled.count >= 2, filled.allSatisfy({ $0 < cut.count && !cut[$0].isEmpty && TableShape.isLabel(first[$0]) })
        else { return nil }
        let joined = joinedCells(cut, first)
        let second = grid.rows.count > 1 && TableShape.isSecondHeaderRow(grid.rows[1].texts, below: joined)
        return HeaderRest(finishesCutRow: true, rows: second ? 2 : 1)
    }

    /// `table` with its header finished by `grid`'s first rows (`rest`): the rest of the cut row joined to it
    /// cell by cell, as a cell's wrapped lines join, and header rows after it; `grid`'s other rows are data.
    private static func finishingHeader(of table: Table, with grid: TableGrid, rest: HeaderRest, rowAt: (Int) -> Location) -> Table {
        let rows = grid.rows.map(\.texts)
        var header = table.headerRows
        let joins = rest.finishesCutRow ? 1 : 0
        if rest.finishesCutRow { header[header.count - 1] = joinedCells(header[header.count - 1], rows[0]) }
        header += rows[joins..<rest.rows]
        var assembler = TableAssembler(headerRows: header)
        add(grid, rows, from: rest.rows, to: &assembler, rowAt: rowAt)
        // The rules of the part on this page tell the spans of the rows it gives; earlier rows have none.
        let width = header.map(\.count).max() ?? 0
        let spans = Array(repeating: Array(repeating: false, count: width), count: table.headerRows.count - joins)
            + grid.rows.prefix(rest.rows).map { $0.slots.map { $0.cover == .left } }
        return assembler.table(form: table.form, spans: spans, at: table.at)
    }

    private static func joinedCells(_ upper: [String], _ lower: [String]) -> [String] {
        (0..<max(upper.count, lower.count)).map { k in
            WrappedLines.join(k < upper.count ? upper[k] : "", k < lower.count ? lower[k] : "")
        }
    }

    private static func add(_ grid: TableGrid, _ rows: [[String]], from start: Int, to assembler: inout TableAssembler,
                            rowAt: (Int) -> Location) {
        for r in rows.indices.dropFirst(start) where !TableShape.isDashSeparator(rows[r]) {
            let lines = grid.rows[r].slots.map(\.lines)
            assembler.add(rows[r], at: rowAt(r), cellLines: lines.contains { !$0.isEmpty } ? lines : [])
        }
    }

    /// The grid's own header count, else one or two rows whose words make a header.
    private static func headerRowCount(_ grid: TableGrid, _ rows: [[String]]) -> Int {
        if let known = grid.headerRowCount { return min(known, rows.count) }
        guard let first = rows.first else { return 0 }
        return TableShape.headerRowCount(first, then: rows.count > 1 ? rows[1] : nil)
    }
}
