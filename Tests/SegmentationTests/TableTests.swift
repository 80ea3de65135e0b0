import Testing
@testable import Segmentation

@Suite struct TabTableTests {
    /// Header, rows separated by blank lines, a dash separator row, a continuation row with an
    /// empty first cell, the header repeated after a page break, a row with fewer cells.
    static let measures = """
    ๕. ข้อเสนอแนะ

    มาตรการ\tแนวทางการปฏิบัติ\tผู้รับผิดชอบ\tการกำกับติดตาม
    มาตรการตรวจสอบ\t<ul style="list-style-type: none"> - จัดทำมาตรการ</ul>\tสำนักปลัด\t-รอบ 3 เดือน

    \t<p>ตรวจสอบ กำกับดูแล</p>\t\t
    --\t--\t--\t--

    มาตรการ\tแนวทางการปฏิบัติ\tผู้รับผิดชอบ\tการกำกับติดตาม
    <p>มาตรการเผยแพร่ข้อมูล</p>\t<p>จัดให้มีช่องทาง</p><p>บริการข้อมูล</p>\tกองคลัง\t-รอบ 6 เดือน
    ประกาศเจตจำนง\tผู้บริหาร

    ย่อหน้าถัดไป
    """

    @Test func blankLinesSeparatorsRepeatedHeaderAndContinuationRows() throws {
        let blocks = segment(Self.measures)
        #expect(blocks.tables.count == 1, "\(blocks.map(\.summary))")
        let table = try #require(blocks.tables.first)
        #expect(table.form == .tab)
        #expect(table.at.line == 3)
        #expect(table.headerRows == [["มาตรการ", "แนวทางการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับติดตาม"]])
        #expect(table.columns == ["มาตรการ", "แนวทางการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับติดตาม"])
        #expect(table.rows.map(\.at.line) == [4, 6, 10, 11])
        #expect(table.rows[0].cells == ["มาตรการตรวจสอบ", "- จัดทำมาตรการ", "สำนักปลัด", "-รอบ 3 เดือน"])
        // The continuation row keeps its empty leading (and trailing) cells.
        #expect(table.rows[1].cells == ["", "ตรวจสอบ กำกับดูแล", "", ""])
        #expect(table.rows[2].cells == ["มาตรการเผยแพร่ข้อมูล", "จัดให้มีช่องทาง บริการข้อมูล", "กองคลัง", "-รอบ 6 เดือน"])
        // Short rows are not padded.
        #expect(table.rows[3].cells == ["ประกาศเจตจำนง", "ผู้บริหาร"])
        #expect(blocks.first?.paragraph?.first?.text == "๕. ข้อเสนอแนะ")
        #expect(blocks.last?.paragraph?.first?.text == "ย่อหน้าถัดไป")
    }

    /// Two-row header (empty top cell, spanning top cell) repeated after a page break.
    static let twoRowHeader = """
    มาตรการ โครงการ หรือกิจกรรม\tผลการวิเคราะห์\t\tขั้นตอนหรือวิธีการปฏิบัติ\tผู้รับผิดชอบ
    \tตัวชี้วัด\tประเด็นที่ต้องปรับปรุง/พัฒนา/รักษาระดับ\t\t
    1. จัดทำคู่มือ\t1. การปฏิบัติหน้าที่\tยังขาดคู่มือ\t1. แต่งตั้งคณะทำงาน\tสำนักปลัด

    มาตรการ โครงการ หรือกิจกรรม\tผลการวิเคราะห์\t\tขั้นตอนหรือ วิธีการปฏิบัติ\tผู้รับผิดชอบ
    \tตัวชี้วัด\tประเด็นที่ต้องปรับปรุง/ พัฒนา/รักษาระดับ\t\t
    1. มาตรการทบทวน\t9.การเปิดเผย ข้อมูล\tการเปิดเผยข้อมูล\t1. ทบทวน\tสำนักปลัด

    \t\t<p>ยังขาดการประชาสัมพันธ์</p>\t\t
    """

    @Test func twoRowHeaderIsMergedAndRemovedWhenRepeated() throws {
        let blocks = segment(Self.twoRowHeader)
        #expect(blocks.count == 1, "\(blocks.map(\.summary))")
        let table = try #require(blocks.tables.first)
        #expect(table.headerRows.count == 2)
        #expect(table.columns == [
            "มาตรการ โครงการ หรือกิจกรรม", "ผลการวิเคราะห์ ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง/พัฒนา/รักษาระดับ",
            "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ",
        ])
        #expect(table.rows.map(\.at.line) == [3, 7, 9])
        #expect(table.rows[2].cells == ["", "", "ยังขาดการประชาสัมพันธ์", "", ""])
    }

    @Test func secondHeaderRowUnderFullTopRow() throws {
        let text = """
        ลำดับที่\tรายละเอียดตัวชี้วัด\tปี 2566\tปี 2567\tเปลี่ยนแปลง
        \t\tคะแนน ITA\tคะแนน ITA\t
        1\tการปฏิบัติหน้าที่\t100.00\t100.00\t0
        คะแนนเฉลี่ย\t\t97.72\t94.69\t-3.03
        """
        let table = try #require(segment(text).tables.first)
        #expect(table.columns == ["ลำดับที่", "รายละเอียดตัวชี้วัด", "ปี 2566 คะแนน ITA", "ปี 2567 คะแนน ITA", "เปลี่ยนแปลง"])
        #expect(table.rows.count == 2)
        #expect(table.rows[1].cells == ["คะแนนเฉลี่ย", "", "97.72", "94.69", "-3.03"])
    }

    @Test func tableWithoutHeaderRow() throws {
        let text = """
        ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\tได้คะแนน\t100.00\tคะแนน
        ตัวชี้วัดที่ 2 การเปิดเผยข้อมูล\tได้คะแนน\t100.00\tคะแนน
        -------------\t------\t----\t----
        """
        let blocks = segment(text)
        #expect(blocks.count == 1)
        let table = try #require(blocks.tables.first)
        #expect(table.headerRows.isEmpty)
        #expect(table.columns.isEmpty)
        #expect(table.rows.count == 2)
    }

    @Test func differentHeaderAfterBlankLineStartsAnotherTable() {
        let text = """
        ตัวชี้วัด\tคะแนน
        การปฏิบัติหน้าที่\t96.88

        ลำดับ\tหัวข้อ\tผู้รับผิดชอบ
        1\tประชุม\tสำนักปลัด
        """
        let tables = segment(text).tables
        #expect(tables.count == 2)
        #expect(tables.map(\.at.line) == [1, 4])
        #expect(tables.map(\.rows.count) == [1, 1])
    }

    @Test func tableEndsAtFreeTextAndIndentedLinesAreParagraphs() {
        let text = """
        ตัวชี้วัด\tคะแนน
        การปฏิบัติหน้าที่\t96.88
        ข้อความอิสระ
        \tตามที่ได้ดำเนินการ
        \tจึงเรียนมาเพื่อทราบ
        """
        let blocks = segment(text)
        #expect(blocks.count == 2, "\(blocks.map(\.summary))")
        #expect(blocks[0].table?.rows.count == 1)
        #expect(blocks[1].paragraph?.map(\.at.line) == [3, 4, 5])
    }

    @Test func rowAfterBlankLinesWithIncompatibleShapeEndsTheTable() {
        let text = """
        ตัวชี้วัด\tประเด็นการประเมิน\tประเด็นที่ควรพัฒนา\tหมายเหตุ\tคะแนน\tผู้รับผิดชอบ
        ก\tข\tค\tง\tจ\tฉ

        a\tb
        """
        let tables = segment(text).tables
        #expect(tables.count == 2)
        #expect(tables[0].rows.count == 1)
    }
}

@Suite struct PipeTableTests {
    static let plan = """
    | มาตรการ | ขั้นตอนหรือวิธีการปฏิบัติ | ผู้รับผิดชอบ | การกำกับการติดตาม |
    |--|---|-------------------------|--|
    | มีแนวทางปฏิบัติ | จัดทำแนวทาง | สำนักปลัด อบต./กองคลัง | <p>รายงาน</p> |
    | E-Service | เพิ่มช่องทาง **E-Service** | สำนักปลัด | |

    | มาตรการ | ขั้นตอนหรือวิธีการปฏิบัติ | ผู้รับผิดชอบ | การกำกับการติดตาม |
    |---|--|-----------------------------------|---|
    | ช่องทางแจ้งร้องเรียน | จัดช่องทาง | สำนักปลัด | รายงานผล |

    ผลการประเมิน
    """

    @Test func headerRepeatedAcrossPageBreakIsOneTable() throws {
        let blocks = segment(Self.plan)
        #expect(blocks.count == 2, "\(blocks.map(\.summary))")
        let table = try #require(blocks.tables.first)
        #expect(table.form == .pipe)
        #expect(table.at.line == 1)
        #expect(table.headerRows == [["มาตรการ", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับการติดตาม"]])
        #expect(table.rows.map(\.at.line) == [3, 4, 8])
        #expect(table.rows[0].cells == ["มีแนวทางปฏิบัติ", "จัดทำแนวทาง", "สำนักปลัด อบต./กองคลัง", "รายงาน"])
        #expect(table.rows[1].cells == ["E-Service", "เพิ่มช่องทาง E-Service", "สำนักปลัด", ""])
        #expect(!table.rows.contains { $0.cells.contains { $0.contains("--") } })
    }

    @Test func secondHeaderRowUnderTheDelimiterRow() throws {
        let text = """
        | มาตรการ | ขั้นตอนหรือวิธีการปฏิบัติ | สถานะการดำเนินงาน | | |
        |--|---|-------------------|----------------------|---|
        | | | ยังไม่ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการเสร็จเรียบร้อยแล้ว |
        | มีแนวทางปฏิบัติ | จัดทำแนวทาง | - | - | / |

        | มาตรการ | ขั้นตอนหรือวิธีการปฏิบัติ | สถานะการดำเนินงาน | | |
        |---|--|-------------------|----------------------|---|
        | | | ยังไม่ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการเสร็จเรียบร้อยแล้ว |
        | E-Service | เพิ่มช่องทาง | - | - | / (ตรวจสอบข้อมูลได้ที่ เว็บไซต์) |
        """
        let blocks = segment(text)
        #expect(blocks.count == 1)
        let table = try #require(blocks.tables.first)
        #expect(table.headerRows.count == 2)
        #expect(table.columns == [
            "มาตรการ", "ขั้นตอนหรือวิธีการปฏิบัติ", "สถานะการดำเนินงาน ยังไม่ดำเนินการ",
            "อยู่ระหว่างดำเนินการ", "ดำเนินการเสร็จเรียบร้อยแล้ว",
        ])
        #expect(table.rows.map(\.at.line) == [4, 9])
        #expect(table.rows[1].cells.last == "/ (ตรวจสอบข้อมูลได้ที่ เว็บไซต์)")
    }

    @Test func junkHeaderWithoutLeadingPipeIsStillTheHeader() throws {
        let text = """
        ปรากฏว่าผลการประเมิน

        - | | |
        |---|----------------------|
        | 1. ด้านผู้มีส่วนได้ส่วนเสียภายใน (IIT) | ได้คะแนน 93.96 คะแนน |
        | 2. ด้านการเปิดเผยข้อมูลสาธารณะ (OIT) | ได้คะแนน 93.38 คะแนน |
        """
        let blocks = segment(text)
        #expect(blocks.count == 2)
        let table = try #require(blocks.tables.first)
        #expect(table.at.line == 3)
        #expect(table.headerRows == [["-", "", ""]])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells == ["1. ด้านผู้มีส่วนได้ส่วนเสียภายใน (IIT)", "ได้คะแนน 93.96 คะแนน"])
    }

    @Test func differentPipeTableAfterBlankLineIsSeparate() {
        let text = """
        | ตัวชี้วัด | คะแนน |
        |---|---|
        | การปฏิบัติหน้าที่ | 96.88 |

        | มาตรการ | ผู้รับผิดชอบ |
        |---|---|
        | ประชุม | สำนักปลัด |
        """
        #expect(segment(text).tables.map(\.rows.count) == [1, 1])
    }
}

@Suite struct HTMLTableTests {
    static let fixture = """
    ตารางมาตรการ
    <table border="1">
    <thead>
    <tr><th rowspan="2">มาตรการ</th><th colspan="2">ผลการวิเคราะห์</th>
    <th rowspan="2">ผู้รับผิดชอบ</th></tr>
    <tr><th>ตัวชี้วัด</th><th>ประเด็น</th></tr>
    </thead>
    <tr>
      <td><p>1. มาตรการ A</p>
      <p>2. มาตรการ B</p></td>
      <td>7</td>
      <td>ข้อ &amp; ประเด็น<br/>ต่อ</td>
      <td rowspan="2">สำนักปลัด</td>
    </tr>
    <tr><td></td><td>8</td><td>เพิ่มเติม</td></tr>
    </table>
    ย่อหน้าหลังตาราง
    """

    @Test func cellsOverSeveralLinesSpansAndHeader() throws {
        let blocks = segment(Self.fixture)
        #expect(blocks.count == 3, "\(blocks.map(\.summary))")
        #expect(blocks[0].paragraph?.first?.text == "ตารางมาตรการ")
        let table = try #require(blocks[1].table)
        #expect(table.form == .html)
        #expect(table.at.line == 2)
        #expect(table.headerRows == [["มาตรการ", "ผลการวิเคราะห์", "", "ผู้รับผิดชอบ"], ["", "ตัวชี้วัด", "ประเด็น", ""]])
        #expect(table.columns == ["มาตรการ", "ผลการวิเคราะห์ ตัวชี้วัด", "ผลการวิเคราะห์ ประเด็น", "ผู้รับผิดชอบ"])
        #expect(table.rows.count == 2)
        #expect(table.rows[0].at.line == 8)
        #expect(table.rows[0].cells == ["1. มาตรการ A 2. มาตรการ B", "7", "ข้อ & ประเด็น ต่อ", "สำนักปลัด"])
        // The rowspan cell is not filled down.
        #expect(table.rows[1].cells == ["", "8", "เพิ่มเติม", ""])
        #expect(table.rows[1].at.line == 15)
        #expect(blocks[2].paragraph?.first?.text == "ย่อหน้าหลังตาราง")
    }

    @Test func firstRowIsHeaderWithoutTh() throws {
        let text = """
        <table><tr><td>หัวข้อ</td><td>คะแนน</td></tr>
        <tr><td>การเปิดเผยข้อมูล</td><td>100.00</td></tr>
        <tr><td>หัวข้อ</td><td>คะแนน</td></tr>
        <tr><td>การป้องกันการทุจริต</td><td>93.75</td></tr></table>
        """
        let table = try #require(segment(text).tables.first)
        #expect(table.columns == ["หัวข้อ", "คะแนน"])
        #expect(table.rows.map(\.cells) == [["การเปิดเผยข้อมูล", "100.00"], ["การป้องกันการทุจริต", "93.75"]])
    }

    @Test func unclosedTableEndsAtBlankLine() throws {
        let text = """
        <tr><td>มาตรการ</td><td>ผู้รับผิดชอบ</td></tr>
        <tr><td>ประชุม
        ประจำเดือน</td><td>สำนักปลัด</td></tr>

        ข้อความต่อไป
        """
        let blocks = segment(text)
        #expect(blocks.count == 2)
        let table = try #require(blocks.first?.table)
        #expect(table.rows.map(\.cells) == [["ประชุม ประจำเดือน", "สำนักปลัด"]])
        #expect(blocks.last?.paragraph?.first?.at.line == 5)
    }
}

@Suite struct PageBreakTests {
    @Test func pageNumberBetweenRowsDoesNotEndTheTable() throws {
        let text = """
        มาตรการ\tผู้รับผิดชอบ
        ประชุม\tสำนักปลัด

        - 5 -

        มาตรการ\tผู้รับผิดชอบ
        อบรม\tกองคลัง
        12
        """
        let blocks = segment(text)
        #expect(blocks.count == 2, "\(blocks.map(\.summary))")
        #expect(blocks[0].table?.rows.map(\.at.line) == [2, 7])
        // A number after the table that no row follows stays text.
        #expect(blocks[1].paragraph?.first?.text == "12")
    }
}

@Suite struct HTMLCellLineTests {
    @Test func aCellBrokenByBrKeepsItsLinesAndRowspanLeavesTheCellBelowEmpty() throws {
        let text = """
        <table>
        <tr><th>มาตรการ</th><th>ขั้นตอน</th><th>การกำกับติดตาม</th></tr>
        <tr><td>มาตรการ ก</td><td>ประชุมชี้แจง<br>จัดทำคู่มือ</td><td rowspan="2">รายงานทุกเดือน</td></tr>
        <tr><td>มาตรการ ข</td><td>สำรวจความเห็น</td></tr>
        </table>
        """
        let table = try #require(segment(text).tables.first)
        #expect(table.rows.map(\.cells) == [["มาตรการ ก", "ประชุมชี้แจง จัดทำคู่มือ", "รายงานทุกเดือน"], ["มาตรการ ข", "สำรวจความเห็น", ""]])
        #expect(table.rows[0].lines(ofCell: 1) == ["ประชุมชี้แจง", "จัดทำคู่มือ"])
        #expect(table.rows[0].lines(ofCell: 0) == ["มาตรการ ก"])
        #expect(table.rows[1].lines(ofCell: 2) == [])
        #expect(table.rows[1].cellLines.isEmpty)
    }
}
