import RecordModel
import Testing

@testable import Extraction

/// "9 2565 100.00 #1": indicator, year, score and printed number, for compact comparisons.
private func rows(_ items: [IndicatorScore]) -> [String] {
    items.map { "\($0.indicator) \($0.yearBE.map(String.init) ?? "-") \(format($0.score)) #\($0.docNumber.map(String.init) ?? "-")" }
}

private func rows(_ items: [ToolScore]) -> [String] {
    items.map { "\($0.tool.rawValue) \($0.part.map(String.init) ?? "-") \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" }
}

private func rows(_ items: [QuestionScore]) -> [String] {
    items.map { "\($0.code) \($0.tool?.rawValue ?? "-") \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" }
}

private func rows(_ items: [Assessment]) -> [String] {
    items.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" }
}

private func codes(_ result: Extraction) -> [String] {
    result.issues.map(\.code)
}

@Suite struct IndicatorTableTests {
    @Test func scoreColumnFirstAndLabelLast() {
        let text = """
            ผลการประเมินรายตัวชี้วัด ปี ๒๕๖๗

            คะแนน\tตัวชี้วัด
            ๙๕.๑๐\tการปฏิบัติหน้าที่
            ๘๘.๒๐\tการใช้ งบประมาณ
            ๗๐.๐๕\tประสิทธิภาพการสื่อสาร
            """
        let result = extract(text)
        #expect(rows(result.indicatorScores) == ["1 2567 95.10 #-", "2 2567 88.20 #-", "7 2567 70.05 #-"])
        #expect(result.indicatorScores.map(\.label) == ["การปฏิบัติหน้าที่", "การใช้ งบประมาณ", "ประสิทธิภาพการสื่อสาร"])
        #expect(result.indicatorScores.first?.at.line == 4)
        #expect(result.issues.isEmpty)
    }

    @Test func aLabelColumnNamedรายละเอียดตัวชี้วัดWithTheNumberColumnInTheMiddle() {
        let text = """
            ตารางที่ ๑ คะแนนรายตัวชี้วัด ปี ๒๕๖๖

            คะแนนที่ได้\tลำดับ\tรายละเอียดตัวชี้วัด
            ๙๙.๐๐\t๑\tการเปิดเผยข้อมูล
            ๘๗.๕๐\t๒\tการป้องกันการทุจริต
            ๗๖.๒๕\t๓\tการปรับปรุงระบบการทำงาน
            """
        #expect(rows(extract(text).indicatorScores) == ["9 2566 99.00 #1", "10 2566 87.50 #2", "8 2566 76.25 #3"])
    }

    @Test func aRankedListTakesItsNumberFromTheRankAndItsIndicatorFromTheLabel() {
        let text = """
            ผลการประเมิน ITA ปี ๒๕๖๕ เรียงตามคะแนน

            อันดับ\tตัวชี้วัด\tคะแนน
            1\tการเปิดเผยข้อมูล\t100.00
            2\tการใช้อำนาจ\t98.40
            3\tคุณภาพการดำเนินงาน\t91.12
            คะแนนสูงสุด\t100.00\tคะแนน
            คะแนนต่ำสุด\t91.12\tคะแนน
            """
        let result = extract(text)
        #expect(rows(result.indicatorScores) == ["9 2565 100.00 #1", "3 2565 98.40 #2", "6 2565 91.12 #3"])
        // The highest / lowest rows are not an overall result.
        #expect(result.assessments.isEmpty)
    }

    @Test func aShortTableTakesItsNumberFromAColumnHeadedตัวชี้วัดที่() {
        let text = """
            ตัวชี้วัดที่\tชื่อตัวชี้วัด\tคะแนน ITA ปี ๒๕๖๗\tระดับ
            ๑\tการปฏิบัติหน้าที่\t๙๙.๑๒\tAA
            ๒\tการใช้งบประมาณ\t๙๘.๐๐\tAA
            """
        #expect(rows(extract(text).indicatorScores) == ["1 2567 99.12 #1", "2 2567 98.00 #2"])
    }

    @Test func ตัวชี้วัดที่NLinesGiveThePrintedNumberNotTheCanonicalOne() {
        let text = """
            ผลการประเมินประจำปีงบประมาณ พ.ศ. ๒๕๖๖ แยกรายตัวชี้วัด ดังนี้

            ตัวชี้วัดที่ ๑ การเปิดเผยข้อมูล ได้คะแนน ๑๐๐.๐๐ คะแนน
            ตัวชี้วัดที่ ๒ การใช้ทรัพย์สินของราชการ ได้คะแนน ๙๔.๓๘ คะแนน
            ตัวชี้วัดที่ ๓ การปรับปรุงการทำงาน ได้คะแนน ๗๕.๖๐ คะแนน
            """
        let result = extract(text)
        #expect(rows(result.indicatorScores) == ["9 2566 100.00 #1", "4 2566 94.38 #2", "8 2566 75.60 #3"])
        #expect(result.indicatorScores.map(\.label) == ["การเปิดเผยข้อมูล", "การใช้ทรัพย์สินของราชการ", "การปรับปรุงการทำงาน"])
    }

    @Test func ตัวชี้วัดที่NWrittenAsTabbedCells() {
        let text = "ผลการประเมินปี ๒๕๖๔\n\nตัวชี้วัดที่ ๑ การเปิดเผยข้อมูล\tได้คะแนน\t๙๙.๑๐\tคะแนน\n"
            + "ตัวชี้วัดที่ ๒ การใช้อำนาจ\tได้คะแนน\t๙๕.๐๐\tคะแนน\n"
        #expect(rows(extract(text).indicatorScores) == ["9 2564 99.10 #1", "3 2564 95.00 #2"])
    }

    @Test func aYearComparisonTableChecksItsChangeColumnAndReadsTheAverageRow() {
        let text = """
            เปรียบเทียบผลการประเมินรายตัวชี้วัด

            ลำดับ\tตัวชี้วัด\tปี ๒๕๖๖\tปี ๒๕๖๗\tผลต่าง
            ๑\tการปฏิบัติหน้าที่\t๙๐.๐๐\t๙๕.๕๐\t๕.๕๐
            ๒\tการใช้งบประมาณ\t๘๐.๐๐\t๘๕.๐๐\t๔.๐๐
            ๓\tการป้องกันการทุจริต\t๑๐๐.๐๐\t๘๐.๐๐\t-๒๐.๐๐
            คะแนนเฉลี่ย\t\t๙๐.๐๐\t๘๖.๘๓\t-๓.๑๗
            """
        let result = extract(text)
        #expect(rows(result.indicatorScores) == [
            "1 2566 90.00 #1", "1 2567 95.50 #1", "2 2566 80.00 #2", "2 2567 85.00 #2",
            "10 2566 100.00 #3", "10 2567 80.00 #3",
        ])
        // Only row 2 is wrong: 85.00 − 80.00 is 5.00, not 4.00.
        let mismatches = result.issues.filter { $0.code == "change_mismatch" }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.path == "/indicator_scores/3")
        #expect(rows(result.assessments) == ["2566 90.00 -", "2567 86.83 -"])
        #expect(result.assessments.first?.at.line == 7)
    }

    @Test func aToolColumnWrittenAsMergedCellsGivesOneScorePerTool() {
        let text = """
            ผลคะแนนการประเมิน ITA ประจำปี ๒๕๖๘

            ตัวชี้วัด\tคะแนนรายตัวชี้วัด\tคะแนนรายเครื่องมือ
            ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\t90.00\t91.50
            ตัวชี้วัดที่ 2 การใช้งบประมาณ\t93.00\t
            ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน\t88.00\t89.25
            ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร\t90.50\t
            ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t100\t97.00
            """
        let result = extract(text)
        #expect(rows(result.toolScores) == ["IIT - 2568 91.50", "EIT - 2568 89.25", "OIT - 2568 97.00"])
        #expect(rows(result.indicatorScores) == [
            "1 2568 90.00 #1", "2 2568 93.00 #2", "6 2568 88.00 #6", "7 2568 90.50 #7", "9 2568 100.00 #9",
        ])
        #expect(result.indicatorScores.first?.label == "การปฏิบัติหน้าที่")
    }
}

@Suite struct ToolAndQuestionTests {
    @Test func toolScoresFromProseWithParts() {
        let text = """
            ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ แยกตามเครื่องมือ ดังนี้

            ๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ได้คะแนน ๙๓.๙๖ คะแนน
            ๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) (ส่วนที่ ๑) ได้คะแนน ๙๗.๒๘ คะแนน
            ๓. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) (ส่วนที่ ๒) ได้คะแนน ๙๕.๗๗ คะแนน
            ๔. แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ได้คะแนน ๙๓.๓๘ คะแนน
            """
        let result = extract(text)
        #expect(rows(result.toolScores) == ["IIT - 2568 93.96", "EIT 1 2568 97.28", "EIT 2 2568 95.77", "OIT - 2568 93.38"])
        #expect(result.indicatorScores.isEmpty)
        #expect(result.assessments.isEmpty)
    }

    @Test func eachToolScoreTakesTheYearWrittenBeforeIt() {
        let text = "ผลการประเมินปี ๒๕๖๕\n\nคะแนนด้าน EIT ปี ๒๕๖๖ = ๙๒.๕๑ คะแนน ปี ๒๕๖๗ = ๙๙.๒๒ คะแนน\n"
        #expect(rows(extract(text).toolScores) == ["EIT - 2566 92.51", "EIT - 2567 99.22"])
    }

    @Test func toolScoresInAPipeTable() {
        let text = """
            ผลการประเมินปี 2567

            | เครื่องมือ | ผลคะแนน |
            |---|---|
            | IIT | ได้คะแนน 88.10 คะแนน |
            | EIT (ส่วนที่ 2) | ได้คะแนน 90.00 คะแนน |
            """
        #expect(rows(extract(text).toolScores) == ["IIT - 2567 88.10", "EIT 2 2567 90.00"])
    }

    @Test func aTableWithARowPerToolAndBareNumbers() {
        let text = """
            ผลคะแนนตามเครื่องมือ ปี ๒๕๖๖

            | เครื่องมือ | คะแนน |
            |---|---|
            | IIT | 91.20 |
            | EIT | 88.40 |
            | OIT | 75.00 |
            """
        let result = extract(text)
        #expect(rows(result.toolScores) == ["IIT - 2566 91.20", "EIT - 2566 88.40", "OIT - 2566 75.00"])
        #expect(result.indicatorScores.isEmpty && result.assessments.isEmpty)
    }

    @Test func weightsAndWeightedScoresAreNotToolScores() {
        let text = """
            ผลการประเมิน ITA ปี 2567

            เครื่องมือ\tคะแนน\tค่าน้ำหนัก\tคะแนนถ่วงน้ำหนัก
            IIT\t90.00\t30\t27.00
            EIT\t80.00\t30\t24.00
            OIT\t70.00\t40\t28.00
            คะแนนรวม\t\t100\t79.00
            """
        let result = extract(text)
        #expect(rows(result.toolScores) == ["IIT - 2567 90.00", "EIT - 2567 80.00", "OIT - 2567 70.00"])
        // The weighted scores' total is the overall score; the weights' total (100) is not.
        #expect(rows(result.assessments) == ["2567 79.00 -"])
        #expect(result.issues.isEmpty)
    }

    @Test func toolsNamedInThaiUnderYearColumns() {
        let text = """
            แบบประเมิน\tปี 2566\tปี 2567
            แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน\t90.00\t92.50
            แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก ส่วนที่ 1\t85.10\t86.00
            แบบตรวจการเปิดเผยข้อมูลสาธารณะ\t70.00\t80.00
            """
        let result = extract(text)
        #expect(rows(result.toolScores) == [
            "IIT - 2566 90.00", "IIT - 2567 92.50", "EIT 1 2566 85.10", "EIT 1 2567 86.00",
            "OIT - 2566 70.00", "OIT - 2567 80.00",
        ])
        // "การเปิดเผยข้อมูล" inside the OIT form's name is not indicator 9.
        #expect(result.indicatorScores.isEmpty)
    }

    @Test func anIndicatorTablesToolColumnDoesNotMakeAGarbledRowAToolScore() {
        let text = """
            ผลการประเมินปี 2566

            เครื่องมือ\tตัวชี้วัด\tคะแนน
            IIT\tการปฏิบัติหน้าที่\t95.00
            \tการใช้งบประมาณ\t90.00
            \tการใช้จ่ายเงินหลวงอย่างไร\t97.96
            """
        let result = extract(text)
        #expect(result.toolScores.isEmpty)
        #expect(rows(result.indicatorScores).prefix(2) == ["1 2566 95.00 #-", "2 2566 90.00 #-"])
    }

    @Test func questionRowsShiftedOutOfTheirColumnsAreReadAndReported() {
        let text = """
            ผลคะแนนรายข้อ ปี 2566

            ตัวชี้วัด\tข้อ\tคะแนน\tข้อเสนอแนะ
            การเปิดเผยข้อมูล\tO1\t100\t-
            \tO2\t90.00\t-
            \tO3\t80.00\t-
            O4\t70.00
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["o1 OIT 2566 100.00", "o2 OIT 2566 90.00", "o3 OIT 2566 80.00", "o4 OIT 2566 70.00"])
        let warning = result.issues.first { $0.code == "misaligned_columns" }
        #expect(warning?.message.hasPrefix("Question rows (line 7) have their code outside column 2") == true)
    }

    @Test func aQuestionScoreStatedInProse() {
        let text = """
            ผลการประเมิน ITA ปี ๒๕๖๖
            ข้อคำถามที่ได้คะแนนต่ำ ได้แก่ ข้อ o๓๓ ได้ ๐ คะแนน และ I12 ได้คะแนน 65.50 คะแนน
            ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (o1 - o33) ได้ 80.00 คะแนน
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["o33 OIT 2566 0.00", "i12 IIT 2566 65.50"])
        // A range of codes names the indicator's questions, not a question.
        #expect(rows(result.indicatorScores) == ["9 2566 80.00 #9"])
    }

    @Test func questionCodesInTheirWrittenFormsWithTheToolCarriedDown() {
        let text = """
            ผลคะแนนรายข้อคำถาม ปี ๒๕๖๗

            เครื่องมือ\tข้อคำถาม\tคะแนน
            IIT\tข้อ i๑\t๙๕.๐๐
            \tข้อ i๒\t๙๐.๕๐
            EIT\tE๑๑\t๘๒.๑๑
            \te๑๒\t๘๓.๐๙
            OIT\to๖การเปิดเผยแผนการดำเนินงาน\t๑๐๐
            \t๐๑๗\t๗๕.๐๐
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == [
            "i1 IIT 2567 95.00", "i2 IIT 2567 90.50", "e11 EIT 2567 82.11", "e12 EIT 2567 83.09",
            "o6 OIT 2567 100.00", "o17 OIT 2567 75.00",
        ])
        #expect(result.questionScores.map(\.text) == [nil, nil, nil, nil, "การเปิดเผยแผนการดำเนินงาน", nil])
        #expect(result.indicatorScores.isEmpty)
    }

    @Test func aLetterlessCodeAfterLetteredRowsTakesTheirLetter() {
        let text = """
            แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน ปี ๒๕๖๖

            ข้อ\tคะแนน
            i26 ผู้บริหารให้ความสำคัญกับการแก้ไขปัญหาการทุจริต\t88.00
            ข้อ 27\t86.50
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["i26 IIT 2566 88.00", "i27 IIT 2566 86.50"])
        #expect(result.questionScores.first?.text == "ผู้บริหารให้ความสำคัญกับการแก้ไขปัญหาการทุจริต")
        #expect(codes(result) == ["code_missing_letter"])
    }

    @Test func aCodeWhoseLetterOCRMisreadTakesTheLetterOfTheIndicatorAboveIt() {
        // OCR of print reads i2 as "(2", e1 as "61" and e7 as "c7"; the indicator row says whose they are.
        let text = """
            ประเด็นการวิเคราะห์\tคะแนน 2568\tประเด็นที่ต้องปรับปรุง
            ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่\t96.88\t- ไม่มี
            (2 เจ้าหน้าที่ในหน่วยงานของท่าน มีการเลือกปฏิบัติ\t96.25\t
            (1) รักษาระดับไว้\t90.00\t
            ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน\t98.03\t- ไม่มี
            61 เจ้าหน้าที่ปฏิบัติงานหรือให้บริการแก่ท่านเป็นไปตามขั้นตอน\t97.75\t
            ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน\t95.73\t- ไม่มี
            c7 หน่วยงานมีการเปิดโอกาสให้บุคคลภายนอกได้เข้าไปมีส่วนร่วม\t96.62\t
            ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\t86.75\t- ไม่มี
            (3 ข้อความอื่น\t50.00\t
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["i2 IIT 2568 96.25", "e1 EIT 2568 97.75", "e7 EIT 2568 96.62"])
        #expect(codes(result).filter { $0 == "code_missing_letter" }.count == 3)
    }

    @Test func aLetterlessCodeUnderAToolHeadingTakesTheHeadingsLetter() {
        let text = """
            ๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ปี ๒๕๖๖

            ข้อ\tคะแนน
            ข้อ 27\t86.50
            ข้อ 28\t90.00

            ๓. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ปี ๒๕๖๖

            ข้อ\tคะแนน
            ข้อ 5\t70.00
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["i27 IIT 2566 86.50", "i28 IIT 2566 90.00", "e5 EIT 2566 70.00"])
        #expect(codes(result) == ["code_missing_letter", "code_missing_letter", "code_missing_letter"])
    }

    @Test func theWordingInItsOwnCellIsTheQuestionsText() {
        let text = """
            ผลคะแนนรายข้อ ปี ๒๕๖๘

            ข้อ\tข้อคำถาม\tคะแนน
            o12\tการเปิดเผยข้อมูลการจัดซื้อจัดจ้าง\t100
            o13\t\t95.50
            """
        let result = extract(text)
        #expect(rows(result.questionScores) == ["o12 OIT 2568 100.00", "o13 OIT 2568 95.50"])
        #expect(result.questionScores.map(\.text) == ["การเปิดเผยข้อมูลการจัดซื้อจัดจ้าง", nil])
    }
}

@Suite struct OverallResultTests {
    @Test func overallScoreLevelAndYearFromProse() {
        let text = """
            ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ องค์การบริหารส่วนตำบลหนองแวง มีคะแนนรวม ๙๔.๕๐ คะแนน อยู่ในระดับ ผ่านดี

            ในปี ๒๕๖๖ ที่ผ่านมา

            หน่วยงานมีคะแนนรวม ๙๑.๔๗ คะแนน อยู่ในระดับ A ซึ่งมีผลต่าง ๓.๐๓ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน
            """
        let result = extract(text)
        // 2567 from its own sentence; 2566 from the nearest "ปี 25xx" before; the difference and the full marks are no scores.
        #expect(rows(result.assessments) == ["2567 94.50 ผ่านดี", "2566 91.47 A"])
        #expect(result.assessments.map(\.at.line) == [1, 5])
        #expect(result.indicatorScores.isEmpty)
        #expect(result.toolScores.isEmpty)
        #expect(result.issues.isEmpty)
    }

    @Test func aTableOfOverallResultsByYear() {
        let text = """
            ผลการประเมิน ITA ย้อนหลัง

            ปีงบประมาณ\tคะแนน\tระดับผลการประเมิน
            ๒๕๖๕\t๘๙.๑๐\tA
            ๒๕๖๖\t๙๕.๐๒\tAA
            """
        let result = extract(text)
        #expect(rows(result.assessments) == ["2565 89.10 A", "2566 95.02 AA"])
        #expect(result.assessments.map(\.at.line) == [4, 5])
        #expect(result.indicatorScores.isEmpty)
    }

    @Test func theTotalRowOfAnIndicatorTableGivesTheOverallScoreAndItsGrade() {
        let text = """
            ผลการประเมิน ITA ประจำปี ๒๕๖๗

            | ลำดับ | ตัวชี้วัด | คะแนน | ระดับ |
            |---|---|---|---|
            | ๑ | การเปิดเผยข้อมูล | ๑๐๐.๐๐ | AA |
            | ๒ | การปฏิบัติหน้าที่ | ๙๕.๒๐ | AA |
            | | คะแนนรวม | ๘๘.๕๐ | A |
            """
        let result = extract(text)
        #expect(rows(result.assessments) == ["2567 88.50 A"])
        #expect(rows(result.indicatorScores) == ["9 2567 100.00 #1", "1 2567 95.20 #2"])
    }

    @Test func overallResultsWithTheYearsAsColumnsTakeTheirGradesFromTheGradeRow() {
        let text = """
            | รายการ | ปี 2565 | ปี 2566 |
            |---|---|---|
            | คะแนนรวม | 89.10 | 95.02 |
            | ระดับผลการประเมิน | ผ่านดี | ผ่านดีเยี่ยม |
            """
        #expect(rows(extract(text).assessments) == ["2565 89.10 ผ่านดี", "2566 95.02 ผ่านดีเยี่ยม"])
    }

    @Test func aYearBesideAnIndicatorIsNotAnOverallResult() {
        let text = """
            ปี\tตัวชี้วัด\tคะแนน
            2566\tการปฏิบัติหน้าที่\t95.00
            2566\tการใช้งบประมาณ\t90.00
            2566\tการใช้อำนาจ\t85.00
            """
        let result = extract(text)
        #expect(result.assessments.isEmpty)
        #expect(rows(result.indicatorScores).count == 3)
    }

    @Test func aCalendarDateIsNotTheAssessmentYear() {
        let text = """
            ผลการประเมิน ITA ปี ๒๕๖๕

            ประกาศผล ณ วันที่ ๓๐ กันยายน ๒๕๖๖ หน่วยงานได้ผลการประเมิน ๘๘.๘๘ คะแนน ระดับ B
            """
        #expect(rows(extract(text).assessments) == ["2565 88.88 B"])
    }
}

@Suite struct LabelAndConflictTests {
    @Test func aGarbledLabelIsResolvedFromAStatementOfTheSameScoreAndAnUnresolvableOneIsDropped() {
        let text = """
            คะแนนรายตัวชี้วัด ปี ๒๕๖๕

            ลำดับ\tตัวชี้วัด\tคะแนน
            1\tการเปิดเผยข้อมูล\t100.00
            2\tการใช้จ่ายเงินหลวง\t97.96
            3\tคุณภาพการดำเนินงาน\t91.12
            4\tความพงพอใจของผู้รับบรการ\t66.66

            ตัวชี้วัดที่ได้คะแนนสูง ได้แก่ ตัวชี้วัดการใช้อำนาจ ได้คะแนน ๙๗.๙๖ คะแนน
            """
        let result = extract(text)
        // Row 2 is indicator 3 (the prose gives 97.96 to การใช้อำนาจ); it keeps the table's label and place.
        #expect(rows(result.indicatorScores) == ["9 2565 100.00 #1", "3 2565 97.96 #2", "6 2565 91.12 #3"])
        #expect(result.indicatorScores[1].label == "การใช้จ่ายเงินหลวง")
        #expect(result.indicatorScores[1].at.line == 5)
        let garbled = result.issues.filter { $0.code == "garbled_label" }
        #expect(garbled.count == 2)
        #expect(garbled.contains { $0.path == "/indicator_scores/1/label" })
        #expect(garbled.contains { $0.path == "" && $0.message.contains("66.66") })
        #expect(!result.issues.contains { $0.code == "indicator_conflict" })
    }

    @Test func twoScoresForOneIndicatorAndYearConflictAndTheTableWins() {
        let text = """
            ผลการประเมิน ปี ๒๕๖๖ พบว่า ตัวชี้วัดประสิทธิภาพการสื่อสาร ได้คะแนน ๘๕.๐๐ คะแนน และตัวชี้วัดการใช้อำนาจ ได้คะแนน ๙๙.๐๐ คะแนน

            ตัวชี้วัด\tคะแนน ปี ๒๕๖๖
            ประสิทธิภาพการสื่อสาร\t๘๘.๐๐
            การใช้อำนาจ\t๙๙.๐๐
            """
        let result = extract(text)
        #expect(rows(result.indicatorScores) == ["7 2566 88.00 #-", "3 2566 99.00 #-"])
        #expect(result.indicatorScores.map(\.at.line) == [4, 5])
        // The repeated 99.00 is no conflict; 85.00 against 88.00 is one.
        #expect(codes(result) == ["indicator_conflict"])
        #expect(result.issues.first?.path == "/indicator_scores/0/score")
    }

    @Test func aDocumentWithoutTablesOrScoresHasEmptyLists() {
        let text = """
            รายงานการประชุมคณะทำงาน

            ที่ประชุมได้พิจารณาแนวทางการเผยแพร่ข้อมูลบนเว็บไซต์ และมอบหมายให้กองคลังดำเนินการ ภายในวันที่ ๓๐ กันยายน ๒๕๖๗

            ๑. จัดทำแผนการดำเนินงาน
            ๒. รายงานผลทุก ๓ เดือน
            """
        let result = extract(text)
        #expect(result.assessments.isEmpty)
        #expect(result.indicatorScores.isEmpty)
        #expect(result.toolScores.isEmpty)
        #expect(result.questionScores.isEmpty)
        #expect(result.measures.isEmpty)
        #expect(result.signatories.isEmpty)
        #expect(result.issues.isEmpty)
    }
}
