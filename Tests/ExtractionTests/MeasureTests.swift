import RecordModel
import Testing

@testable import Extraction

@Suite struct MeasureTableTests {
    @Test func columnsInAnUnusualOrderWithEveryPeriodForm() throws {
        let text = """
            มาตรการส่งเสริมคุณธรรมและความโปร่งใส

            ผู้รับผิดชอบ\tมาตรการ\tขั้นตอนการดำเนินงาน\tระยะเวลาดำเนินการ
            กองคลัง/สำนักปลัด\t๑. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ\t๑. จัดทำประกาศ ๒. เผยแพร่บนเว็บไซต์\tต.ค.๖๖- ก.ย.๖๗
            กองช่าง, กองคลัง\t๒. มาตรการป้องกันการรับสินบน\t- จัดทำคู่มือ - ประชุมชี้แจงเจ้าหน้าที่\t๑ ตุลาคม ๒๕๖๘ ถึง ๓๐ กันยายน ๒๕๖๙
            สำนักปลัด\t๓. มาตรการให้บริการ E-Service\tพัฒนาระบบ E-Service ให้ใช้งานง่าย\tตลอดปีงบประมาณ พ.ศ. ๒๕๖๗
            """
        let measures = extract(text).measures
        try #require(measures.count == 3)
        // Titles keep their item numbers; steps lose their markers.
        #expect(measures.map(\.title) == [
            "1. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ", "2. มาตรการป้องกันการรับสินบน", "3. มาตรการให้บริการ E-Service",
        ])
        #expect(measures.map(\.at.line) == [4, 5, 6])
        #expect(measures[0].responsible == ["กองคลัง", "สำนักปลัด"])
        #expect(measures[1].responsible == ["กองช่าง", "กองคลัง"])
        #expect(measures[0].steps == ["จัดทำประกาศ", "เผยแพร่บนเว็บไซต์"])
        #expect(measures[1].steps == ["จัดทำคู่มือ", "ประชุมชี้แจงเจ้าหน้าที่"])
        // "E-Service" is no dashed item.
        #expect(measures[2].steps == ["พัฒนาระบบ E-Service ให้ใช้งานง่าย"])
        #expect(measures[0].period == Period(text: "ต.ค.66- ก.ย.67", start: "2023-10", end: "2024-09"))
        #expect(measures[1].period == Period(text: "1 ตุลาคม 2568 ถึง 30 กันยายน 2569", start: "2025-10-01", end: "2026-09-30"))
        #expect(measures[2].period == Period(text: "ตลอดปีงบประมาณ พ.ศ. 2567", start: nil, end: nil))
        #expect(measures.allSatisfy { $0.indicator == nil && $0.status == nil && $0.monitoring == nil })
    }

    @Test func aPipeTableRepeatedAfterAPageBreakIsOneTableAndItsContinuationRowJoinsTheMeasureAbove() throws {
        let text = """
            แผนการดำเนินงานตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗

            | มาตรการ | ขั้นตอน/วิธีการปฏิบัติ | ผู้รับผิดชอบ | ระยะเวลา | การกำกับติดตาม |
            |---|---|---|---|---|
            | มาตรการตรวจสอบการใช้ดุลพินิจ | ๑. จัดทำคู่มือการปฏิบัติงาน ๒. เผยแพร่คู่มือให้ | สำนักปลัด | ต.ค. ๖๖ - ธ.ค. ๖๖ | รายงานทุกไตรมาส |

            - ๒ -

            | มาตรการ | ขั้นตอน/วิธีการปฏิบัติ | ผู้รับผิดชอบ | ระยะเวลา | การกำกับติดตาม |
            |---|---|---|---|---|
            | | เจ้าหน้าที่ทราบ ๓. ประเมินผลการใช้คู่มือ | สำนักปลัด/กองคลัง | ม.ค. ๖๗ - มี.ค. ๖๗ | และเสนอผู้บริหาร |
            | มาตรการเผยแพร่ข้อมูลต่อสาธารณะ | - ปรับปรุงเว็บไซต์ | กองคลัง | | |
            """
        let measures = extract(text).measures
        try #require(measures.count == 2)
        let first = measures[0]
        // Text before the first marker finishes the last step; "3." adds one.
        #expect(first.steps == ["จัดทำคู่มือการปฏิบัติงาน", "เผยแพร่คู่มือให้ เจ้าหน้าที่ทราบ", "ประเมินผลการใช้คู่มือ"])
        #expect(first.responsible == ["สำนักปลัด", "กองคลัง"])
        #expect(first.period == Period(text: "ต.ค. 66 - ธ.ค. 66", start: "2023-10", end: "2023-12"))
        #expect(first.monitoring == "รายงานทุกไตรมาส และเสนอผู้บริหาร")
        #expect(first.at.line == 5)
        #expect(measures[1].title == "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ")
        #expect(measures[1].steps == ["ปรับปรุงเว็บไซต์"])
        #expect(measures[1].period == nil)
        #expect(measures[1].monitoring == nil)
    }

    @Test func aTabTableResumedAfterAPageNumberContinuesItsLastMeasure() throws {
        let text = """
            มาตรการ\tขั้นตอน/วิธีการปฏิบัติ\tผู้รับผิดชอบ\tระยะเวลา
            มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง\t1. เผยแพร่แผนจัดซื้อจัดจ้าง 2. รายงานผลการจัดซื้อ\tกองคลัง\tต.ค. 66 - ก.ย. 67

            หน้า 3

            มาตรการ\tขั้นตอน/วิธีการปฏิบัติ\tผู้รับผิดชอบ\tระยะเวลา
            \tจัดซื้อจัดจ้างประจำเดือน 3. สรุปผลประจำปี\tกองคลัง, กองช่าง\tม.ค. 67
            มาตรการลดขั้นตอนการให้บริการ\t- ลดเอกสาร - ใช้ระบบออนไลน์\tสำนักปลัด\tตลอดปีงบประมาณ 2567
            """
        let measures = extract(text).measures
        try #require(measures.count == 2)
        #expect(measures[0].steps == ["เผยแพร่แผนจัดซื้อจัดจ้าง", "รายงานผลการจัดซื้อ จัดซื้อจัดจ้างประจำเดือน", "สรุปผลประจำปี"])
        #expect(measures[0].responsible == ["กองคลัง", "กองช่าง"])
        #expect(measures[0].period?.text == "ต.ค. 66 - ก.ย. 67")
        #expect(measures[1].steps == ["ลดเอกสาร", "ใช้ระบบออนไลน์"])
    }

    @Test func aYearInsideAStepDoesNotSplitIt() throws {
        let text = """
            มาตรการ\tขั้นตอน/วิธีการปฏิบัติ\tผู้รับผิดชอบ
            มาตรการยกระดับผลการประเมิน\t๑. ศึกษาคู่มือการประเมิน ๒. จัดทำแผนปฏิบัติการ ประจำปี พ.ศ.๒๕๖๗ ๓. รายงานผลต่อผู้บริหาร\tสำนักปลัด
            มาตรการบริการประชาชน\tจัดให้มีช่องทาง E-Service และ e-Office สำหรับประชาชน\tกองช่าง
            """
        let measures = extract(text).measures
        try #require(measures.count == 2)
        #expect(measures[0].steps == ["ศึกษาคู่มือการประเมิน", "จัดทำแผนปฏิบัติการ ประจำปี พ.ศ.2567", "รายงานผลต่อผู้บริหาร"])
        #expect(measures[1].steps == ["จัดให้มีช่องทาง E-Service และ e-Office สำหรับประชาชน"])
    }

    @Test func stepSplitting() {
        #expect(StepSplitter.split("1. ก 2. ข 3. ค", after: 0).items == ["ก", "ข", "ค"])
        #expect(StepSplitter.split("- ก - ข", after: 0).items == ["ก", "ข"])
        // Numbers out of order are no markers: "5." here is text.
        #expect(StepSplitter.split("1. อบรม 5. ครั้ง 2. ประเมิน", after: 0).items == ["อบรม 5. ครั้ง", "ประเมิน"])
        // A continuation goes on from the steps already there.
        let split = StepSplitter.split("ต่อจากเดิม 4. ข้อใหม่", after: 3)
        #expect(split.lead == "ต่อจากเดิม")
        #expect(split.marked == ["ข้อใหม่"])
        #expect(StepSplitter.split("ระบบ E-Service", after: 0).items == ["ระบบ E-Service"])
    }

    @Test func everyColumnRoleIsRead() throws {
        let text = "ตัวชี้วัด\tประเด็นที่ต้องปรับปรุง\tมาตรการ โครงการ หรือกิจกรรม\tวิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ\t"
            + "ระยะเวลาดำเนินการ\tสรุปผลการดำเนินการ\tผลลัพธ์/ความสำเร็จ\n"
            + "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\tข้อมูลบนเว็บไซต์ไม่เป็นปัจจุบัน\tโครงการปรับปรุงเว็บไซต์\t- มอบหมายผู้ดูแลเว็บไซต์\t"
            + "มกราคม - มีนาคม ๒๕๖๗\tดำเนินการแล้ว\tข้อมูลเป็นปัจจุบัน\n"
        let measure = try #require(extract(text).measures.first)
        #expect(measure.title == "โครงการปรับปรุงเว็บไซต์")
        #expect(measure.indicator == 9)
        #expect(measure.issue == "ข้อมูลบนเว็บไซต์ไม่เป็นปัจจุบัน")
        #expect(measure.approach == "- มอบหมายผู้ดูแลเว็บไซต์")
        #expect(measure.period == Period(text: "มกราคม - มีนาคม 2567", start: "2024-01", end: "2024-03"))
        #expect(measure.result == "ดำเนินการแล้ว")
        #expect(measure.outcome == "ข้อมูลเป็นปัจจุบัน")
        #expect(measure.steps.isEmpty)
        #expect(measure.responsible.isEmpty)
    }
}

@Suite struct MeasureTableKindTests {
    @Test func analysisAndScoreTablesAreNotMeasuresAndTheIndicatorColumnGivesTheCanonicalNumber() {
        let text = """
            ตัวชี้วัด\tประเด็นที่ควรพัฒนา
            การใช้งบประมาณ\tควรเผยแพร่แผนการใช้จ่ายงบประมาณให้ประชาชนทราบ
            การเปิดเผยข้อมูล\tควรปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน

            หัวข้อ\tคะแนน\tแนวทางการพัฒนา
            การเปิดเผยข้อมูล\t๙๕.๐๐\tรักษามาตรฐาน
            การป้องกันการทุจริต\t๘๐.๐๐\tจัดทำมาตรการเพิ่มเติม

            ตัวชี้วัด\tมาตรการ\tผู้รับผิดชอบ
            7 ประสิทธิภาพ การสื่อสาร\tมาตรการเพิ่มช่องทางการสื่อสาร\tสำนักปลัด
            ๘.การปรับปรุงการทำงาน\tมาตรการปรับปรุงขั้นตอนการให้บริการ\tกองคลัง
            """
        let measures = extract(text).measures
        #expect(measures.map(\.title) == ["มาตรการเพิ่มช่องทางการสื่อสาร", "มาตรการปรับปรุงขั้นตอนการให้บริการ"])
        #expect(measures.map(\.indicator) == [7, 8])
    }

    @Test func theIndicatorNeverComesFromTheTitle() {
        let text = "มาตรการ\tผู้รับผิดชอบ\nการปรับปรุงระบบการทำงาน\tสำนักปลัด\nการใช้อำนาจ\tกองคลัง\n"
        let result = extract(text)
        #expect(result.measures.map(\.title) == ["การปรับปรุงระบบการทำงาน", "การใช้อำนาจ"])
        #expect(result.measures.allSatisfy { $0.indicator == nil })
        #expect(result.indicatorScores.isEmpty)
    }

    @Test func aStatusTableIsJoinedToTheMeasuresByTitleIgnoringSpaces() throws {
        let text = """
            มาตรการ\tขั้นตอนหรือวิธีการปฏิบัติ\tผู้รับผิดชอบ
            มาตรการจัดการเรื่องร้องเรียนการทุจริต\t- จัดทำคู่มือ\tสำนักปลัด
            มาตรการป้องกันการขัดกันแห่งผลประโยชน์\t- อบรมเจ้าหน้าที่\tกองการเจ้าหน้าที่
            มาตรการส่งเสริมการใช้ทรัพย์สินของราชการ\t- จัดทำระเบียบการยืม\tกองคลัง

            รายงานผลการดำเนินการตามมาตรการ

            มาตรการ\tยังไม่ดำเนินการ\tอยู่ระหว่างดำเนินการ\tดำเนินการเสร็จเรียบร้อยแล้ว
            มาตรการจัดการเรื่อง ร้องเรียนการทุจริต\t-\t-\t/ (ตรวจสอบข้อมูลได้ที่ เว็บไซต์)
            มาตรการป้องกันการขัดกัน แห่งผลประโยชน์\t-\t✓\t-
            มาตรการส่งเสริมการใช้ ทรัพย์สินของราชการ\t/\t-\t-
            """
        let measures = extract(text).measures
        try #require(measures.count == 3)
        #expect(measures.map(\.status) == [.done, .inProgress, .notStarted])
        // The status table adds no measures, and its note is no result.
        #expect(measures.map(\.at.line) == [2, 3, 4])
        #expect(measures.allSatisfy { $0.result == nil })
        #expect(measures[0].steps == ["จัดทำคู่มือ"])
    }

    @Test func aDoneColumnHeadedDamnoenkanlaeoAndAStepsColumnHeadedWithikanDamnoenkan() throws {
        let text = """
            | ที่ | มาตรการ | วิธีการดำเนินการ | หน่วยงานรับผิดชอบ |
            |---|---|---|---|
            | 1 | เผยแพร่แผนการป้องกันการทุจริต | 1. จัดทำแผน 2. ประกาศบนเว็บไซต์ | สำนักปลัด |

            | มาตรการ | ยังไม่ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการแล้ว |
            |---|---|---|---|
            | เผยแพร่แผนการป้องกันการทุจริต | | | ✓ |
            """
        let measures = extract(text).measures
        try #require(measures.count == 1)
        #expect(measures[0].steps == ["จัดทำแผน", "ประกาศบนเว็บไซต์"])
        #expect(measures[0].status == .done)
    }

    @Test func aStatusTableAloneGivesTheMeasuresWithTheirResults() {
        let text = """
            หัวข้อ\tสถานะการดำเนินการ\tผลการดำเนินการ
            ๑. การประกาศเจตจำนงสุจริต\tดำเนินการแล้ว\tประกาศเมื่อ ๑ ธ.ค. ๖๖
            ๒. การจัดทำคู่มือ\tอยู่ระหว่างดำเนินการ\t-
            ๓. การอบรมจริยธรรม\tยังไม่ดำเนินการ\t
            """
        let measures = extract(text).measures
        #expect(measures.map(\.title) == ["1. การประกาศเจตจำนงสุจริต", "2. การจัดทำคู่มือ", "3. การอบรมจริยธรรม"])
        #expect(measures.map(\.status) == [.done, .inProgress, .notStarted])
        #expect(measures.map(\.result) == ["ประกาศเมื่อ 1 ธ.ค. 66", nil, nil])
    }

    @Test func aStatusTableBringsTheResultItsPlanRowLacks() throws {
        let text = """
            มาตรการ\tผู้รับผิดชอบ
            มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง\tกองคลัง

            มาตรการ\tสถานะ\tสรุปผลการดำเนินการ
            มาตรการเปิดเผยข้อมูล การจัดซื้อจัดจ้าง\tดำเนินการเสร็จแล้ว\tเผยแพร่ครบ ๑๒ เดือน
            """
        let measures = extract(text).measures
        try #require(measures.count == 1)
        #expect(measures[0].responsible == ["กองคลัง"])
        #expect(measures[0].status == .done)
        #expect(measures[0].result == "เผยแพร่ครบ 12 เดือน")
        #expect(measures[0].at.line == 2)
    }

    @Test func aMergedCellIsNotFilledDownAndTwoNumberedTitlesInOneCellAreOneMeasure() {
        let text = """
            <table>
            <tr><td>มาตรการ</td><td>ผู้รับผิดชอบ</td><td>การกำกับติดตาม</td></tr>
            <tr><td>๑. มาตรการเผยแพร่ข้อมูล ๒. มาตรการตรวจสอบ</td><td>กองคลัง</td><td rowspan="2">รายงานทุก ๖ เดือน</td></tr>
            <tr><td>๓. มาตรการลดขั้นตอน</td><td>กองช่าง</td></tr>
            </table>
            """
        let measures = extract(text).measures
        #expect(measures.map(\.title) == ["1. มาตรการเผยแพร่ข้อมูล 2. มาตรการตรวจสอบ", "3. มาตรการลดขั้นตอน"])
        #expect(measures.map(\.monitoring) == ["รายงานทุก 6 เดือน", nil])
        #expect(measures.map(\.responsible) == [["กองคลัง"], ["กองช่าง"]])
    }

    @Test func periods() {
        let reader = PeriodReader()
        #expect(reader.read("ต.ค.66- ก.ย.67") == Period(text: "ต.ค.66- ก.ย.67", start: "2023-10", end: "2024-09"))
        #expect(reader.read("1 ตุลาคม 2568 ถึง 30 กันยายน 2569")
            == Period(text: "1 ตุลาคม 2568 ถึง 30 กันยายน 2569", start: "2025-10-01", end: "2026-09-30"))
        #expect(reader.read("ต.ค. - ธ.ค. 2566") == Period(text: "ต.ค. - ธ.ค. 2566", start: "2023-10", end: "2023-12"))
        // Dates come only from months or dates written out: a fiscal year gives none.
        #expect(reader.read("ปีงบประมาณ 2568") == Period(text: "ปีงบประมาณ 2568", start: nil, end: nil))
        #expect(reader.read("ตลอดปีงบประมาณ 2568") == Period(text: "ตลอดปีงบประมาณ 2568", start: nil, end: nil))
        #expect(reader.read("ตลอดทั้งปี") == Period(text: "ตลอดทั้งปี", start: nil, end: nil))
        #expect(reader.read("ทุกไตรมาส") == Period(text: "ทุกไตรมาส", start: nil, end: nil))
        #expect(reader.read("2568") == Period(text: "2568", start: nil, end: nil))
        // A deadline ends and does not start; a single month starts and ends.
        #expect(reader.read("ภายในเดือนสิงหาคม 2567") == Period(text: "ภายในเดือนสิงหาคม 2567", start: nil, end: "2024-08"))
        #expect(reader.read("ภายใน 30 มิ.ย. 2567") == Period(text: "ภายใน 30 มิ.ย. 2567", start: nil, end: "2024-06-30"))
        #expect(reader.read("ส.ค. 2567") == Period(text: "ส.ค. 2567", start: "2024-08", end: "2024-08"))
        #expect(reader.read("เดือนกรกฎาคม 2567") == Period(text: "เดือนกรกฎาคม 2567", start: "2024-07", end: "2024-07"))
        // A year written once applies to both months, the year before for a start later in the calendar.
        #expect(reader.read("ก.พ. - ส.ค. 2567") == Period(text: "ก.พ. - ส.ค. 2567", start: "2024-02", end: "2024-08"))
        #expect(reader.read("พ.ย. - ก.พ. 2568") == Period(text: "พ.ย. - ก.พ. 2568", start: "2024-11", end: "2025-02"))
    }
}

@Suite struct MeasureTableFormTests {
    @Test func anHTMLTableWithRowspanBrStepsAContinuationRowAndStatusInWords() throws {
        let text = """
            <table>
            <tr><th>ลำดับ</th><th>มาตรการ</th><th>ขั้นตอนการดำเนินการ</th><th>ผู้รับผิดชอบ</th><th>การกำกับติดตาม</th><th>สถานะ</th></tr>
            <tr><td>1</td><td>มาตรการเปิดเผยข้อมูลข่าวสาร</td><td>ทบทวนหัวข้อบนเว็บไซต์<br>แต่งตั้งผู้ดูแลข้อมูล</td><td>สำนักปลัด</td><td rowspan="2">รายงานนายกทุกไตรมาส</td><td>ดำเนินการเสร็จเรียบร้อยแล้ว</td></tr>
            <tr><td>2</td><td>มาตรการลดขั้นตอนงานทะเบียน</td><td>1) ศึกษาขั้นตอนเดิม 2) ออกแบบขั้นตอนใหม่</td><td>กองคลัง</td><td>ยังไม่ได้ดำเนินการ</td></tr>
            <tr><td></td><td></td><td>3) ประกาศใช้ขั้นตอนใหม่</td><td>กองช่าง</td><td></td><td></td></tr>
            <tr><td>3</td><td>มาตรการรับเรื่องร้องเรียน</td><td>-</td><td>-</td><td>สรุปผลรายเดือน</td><td>อยู่ระหว่างดำเนินการ</td></tr>
            </table>
            """
        let measures = extract(text).measures
        try #require(measures.count == 3)
        // The ลำดับ column is no part of the title.
        #expect(measures.map(\.title) == ["มาตรการเปิดเผยข้อมูลข่าวสาร", "มาตรการลดขั้นตอนงานทะเบียน", "มาตรการรับเรื่องร้องเรียน"])
        // Each <br> line is a step; "1)" markers split; the continuation row's marked item adds a step.
        #expect(measures.map(\.steps) == [
            ["ทบทวนหัวข้อบนเว็บไซต์", "แต่งตั้งผู้ดูแลข้อมูล"], ["ศึกษาขั้นตอนเดิม", "ออกแบบขั้นตอนใหม่", "ประกาศใช้ขั้นตอนใหม่"], [],
        ])
        #expect(measures.map(\.responsible) == [["สำนักปลัด"], ["กองคลัง", "กองช่าง"], []])
        // The rowspan cell belongs to its own row only.
        #expect(measures.map(\.monitoring) == ["รายงานนายกทุกไตรมาส", nil, "สรุปผลรายเดือน"])
        #expect(measures.map(\.status) == [.done, .notStarted, .inProgress])
        #expect(measures.map(\.at.line) == [3, 4, 6])
    }

    @Test func aPipeTableWithParenthesizedThaiStepMarkersAndAPageBreak() throws {
        let text = """
            | มาตรการ | ขั้นตอน/วิธีการปฏิบัติ | ผู้รับผิดชอบ | สถานะการดำเนินงาน | สรุปผลการดำเนินการ |
            |---|---|---|---|---|
            | ๑. มาตรการงดรับของขวัญ | (๑) ออกประกาศ (๒) แจ้งเวียนบุคลากร | สำนักปลัด, กองการศึกษา | ดำเนินการแล้ว | ประกาศแล้ว |

            -๒-

            | มาตรการ | ขั้นตอน/วิธีการปฏิบัติ | ผู้รับผิดชอบ | สถานะการดำเนินงาน | สรุปผลการดำเนินการ |
            |---|---|---|---|---|
            | | (๓) ติดตามผลรายไตรมาส | กองการศึกษา/กองคลัง | | แจ้งเวียนครบ |
            | ๒. มาตรการตรวจสอบพัสดุ | ตรวจนับพัสดุประจำปี | กองคลัง | - | - |
            """
        let measures = extract(text).measures
        try #require(measures.count == 2)
        #expect(measures[0].steps == ["ออกประกาศ", "แจ้งเวียนบุคลากร", "ติดตามผลรายไตรมาส"])
        #expect(measures[0].responsible == ["สำนักปลัด", "กองการศึกษา", "กองคลัง"])
        #expect(measures[0].status == .done)
        // A continuation row's result is appended.
        #expect(measures[0].result == "ประกาศแล้ว แจ้งเวียนครบ")
        #expect(measures[1].steps == ["ตรวจนับพัสดุประจำปี"])
        #expect(measures[1].status == nil && measures[1].result == nil)
    }

    @Test func aKPIColumnGoesNowhereAndAHuangwelaColumnIsThePeriod() throws {
        let text = """
            กิจกรรม/โครงการ\tแนวทางการดำเนินการ\tห้วงเวลาดำเนินการ\tหน่วยงานรับผิดชอบ\tตัวชี้วัดความสำเร็จ\tผลการดำเนินงาน (รอบ 6 เดือน)
            1. กิจกรรมอบรมจริยธรรม\tอบรมพนักงานใหม่ทุกคน\tก.พ. - เม.ย. 2566\tฝ่ายบุคคล\tร้อยละ 90 ของผู้เข้าอบรม\tอบรมแล้ว 2 รุ่น
            """
        let measures = extract(text).measures
        try #require(measures.count == 1)
        let m = measures[0]
        #expect(m.approach == "อบรมพนักงานใหม่ทุกคน")
        #expect(m.period == Period(text: "ก.พ. - เม.ย. 2566", start: "2023-02", end: "2023-04"))
        #expect(m.responsible == ["ฝ่ายบุคคล"])
        #expect(m.result == "อบรมแล้ว 2 รุ่น")
        #expect(m.outcome == nil && m.indicator == nil && m.steps.isEmpty)
    }

    @Test func aStatusTableWithTickColumnsIsTheMeasureTable() throws {
        let text = """
            ลำดับ\tมาตรการ\tผลการดำเนินงาน\tดำเนินการแล้ว\tอยู่ระหว่างดำเนินการ\tยังไม่ได้ดำเนินการ
            ๑\tมาตรการป้องกันการรับสินบน\tประกาศนโยบายแล้ว\t✓\t\t
            ๒\tมาตรการจัดการข้อร้องเรียน\t-\t\t\t✓
            ๓\tมาตรการเปิดเผยข้อมูล\tปรับปรุงเว็บไซต์บางส่วน\t\t✓\t
            """
        let measures = extract(text).measures
        #expect(measures.map(\.title) == ["มาตรการป้องกันการรับสินบน", "มาตรการจัดการข้อร้องเรียน", "มาตรการเปิดเผยข้อมูล"])
        #expect(measures.map(\.status) == [.done, .notStarted, .inProgress])
        #expect(measures.map(\.result) == ["ประกาศนโยบายแล้ว", nil, "ปรับปรุงเว็บไซต์บางส่วน"])
    }

    @Test func anIndicatorColumnOfTuaChiWatThiNGivesTheNumber() throws {
        let text = """
            | ประเด็นที่ต้องพัฒนา | มาตรการ/กิจกรรม | ตัวชี้วัด | ระยะเวลา |
            |---|---|---|---|
            | ช่องทางสื่อสารน้อย | 1. มาตรการเพิ่มช่องทางสื่อสาร | ตัวชี้วัดที่ 7 | ภายในเดือนมิถุนายน 2568 |
            | | 2. มาตรการเผยแพร่แผนจัดซื้อ | ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล | ตลอดปีงบประมาณ 2568 |
            """
        let measures = extract(text).measures
        try #require(measures.count == 2)
        #expect(measures.map(\.indicator) == [7, 9])
        // A title with an empty issue cell is a new measure.
        #expect(measures.map(\.issue) == ["ช่องทางสื่อสารน้อย", nil])
        #expect(measures.map(\.period) == [
            Period(text: "ภายในเดือนมิถุนายน 2568", start: nil, end: "2025-06"),
            Period(text: "ตลอดปีงบประมาณ 2568", start: nil, end: nil),
        ])
    }

    @Test func stepMarkersInParenthesesAndBrokenLines() {
        #expect(StepSplitter.split("(1) ก (2) ข", after: 0).items == ["ก", "ข"])
        // A parenthesized year or a stray "(3)" out of order does not split.
        #expect(StepSplitter.split("ประชุม (2567) แล้ว", after: 0).items == ["ประชุม (2567) แล้ว"])
        #expect(StepSplitter.split(lines: ["เขียนแผน", "- ประชุม", "อนุมัติ"], after: 0).items == ["เขียนแผน", "ประชุม", "อนุมัติ"])
        let continued = StepSplitter.split(lines: ["ต่อท้าย", "ขั้นใหม่"], after: 2)
        #expect(continued.lead == "ต่อท้าย" && continued.marked == ["ขั้นใหม่"])
    }
}
