import RecordModel
import Testing

@testable import Extraction

/// Which organisation a document is about, one way the genre names it a test.
@Suite struct OrganizationTests {
    private func organization(_ text: String) -> Organization { extract(text).document.organization }

    @Test func aUniversity() {
        let text = """
            ผลการประเมิน ITA ของมหาวิทยาลัยเทคโนโลยีริมโขง ประจำปีงบประมาณ พ.ศ. 2567

            มหาวิทยาลัยเทคโนโลยีริมโขง ได้คะแนน 92.00 คะแนน จากสำนักงาน ป.ป.ช.
            """
        #expect(organization(text) == Organization(name: "มหาวิทยาลัยเทคโนโลยีริมโขง", type: nil, district: nil, province: nil))
    }

    @Test func aHospitalWithItsPlace() {
        let text = """
            โรงพยาบาลบ้านโคกสูง ผ่านการประเมิน ITA

            โรงพยาบาลบ้านโคกสูง อำเภอสีคิ้ว จังหวัดนครราชสีมา ได้ 90.10 คะแนน ตามเกณฑ์ของกระทรวงสาธารณสุข
            """
        #expect(organization(text) == Organization(
            name: "โรงพยาบาลบ้านโคกสูง", type: nil, district: "สีคิ้ว", province: "นครราชสีมา"))
    }

    @Test(arguments: [
        ("จังหวัดกาญจนบุรีที่ได้รับผลการประเมิน", "กาญจนบุรี"),
        ("จังหวัดนครราชสีมามีผลคะแนนรวม", "นครราชสีมา"),
        ("จังหวัดเลย ได้รับผลการประเมิน", "เลย"),
    ])
    func aProvinceGluedToTheWordsAfterItIsCutBackToTheProvince(_ place: (String, String)) {
        let text = "ขอแสดงความยินดีกับเทศบาลเมืองบ่อทองคำ อำเภอบ่อพลอย \(place.0) ITA ประจำปี 2567 ได้ 93.15 คะแนน"
        #expect(organization(text).province == place.1)
    }

    @Test func aNameThatStartsWithNoProvinceIsKeptAsWritten() {
        #expect(OrganizationFinder.province("นครราชสีมา") == "นครราชสีมา")
        #expect(OrganizationFinder.province("โคราช") == "โคราช")
    }

    @Test func aDepartmentGluedToTheWordsAroundIt() {
        let text = """
            กรมพัฒนาฝีมือชุมชน ผ่านเกณฑ์ ITA

            ผลปรากฏว่ากรมพัฒนาฝีมือชุมชนมีคะแนนเฉลี่ย 88.00 คะแนน เป็นลำดับที่ 3 ของกระทรวงแรงงาน
            """
        #expect(organization(text).name == "กรมพัฒนาฝีมือชุมชน")
        #expect(organization(text).type == nil)
    }

    @Test func aStateEnterpriseNamedByItsGlossedAbbreviationInTheHeadline() {
        // The headline abbreviates; the full name comes from the body, without its gloss.
        let text = """
            กปภ.ต. คว้ารางวัล ITA 2567

            การประปาภูมิภาคตะวันออก (กปภ.ต.) ได้ 96.00 คะแนน โดย กปภ.ต. ได้คะแนนเต็มด้าน OIT

            ผู้ว่าการ กปภ.ต. กล่าวขอบคุณพนักงาน
            """
        #expect(organization(text) == Organization(name: "การประปาภูมิภาคตะวันออก", type: nil, district: nil, province: nil))
    }

    @Test func aPublicOrganisationKeepsองค์การมหาชน() {
        let text = """
            สำนักงานส่งเสริมเศรษฐกิจชุมชน (องค์การมหาชน) ได้รับผลการประเมิน ITA ปีงบประมาณ 2566

            สำนักงานส่งเสริมเศรษฐกิจชุมชน (องค์การมหาชน) หรือ สศช. ได้ 91.00 คะแนน
            """
        #expect(organization(text).name == "สำนักงานส่งเสริมเศรษฐกิจชุมชน (องค์การมหาชน)")
    }

    @Test func anAbbreviationIntroducedByหรือCountsForTheFullName() {
        // The university is named in full once, then by its abbreviation; the hospital twice in full.
        let text = """
            ข่าวประชาสัมพันธ์

            มหาวิทยาลัยราชภัฏริมน้ำ หรือ มรร. ได้รับผล ITA จากสำนักงาน ป.ป.ช. ที่โรงพยาบาลศูนย์ริมน้ำ

            มรร. ได้ 92.00 คะแนน และ มรร. ขอบคุณ โรงพยาบาลศูนย์ริมน้ำ
            """
        #expect(organization(text).name == "มหาวิทยาลัยราชภัฏริมน้ำ")
    }

    @Test func aUnitOfTheOrganisationIsNotAnAgency() {
        let text = """
            บันทึกข้อความ
            ส่วนราชการ สำนักงานปลัด เทศบาลตำบลป่าแดง
            ที่ ลป 1/2
            วันที่ 1 มีนาคม 2567
            เรื่อง รายงานผล
            เรียน นายกเทศมนตรีตำบลป่าแดง
            """
        #expect(organization(text).name == "เทศบาลตำบลป่าแดง")
    }

    @Test func theOfficeOfALocalAdministrationIsThatAdministration() {
        let text = """
            ประกาศสำนักงานเทศบาลตำบลดอนตูม เรื่อง ผลการประเมิน ITA

            สำนักงานเทศบาลตำบลดอนตูม ขอประกาศผล
            """
        #expect(organization(text) == Organization(name: "เทศบาลตำบลดอนตูม", type: "เทศบาลตำบล", district: nil, province: nil))
    }

    @Test func anAbbreviationKeepsTheSpaceWrittenAfterIt() {
        #expect(organization("อบต. หนองหญ้าปล้อง แจ้งผล ITA\n").name == "อบต. หนองหญ้าปล้อง")
    }

    @Test func aTypeUsedGenericallyIsNoOtherOrganisation() {
        let text = """
            ผลการประเมิน ITA ของเทศบาลนครสองแคว

            เทศบาลนครสองแคว ได้ 95.00 คะแนน สูงกว่าค่าเฉลี่ยของเทศบาลนครทั่วประเทศ และเป็น 1 ในเทศบาลนครเพียง 5 แห่ง

            เทศบาลนครทั้ง 30 แห่ง ได้รับแจ้งผลแล้ว
            """
        let result = extract(text)
        #expect(result.document.organization.name == "เทศบาลนครสองแคว")
        #expect(!result.issues.contains { $0.code == "organization_mismatch" })
    }

    @Test func theAssessorIsNeverTheOrganisation() {
        let text = """
            สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ ประกาศผลการประเมิน

            สำนักงาน ป.ป.ช. ได้ประกาศผล โดยเทศบาลนครสองแคว ได้ 97.00 คะแนน
            """
        #expect(organization(text).name == "เทศบาลนครสองแคว")
    }

    @Test func aNameGivenOnlyAsAnAbbreviationKeepsItAndItsTypeIsReadFromIt() {
        let text = """
            ทม.บ้านสวน แจ้งผล ITA ปี 66

            ทม.บ้านสวน อ.เมือง จ.ชลบุรี ได้ 90.00 คะแนน
            """
        #expect(organization(text) == Organization(name: "ทม.บ้านสวน", type: "เทศบาลเมือง", district: "เมือง", province: "ชลบุรี"))
    }

    @Test func theFullNameWinsOverTheHeadlinesAbbreviation() {
        let text = """
            ทน.ตัวอย่าง ครองอันดับ 1 ITA

            ในกลุ่มเทศบาลนคร เทศบาลนครตัวอย่าง ได้คะแนนสูงสุด
            """
        #expect(organization(text).name == "เทศบาลนครตัวอย่าง")
    }

    @Test func anAbbreviationInsertedInTheNameGivesWayToTheCleanMention() {
        let text = """
            อบจ.ตัวอย่าง รับโล่ ITA

            องค์การบริหารส่วนจังหวัด (อบจ.) ตัวอย่าง เข้ารับโล่

            ปีนี้องค์การบริหารส่วนจังหวัดตัวอย่างได้ 97.00 คะแนน
            """
        #expect(organization(text) == Organization(
            name: "องค์การบริหารส่วนจังหวัดตัวอย่าง", type: "องค์การบริหารส่วนจังหวัด", district: nil, province: nil))
    }

    @Test func aNameWithAnInsertedAbbreviationIsStillTheNameInFull() {
        let text = """
            อบจ.ตัวอย่าง รับโล่ ITA

            องค์การบริหารส่วนจังหวัด (อบจ.) ตัวอย่าง เข้ารับโล่
            """
        #expect(organization(text).name == "องค์การบริหารส่วนจังหวัดตัวอย่าง")
    }

    @Test func aProvinceIsNotReadFromTheName() {
        let text = """
            รายงานผลการประเมิน ITA องค์การบริหารส่วนจังหวัดแพร่

            องค์การบริหารส่วนจังหวัดแพร่ ได้ 94.00 คะแนน
            """
        #expect(organization(text).province == nil)
    }

    @Test func aCeremonyVenueIsNeitherTheOrganisationNorItsPlace() {
        let text = """
            ขอแสดงความยินดีกับเทศบาลตำบลหัวหิน ที่เข้ารับโล่ ITA ณ ห้องประชุมโรงแรมริมน้ำ อำเภอปากเกร็ด จังหวัดนนทบุรี

            การประชุมวิชาการครั้งต่อไปจะจัด ณ มหาวิทยาลัยตัวอย่าง ในเดือนมีนาคม

            ผู้ได้รับรางวัลพบกันอีกครั้ง ณ มหาวิทยาลัยตัวอย่าง อาคารหนึ่ง
            """
        #expect(organization(text) == Organization(name: "เทศบาลตำบลหัวหิน", type: "เทศบาลตำบล", district: nil, province: nil))
    }

    @Test func aVenueRightAfterTheOrganisationDoesNotGiveItsPlace() {
        let text = """
            เทศบาลตำบลนาจาน ร่วมพิธี ณ โรงแรมริมบึง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น

            เทศบาลตำบลนาจาน อำเภอชนบท ได้รับโล่
            """
        #expect(organization(text) == Organization(name: "เทศบาลตำบลนาจาน", type: "เทศบาลตำบล", district: "ชนบท", province: nil))
    }

    @Test func aVenuesAddressEndsAtItsProvince() {
        let text = """
            เทศบาลนครริมน้ำ ได้คะแนนสูงสุด

            พิธีจัดขึ้น ณ ศูนย์ประชุมกลาง เขตบางรัก กรุงเทพมหานคร เทศบาลนครริมน้ำ อำเภอเมือง จังหวัดตราด ได้ 98.00 คะแนน
            """
        #expect(organization(text) == Organization(name: "เทศบาลนครริมน้ำ", type: "เทศบาลนคร", district: "เมือง", province: "ตราด"))
    }

    @Test func theDepartmentLineGivesThePlace() {
        let text = """
            บันทึกข้อความ
            ส่วนราชการ กลุ่มงานบริหาร โรงพยาบาลทุ่งทอง อำเภอทุ่งทอง จังหวัดพัทลุง
            ที่ พท 0033/1
            วันที่ 1 มีนาคม 2567
            เรื่อง รายงานผล ประจำปีงบประมาณ 2567
            เรียน ผู้อำนวยการโรงพยาบาลทุ่งทอง
            """
        #expect(organization(text) == Organization(name: "โรงพยาบาลทุ่งทอง", type: nil, district: "ทุ่งทอง", province: "พัทลุง"))
    }
}
