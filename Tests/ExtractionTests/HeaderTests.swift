import Normalization
import RecordModel
import Segmentation
import Testing

@testable import Extraction

func extract(_ text: String) -> Extraction {
    let lines = Normalizer().normalize(text)
    return Extractor().extract(lines: lines, blocks: Segmenter().segment(lines))
}

@Suite struct MemoHeaderTests {
    static let memo = """
        บันทึกข้อความ

        ส่วนราชการ กองคลัง เทศบาลเมืองบ้านสวน

        ที่ ชบ ๕๒๐๐๑ / ๑๒๓

        วันที่  ๓ มีนาคม  ๒๕๖๗

        เรื่อง รายงานผลการวิเคราะห์การประเมิน ITA

        ประจำปีงบประมาณ พ.ศ. ๒๕๖๗

        เรียน นายกเทศมนตรีเมืองบ้านสวน

        อ้างถึง หนังสือจังหวัดชลบุรี ที่ ชบ 0023/ว 11

        สิ่งที่ส่งมาด้วย ๑. รายงานผล จำนวน ๑ ชุด
        ๒. แผนปฏิบัติการ จำนวน ๑ ชุด

        ตามที่ เทศบาลเมืองบ้านสวน อำเภอเมืองชลบุรี จังหวัดชลบุรี ได้ดำเนินการ
        """

    @Test func theTelephoneNumberOnTheDepartmentLineIsNotPartOfIt() throws {
        let text = """
            บันทึกข้อความ
            ส่วนราชการ  กองคลัง  เทศบาลเมืองบ้านสวน  โทร. ๐ ๓๘๒๗ ๔๐๐๐
            ที่  ชบ ๕๒๐๐๑/๑๒๓                        วันที่   ๓  มีนาคม  ๒๕๖๗
            เรื่อง  รายงานผลการวิเคราะห์การประเมิน ITA
            """
        let memo = try #require(extract(text).memo)
        #expect(memo.department == "กองคลัง เทศบาลเมืองบ้านสวน")
        #expect(memo.reference == "ชบ 52001/123")
        #expect(memo.date?.iso == "2024-03-03")
    }

    @Test func everyFieldIsRead() throws {
        let result = extract(Self.memo)
        let memo = try #require(result.memo)
        #expect(memo.department == "กองคลัง เทศบาลเมืองบ้านสวน")
        #expect(memo.reference == "ชบ 52001/123")
        #expect(memo.date == MemoDate(text: "3 มีนาคม 2567", iso: "2024-03-03", precision: .day))
        #expect(memo.subject == "รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567")
        #expect(memo.addressee == "นายกเทศมนตรีเมืองบ้านสวน")
        #expect(memo.references == ["หนังสือจังหวัดชลบุรี ที่ ชบ 0023/ว 11"])
        #expect(memo.enclosures == ["รายงานผล จำนวน 1 ชุด", "แผนปฏิบัติการ จำนวน 1 ชุด"])
        #expect(result.document.kind == .memo)
        #expect(result.document.title == memo.subject)
        #expect(result.document.fiscalYearBE == 2567)
        #expect(result.document.organization == Organization(
            name: "เทศบาลเมืองบ้านสวน", type: "เทศบาลเมือง", district: "เมืองชลบุรี", province: "ชลบุรี"))
    }

    @Test func aMonthOnlyDateHasMonthPrecision() throws {
        let text = "บันทึกข้อความ\nส่วนราชการ สำนักปลัด อบต.หนองบัว\nที่ กส 78901 /\nวันที่ มกราคม ๒๕๖๕\nเรื่อง รายงานผล\nเรียน นายก"
        let memo = try #require(extract(text).memo)
        #expect(memo.reference == "กส 78901/")
        #expect(memo.date == MemoDate(text: "มกราคม 2565", iso: "2022-01", precision: .month))
        // Named only by its abbreviation: the name keeps it.
        #expect(extract(text).document.organization.name == "อบต.หนองบัว")
        #expect(extract(text).document.fiscalYearBE == nil)
    }

    @Test func anImpossibleDateKeepsItsTextButNoISO() throws {
        let text = "บันทึกข้อความ\nส่วนราชการ กองช่าง\nที่ ลป 1/2\nวันที่ ๓๑ กุมภาพันธ์ ๒๕๖๖\nเรื่อง ทดสอบ"
        let memo = try #require(extract(text).memo)
        #expect(memo.date == nil)
    }
}

@Suite struct ReportTests {
    @Test func aReportHasNoMemoAndItsTitleIsTheFirstHeading() {
        let text = """


            **รายงานผลการดำเนินการขององค์การบริหารส่วนตำบลดอนแก้ว
            ประจำปีงบประมาณ พ.ศ.๒๕๖๗**

            องค์การบริหารส่วนตำบลดอนแก้ว ได้ดำเนินการตามมาตรการ
            """
        let result = extract(text)
        #expect(result.memo == nil)
        #expect(result.document.kind == .report)
        #expect(result.document.title == "รายงานผลการดำเนินการขององค์การบริหารส่วนตำบลดอนแก้ว ประจำปีงบประมาณ พ.ศ.2567")
        #expect(result.document.fiscalYearBE == 2567)
        #expect(result.document.organization == Organization(
            name: "องค์การบริหารส่วนตำบลดอนแก้ว", type: "องค์การบริหารส่วนตำบล", district: nil, province: nil))
    }

    @Test func aStrayMentionOfAnotherOrganisationDoesNotWin() {
        let text = """
            แผนปฏิบัติการ ประจำปี พ.ศ.2568
            องค์การบริหารส่วนจังหวัดน่าน

            องค์การบริหารส่วนจังหวัดน่านได้วิเคราะห์ผลการประเมิน

            ข้อจำกัดขององค์การบริหารส่วนตำบลวัดจันทร์ อำเภอเมือง จังหวัดพิษณุโลก คือ งบประมาณ

            ดังนั้น องค์การบริหารส่วนจังหวัดน่านควรปรับปรุง
            """
        let org = extract(text).document.organization
        #expect(org.name == "องค์การบริหารส่วนจังหวัดน่าน")
        #expect(org.type == "องค์การบริหารส่วนจังหวัด")
        // The province is never read from the name.
        #expect(org.province == nil)
    }

    @Test func aDocumentThatNamesNoOrganisationHasNulls() {
        let org = extract("รายงานผลการประเมิน\n\nไม่มีชื่อหน่วยงาน").document.organization
        #expect(org == Organization())
    }
}

@Suite struct SmallParserTests {
    @Test func referenceSpacing() {
        #expect(Extractor.reference("รอ 56101/ 77") == "รอ 56101/77")
        #expect(Extractor.reference("กส 78901 /") == "กส 78901/")
        #expect(Extractor.reference("ชบ 0023/ว 11") == "ชบ 0023/ว 11")
    }

    @Test func fiscalYears() {
        #expect(FiscalYear.find("มาตรการ ประจำปี พ.ศ.2567 องค์การ") == 2567)
        #expect(FiscalYear.find("รายงาน ประจำปีงบประมาณ พ.ศ. 2566 (ตุลาคม 2565 - มีนาคม 2566)") == 2566)
        #expect(FiscalYear.find("แผน ปีงบประมาณ 2568") == 2568)
        #expect(FiscalYear.find("รายงานผลการดำเนินการ") == nil)
    }

    @Test func thaiDates() {
        let reader = ThaiDateReader()
        #expect(reader.read("19 เมษายน 2566") == .init(iso: "2023-04-19", precision: .day))
        #expect(reader.read("วันที่ 1 ตุลาคม พ.ศ. 2566") == .init(iso: "2023-10-01", precision: .day))
        #expect(reader.read("มกราคม 2565") == .init(iso: "2022-01", precision: .month))
        #expect(reader.read("2566") == .init(iso: "2023", precision: .year))
        #expect(reader.read("31 กุมภาพันธ์ 2566") == nil)
        #expect(reader.read("19 April 2023") == nil)
    }

    @Test func listMarkers() {
        #expect(ListMarker.strip("1. รายงาน") == "รายงาน")
        #expect(ListMarker.strip("(2) แผน") == "แผน")
        #expect(ListMarker.strip("- ข้อ") == "ข้อ")
        #expect(ListMarker.strip("1.5 ล้านบาท") == "1.5 ล้านบาท")
    }
}
