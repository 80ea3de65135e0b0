import Normalization
import RecordModel
import TableModel
import Testing

@testable import Segmentation

/// Tables a PDF page's layout found reach the segmenter as grids standing in for their lines.
@Suite struct LayoutTableTests {
    func row(_ texts: String...) -> GridRow {
        GridRow(slots: texts.map { GridSlot(text: $0) })
    }

    /// Page lines: the TAB text the layout writes for each grid row, under a heading line.
    func lines(page: Int, rows: Int, heading: Bool) -> [TextLine] {
        let first = heading ? [TextLine(text: "ตารางมาตรการ", at: Location(page: page, line: 1))] : []
        let offset = first.count
        return first + (1...rows).map { TextLine(text: "row\t\($0)", at: Location(page: page, line: offset + $0)) }
    }

    @Test func aSpannedHeaderBandIsOneHeaderWithAColumnNameEach() throws {
        let grid = TableGrid(rows: [
            GridRow(slots: [GridSlot(text: "มาตรการ", rowSpan: 2), GridSlot(text: "ระยะเวลา", columnSpan: 2), .covered(.left)]),
            GridRow(slots: [.covered(.above), GridSlot(text: "เริ่ม"), GridSlot(text: "สิ้นสุด")]),
            row("ป้องกัน", "ต.ค. 2567", "ก.ย. 2568"),
        ], headerRowCount: 2, line: 2, lineCount: 3)
        let blocks = Segmenter().segment(lines(page: 1, rows: 3, heading: true), tables: [Location(page: 1, line: 2): grid])
        guard case .paragraph = blocks.first, case .table(let table)? = blocks.last else {
            Issue.record("expected a paragraph and a table, got \(blocks)")
            return
        }
        #expect(table.form == .layout)
        #expect(table.columns == ["มาตรการ", "ระยะเวลา เริ่ม", "ระยะเวลา สิ้นสุด"])
        #expect(table.rows.map(\.cells) == [["ป้องกัน", "ต.ค. 2567", "ก.ย. 2568"]])
        #expect(table.rows[0].at == Location(page: 1, line: 4))
    }

    @Test func aContinuedGridExtendsTheTableWithOrWithoutItsHeaderRepeated() {
        for repeated in [true, false] {
            let first = TableGrid(rows: [row("มาตรการ", "สถานะ"), row("ป้องกัน", "เสร็จ")], line: 1, lineCount: 2)
            let rest = TableGrid(rows: (repeated ? [row("มาตรการ", "สถานะ")] : []) + [row("เผยแพร่", "ยังไม่เสร็จ")],
                                 continued: true, line: 1, lineCount: repeated ? 2 : 1)
            let text = lines(page: 1, rows: 2, heading: false) + lines(page: 2, rows: repeated ? 2 : 1, heading: false)
            let blocks = Segmenter().segment(text, tables: [Location(page: 1, line: 1): first, Location(page: 2, line: 1): rest])
            #expect(blocks.count == 1)
            guard case .table(let table)? = blocks.first else { continue }
            #expect(table.columns == ["มาตรการ", "สถานะ"])
            #expect(table.rows.map(\.cells) == [["ป้องกัน", "เสร็จ"], ["เผยแพร่", "ยังไม่เสร็จ"]])
        }
    }

    @Test func aContinuedGridUnderAHeaderOfItsOwnIsAnotherTable() {
        let first = TableGrid(rows: [row("มาตรการ", "สถานะ"), row("ป้องกัน", "เสร็จ")], line: 1, lineCount: 2)
        let other = TableGrid(rows: [row("ตัวชี้วัด", "คะแนน"), row("การเปิดเผยข้อมูล", "95.5")],
                              continued: true, line: 1, lineCount: 2)
        let text = lines(page: 1, rows: 2, heading: false) + lines(page: 2, rows: 2, heading: false)
        let blocks = Segmenter().segment(text, tables: [Location(page: 1, line: 1): first, Location(page: 2, line: 1): other])
        #expect(blocks.count == 2)
    }

    /// The tables of a page ending in `first` and the next page opening with `rest`, segmented.
    func twoPages(_ first: TableGrid, _ rest: TableGrid) -> [Block] {
        let text = lines(page: 1, rows: first.rows.count, heading: false) + lines(page: 2, rows: rest.rows.count, heading: false)
        return Segmenter().segment(text, tables: [Location(page: 1, line: 1): first, Location(page: 2, line: 1): rest])
    }

    @Test func aHeaderRowCutByAPageBreakIsFinishedByTheNextPage() {
        // The page held only the header's first line; its rest, the second header row and the data follow.
        let first = TableGrid(rows: [row("มาตรการ โครงการ", "ผลการ", "", "ผู้รับ")], line: 1, lineCount: 1)
        let rest = TableGrid(rows: [row("หรือกิจกรรม", "วิเคราะห์", "", "ผิดชอบ"),
                                    row("", "ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง", ""),
                                    row("1. จัดทำคู่มือ", "1. การปฏิบัติหน้าที่", "บุคลากรปฏิบัติงานไม่เป็นไปตามขั้นตอน", "สำนักปลัด")],
                             continued: true, line: 1, lineCount: 3)
        let blocks = twoPages(first, rest)
        #expect(blocks.count == 1)
        guard case .table(let table)? = blocks.first else { return }
        #expect(table.columns == ["มาตรการ โครงการหรือกิจกรรม", "ผลการวิเคราะห์ ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง", "ผู้รับผิดชอบ"])
        #expect(table.rows.map { $0.cells[0] } == ["1. จัดทำคู่มือ"])
    }

    @Test func aHeaderBandCutBetweenItsRowsGoesOnWithItsSecondRow() {
        let first = TableGrid(rows: [row("มาตรการ", "สถานะการดำเนินงาน", "", "")], line: 1, lineCount: 1)
        let rest = TableGrid(rows: [row("", "ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการเสร็จเรียบร้อยแล้ว"),
                                    row("ป้องกันการทุจริต", "", "", "/")],
                             continued: true, line: 1, lineCount: 2)
        let blocks = twoPages(first, rest)
        #expect(blocks.count == 1)
        guard case .table(let table)? = blocks.first else { return }
        #expect(table.headerRows.count == 2)
        #expect(table.columns[1] == "สถานะการดำเนินงาน ยังไม่ดำเนินการ")
        #expect(table.rows.map(\.cells) == [["ป้องกันการทุจริต", "", "", "/"]])
    }

    @Test func aHeaderRepeatedOverAPageBreakIsNoRow() {
        // The next table's header, alike in shape, starts at the foot of the page and ends on the next.
        let first = TableGrid(rows: [row("มาตรการ โครงการ", "ขั้นตอนหรือวิธีการ", "ผู้รับผิดชอบ"),
                                     row("เผยแพร่ข้อมูล", "ประชาสัมพันธ์", "สำนักปลัด"),
                                     row("มาตรการ", "ขั้นตอนหรือ", "ผู้รับ")], line: 1, lineCount: 3)
        let rest = TableGrid(rows: [row("โครงการ", "วิธีการ", "ผิดชอบ"), row("ทบทวนคู่มือ", "ประชุม", "กองคลัง")],
                             continued: true, line: 1, lineCount: 2)
        let blocks = twoPages(first, rest)
        #expect(blocks.count == 1)
        guard case .table(let table)? = blocks.first else { return }
        #expect(table.rows.map { $0.cells[0] } == ["เผยแพร่ข้อมูล", "ทบทวนคู่มือ"])
    }

    @Test func aDataRowUnderAHeaderAloneAtThePageFootIsNoPartOfTheHeader() {
        let first = TableGrid(rows: [row("มาตรการ", "ผู้รับผิดชอบ")], line: 1, lineCount: 1)
        let rest = TableGrid(rows: [row("1. จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด")], continued: true, line: 1, lineCount: 1)
        guard case .table(let table)? = twoPages(first, rest).first else {
            Issue.record("expected a table")
            return
        }
        #expect(table.columns == ["มาตรการ", "ผู้รับผิดชอบ"])
        #expect(table.rows.map(\.cells) == [["1. จัดทำคู่มือการปฏิบัติงาน", "สำนักปลัด"]])
    }
}
