import Testing
@testable import Segmentation

@Suite struct SignatureTests {
    @Test func signMarkWithRankAndPositionOverTwoLines() throws {
        let text = """
        จึงเรียนมาเพื่อโปรดทราบ

        (ลงชื่อ) สิบเอก

        (ศุภชัย โสภานไฮ)

        ตำแหน่ง นักทรัพยากรบุคคล ปฏิบัติราชการแทน
        นักวิเคราะห์นโยบายและแผน

        (ลงชื่อ)
        (นางธนรินทร์ รุ่งรัศมีจันทร์)
        หัวหน้าสำนักปลัด
        """
        let blocks = segment(text)
        #expect(blocks.count == 3, "\(blocks.map(\.summary))")
        let signatures = blocks.signatures
        #expect(signatures.map(\.at.line) == [3, 10])
        #expect(signatures[0].lines.map(\.text) == [
            "(ลงชื่อ) สิบเอก", "(ศุภชัย โสภานไฮ)", "ตำแหน่ง นักทรัพยากรบุคคล ปฏิบัติราชการแทน", "นักวิเคราะห์นโยบายและแผน",
        ])
        #expect(signatures[1].lines.map(\.at.line) == [10, 11, 12])
    }

    @Test func actingForContinuedAfterBlankLine() throws {
        let text = """
        (ลงชื่อ)
        (นายสมชาย ใจดี)
        ตำแหน่ง นักวิเคราะห์นโยบายและแผน ปฏิบัติราชการแทน

        ปลัดองค์การบริหารส่วนตำบล

        ข้อความถัดไป ยาวกว่าหนึ่งบรรทัด
        ต่อเนื่อง
        """
        let blocks = segment(text)
        #expect(blocks.signatures.first?.lines.map(\.at.line) == [1, 2, 3, 5])
        #expect(blocks.last?.paragraph?.map(\.at.line) == [7, 8])
    }

    @Test func nameOnlyBlocksAfterCommentLines() throws {
        let text = """
        จึงเรียนมาเพื่อทราบและดำเนินการต่อไป

        (นายชัยบัณฑิต อุ่นฤทธิ์)
        นิติกร

        ความเห็นของหัวหน้าสำนักปลัด.....

        (นายพนพล สาระฆัง)
        หัวหน้าสำนักปลัด

        ความเห็น.....



        (ศุภชัย โสภานไฮ)
        ปลัดเทศบาล
        """
        let blocks = segment(text)
        let signatures = blocks.signatures
        #expect(signatures.map(\.at.line) == [3, 8, 15], "\(blocks.map(\.summary))")
        #expect(signatures.map { $0.lines.count } == [2, 2, 2])
        // The comment lines stay paragraphs.
        #expect(blocks.paragraphs.map { $0[0].at.line } == [1, 6, 11])
    }

    @Test func parenthesizedPositionAndPositionAfterBlankLine() throws {
        let text = """
        (ลงชื่อ)

        (นางวรรณีย์ สำนานาว)

        (นักจัดการงานทั่วไปชำนาญการ)

        ความเห็น

        (ลงชื่อ) จ่าเอก

        (สมพงษ์ ศักดิ์แสง)

        ปลัดเทศบาลตำบลนาแซง

        รายงานการประเมินผล
        """
        let blocks = segment(text)
        let signatures = blocks.signatures
        #expect(signatures.map(\.at.line) == [1, 9])
        #expect(signatures[0].lines.map(\.text) == ["(ลงชื่อ)", "(นางวรรณีย์ สำนานาว)", "(นักจัดการงานทั่วไปชำนาญการ)"])
        #expect(signatures[1].lines.map(\.at.line) == [9, 11, 13])
        #expect(blocks.paragraphs.map { $0[0].at.line } == [7, 15])
    }

    @Test func positionDirectlyUnderNameEndsTheBlock() {
        let text = """
        (ลงชื่อ)
        (นายสรวิทย์ พูลเพิ่ม)
        นายกเทศมนตรีตำบลนาแซง

        รายงานการประเมินผลการประเมินคุณธรรม
        ในการดำเนินการของหน่วยงานภาครัฐ
        """
        let blocks = segment(text)
        #expect(blocks.signatures.first?.lines.map(\.at.line) == [1, 2, 3])
        #expect(blocks.last?.paragraph?.map(\.at.line) == [5, 6])
    }

    @Test func closingWithoutPersonAndParenthesizedPhrasesAreNotSignatures() {
        let text = """
        ในการนี้ หวังว่ารายงานฉบับนี้จะเป็นประโยชน์

        เทศบาลตำบลนาแซง

        เมษายน 2566

        (ตุลาคม 2565 - มีนาคม 2566)

        (หัวหน้าสำนักปลัด)

        (ข้อมูลมาจากระบบ ITAS)
        """
        let blocks = segment(text)
        #expect(blocks.signatures.isEmpty, "\(blocks.map(\.summary))")
        #expect(blocks.paragraphs.count == 6)
    }
}

@Suite struct SignatureVariantTests {
    @Test func nameWithoutParenthesesAfterSignMarkAndRankOnItsOwnLine() {
        let text = """
        (ลงชื่อ)
        นายสมชาย ใจดี
        ผู้อำนวยการกองคลัง

        (ลงชื่อ)

        สิบเอก

        (ศุภชัย โสภานไฮ)
        นักทรัพยากรบุคคล

        ลงชื่อ..........................(นางสาวสมหญิง ดีมาก)
        หัวหน้าสำนักปลัด
        """
        let signatures = segment(text).signatures
        #expect(signatures.map { $0.lines.map(\.at.line) } == [[1, 2, 3], [5, 7, 9, 10], [12, 13]])
    }
}

@Suite struct SignatureLayoutTests {
    @Test func blocksSideBySideAreCutIntoOneBlockEachLeftFirstSharingTheSignLine() throws {
        // The normalizer has closed the wide gaps between the columns up to one space.
        let text = """
        จึงเรียนมาเพื่อโปรดพิจารณา

        (ลงชื่อ) (ลงชื่อ) จ่าเอก
        (นางวันเพ็ญ ศรีทอง) (สมปอง คงดี)
        ผู้อำนวยการกองคลัง รองปลัดเทศบาล ปฏิบัติราชการแทน ปลัดเทศบาลตำบลหนองบัว

        ข้อความถัดไป
        """
        let blocks = segment(text)
        let signatures = blocks.signatures
        try #require(signatures.count == 2, "\(blocks.map(\.summary))")
        #expect(signatures.map(\.at.line) == [3, 3])
        #expect(signatures[0].lines.map(\.text) == ["(ลงชื่อ)", "(นางวันเพ็ญ ศรีทอง)", "ผู้อำนวยการกองคลัง"])
        #expect(signatures[1].lines.map(\.text) == [
            "(ลงชื่อ) จ่าเอก", "(สมปอง คงดี)", "รองปลัดเทศบาล ปฏิบัติราชการแทน ปลัดเทศบาลตำบลหนองบัว",
        ])
        #expect(signatures[1].lines.map(\.at.line) == [3, 4, 5])
        #expect(blocks.last?.paragraph?.first?.text == "ข้อความถัดไป")
    }

    @Test func namesSideBySideWithoutSignMarks() throws {
        let text = """
        (นายอนันต์ ใจเย็น) (นางสาวมยุรี ทองดี)
        นิติกรชำนาญการ หัวหน้าสำนักปลัด
        """
        let signatures = segment(text).signatures
        #expect(signatures.map(\.at.line) == [1, 1])
        #expect(signatures.map { $0.lines.map(\.text) } == [
            ["(นายอนันต์ ใจเย็น)", "นิติกรชำนาญการ"], ["(นางสาวมยุรี ทองดี)", "หัวหน้าสำนักปลัด"],
        ])
    }

    @Test func aClosingBlockInsideOneHTMLParagraph() throws {
        let text = """
        <p>ประกาศ ณ วันที่ 3 พฤษภาคม 2567</p>

        <p align="center">(นางสาวปราณี แสงทอง)<br/>นายกองค์การบริหารส่วนตำบลห้วยทราย</p>
        """
        let blocks = segment(text)
        let signature = try #require(blocks.signatures.first, "\(blocks.map(\.summary))")
        #expect(signature.lines.map(\.text) == ["(นางสาวปราณี แสงทอง)", "นายกองค์การบริหารส่วนตำบลห้วยทราย"])
        #expect(signature.lines.map(\.at.line) == [3, 3])
        #expect(blocks.paragraphs.count == 1)
    }

    @Test func anHTMLParagraphWithoutANameIsNoSignature() {
        let text = """
        <p>(ดูรายละเอียดเพิ่มเติม)<br>ที่เว็บไซต์ของหน่วยงาน</p>
        """
        #expect(segment(text).signatures.isEmpty)
    }

    @Test func roleLabelsLeadTheNextBlockAndAreNoPositionOfTheOneAbove() throws {
        let text = """
        ผู้จัดทำ
        (สมใจ รักงาน)

        ผู้ตรวจสอบ

        (ผู้ช่วยศาสตราจารย์ ดร.ปกรณ์ มีชัย)
        ผู้อำนวยการสำนักงานตรวจสอบภายใน
        """
        let blocks = segment(text)
        let signatures = blocks.signatures
        // The role label after the first name is no position of it; the academic honorific (ผู้ช่วย…) does
        // not make the second name a position.
        #expect(signatures.map { $0.lines.map(\.at.line) } == [[2], [6, 7]], "\(blocks.map(\.summary))")
    }
}
