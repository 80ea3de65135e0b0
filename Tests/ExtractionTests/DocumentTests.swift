import RecordModel
import Testing

@testable import Extraction

@Suite struct DocumentTests {
    static let memo = """
        บันทึกข้อความ

        ส่วนราชการ สำนักปลัด อบต.หนองแวง

        ที่ ขก ๗๑๒๐๑/๕๕

        วันที่ ๑๐ ตุลาคม ๒๕๖๖

        เรื่อง รายงานผลการวิเคราะห์การประเมิน ITA

        เรียน นายกองค์การบริหารส่วนตำบลหนองแวง

        ตามที่ องค์การบริหารส่วนตำบลหนองแวง อำเภอพระยืน จังหวัดขอนแก่น ได้รับผลการประเมินประจำปีงบประมาณ พ.ศ. ๒๕๖๖ แล้ว นั้น

        ทั้งนี้ ได้ศึกษาแนวทางของเทศบาลตำบลบ้านเป็ด อำเภอเมืองขอนแก่น จังหวัดขอนแก่น เป็นตัวอย่าง

        ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ อบต.หนองแวง จะดำเนินการต่อไป
        """

    @Test func theHeadersOrganisationWinsOverAStrayMentionAndItsPlaceComesAfterIt() {
        let result = extract(Self.memo)
        #expect(result.document.kind == .memo)
        #expect(result.document.organization == Organization(
            name: "องค์การบริหารส่วนตำบลหนองแวง", type: "องค์การบริหารส่วนตำบล", district: "พระยืน", province: "ขอนแก่น"))
        // The other organisation is worth a look (a paragraph copied from its document, or a model to follow).
        let mismatch = result.issues.filter { $0.code == "organization_mismatch" }
        #expect(mismatch.map(\.path) == ["/document/organization/name"])
        #expect(mismatch.first?.message.hasPrefix("Line 15 also names เทศบาลตำบลบ้านเป็ด") == true)
    }

    @Test func theFiscalYearComesOnlyFromTheSubject() {
        // The body names 2566 and 2567; the subject names none.
        #expect(extract(Self.memo).document.fiscalYearBE == nil)
        let withYear = Self.memo.replacingOccurrences(
            of: "เรื่อง รายงานผลการวิเคราะห์การประเมิน ITA", with: "เรื่อง รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
        #expect(extract(withYear).document.fiscalYearBE == 2568)
    }

    @Test func anAbbreviatedNameKeepsItsAbbreviationAndTakesThePlaceWrittenAfterIt() {
        let text = """
            รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม ทต.บ้านใหม่

            ทต.บ้านใหม่ อ.เมือง จ.ลำพูน ได้ดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗
            """
        let result = extract(text)
        #expect(result.document.kind == .report)
        #expect(result.memo == nil)
        #expect(result.document.organization == Organization(
            name: "ทต.บ้านใหม่", type: "เทศบาลตำบล", district: "เมือง", province: "ลำพูน"))
        #expect(!result.issues.contains { $0.code == "organization_mismatch" })
        // The title names no year; the body's is not the document's.
        #expect(result.document.fiscalYearBE == nil)
    }

    @Test func aProvincialAdministrationsProvinceIsNotReadFromItsName() {
        let text = "แผนปฏิบัติการป้องกันการทุจริต อบจ.สกลนคร\n\nอบจ.สกลนคร ได้จัดทำแผน\n"
        #expect(extract(text).document.organization == Organization(
            name: "อบจ.สกลนคร", type: "องค์การบริหารส่วนจังหวัด", district: nil, province: nil))
    }

    @Test func aStrayOrganisationMentionedOftenInTheBodyStillLoses() {
        let text = """
            บันทึกข้อความ
            ส่วนราชการ กองยุทธศาสตร์ เทศบาลเมืองท่าข้าม
            ที่ สฎ ๕๒๑๐๓/๑๐
            วันที่ ๕ มกราคม ๒๕๖๗
            เรื่อง รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ ๒๕๖๗
            เรียน นายกเทศมนตรีเมืองท่าข้าม

            ตัวอย่างจากเทศบาลนครสุราษฎร์ธานี อำเภอเมืองสุราษฎร์ธานี จังหวัดสุราษฎร์ธานี
            เทศบาลนครสุราษฎร์ธานีได้คะแนน
            เทศบาลนครสุราษฎร์ธานี อำเภอเมืองสุราษฎร์ธานี ได้เผยแพร่
            """
        let result = extract(text)
        // The places written after the other organisation are its own, not this one's.
        #expect(result.document.organization == Organization(
            name: "เทศบาลเมืองท่าข้าม", type: "เทศบาลเมือง", district: nil, province: nil))
        #expect(result.document.fiscalYearBE == 2567)
        let withAddress = text + "\n\nที่ตั้งสำนักงาน อำเภอพุนพิน จังหวัดสุราษฎร์ธานี"
        #expect(extract(withAddress).document.organization == Organization(
            name: "เทศบาลเมืองท่าข้าม", type: "เทศบาลเมือง", district: "พุนพิน", province: "สุราษฎร์ธานี"))
    }
}
