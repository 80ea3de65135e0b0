import Genre
import Normalization
import RecordModel

/// What header rows look like, how two-row headers merge, and how rows are compared.
enum TableShape {
    static let headerWords: [[UInt8]] = Genre.tableHeaderWords.map { Array($0.utf8) }

    /// Whether a cleaned cell is a label: not empty, not a number or score, short, not a list item.
    static func isLabel(_ cell: String) -> Bool {
        let b = Array(cell.utf8)
        let n = b.count
        guard n > 0 else { return false }
        if isYear(b) { return true }
        if Bytes.isNumber(b, from: 0, to: n) || Bytes.hasDecimal(b, from: 0, to: n) { return false }
        if Bytes.scalarCount(b, from: 0, to: n) > 60 || Bytes.wordCount(b, from: 0, to: n) > 6 { return false }
        let c = b[0]
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "<") { return false }
        if b.starts(with: [0xE2, 0x80, 0xA2]) { return false }  // •
        if Bytes.listMarker(b, from: 0, to: n) != nil { return false }
        // Only dashes or dots.
        if b.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == 0x20 }) { return false }
        return true
    }

    /// A Buddhist-era year alone ("2566"): the header of a year column.
    static func isYear(_ b: [UInt8]) -> Bool {
        guard b.count == 4, b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let year = Int(String(decoding: b, as: UTF8.self))
        else { return false }
        return (2500...2700).contains(year)
    }

    static func hasHeaderWord(_ cell: String) -> Bool {
        let b = Array(cell.utf8)
        if isYear(b) { return true }
        for w in headerWords where Bytes.find(b, w, from: 0, to: b.count) != nil { return true }
        return false
    }

    /// A first row that names columns: at least two non-empty cells, all of them labels, and at
    /// least half of them made of the genre's header words.
    static func looksLikeHeader(_ cells: [String]) -> Bool {
        var nonEmpty = 0
        var withWord = 0
        for c in cells where !c.isEmpty {
            guard isLabel(c) else { return false }
            nonEmpty += 1
            if hasHeaderWord(c) { withWord += 1 }
        }
        return nonEmpty >= 2 && withWord >= max(1, (nonEmpty + 1) / 2)
    }

    /// How many of a table's first rows its words make the header: none, the first, or the first two.
    static func headerRowCount(_ first: [String], then second: [String]?) -> Int {
        guard looksLikeHeader(first) else { return 0 }
        if let second, isSecondHeaderRow(second, below: first) { return 2 }
        return 1
    }

    /// A second header row directly under `top`: its first cell is empty, every other non-empty
    /// cell is a label, and it either fills a column the top row leaves empty or uses header words.
    static func isSecondHeaderRow(_ cells: [String], below top: [String]) -> Bool {
        guard cells.count >= 2, cells[0].isEmpty else { return false }
        var nonEmpty = 0
        var fillsGap = false
        var withWord = false
        for (k, c) in cells.enumerated() where !c.isEmpty {
            guard isLabel(c) else { return false }
            nonEmpty += 1
            if k >= top.count || top[k].isEmpty { fillsGap = true }
            if hasHeaderWord(c) { withWord = true }
        }
        return nonEmpty >= 1 && (fillsGap || withWord)
    }

    /// Merges header rows into one name per column.
    ///
    /// Per column, the non-empty cells are joined top-down with one space. Where a row's upper
    /// cell is empty, the lower cell stands alone, unless the upper cell is covered by a span:
    /// explicitly (`spans`, from HTML `colspan`) or implicitly, when the nearest non-empty upper
    /// cell to the left has nothing under it itself (it spans the empty cells after it).
    static func mergeColumns(_ rows: [[String]], spans: [[Bool]]? = nil) -> [String] {
        guard let first = rows.first else { return [] }
        let width = rows.map(\.count).max() ?? 0
        var merged = (0..<width).map { $0 < first.count ? first[$0] : "" }
        guard rows.count > 1 else { return merged }
        for r in 1..<rows.count {
            let top = rows[r - 1]
            let bottom = rows[r]
            let topSpans = spans.flatMap { r - 1 < $0.count ? $0[r - 1] : nil }
            var next = merged
            for c in 0..<width {
                let b = c < bottom.count ? bottom[c] : ""
                if b.isEmpty { continue }
                let t = c < top.count ? top[c] : ""
                if !t.isEmpty {
                    next[c] = join(merged[c], b)
                } else if let owner = spanOwner(c, top: top, bottom: bottom, spans: topSpans) {
                    next[c] = join(merged[owner], b)
                } else {
                    next[c] = join(merged[c], b)
                }
            }
            merged = next
        }
        return merged
    }

    private static func spanOwner(_ c: Int, top: [String], bottom: [String], spans: [Bool]?) -> Int? {
        if let spans {
            guard c < spans.count, spans[c] else { return nil }
            var j = c - 1
            while j >= 0 {
                if !(j < spans.count && spans[j]) { return j }
                j -= 1
            }
            return nil
        }
        var j = c - 1
        while j >= 0 {
            let t = j < top.count ? top[j] : ""
            if !t.isEmpty {
                let under = j < bottom.count ? bottom[j] : ""
                return under.isEmpty ? j : nil
            }
            j -= 1
        }
        return nil
    }

    private static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return a + " " + b
    }

    /// The comparison key of a row: cells without spaces, trailing empty cells dropped.
    static func rowKey(_ cells: [String]) -> [String] {
        var key = cells.map { cell -> String in
            guard cell.utf8.contains(0x20) else { return cell }
            return String(decoding: cell.utf8.filter { $0 != 0x20 }, as: UTF8.self)
        }
        while let last = key.last, last.isEmpty { key.removeLast() }
        return key
    }

    /// Whether two cells are equal when spaces are ignored.
    static func equalIgnoringSpaces(_ a: String, _ b: String) -> Bool {
        var i = a.utf8.makeIterator()
        var j = b.utf8.makeIterator()
        while true {
            var x = i.next()
            while x == 0x20 { x = i.next() }
            var y = j.next()
            while y == 0x20 { y = j.next() }
            if x != y { return false }
            if x == nil { return true }
        }
    }

    /// A row made only of dash cells ("--", "---", "–"): a ruling line, not data.
    static func isDashSeparator(_ cells: [String]) -> Bool {
        var any = false
        for c in cells where !c.isEmpty {
            for s in c.unicodeScalars {
                switch s {
                case "-", "\u{2013}", "\u{2014}", "\u{2212}", "=", "_", ":", "+", " ": continue
                default: return false
                }
            }
            any = true
        }
        return any
    }
}

/// Collects a table's rows, dropping repeated headers.
struct TableAssembler {
    let headerRows: [[String]]
    private let headerKeys: [[String]]
    private(set) var rows: [TableRow] = []
    private var expectHeaderRow = 0
    private(set) var width: Int

    init(headerRows: [[String]], rows: [TableRow] = []) {
        self.headerRows = headerRows
        self.headerKeys = headerRows.map(TableShape.rowKey)
        self.rows = rows
        self.width = max(headerRows.map(\.count).max() ?? 0, rows.map(\.cells.count).max() ?? 0)
    }

    /// Whether `cells` repeats the first header row.
    func isHeaderRepeat(_ cells: [String]) -> Bool {
        guard let first = headerKeys.first else { return false }
        return Self.matches(cells, first)
    }

    /// Whether `cells` repeats one of the header rows (a header band that a page break cut).
    func isAnyHeaderRow(_ cells: [String]) -> Bool {
        headerKeys.contains { Self.matches(cells, $0) }
    }

    /// Whether `cells` equal a row key (spaces and trailing empty cells ignored).
    private static func matches(_ cells: [String], _ key: [String]) -> Bool {
        var n = cells.count
        while n > 0, cells[n - 1].utf8.allSatisfy({ $0 == 0x20 }) { n -= 1 }
        guard n == key.count else { return false }
        for k in 0..<n where !TableShape.equalIgnoringSpaces(cells[k], key[k]) { return false }
        return true
    }

    /// Adds a row, or drops it when it repeats the header (a page break): the first header row
    /// anywhere, a later header row right after a repeated one.
    mutating func add(_ cells: [String], at: Location, cellLines: [[String]] = []) {
        if !headerKeys.isEmpty {
            if Self.matches(cells, headerKeys[0]) {
                expectHeaderRow = 1
                return
            }
            if expectHeaderRow > 0, expectHeaderRow < headerKeys.count, Self.matches(cells, headerKeys[expectHeaderRow]) {
                expectHeaderRow += 1
                return
            }
        }
        expectHeaderRow = 0
        width = max(width, cells.count)
        rows.append(TableRow(cells: cells, at: at, cellLines: cellLines))
    }

    /// Whether a row found after blank lines still belongs to this table: a separator, a repeated
    /// header, or a row of about the table's width that does not look like another table's header.
    func continues(afterGapWith cells: [String]) -> Bool {
        if TableShape.isDashSeparator(cells) || isHeaderRepeat(cells) { return true }
        // Another table's header; a row with an empty first cell is a continuation row instead.
        if let first = cells.first, !first.isEmpty, TableShape.looksLikeHeader(cells) { return false }
        guard cells.count >= 2, cells.contains(where: { !$0.isEmpty }) else { return false }
        let w = max(width, 1)
        return abs(cells.count - w) <= max(1, w / 3)
    }

    func table(form: Table.Form, spans: [[Bool]]? = nil, at: Location) -> Table {
        Table(
            form: form,
            headerRows: headerRows,
            columns: headerRows.isEmpty ? [] : TableShape.mergeColumns(headerRows, spans: spans),
            rows: rows,
            at: at
        )
    }
}
