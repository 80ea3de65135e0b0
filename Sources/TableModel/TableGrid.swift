/// A table as its source lays it out: rows of grid slots, one slot per column, with the cells that
/// span several slots marked. The PDF layout stage and the HTML table parser both give tables in this
/// form, so that one builder turns every table into the segmenter's table, whatever the input.
public struct TableGrid: Sendable, Equatable, Codable {
    /// The rows, top to bottom. Every row has one slot per column of the grid.
    public var rows: [GridRow]
    /// How many rows at the top are the header, when the source tells (a drawn header band, `<th>`
    /// rows); nil when only the words can tell.
    public var headerRowCount: Int?
    /// The table goes on from the one that ends the previous page (nothing stands between them).
    public var continued: Bool
    /// The line of the page's text where the table's first row is written (from 1), and how many lines
    /// its rows take there: the table stands in for those lines.
    public var line: Int
    public var lineCount: Int

    public init(rows: [GridRow], headerRowCount: Int? = nil, continued: Bool = false, line: Int = 1, lineCount: Int = 0) {
        self.rows = rows
        self.headerRowCount = headerRowCount
        self.continued = continued
        self.line = line
        self.lineCount = lineCount
    }

    /// The number of columns: the widest row's slot count.
    public var columnCount: Int { rows.map(\.slots.count).max() ?? 0 }

    /// The grid with `transform` applied to every cell's text and lines.
    public func mappingTexts(_ transform: (String) -> String) -> TableGrid {
        var grid = self
        for r in grid.rows.indices {
            for k in grid.rows[r].slots.indices {
                grid.rows[r].slots[k].text = transform(grid.rows[r].slots[k].text)
                grid.rows[r].slots[k].lines = grid.rows[r].slots[k].lines.map(transform)
            }
        }
        return grid
    }
}

/// One row of a ``TableGrid``.
public struct GridRow: Sendable, Equatable, Codable {
    public var slots: [GridSlot]

    public init(slots: [GridSlot]) {
        self.slots = slots
    }

    /// The slots' texts, a covered slot as an empty cell.
    public var texts: [String] { slots.map(\.text) }
}

/// One slot of a grid row: the start of a cell (its text, its lines, how far it spans), or a slot that
/// a cell to the left or above covers.
public struct GridSlot: Sendable, Equatable, Codable {
    /// What covers a slot that starts no cell.
    public enum Cover: String, Sendable, Codable {
        /// A cell to the left spans over it (HTML `colspan`, a missing vertical rule).
        case left
        /// A cell above spans down over it (HTML `rowspan`, a missing horizontal rule).
        case above
    }

    /// The cell's text, its lines joined (Thai lines without a space, as wrapped text); empty for a
    /// covered slot.
    public var text: String
    /// The cell's lines where the source breaks lines inside the cell; empty when it has one line.
    public var lines: [String]
    public var columnSpan: Int
    public var rowSpan: Int
    /// Nil for a slot that starts a cell.
    public var cover: Cover?

    public init(text: String, lines: [String] = [], columnSpan: Int = 1, rowSpan: Int = 1, cover: Cover? = nil) {
        self.text = text
        self.lines = lines
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.cover = cover
    }

    /// A slot covered by a cell to the left or above.
    public static func covered(_ cover: Cover) -> GridSlot {
        GridSlot(text: "", cover: cover)
    }
}
