import RecordModel
import Testing

@testable import Extraction

@Suite struct SignatoryTests {
    static let closing = """
        จึงเรียนมาเพื่อโปรดทราบ

        (ลงชื่อ) ว่าที่ร้อยตรี
        (สมชาย ใจดี)
        ตำแหน่ง นักวิเคราะห์นโยบายและแผนชำนาญการ ปฏิบัติราชการแทน ปลัดองค์การบริหารส่วนตำบลหนองแวง

        (ลงชื่อ)
        (นางสาวพรทิพย์ ศรีสุข)
        หัวหน้าสำนักปลัด
        องค์การบริหารส่วนตำบลหนองแวง

        (ลงชื่อ)
        (ดร.วิชัย มั่นคง)
        นายกองค์การบริหารส่วนตำบลหนองแวง

        ความเห็นของปลัดองค์การบริหารส่วนตำบล
        เห็นควรอนุมัติ
        (นายประเสริฐ แก้วมณี)
        (ปลัดองค์การบริหารส่วนตำบลหนองแวง)

        (ลงชื่อ) ว่าที่ร้อยตรี
        (สมชาย ใจดี)
        ตำแหน่ง นักวิเคราะห์นโยบายและแผนชำนาญการ ปฏิบัติราชการแทน ปลัดองค์การบริหารส่วนตำบลหนองแวง

        องค์การบริหารส่วนตำบลหนองแวง
        เมษายน ๒๕๖๖
        """

    @Test func everyBlockIsOneItemInDocumentOrder() {
        let people = extract(Self.closing).signatories
        #expect(people.map(\.name) == ["สมชาย ใจดี", "พรทิพย์ ศรีสุข", "วิชัย มั่นคง", "ประเสริฐ แก้วมณี", "สมชาย ใจดี"])
        #expect(people.map(\.at.line) == [3, 7, 12, 18, 21])
    }

    @Test func aRankOnTheSignLineAndActingFor() throws {
        let people = extract(Self.closing).signatories
        try #require(people.count == 5)
        #expect(people[0] == Signatory(
            name: "สมชาย ใจดี", title: nil, rank: "ว่าที่ร้อยตรี", position: "นักวิเคราะห์นโยบายและแผนชำนาญการ",
            actingFor: "ปลัดองค์การบริหารส่วนตำบลหนองแวง", at: people[0].at))
        // The same person signing twice is two items.
        #expect(people[4].name == people[0].name && people[4].actingFor == people[0].actingFor)
    }

    @Test func titlesAndAPositionOverTwoLines() throws {
        let people = extract(Self.closing).signatories
        try #require(people.count == 5)
        #expect(people[1].title == "นางสาว")
        #expect(people[1].position == "หัวหน้าสำนักปลัด องค์การบริหารส่วนตำบลหนองแวง")
        #expect(people[1].rank == nil)
        #expect(people[2].title == "ดร.")
        #expect(people[2].position == "นายกองค์การบริหารส่วนตำบลหนองแวง")
        #expect(people[3].title == "นาย")
    }

    @Test func aParenthesizedPositionUnderACommentBlocksNameIsThePosition() throws {
        let people = extract(Self.closing).signatories
        try #require(people.count == 5)
        #expect(people[3].name == "ประเสริฐ แก้วมณี")
        #expect(people[3].position == "ปลัดองค์การบริหารส่วนตำบลหนองแวง")
        #expect(people[3].actingFor == nil)
    }

    @Test func aClosingOrganisationAndMonthIsNoSignatory() {
        let people = extract(Self.closing).signatories
        #expect(!people.contains { $0.name.has("องค์การ") || $0.name.has("เมษายน") })
        #expect(extract("ขอแสดงความนับถือ\n\nเทศบาลตำบลนาดี\nเมษายน ๒๕๖๖\n").signatories.isEmpty)
    }

    @Test func aCommentBlockWithoutAPositionInfersNoneFromItsHeading() throws {
        let text = """
            ความเห็นของนายกองค์การบริหารส่วนตำบลหนองแวง

            (นาย สมศักดิ์ ทองดี)
            """
        let result = extract(text)
        let person = try #require(result.signatories.first)
        #expect(person.name == "สมศักดิ์ ทองดี")
        #expect(person.title == "นาย")
        #expect(person.position == nil)
        #expect(person.at.line == 3)
        #expect(result.issues.map(\.code) == ["missing_position"])
        #expect(result.issues.first?.path == "/signatories/0/position")
    }

    @Test func aRankBeforeTheNameAndARoleAfterTheSignatureDots() throws {
        let text = """
            ลงชื่อ..................................ผู้รายงาน
            (นางมาลี ดอกไม้)
            ตำแหน่ง ผู้อำนวยการกองคลัง
            รักษาราชการแทน ปลัดเทศบาล

            ลงชื่อ (จ่าเอกสมพงษ์ ศักดิ์แสง)
            ปลัดเทศบาลตำบลนาดี
            """
        let people = extract(text).signatories
        try #require(people.count == 2)
        // "ผู้รายงาน" names the signer's role on the form, not a rank.
        #expect(people[0] == Signatory(
            name: "มาลี ดอกไม้", title: "นาง", rank: nil, position: "ผู้อำนวยการกองคลัง", actingFor: "ปลัดเทศบาล",
            at: people[0].at))
        #expect(people[1] == Signatory(
            name: "สมพงษ์ ศักดิ์แสง", title: nil, rank: "จ่าเอก", position: "ปลัดเทศบาลตำบลนาดี", actingFor: nil,
            at: people[1].at))
    }

    @Test func aWomansRankAndARankOnItsOwnLine() throws {
        let text = """
            (ลงชื่อ)...........................
            (ว่าที่ร้อยตรีหญิงสุดา ใจงาม)
            ปลัดองค์การบริหารส่วนตำบล รักษาราชการแทน
            นายกองค์การบริหารส่วนตำบลหนองแวง

            (ลงชื่อ)
            จ่าสิบเอก
            (ประยุทธ ทองคำ)
            หัวหน้าสำนักปลัด
            """
        let people = extract(text).signatories
        try #require(people.count == 2)
        #expect(people[0] == Signatory(
            name: "สุดา ใจงาม", title: nil, rank: "ว่าที่ร้อยตรีหญิง", position: "ปลัดองค์การบริหารส่วนตำบล",
            actingFor: "นายกองค์การบริหารส่วนตำบลหนองแวง", at: people[0].at))
        #expect(people[1] == Signatory(
            name: "ประยุทธ ทองคำ", title: nil, rank: "จ่าสิบเอก", position: "หัวหน้าสำนักปลัด", actingFor: nil, at: people[1].at))
        #expect(people.map(\.at.line) == [1, 6])
    }

    @Test func aNameOnTheSignLineFollowedByAnotherBlock() {
        let text = """
            ลงชื่อ .......................... (นายสมชาย ใจดี)
            ผู้อำนวยการกองคลัง

            (ลงชื่อ)
            (นางมาลี ดอกไม้)
            หัวหน้าสำนักปลัด
            """
        let people = extract(text).signatories
        #expect(people.map(\.name) == ["สมชาย ใจดี", "มาลี ดอกไม้"])
        #expect(people.first?.position == "ผู้อำนวยการกองคลัง")
        #expect(people.map(\.at.line) == [1, 4])
    }

    @Test func aNameTypedOnTheSignLineAndPrintedAgainInParentheses() {
        let text = """
            (ลงชื่อ)  จ่าเอก      สมศักดิ์   ใจกล้า
            ( นายสมศักดิ์   ใจกล้า )
            ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ

            (ลงชื่อ) นางมาลี ดอกไม้
            (หัวหน้าสำนักปลัด)
            """
        let people = extract(text).signatories
        #expect(people.map(\.name) == ["สมศักดิ์ ใจกล้า", "มาลี ดอกไม้"])
        #expect(people.map(\.rank) == ["จ่าเอก", nil])
        #expect(people.map(\.title) == ["นาย", "นาง"])
        // The repeated name is not a position; a parenthesized position still is one.
        #expect(people.map(\.position) == ["ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ", "หัวหน้าสำนักปลัด"])
    }

    @Test func positionSplitting() {
        #expect(SignatoryParser.position(["ตำแหน่ง ปลัดเทศบาล"]) == ("ปลัดเทศบาล", nil))
        #expect(SignatoryParser.position(["(หัวหน้าสำนักปลัด)"]) == ("หัวหน้าสำนักปลัด", nil))
        #expect(SignatoryParser.position(["รองปลัด ปฏิบัติราชการแทน", "ปลัด อบต."]) == ("รองปลัด", "ปลัด อบต."))
        #expect(SignatoryParser.position([]) == (nil, nil))
    }
}

@Suite struct SignatoryFormTests {
    @Test func blocksSideBySideAreTwoItemsLeftFirstSharingOneAt() throws {
        let text = """
            จึงเรียนมาเพื่อโปรดทราบ

            (ลงชื่อ)                                  (ลงชื่อ)
                  (นางวันเพ็ญ ศรีทอง)                        (นายสมปอง คงดี)
                  ผู้อำนวยการกองคลัง                        ปลัดองค์การบริหารส่วนตำบลโนนแดง
            """
        let people = extract(text).signatories
        try #require(people.count == 2)
        #expect(people[0] == Signatory(
            name: "วันเพ็ญ ศรีทอง", title: "นาง", rank: nil, position: "ผู้อำนวยการกองคลัง", actingFor: nil, at: people[0].at))
        #expect(people[1] == Signatory(
            name: "สมปอง คงดี", title: "นาย", rank: nil, position: "ปลัดองค์การบริหารส่วนตำบลโนนแดง", actingFor: nil,
            at: people[1].at))
        #expect(people.map(\.at.line) == [3, 3])
    }

    @Test func sideBySideNamesOnTheSignLinesAndPositionsEachOpeningWithTamnaeng() throws {
        let text = """
            ลงชื่อ.............(นายเกรียงไกร สุขดี)      ( ลงชื่อ ).............(ว่าที่ร้อยตรีหญิงพัชรา ทองใบ)
            ตำแหน่ง นักวิชาการเงินและบัญชี            ตำแหน่ง ผู้อำนวยการกองคลัง
            """
        let people = extract(text).signatories
        #expect(people.map(\.name) == ["เกรียงไกร สุขดี", "พัชรา ทองใบ"])
        #expect(people.map(\.rank) == [nil, "ว่าที่ร้อยตรีหญิง"])
        #expect(people.map(\.position) == ["นักวิชาการเงินและบัญชี", "ผู้อำนวยการกองคลัง"])
        #expect(people.map(\.at.line) == [1, 1])
    }

    @Test func medicalAndAcademicHonorificsAreDroppedAndDrStaysTheTitle() throws {
        let text = """
            (ลงชื่อ)
            (นายแพทย์ชัยวัฒน์ บุญมา)
            ผู้อำนวยการโรงพยาบาลหนองหาน

            (ลงชื่อ)
            (รองศาสตราจารย์ ดร.สุดารัตน์ มีสุข)
            คณบดีคณะบริหารธุรกิจ

            (ลงชื่อ)
            (ทันตแพทย์หญิงอรวรรณ ดีงาม)
            หัวหน้ากลุ่มงานทันตกรรม
            """
        let people = extract(text).signatories
        #expect(people.map(\.name) == ["ชัยวัฒน์ บุญมา", "สุดารัตน์ มีสุข", "อรวรรณ ดีงาม"])
        #expect(people.map(\.title) == [nil, "ดร.", nil])
        #expect(people.map(\.position) == ["ผู้อำนวยการโรงพยาบาลหนองหาน", "คณบดีคณะบริหารธุรกิจ", "หัวหน้ากลุ่มงานทันตกรรม"])
    }

    @Test func rakshaRatchakanThaenIsReadLikePatibatRatchakanThaen() throws {
        let text = """
            ความเห็นปลัดเทศบาล .................................
            (นายสุเมธ แก้วใส)
            ผู้อำนวยการกองช่าง รักษาราชการแทน
            ปลัดเทศบาลตำบลบ้านเหล่า
            """
        let people = extract(text).signatories
        try #require(people.count == 1)
        #expect(people[0].position == "ผู้อำนวยการกองช่าง")
        #expect(people[0].actingFor == "ปลัดเทศบาลตำบลบ้านเหล่า")
    }

    @Test func roleLabelsAreNoPositionsAndALeadingTamnaengIsDropped() throws {
        let text = """
            ลงชื่อ.................................ผู้ตรวจสอบ
                  (นางสาวจิราพร ใจบุญ)
            ตำแหน่ง หัวหน้าฝ่ายบริหารงานทั่วไป

            ผู้เห็นชอบ
            (นายธวัชชัย แสนดี)

            ผู้อนุมัติ

            (นายบรรจง ศรีเมือง)
            นายกองค์การบริหารส่วนตำบลดอนตูม
            """
        let people = extract(text).signatories
        #expect(people.map(\.name) == ["จิราพร ใจบุญ", "ธวัชชัย แสนดี", "บรรจง ศรีเมือง"])
        #expect(people.map(\.position) == ["หัวหน้าฝ่ายบริหารงานทั่วไป", nil, "นายกองค์การบริหารส่วนตำบลดอนตูม"])
        #expect(people.map(\.rank) == [nil, nil, nil])
    }

    @Test func aClosingBlockInsideAnHTMLParagraph() throws {
        let text = """
            <p>จึงประกาศมาเพื่อทราบโดยทั่วกัน</p>
            <p style="text-align:center">(นายอำนาจ พรมมา)<br>นายกเทศมนตรีตำบลท่าช้าง</p>
            """
        let people = extract(text).signatories
        try #require(people.count == 1)
        #expect(people[0] == Signatory(
            name: "อำนาจ พรมมา", title: "นาย", rank: nil, position: "นายกเทศมนตรีตำบลท่าช้าง", actingFor: nil, at: people[0].at))
        #expect(people[0].at.line == 2)
    }
}
