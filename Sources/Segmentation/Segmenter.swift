import Normalization
import RecordModel
import TableModel

/// Turns a document's normalized lines into blocks: memo header, paragraphs, tables, signatures.
///
/// The rules are the genre's, not any one file's:
/// - A `บันทึกข้อความ` line among the first lines opens the memo header; header fields are only
///   recognised there (see ``HeaderField``). The header ends after `เรียน` and its optional
///   `สิ่งที่ส่งมาด้วย` / `อ้างถึง` fields.
/// - Tables: HTML (`<table>` / `<tr>`), markdown pipe rows (`| … |`, a `|---|` row under the
///   header) and tab-separated lines. A table continues across a few blank lines when the next
///   line is again a row of a compatible shape; repeated headers and dash separator rows are dropped.
/// - Signature blocks start at a `(ลงชื่อ)` line or at a person's name in parentheses, and take
///   the position line(s) under the name; blocks side by side and blocks inside HTML paragraph
///   markup are cut into one block each.
/// - Everything else forms paragraphs of consecutive non-empty lines.
///
/// It runs in time linear in the input.
public struct Segmenter: Sendable {
    /// Creates a segmenter; it holds no state and can be shared between tasks.
    public init() {}

    /// The blocks of a document, in order. Blank lines separate blocks and are not kept.
    ///
    /// `tables` are tables a layout stage already found (a PDF page's), keyed by the location of their
    /// first row's line: each stands in for its rows' lines. One that goes on from the previous page
    /// extends the table before it, unless it opens with a header of its own.
    public func segment(_ lines: [TextLine], tables: [Location: TableGrid] = [:]) -> [Block] {
        let doc = LineBytes(lines)
        var blocks: [Block] = []
        let memo = doc.memoStart()
        var i = 0
        while i < doc.count {
            if !tables.isEmpty, let found = tables[lines[i].at] {
                let grid = GridTableBuilder.cleaned(found)
                let end = min(i + max(grid.lineCount, 1), doc.count)
                let rowAt = { (r: Int) in lines[min(i + r, end - 1)].at }
                if grid.continued, case .table(let previous)? = blocks.last,
                    let extended = GridTableBuilder.extending(previous, with: grid, rowAt: rowAt)
                {
                    blocks[blocks.count - 1] = .table(extended)
                } else {
                    blocks.append(.table(GridTableBuilder.table(grid, form: .layout, at: lines[i].at, rowAt: rowAt)))
                }
                i = end
                continue
            }
            if doc.isBlank(i) {
                i += 1
                continue
            }
            if let memo, i == memo.index {
                if memo.hasTitle {
                    blocks.append(.memoTitle(lines[i]))
                    i = doc.parseMemoHeader(from: i + 1, into: &blocks)
                } else {
                    i = max(doc.parseMemoHeader(from: i, into: &blocks), i + 1)
                }
                continue
            }
            if let next = doc.block(at: i, into: &blocks) {
                i = next
                continue
            }
            // A paragraph: up to a blank line or the start of another block.
            var j = i + 1
            while j < doc.count, !doc.isBlank(j), j != memo?.index, !doc.startsBlock(j) { j += 1 }
            blocks.append(.paragraph(Array(lines[i..<j])))
            i = j
        }
        return blocks
    }
}

extension LineBytes {
    /// Whether a table or a signature block starts at line `i`.
    func startsBlock(_ i: Int) -> Bool {
        isHTMLTableStart(i) || isPipeTableStart(i) || isTabTableStart(i) || isSignatureStart(i) || isMarkupSignatureStart(i)
    }

    /// Parses the table or signature block starting at `i`, if any; returns the index after it.
    func block(at i: Int, into blocks: inout [Block]) -> Int? {
        if isHTMLTableStart(i) {
            let (table, end) = parseHTMLTable(at: i)
            if !table.rows.isEmpty || !table.headerRows.isEmpty { blocks.append(.table(table)) }
            return end
        }
        if isPipeTableStart(i) {
            let (table, end) = parsePipeTable(at: i)
            blocks.append(.table(table))
            return end
        }
        if isTabTableStart(i) {
            let (table, end) = parseTabTable(at: i)
            blocks.append(.table(table))
            return end
        }
        if isSignatureStart(i), let (signatures, end) = parseSignatures(at: i) {
            blocks += signatures.map(Block.signature)
            return end
        }
        if let (signatures, end) = parseMarkupSignatures(at: i) {
            blocks += signatures.map(Block.signature)
            return end
        }
        if hasTab[i], TableShape.isDashSeparator(tabCells(i)) {
            return i + 1  // a stray ruling line
        }
        if isPipeSeparator(i), i > 0 {
            return i + 1
        }
        return nil
    }
}
