import Normalization
import RecordModel

/// One structural piece of a document, as the segmenter found it, in document order.
///
/// The segmenter only groups lines; it does not interpret them. Table cells and header
/// values are cleaned of markup (see ``CellText``), paragraph and signature lines are
/// passed on as they were given.
public enum Block: Sendable, Equatable {
    /// The `บันทึกข้อความ` line that opens a memo header.
    case memoTitle(TextLine)
    /// One field of the memo header (`ส่วนราชการ`, `ที่`, `วันที่`, `เรื่อง`, `เรียน`, `สิ่งที่ส่งมาด้วย`, `อ้างถึง`).
    case headerField(HeaderField)
    /// Consecutive non-empty free-text lines; a blank line or the start of another block ends it.
    case paragraph([TextLine])
    /// A table: tab-separated, markdown pipe, HTML, or laid out on a PDF page.
    case table(Table)
    /// A signature or endorsement block: an optional `(ลงชื่อ)` line, the name line, position lines.
    case signature(SignatureBlock)
}

/// One field of a memo (`บันทึกข้อความ`) header.
public struct HeaderField: Sendable, Equatable {
    /// Which header keyword introduced the field.
    public enum Key: String, Sendable {
        /// `ส่วนราชการ`
        case department
        /// `ที่`
        case reference
        /// `วันที่`
        case date
        /// `เรื่อง`
        case subject
        /// `เรียน`
        case addressee
        /// `สิ่งที่ส่งมาด้วย`
        case enclosures
        /// `อ้างถึง`
        case references
    }

    /// The keyword that introduced the field.
    public var key: Key
    /// The value's lines: the keyword line with the keyword (and a following ":") removed, then
    /// continuation lines (subject / department wraps, numbered enclosure or reference items).
    /// Texts are trimmed and never empty: a keyword alone on its line contributes no line.
    /// The texts are otherwise as given (not cleaned of markup).
    public var lines: [TextLine]
    /// The keyword line.
    public var at: Location

    /// Creates a header field.
    public init(key: Key, lines: [TextLine], at: Location) {
        self.key = key
        self.lines = lines
        self.at = at
    }
}

/// A table with its recognised header and its data rows.
public struct Table: Sendable, Equatable {
    /// How the table was written in the source.
    public enum Form: String, Sendable {
        /// Tab-separated cells, one row per line.
        case tab
        /// Markdown pipe table (`| a | b |`).
        case pipe
        /// HTML `<table>` / `<tr>` / `<td>`.
        case html
        /// Laid out on a PDF page: read from its drawn grid or from the gutters between its columns.
        case layout
    }

    /// How the table was written.
    public var form: Form
    /// The header row(s) as recognised, cell text cleaned. Empty when the table's first row
    /// does not look like a header.
    public var headerRows: [[String]]
    /// One name per column, two-row headers merged per column (`"ผลการวิเคราะห์ ตัวชี้วัด"`);
    /// empty when `headerRows` is empty. Its count is the widest header row's.
    public var columns: [String]
    /// Data rows only. Repeated headers (after page breaks) and separator rows are removed.
    /// Rows keep all their cells, including empty leading and trailing ones; rows may be
    /// shorter or longer than `columns`.
    public var rows: [TableRow]
    /// The table's first line.
    public var at: Location

    /// Creates a table.
    public init(form: Form, headerRows: [[String]], columns: [String], rows: [TableRow], at: Location) {
        self.form = form
        self.headerRows = headerRows
        self.columns = columns
        self.rows = rows
        self.at = at
    }
}

/// One data row of a ``Table``.
public struct TableRow: Sendable, Equatable {
    /// The row's cells, cleaned with ``CellText/clean(_:)``; empty cells are kept.
    public var cells: [String]
    /// Where the row starts.
    public var at: Location
    /// Each cell's lines, cleaned, where the source breaks lines inside a cell (HTML `<br>`); empty
    /// when no cell of the row has a line break.
    public var cellLines: [[String]]

    /// Creates a row.
    public init(cells: [String], at: Location, cellLines: [[String]] = []) {
        self.cells = cells
        self.at = at
        self.cellLines = cellLines
    }

    /// The lines of cell `k`: as the source broke them, else the cell as one line (none when empty).
    public func lines(ofCell k: Int) -> [String] {
        if k < cellLines.count, !cellLines[k].isEmpty { return cellLines[k] }
        guard k < cells.count, !cells[k].isEmpty else { return [] }
        return [cells[k]]
    }
}

/// A signature or endorsement block.
///
/// It holds the `(ลงชื่อ)` line when there is one, the name line (usually the name in
/// parentheses) and the position line(s) below it. Lines are as given; blank lines are left out.
public struct SignatureBlock: Sendable, Equatable {
    /// The block's non-empty lines, in order.
    public var lines: [TextLine]
    /// The `(ลงชื่อ)` line, or the name line when the block has no `(ลงชื่อ)` line.
    public var at: Location

    /// Creates a signature block.
    public init(lines: [TextLine], at: Location) {
        self.lines = lines
        self.at = at
    }
}
