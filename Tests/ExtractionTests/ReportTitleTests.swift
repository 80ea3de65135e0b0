import RecordModel
import Testing

@testable import Extraction

/// The first heading of a report and the fiscal year its title names, one form of the genre a test.
@Suite struct ReportTitleTests {
    @Test func aPageOpeningWithตามที่HasNoTitleAndNoFiscalYear() {
        let text = """
            ตามที่ สำนักงาน ป.ป.ช. ได้แจ้งผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ นั้น เทศบาลตำบลบ่อแก้ว ได้ ๘๘.๐๒ คะแนน

            จึงประชาสัมพันธ์ให้ทราบ
            """
        let document = extract(text).document
        #expect(document.title == nil)
        #expect(document.fiscalYearBE == nil)
        #expect(document.organization.name == "เทศบาลตำบลบ่อแก้ว")
    }

    @Test func aLongOpeningSentenceWithAnAddressAndAScoreIsNotAHeading() {
        // No opening word: its length, the sentence going on after the address and its grade phrase tell.
        let text = """
            องค์การบริหารส่วนตำบลคำป่าหลาย อำเภอเมืองมุกดาหาร จังหวัดมุกดาหาร ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 ได้ 91.30 คะแนน อยู่ในระดับผ่านดี

            ขอขอบคุณทุกท่าน
            """
        let document = extract(text).document
        #expect(document.title == nil)
        #expect(document.fiscalYearBE == nil)
    }

    @Test func aHeadlineWithItsScoreIsStillAHeading() {
        let text = """
            เทศบาลเมืองท่าบ่อ ผ่านการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ด้วยคะแนน 95.12 คะแนน

            เทศบาลเมืองท่าบ่อ อำเภอท่าบ่อ จังหวัดหนองคาย ได้รับแจ้งผลการประเมิน
            """
        let document = extract(text).document
        #expect(document.title == "เทศบาลเมืองท่าบ่อ ผ่านการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ด้วยคะแนน 95.12 คะแนน")
        #expect(document.fiscalYearBE == 2567)
        #expect(document.organization == Organization(
            name: "เทศบาลเมืองท่าบ่อ", type: "เทศบาลเมือง", district: "ท่าบ่อ", province: "หนองคาย"))
    }

    @Test func aBreadcrumbAndADateLineAboveTheHeadlineAreNotTheTitle() {
        let text = """
            หน้าหลัก > ข่าวสาร > ข่าวประชาสัมพันธ์
            ข่าวประชาสัมพันธ์

            5 ก.ย. 2566

            อบต.นาดี ได้คะแนน ITA 93.40 คะแนน

            องค์การบริหารส่วนตำบลนาดี ได้คะแนน 93.40 คะแนน
            """
        #expect(extract(text).document.title == "อบต.นาดี ได้คะแนน ITA 93.40 คะแนน")
    }

    @Test func aDottedRuleUnderAnAnnouncementHeadingIsNotPartOfIt() {
        let text = """
            ประกาศองค์การบริหารส่วนตำบลสันทราย
            เรื่อง ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘
            ………………………………………
            ตามที่ องค์การบริหารส่วนตำบลสันทราย ได้เข้ารับการประเมิน
            """
        let document = extract(text).document
        #expect(document.title == "ประกาศองค์การบริหารส่วนตำบลสันทราย เรื่อง ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568")
        #expect(document.fiscalYearBE == 2568)
    }

    @Test func aDayNameDateAboveTheHeadlineIsPassedOver() {
        #expect(extract("วันจันทร์ที่ 2 ก.ย. 2567\nอบต.นาดี ผ่าน ITA\n").document.title == "อบต.นาดี ผ่าน ITA")
    }

    @Test func aDateOrCounterLineUnderTheHeadlineEndsIt() {
        let text = """
            กรมตัวอย่างการเกษตร ผ่านการประเมิน ITA ปี 2565
            วันศุกร์ที่ 12 สิงหาคม 2565 เวลา 09:45 น.
            12-08-2565
            โพสต์เมื่อ 12 สิงหาคม 2565 | ผู้เข้าชม 77 คน
            """
        #expect(extract(text).document.title == "กรมตัวอย่างการเกษตร ผ่านการประเมิน ITA ปี 2565")
    }

    @Test func anOrganisationLineUnderTheHeadingIsPartOfIt() {
        let text = """
            รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566
            เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดอุดรธานี

            1. ผลการประเมิน
            """
        let document = extract(text).document
        #expect(document.title == "รายงานผลการวิเคราะห์การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 เทศบาลตำบลหนองบัว อำเภอเมือง จังหวัดอุดรธานี")
        #expect(document.organization.district == "เมือง")
        #expect(document.organization.province == "อุดรธานี")
    }

    @Test func aShortLineStandingApartIsAHeadingEvenWithTwoScores() {
        let text = """
            ทต.หนองแค ได้ ITA 95.00 คะแนน เพิ่มขึ้นจากปีก่อน 2.10 คะแนน

            เทศบาลตำบลหนองแค ขอขอบคุณทุกท่าน
            """
        #expect(extract(text).document.title == "ทต.หนองแค ได้ ITA 95.00 คะแนน เพิ่มขึ้นจากปีก่อน 2.10 คะแนน")
    }

    @Test func aSentenceGoingOnAfterTheOrganisationsAddressIsNotAHeading() {
        let text = """
            เทศบาลตำบลบางปู อ.เมือง จ.สมุทรปราการ ได้เข้ารับการประเมิน ITA ปี 2566

            ต่อไป
            """
        #expect(extract(text).document.title == nil)
    }

    @Test func aHeadingLineAfterAnAddressLineIsNotASentenceGoingOn() {
        let text = """
            องค์การบริหารส่วนตำบลบ้านเหล่า อำเภอแม่ใจ จังหวัดพะเยา
            ประกาศผลการประเมิน ITA ประจำปี 2567
            """
        #expect(extract(text).document.title == "องค์การบริหารส่วนตำบลบ้านเหล่า อำเภอแม่ใจ จังหวัดพะเยา ประกาศผลการประเมิน ITA ประจำปี 2567")
    }

    @Test func pageNumbersAboveTheHeadingAreSkipped() {
        let text = """
            - 1 -
            2567

            แผนปฏิบัติการ ปีงบ 67 ของโรงเรียนบ้านหนองบัว
            """
        let document = extract(text).document
        #expect(document.title == "แผนปฏิบัติการ ปีงบ 67 ของโรงเรียนบ้านหนองบัว")
        #expect(document.fiscalYearBE == 2567)
        #expect(document.organization.name == "โรงเรียนบ้านหนองบัว")
    }

    @Test func aMarkdownHeadingLosesItsMarkAndAHashtagLineIsNoHeading() {
        #expect(extract("## ผลการประเมิน ITA ปี 2566\n\nเนื้อหา\n").document.title == "ผลการประเมิน ITA ปี 2566")
        #expect(extract("#ITA2566 #โปร่งใส\n\nผลการประเมิน ITA ปี 2566\n").document.title == "ผลการประเมิน ITA ปี 2566")
    }

    @Test func inHTMLTheTitleIsTheFirstHeadingElement() {
        let text = """
            <p>ข่าวประชาสัมพันธ์ วันที่ 1 เมษายน 2568</p>
            <h2>แผนส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2568</h2>
            <p>เทศบาลตำบลบางพระ ได้จัดทำแผน</p>
            """
        let document = extract(text).document
        #expect(document.title == "แผนส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. 2568")
        #expect(document.fiscalYearBE == 2568)
    }
}

@Suite struct FiscalYearTests {
    @Test func aTwoDigitYearIsABuddhistEraYear() {
        #expect(FiscalYear.find("อบต.หนองหิน แจ้งผลประเมิน ITA ปี 67") == 2567)
        #expect(FiscalYear.find("เปิดคะแนน ITA 65 ของเทศบาล") == 2565)
    }

    @Test func itaFollowedByAYearNamesTheFiscalYear() {
        #expect(FiscalYear.find("สพก. ติดอันดับ ITA 2568 ด้วยคะแนน 96.10") == 2568)
        #expect(FiscalYear.find("ITA2567 ของเทศบาล") == 2567)
    }

    @Test func aScoreAfterITAIsNotAYear() {
        #expect(FiscalYear.find("เทศบาลได้ ITA 96.50 คะแนน") == nil)
        #expect(FiscalYear.find("เทศบาลได้ ITA 96 คะแนน") == nil)
    }

    @Test func aRangeOfYearsNamesNoFiscalYear() {
        #expect(FiscalYear.find("ผลการประเมิน ITA ปีงบประมาณ 2563 - 2567") == nil)
        #expect(FiscalYear.find("คะแนน ITA ปี พ.ศ. 2564 ถึง 2566") == nil)
        // A period in brackets after the year is not a range of fiscal years.
        #expect(FiscalYear.find("รายงานผล ประจำปีงบประมาณ พ.ศ. 2566 (ตุลาคม 2565 - มีนาคม 2566)") == 2566)
    }

    @Test func anAwardNamedInTheCommonEraIsNotAFiscalYear() {
        #expect(FiscalYear.find("อบจ.ตัวอย่าง รับรางวัล ITA AWARDS 2024") == nil)
        #expect(FiscalYear.find("ผลการประเมิน ITA 2023") == nil)
    }

    @Test func aCountOfYearsIsNotAYear() {
        #expect(FiscalYear.find("ผลการประเมิน ITA ย้อนหลัง 5 ปี ของเทศบาลนครตัวอย่าง") == nil)
    }
}
