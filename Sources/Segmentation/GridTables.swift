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

    /// `table` with the rows of `grid`, the part of it the next page holds; header rows the part repeats
    /// (all of them, or the rest of a header band a page break cut) are dropped.
    static func extend(_ table: Table, with grid: TableGrid, rowAt: (Int) -> Location) -> Table {
        let rows = grid.rows.map(\.texts)
        var assembler = TableAssembler(headerRows: table.headerRows, rows: table.rows)
        let repeated = rows.prefix { assembler.isAnyHeaderRow($0) }.count
        add(grid, rows, from: repeated, to: &assembler, rowAt: rowAt)
        var extended = table
        extended.rows = assembler.rows
        return extended
    }

    /// Whether `grid`, a table that goes on from `table` by its layout, is rather a table of its own: its
    /// first row is a header that is none of the table's header rows repeated, every cell of it a header word
    /// (the layout's word weighs more than a row of short labels, which data rows can be too).
    static func startsOwnTable(_ grid: TableGrid, after table: Table) -> Bool {
        guard let first = grid.rows.first?.texts else { return false }
        let assembler = TableAssembler(headerRows: table.headerRows, rows: table.rows)
        let named = first.filter { !$0.isEmpty }
        return !assembler.isAnyHeaderRow(first) && TableShape.looksLikeHeader(first) && named.allSatisfy(TableShape.hasHeaderWord)
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
