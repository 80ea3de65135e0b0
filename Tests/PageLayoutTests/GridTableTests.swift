import TableModel
import Testing

@testable import PageLayout

/// Table borders drawn the way word processors draw them: every cell's four sides, shared sides twice.
struct Borders {
    var xs: [Double]
    var ys: [Double]
    /// Cells over several slots, as rows and columns of the grid; every other slot is a cell of its own.
    var merged: [(rows: Range<Int>, columns: Range<Int>)] = []

    var rulings: [Ruling] {
        var cells = merged
        for r in 0..<(ys.count - 1) {
            for c in 0..<(xs.count - 1) where !merged.contains(where: { $0.rows.contains(r) && $0.columns.contains(c) }) {
                cells.append((r..<r + 1, c..<c + 1))
            }
        }
        return cells.flatMap { cell -> [Ruling] in
            let (top, bottom) = (ys[cell.rows.lowerBound], ys[cell.rows.upperBound])
            let (left, right) = (xs[cell.columns.lowerBound], xs[cell.columns.upperBound])
            return [
                Ruling(horizontal: true, position: top, start: left, end: right),
                Ruling(horizontal: true, position: bottom, start: left, end: right),
                Ruling(horizontal: false, position: left, start: top, end: bottom),
                Ruling(horizontal: false, position: right, start: top, end: bottom),
            ]
        }
    }
}

@Suite struct GridTableTests {
    /// A measures table whose header has a cell over two columns (ระยะเวลา over เริ่ม / สิ้นสุด) and cells
    /// over the header's two rows, then two data rows.
    func spannedTable() -> PageInput {
        var t = Typesetter()
        t.line("มาตรการ", x: 85, y: 120)
        t.line("ระยะเวลา", x: 205, y: 106)
        t.line("สถานะ", x: 405, y: 120)
        t.line("เริ่ม", x: 205, y: 136)
        t.line("สิ้นสุด", x: 305, y: 136)
        t.line("ป้องกัน", x: 85, y: 166)
        t.line("ต.ค. 67", x: 205, y: 166)
        t.line("ก.ย. 68", x: 305, y: 166)
        t.line("เสร็จ", x: 405, y: 166)
        t.line("เผยแพร่", x: 85, y: 206)
        t.line("ทุกเดือน", x: 205, y: 206)
        let borders = Borders(xs: [80, 200, 300, 400, 500], ys: [100, 130, 160, 200, 240],
                              merged: [(0..<2, 0..<1), (0..<1, 1..<3), (0..<2, 3..<4)])
        return t.page(rulings: borders.rulings)
    }

    /// The first table of the page `lines` (text, x, y) make inside `borders`.
    func grid(_ lines: [(String, Double, Double)], _ borders: Borders) throws -> TableGrid {
        var t = Typesetter()
        for (text, x, y) in lines { t.line(text, x: x, y: y) }
        return try #require(PageLayout().pages([t.page(rulings: borders.rulings)])[0].tables.first)
    }

    @Test func aCellLineThatWrappedAtADrawnSpaceKeepsTheSpace() throws {
        // Both lines of each cell fill it; the first cell's broke at a space the page drew, the second's
        // between Thai words.
        let table = try grid([("ขอบคุณ ", 85, 106), ("ประชาชน", 85, 130), ("ร้อยละ", 205, 106), ("ประเมิน", 205, 130)],
                             Borders(xs: [80, 200, 260], ys: [100, 160]))
        #expect(table.rows[0].slots.map(\.text) == ["ขอบคุณ ประชาชน", "ร้อยละประเมิน"])
    }

    @Test func aDrawnGridGivesItsCellsWithTheirRowAndColumnSpans() throws {
        let page = PageLayout().pages([spannedTable()])[0]
        let grid = try #require(page.tables.first)
        #expect(grid.headerRowCount == 2)
        #expect(grid.rows[0].slots == [
            GridSlot(text: "มาตรการ", rowSpan: 2), GridSlot(text: "ระยะเวลา", columnSpan: 2), .covered(.left),
            GridSlot(text: "สถานะ", rowSpan: 2),
        ])
        #expect(grid.rows[1].slots == [.covered(.above), GridSlot(text: "เริ่ม"), GridSlot(text: "สิ้นสุด"), .covered(.above)])
        #expect(grid.rows[2].texts == ["ป้องกัน", "ต.ค. 67", "ก.ย. 68", "เสร็จ"])
        #expect(grid.rows[3].texts == ["เผยแพร่", "ทุกเดือน", "", ""])
        // The grid stands in for the lines its rows take in the page's text.
        #expect(grid.line == 1 && grid.lineCount == 4)
        #expect(page.text.split(separator: "\n")[2] == "ป้องกัน\tต.ค. 67\tก.ย. 68\tเสร็จ")
    }

    @Test func aHeaderCellPrintedOnThreeLinesIsOneCell() throws {
        // A narrow column wraps its header over three lines; each line's next word did not fit after it.
        let grid = try grid(
            [("ประเด็นที่ต้อง", 85, 106), ("ปรับปรุง", 85, 130), ("และพัฒนา", 85, 154), ("ผู้รับผิดชอบ", 185, 106),
             ("การใช้อำนาจ", 85, 186), ("สำนักปลัด", 185, 186)],
            Borders(xs: [80, 180, 300], ys: [100, 180, 210]))
        #expect(grid.rows.map(\.texts) == [["ประเด็นที่ต้องปรับปรุงและพัฒนา", "ผู้รับผิดชอบ"], ["การใช้อำนาจ", "สำนักปลัด"]])
        #expect(grid.rows[0].slots[0].lines.isEmpty)
    }

    /// A scan's faint borders survive in pieces: the header's column rules and part of the rule under it.
    /// The rows, close together with no rule between them, still come out one per line of numbers.
    @Test(arguments: [true, false])
    func aTableWhoseRulesAreOnlyInPiecesIsReadFromItsGutters(pieces: Bool) throws {
        var words: [Word] = []
        for (k, row) in [("ตัวชี้วัด", "2566", "2567"), ("หน้าที่", "97.80", "98.12"), ("งบ", "93.15", "94.60"), ("อำนาจ", "96.44", "97.01")].enumerated() {
            let y = k == 0 ? 106.0 : 112.0 + 24.0 * Double(k)
            for (text, x) in [(row.0, 85.0), (row.1, 205), (row.2, 305)] {
                words.append(Word(text: text, box: Box(x0: x, y0: y, x1: x + 8 * Double(text.count), y1: y + 18), line: k + 1))
            }
        }
        let rules = [
            Ruling(horizontal: true, position: 100, start: 80, end: 400), Ruling(horizontal: true, position: 220, start: 80, end: 400),
            Ruling(horizontal: false, position: 80, start: 100, end: 220), Ruling(horizontal: false, position: 400, start: 100, end: 220),
            Ruling(horizontal: false, position: 200, start: 100, end: 130), Ruling(horizontal: false, position: 300, start: 100, end: 130),
            Ruling(horizontal: true, position: 130, start: 80, end: 200),
        ]
        let page = PageInput(width: 595, height: 842, content: .words(words), rulings: pieces ? rules : [])
        let rows = PageLayout().pages([page])[0].tables.flatMap { $0.rows.map(\.texts) }
        #expect(rows.suffix(3) == [["หน้าที่", "97.80", "98.12"], ["งบ", "93.15", "94.60"], ["อำนาจ", "96.44", "97.01"]])
    }

    /// A PDF draws every rule it has: a drawn cell with numbers one above another (a year's score per line)
    /// is one cell, not a sign of rules lost.
    @Test func aDrawnCellMayHoldDecimalsOneAboveAnother() throws {
        let grid = try grid([("มาตรการ", 85, 106), ("2566", 205, 106), ("2567", 305, 106),
                             ("ประสิทธิภาพ", 85, 136), ("92.51", 205, 136), ("93.00", 305, 136),
                             ("99.22", 205, 160), ("94.00", 305, 160)],
                            Borders(xs: [80, 200, 300, 400], ys: [100, 130, 190]))
        #expect(grid.rows.count == 2)
        #expect(grid.rows[1].texts == ["ประสิทธิภาพ", "92.51 99.22", "93.00 94.00"])
    }

    /// A scan's borders as the image gives them: each in pieces that waver by a fraction of a point, the
    /// rule under the header broken by a wide gap that no text crosses.
    @Test func aScannedBorderInPiecesIsOneBorder() throws {
        func word(_ text: String, _ x: Double, _ y: Double, _ line: Int) -> Word {
            Word(text: text, box: Box(x0: x, y0: y, x1: x + 8 * Double(text.count), y1: y + 18), line: line)
        }
        let words = [word("มาตรการ", 85, 106, 1), word("สถานะ", 205, 106, 1), word("ป้องกัน", 85, 146, 2), word("เสร็จ", 205, 146, 2),
                     word("ทุจริต", 85, 170, 3)]
        let rules = [
            Ruling(horizontal: true, position: 100, start: 80, end: 320), Ruling(horizontal: true, position: 200.4, start: 80, end: 320),
            Ruling(horizontal: true, position: 130.3, start: 80, end: 150), Ruling(horizontal: true, position: 130, start: 230, end: 320),
            Ruling(horizontal: false, position: 80.6, start: 150, end: 200), Ruling(horizontal: false, position: 80, start: 100, end: 152),
            Ruling(horizontal: false, position: 200.3, start: 100, end: 160), Ruling(horizontal: false, position: 199.8, start: 158, end: 200),
            Ruling(horizontal: false, position: 320, start: 100, end: 200),
        ]
        let page = PageInput(width: 595, height: 842, content: .words(words), rulings: rules)
        let grid = try #require(PageLayout().pages([page])[0].tables.first)
        #expect(grid.rows.map(\.texts) == [["มาตรการ", "สถานะ"], ["ป้องกันทุจริต", "เสร็จ"]])
    }

    /// Two scanned tables one under the other, their side borders at the same x: the gap between the
    /// tables runs from corner to corner and is not bridged.
    @Test func theGapBetweenTwoScannedTablesIsNoBorder() throws {
        func word(_ text: String, _ x: Double, _ y: Double, _ line: Int) -> Word {
            Word(text: text, box: Box(x0: x, y0: y, x1: x + 8 * Double(text.count), y1: y + 18), line: line)
        }
        let words = [word("ปี", 85, 106, 1), word("คะแนน", 205, 106, 1), word("2566", 85, 136, 2), word("91.20", 205, 136, 2),
                     word("ตารางที่ 2", 85, 176, 3),
                     word("IIT", 85, 216, 4), word("95.10", 205, 216, 4), word("EIT", 85, 246, 5), word("88.40", 205, 246, 5)]
        var rules: [Ruling] = []
        for (top, bottom) in [(100.0, 160.0), (210.0, 270.0)] {
            rules += [Ruling(horizontal: true, position: top, start: 80, end: 320), Ruling(horizontal: true, position: top + 30, start: 80, end: 320),
                      Ruling(horizontal: true, position: bottom, start: 80, end: 320)]
            rules += [80.0, 200, 320].map { Ruling(horizontal: false, position: $0, start: top, end: bottom) }
        }
        let page = PageInput(width: 595, height: 842, content: .words(words), rulings: rules)
        let tables = PageLayout().pages([page])[0].tables
        #expect(tables.map { $0.rows.map(\.texts) } == [[["ปี", "คะแนน"], ["2566", "91.20"]], [["IIT", "95.10"], ["EIT", "88.40"]]])
    }

    @Test func linesThatEndShortOfTheirCellAreTheCellsOwnLines() throws {
        // A wide cell with one office per line: each would have fitted after the line above.
        var t = Typesetter()
        t.line("มาตรการ", x: 85, y: 106)
        t.line("ผู้รับผิดชอบ", x: 205, y: 106)
        t.line("ป้องกัน", x: 85, y: 136)
        t.line("สำนักปลัด", x: 205, y: 136)
        t.line("กองคลัง", x: 205, y: 160)
        t.line("การจัดซื้อจัดจ้างและเผยแพร่ข้อมูลบนเว็บไซต์", x: 205, y: 190)
        t.line("ของหน่วยงาน", x: 205, y: 214)
        t.line("เปิดเผย", x: 85, y: 190)
        let page = t.page(rulings: Borders(xs: [80, 200, 560], ys: [100, 130, 184, 240]).rulings)
        let grid = try #require(PageLayout().pages([page])[0].tables.first)
        #expect(grid.rows[1].slots[1] == GridSlot(text: "สำนักปลัด กองคลัง", lines: ["สำนักปลัด", "กองคลัง"]))
        // The longest line of its cell ends where the next line's first word would not have fitted.
        #expect(grid.rows[2].slots[1] == GridSlot(text: "การจัดซื้อจัดจ้างและเผยแพร่ข้อมูลบนเว็บไซต์ของหน่วยงาน"))
    }

    /// A two-column drawn table on a page: a header row unless `header` is false, then one data row.
    func part(header: Bool, row: (String, String), at top: Double = 100, xs: [Double] = [80, 200, 400]) -> PageInput {
        var t = Typesetter()
        var ys = [top]
        if header {
            t.line("มาตรการ", x: xs[0] + 5, y: top + 6)
            t.line("สถานะ", x: xs[1] + 5, y: top + 6)
            ys.append(top + 30)
        }
        t.line(row.0, x: xs[0] + 5, y: ys.last! + 6)
        t.line(row.1, x: xs[1] + 5, y: ys.last! + 6)
        ys.append(ys.last! + 30)
        return t.page(rulings: Borders(xs: xs, ys: ys).rulings)
    }

    @Test func aDrawnTableThatOpensAPageGoesOnFromTheOneEndingThePageBefore() {
        for repeated in [true, false] {
            // The next part may be sized anew (its columns elsewhere), with its header repeated or not.
            let pages = PageLayout().pages([
                part(header: true, row: ("ป้องกัน", "เสร็จ")),
                part(header: repeated, row: ("เผยแพร่", "ยังไม่เสร็จ"), at: 60, xs: [80, 240, 400]),
            ])
            #expect(pages[0].tables.map(\.continued) == [false])
            #expect(pages[1].tables.map(\.continued) == [true])
        }
    }

    @Test(arguments: [true, false])
    func aRowAtThePageFootIsCutOnlyWhenNoCellIsSetInItsMiddle(centred: Bool) throws {
        // A header row of one- and two-line cells ends page 1; page 2 opens with a row whose first line has
        // text only where the header's ran to its bottom. Cells centred in the header say it ended whole.
        var foot = Typesetter()
        foot.line("มาตรการ", x: 85, y: centred ? 720 : 706)
        foot.line("ขั้นตอน", x: 205, y: centred ? 720 : 706)
        foot.line("ผู้รับผิด", x: 305, y: 706)
        foot.line("ชอบ", x: 305, y: 734)
        foot.line("การกำกับ", x: 405, y: 706)
        foot.line("ติดตาม", x: 405, y: 734)
        var top = Typesetter()
        top.line("สำนักปลัด", x: 305, y: 66)
        top.line("มีแนวทาง", x: 85, y: 90)
        top.line("จัดทำ", x: 205, y: 90)
        let xs: [Double] = [80, 200, 300, 400, 500]
        let pages = PageLayout().pages([foot.page(rulings: Borders(xs: xs, ys: [700, 758]).rulings),
                                        top.page(rulings: Borders(xs: xs, ys: [60, 140]).rulings)])
        let header = try #require(pages[0].tables.first?.rows.first?.texts)
        if centred {
            #expect(header == ["มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "การกำกับติดตาม"])
            #expect(pages[1].tables.first?.rows.first?.texts == ["มีแนวทาง", "จัดทำ", "สำนักปลัด", ""])
        } else {
            #expect(header == ["มาตรการมีแนวทาง", "ขั้นตอนจัดทำ", "ผู้รับผิดชอบสำนักปลัด", "การกำกับติดตาม"])
        }
    }

    @Test func aDrawnTableUnderTextOrAfterATableThatEndedHigherUpStartsATableOfItsOwn() {
        var t = Typesetter()
        t.line("ตารางที่ 2", x: 85, y: 260)
        var second = part(header: true, row: ("เผยแพร่", "ยังไม่เสร็จ"), at: 300)
        guard case .glyphs(let glyphs) = second.content else { return }
        second.content = .glyphs(t.glyphs + glyphs)
        let pages = PageLayout().pages([part(header: true, row: ("ป้องกัน", "เสร็จ")), second])
        #expect(pages[1].tables.map(\.continued) == [false])
    }

    @Test func aBoxAroundOneParagraphIsNoTable() {
        var t = Typesetter()
        t.line("บันทึกข้อความ", x: 85, y: 106)
        let page = PageLayout().pages([t.page(rulings: Borders(xs: [80, 300], ys: [100, 130]).rulings)])[0]
        #expect(page.tables.isEmpty)
        #expect(page.text == "บันทึกข้อความ")
    }

    @Test func aTableWithoutBordersIsReadFromItsGuttersIntoTheSameGrid() throws {
        let page = PageLayout().pages([TableTests().table().page()])[0]
        let grid = try #require(page.tables.first)
        #expect(grid.headerRowCount == nil)
        #expect(grid.line == 1 && grid.lineCount == 3)
        #expect(grid.rows[1].texts == ["การใช้อำนาจ", "จัดทำคู่มือการปฏิบัติงานและเผยแพร่", "สำนักปลัด"])
    }
}

@Suite struct HeadingTests {
    @Test func aHeadingOverTwoLinesIsSetApartFromTheLineUnderIt() {
        // A bold title in a larger size over two centred lines, then the organisation in body text: the
        // second title line fills the line, so only type tells it from a wrapped line.
        var t = Typesetter()
        t.fontSize = 16
        t.bold = true
        t.line("รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", x: 85, y: 100)
        t.line("ภายในหน่วยงานประจำปีงบประมาณพ.ศ.2568รอบ6เดือนขององค์การ", x: 85, y: 124)
        t.fontSize = 14
        t.bold = false
        t.line("บริหารส่วนตำบลป่าไผ่งาม", x: 85, y: 148)
        let lines = PageLayout().texts([t.page()])[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[1] == "")
        #expect(lines[2] == "บริหารส่วนตำบลป่าไผ่งาม")
    }

    @Test func aBoldPhraseInsideAParagraphDoesNotBreakIt() {
        var t = Typesetter()
        t.line(String(repeating: "ก", count: 54), x: 85, y: 100)
        t.bold = true
        t.line("ขขข", x: 85, y: 124)
        t.bold = false
        t.line("คคคคคคค", x: 117, y: 124)
        #expect(!PageLayout().texts([t.page()])[0].contains("\n"))
    }
}
