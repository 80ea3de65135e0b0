import Testing
@testable import Segmentation

@Suite struct MemoHeaderTests {
    static let memo = """
    043
    2566

    บันทึกข้อความ

    ส่วนราชการ สำนักปลัด เทศบาลตำบลนาแซง

    ที่ รอ 56101/ 77

    วันที่ 19 เมษายน 2566

    เรื่อง รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม

    ประจำปีงบประมาณ พ.ศ. 2566 (ตุลาคม 2565 - มีนาคม 2566)

    เรียน นายกเทศมนตรีตำบลนาแซง

    สิ่งที่ส่งมาด้วย แบบรายงานผล จำนวน 1 ชุด

    เรื่องเดิม

    ตามที่ เทศบาลตำบลนาแซง ได้ดำเนินการ
    ที่ผ่านมา

    เรื่อง ที่อยู่ในเนื้อหา
    """

    @Test func fieldsWithSubjectContinuationThenBody() throws {
        let blocks = segment(Self.memo)
        #expect(blocks[0].paragraph?.map(\.at.line) == [1, 2])
        #expect(blocks[1].memoTitle?.at.line == 4)
        let fields = blocks.headerFields
        #expect(fields.map(\.key) == [.department, .reference, .date, .subject, .addressee, .enclosures])
        #expect(fields.map(\.at.line) == [6, 8, 10, 12, 16, 18])
        #expect(fields[0].lines.map(\.text) == ["สำนักปลัด เทศบาลตำบลนาแซง"])
        #expect(fields[1].lines.map(\.text) == ["รอ 56101/ 77"])
        let subject = fields[3]
        #expect(subject.lines.map(\.text) == [
            "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม", "ประจำปีงบประมาณ พ.ศ. 2566 (ตุลาคม 2565 - มีนาคม 2566)",
        ])
        #expect(subject.lines.map(\.at.line) == [12, 14])
        #expect(fields[5].lines.map(\.text) == ["แบบรายงานผล จำนวน 1 ชุด"])
        // The body: เรื่องเดิม is a heading, not a subject; a เรื่อง line in the body is body text.
        let paragraphs = blocks.paragraphs.map { $0.map(\.at.line) }
        #expect(paragraphs == [[1, 2], [20], [22, 23], [25]])
    }

    @Test func noMemoTitleNoHeaderFields() {
        let text = """
        **รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม
        ประจำปีงบประมาณ พ.ศ.2567**

        เรื่อง การประเมิน ITA
        ที่ ผ่านมา
        เรียน ผู้บริหาร
        """
        let blocks = segment(text)
        #expect(blocks.headerFields.isEmpty)
        #expect(!blocks.contains { $0.memoTitle != nil })
        #expect(blocks.paragraphs.count == 2)
    }

    @Test func memoTitleDeepInsideIsNotAHeader() {
        var text = (1...20).map { "ย่อหน้าที่ \($0)\n" }.joined()
        text += "บันทึกข้อความ\nเรื่อง ทดสอบ\nเรียน นายก\n"
        let blocks = segment(text)
        #expect(blocks.headerFields.isEmpty)
    }

    @Test func referenceAndDateOnOneLineNumberedEnclosuresAndReferences() {
        let text = """
        บันทึกข้อความ
        ส่วนราชการ กองคลัง
        องค์การบริหารส่วนตำบลเว่อ
        ที่ กส 78901/123 วันที่ 4 มกราคม 2565
        เรื่อง: ขอส่งรายงาน
        เรียน นายกองค์การบริหารส่วนตำบล
        อ้างถึง หนังสือจังหวัด ที่ กส 0023/1
        สิ่งที่ส่งมาด้วย 1. รายงานผล จำนวน 1 ชุด
        2. แบบวิเคราะห์ จำนวน 1 ชุด
        3. ประกาศ จำนวน 1 ฉบับ
        1. ตามที่ได้รับแจ้ง
        """
        let blocks = segment(text)
        let fields = blocks.headerFields
        #expect(fields.map(\.key) == [.department, .reference, .date, .subject, .addressee, .references, .enclosures])
        #expect(fields[0].lines.map(\.text) == ["กองคลัง", "องค์การบริหารส่วนตำบลเว่อ"])
        #expect(fields[1].lines.map(\.text) == ["กส 78901/123"])
        #expect(fields[2].lines.map(\.text) == ["4 มกราคม 2565"])
        #expect(fields[2].at.line == 4)
        #expect(fields[3].lines.map(\.text) == ["ขอส่งรายงาน"])
        #expect(fields[5].lines.map(\.text) == ["หนังสือจังหวัด ที่ กส 0023/1"])
        #expect(fields[6].lines.map(\.text) == ["1. รายงานผล จำนวน 1 ชุด", "2. แบบวิเคราะห์ จำนวน 1 ชุด", "3. ประกาศ จำนวน 1 ฉบับ"])
        // "1." after item 3 is not item 4: the body.
        #expect(blocks.last?.paragraph?.first?.at.line == 11)
    }

    @Test func keywordAloneOnItsLineWithItemsBelow() {
        let text = """
        บันทึกข้อความ
        เรื่อง รายงาน
        เรียน ปลัด
        สิ่งที่ส่งมาด้วย
        (1) แบบรายงาน
        (2) ประกาศ
        ตามที่
        """
        let fields = segment(text).headerFields
        #expect(fields.last?.key == .enclosures)
        #expect(fields.last?.lines.map(\.text) == ["(1) แบบรายงาน", "(2) ประกาศ"])
    }

    @Test func headerWithoutTitleLineStartsAtDepartment() {
        let text = """
        ส่วนราชการ สำนักปลัด
        ที่ พท 56501/732
        วันที่ 24 พฤศจิกายน 2568
        เรื่อง รายงานผล
        เรียน นายก
        ตามที่
        """
        let blocks = segment(text)
        #expect(blocks.headerFields.map(\.key) == [.department, .reference, .date, .subject, .addressee])
        #expect(blocks.last?.paragraph?.first?.at.line == 6)
    }

    @Test func strayLineBeforeTheNextKeywordIsAParagraph() {
        let text = """
        บันทึกข้อความ
        ที่ รอ 1/2
        043
        วันที่ 1 มกราคม 2566
        เรื่อง ทดสอบ
        เรียน นายก
        """
        let blocks = segment(text)
        #expect(blocks.headerFields.map(\.key) == [.reference, .date, .subject, .addressee])
        #expect(blocks.paragraphs.map { $0.map(\.text) } == [["043"]])
    }
}

@Suite struct TabLayoutTests {
    /// Word-processor exports put tabs between a header keyword and its value and indent
    /// signature lines with tabs.
    @Test func tabsInHeaderLinesAndIndentedSignatures() {
        let text = """
        \t\tบันทึกข้อความ
        ส่วนราชการ\tสำนักปลัด
        ที่\tรอ 56101/77\tวันที่\t19 เมษายน 2566
        เรื่อง\tรายงานผล
        เรียน\tนายก

        ตามที่ได้ดำเนินการ

        \t\t\t(ลงชื่อ)
        \t\t\t(นายสมชาย ใจดี)
        \t\t\tปลัดเทศบาล
        """
        let blocks = segment(text)
        let fields = blocks.headerFields
        #expect(fields.map(\.key) == [.department, .reference, .date, .subject, .addressee], "\(blocks.map(\.summary))")
        #expect(fields.map { $0.lines.map(\.text) } == [["สำนักปลัด"], ["รอ 56101/77"], ["19 เมษายน 2566"], ["รายงานผล"], ["นายก"]])
        #expect(blocks.tables.isEmpty)
        #expect(blocks.signatures.first?.lines.map(\.at.line) == [9, 10, 11])
    }
}

@Suite struct RuleLineTests {
    /// A dashed or dotted rule drawn between the subject and เรียน belongs to no field.
    @Test func aRuleUnderTheSubjectIsNotPartOfIt() {
        let text = """
        บันทึกข้อความ
        ส่วนราชการ  กองคลัง
        ที่  ลพ 52001/9                วันที่  2 มีนาคม 2567
        เรื่อง  รายงานผลการประเมิน ITA
                ประจำปีงบประมาณ พ.ศ. 2567
        ------------------------------------------
        เรียน  นายกเทศมนตรี
        ..........................................

        ตามที่ได้ดำเนินการ
        """
        let blocks = segment(text)
        let fields = blocks.headerFields
        #expect(fields.map(\.key) == [.department, .reference, .date, .subject, .addressee])
        #expect(fields[3].lines.map(\.text) == ["รายงานผลการประเมิน ITA", "ประจำปีงบประมาณ พ.ศ. 2567"])
        #expect(!blocks.paragraphs.flatMap { $0 }.contains { $0.text.contains("---") })
    }

    @Test func ruleLinesAreDrawnWithRuleCharactersOnly() {
        #expect(RuleLine.matches("......"))
        #expect(RuleLine.matches("- - - - -"))
        #expect(RuleLine.matches("………………"))
        #expect(!RuleLine.matches("--"))
        #expect(!RuleLine.matches("- ข้อ 1"))
    }
}

@Suite struct HeaderWordTests {
    /// Every header field has its word in the genre's table, and วันที่ is tried before its tail ที่.
    @Test func everyFieldHasItsWordAndวันที่ComesBeforeที่() throws {
        let keys = LineBytes.headerKeywords.map(\.0)
        #expect(Set(keys.map(\.rawValue)) == ["department", "reference", "date", "subject", "addressee", "enclosures", "references"])
        #expect(keys.count == 7)
        let date = try #require(keys.firstIndex(of: .date))
        let reference = try #require(keys.firstIndex(of: .reference))
        #expect(date < reference)
    }
}
