import RecordModel
import Testing

@testable import Extraction

private func assessments(_ text: String) -> [String] {
    extract(text).assessments.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" }
}

/// One overall result, 2566 / 93.40 / ผ่านดี, in each word order the genre uses; every one gives the same item.
@Suite struct OverallStatementOrderTests {
    static let heading = "ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2566\n\n"

    @Test(arguments: [
        "เทศบาลตำบลหนองกกได้คะแนน 93.40 คะแนน อยู่ในระดับผ่านดี",
        "เทศบาลตำบลหนองกก มีผลการประเมินอยู่ในระดับผ่านดี ด้วยคะแนน 93.40 คะแนน",
        "เทศบาลตำบลหนองกก ได้รับการประเมินระดับ ผ่านดี ด้วยคะแนน 93.40",
        "เทศบาลตำบลหนองกกได้คะแนน ITA ร้อยละ 93.40 อยู่ในระดับผ่านดี",
        "ผลคะแนน ITA ปี 2566 = 93.40 คะแนน (ระดับผ่านดี)",
        "ปีงบประมาณ 2566 เทศบาลตำบลหนองกกได้ 93.40 คะแนน ระดับ ผ่านดี",
        "เทศบาลตำบลหนองกก ได้ ๙๓.๔๐ คะแนน อยู่ในระดับ “ผ่านดี”",
        "เทศบาลตำบลหนองกกได้คะเเนน 93.40คะแนน ระดับผ่านดี",
        "เทศบาลตำบลหนองกก มีคะแนนเฉลี่ย 93.40 คะแนน ผ่านเกณฑ์ในระดับผ่านดี",
        "ผลคะแนนปีนี้อยู่ที่ 93.40 คะแนน อยู่ในระดับผ่านดี",
    ])
    func everyOrderGivesTheSameItem(_ sentence: String) {
        #expect(assessments(Self.heading + sentence) == ["2566 93.40 ผ่านดี"])
    }

    @Test(arguments: [
        "เทศบาลตำบลหนองกกผ่านการประเมิน ITA ด้วยผลคะแนนเฉลี่ย 93.40",
        "เทศบาลตำบลหนองกก ได้ 93.40 คะแนน",
        "ผลการประเมิน ITA ของเทศบาลตำบลหนองกก ได้ 93.40 คะแนน ผ่านการประเมิน",
    ])
    func aPassVerbOrNoWordGivesNoLevel(_ sentence: String) {
        #expect(assessments(Self.heading + sentence) == ["2566 93.40 -"])
    }

    @Test func theHeadlineAndTheBodyStateOneResult() {
        let text = """
            อบต.หนองกก ได้ ITA 93.40 คะแนน ประจำปี 2566

            องค์การบริหารส่วนตำบลหนองกก ได้รับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 ได้ 93.40 คะแนน อยู่ในระดับผ่านดี
            """
        let found = extract(text).assessments
        #expect(found.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" } == ["2566 93.40 ผ่านดี"])
        #expect(found.first?.at.line == 1)
    }

    @Test func aHeadlineWithoutTheYearIsTheBodysResult() {
        let text = """
            ข่าวดี! ทต.หนองกก ได้ ITA ในภาพรวม 96.06 คะแนน

            เทศบาลตำบลหนองกก ขอรายงานผลการประเมิน ปีงบประมาณ พ.ศ. 2567 ซึ่งได้คะแนนในภาพรวม 96.06 คะแนน อยู่ในระดับผ่านดีเยี่ยม
            """
        let found = extract(text).assessments
        #expect(found.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" } == ["2567 96.06 ผ่านดีเยี่ยม"])
        #expect(found.first?.at.line == 1)
    }

    @Test func twoYearsInOneSentence() {
        let text = Self.heading + "ได้คะแนนรวมเพิ่มจาก 90.10 คะแนน (ปี 2565) เป็น 93.40 คะแนน อยู่ในระดับผ่านดี"
        #expect(Set(assessments(text)) == ["2565 90.10 -", "2566 93.40 ผ่านดี"])
    }

    @Test func aPreviousYearWrittenAfterItsScore() {
        let text = Self.heading + "ผลคะแนนปีนี้อยู่ที่ 93.40 คะแนน สูงขึ้นจาก 90.10 คะแนนเมื่อปี 2565"
        #expect(Set(assessments(text)) == ["2565 90.10 -", "2566 93.40 -"])
    }

    @Test func aHistoryInOneSentence() {
        let text = "คะแนน ITA ของเทศบาลตำบลหนองกกย้อนหลัง 3 ปี ได้แก่ 88.10 คะแนน (2564) 92.33 คะแนน (2565) และ 95.81 คะแนน (2566)"
        #expect(assessments(text) == ["2564 88.10 -", "2565 92.33 -", "2566 95.81 -"])
        let years = "ปี 2564 ได้ 88.10 คะแนน ปี 2565 ได้ 92.33 คะแนน และปี 2566 ได้ 95.81 คะแนน ของผลการประเมิน ITA"
        #expect(assessments(years) == ["2564 88.10 -", "2565 92.33 -", "2566 95.81 -"])
    }

    @Test func aGradeTiedToAYearByTheSentence() {
        let text = Self.heading
            + "ผลคะแนนปีนี้อยู่ที่ 93.40 คะแนน สูงขึ้นจาก 91.00 คะแนนเมื่อปี 2565 แต่ระดับเปลี่ยนจาก “ผ่านดี” ในปี 2565 มาเป็น “ผ่าน” ในปีนี้"
        #expect(Set(assessments(text)) == ["2565 91.00 ผ่านดี", "2566 93.40 ผ่าน"])
    }

    @Test func twoDigitYears() {
        let text = "อบต.หนองกก แจ้งผลประเมิน ITA ปี 66\n\nได้ 93.40 คะแนน ดีขึ้นจากปี 65 ที่ได้ 84.10 คะแนน ระดับ B"
        #expect(Set(assessments(text)) == ["2566 93.40 -", "2565 84.10 B"])
    }

    @Test func aDashedListUnderALeadSentence() {
        let text = """
            เทศบาลนครบึงใหญ่มีผลคะแนนดีขึ้นทุกปี ดังนี้
            - ปีงบประมาณ 2564 ได้ 81.10 คะแนน (ระดับ B)
            - ปีงบประมาณ 2565 ได้ 88.20 คะแนน (ระดับ A)
            """
        #expect(assessments(text) == ["2564 81.10 B", "2565 88.20 A"])
    }
}

/// Numbers beside "คะแนน" that are not the organisation's score: each trap gives nothing.
@Suite struct NotAScoreTests {
    static let heading = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 ของเทศบาลตำบลหนองกก\n\n"

    @Test(arguments: [
        ("difference", "คะแนนเพิ่มขึ้นจากปีก่อน 1.04 คะแนน"),
        ("difference", "ซึ่งมีผลต่าง 3.03 คะแนน"),
        ("difference", "ลดลงจากปีงบประมาณ พ.ศ. 2565 จำนวน 2.18 คะแนน"),
        ("threshold", "ยังต่ำกว่าเกณฑ์ 85 คะแนน"),
        ("threshold", "ได้คะแนนมากกว่า 95 คะแนน"),
        ("threshold", "ตั้งเป้าหมายไว้ไม่น้อยกว่า 90 คะแนน"),
        ("range", "ช่วงคะแนน 95.00 - 100.00 คะแนน"),
        ("full marks", "จากคะแนนเต็ม 100 คะแนน"),
        ("full marks", "(คะแนนเต็มของแต่ละแบบคือ 100 คะแนน)"),
        ("rank", "เป็นลำดับที่ 2 ของจังหวัด"),
        ("rank", "อยู่อันดับที่ 9 จาก 31 หน่วยงาน"),
        ("count", "จากหน่วยงานทั้งหมด 8,290 หน่วยงาน"),
        ("national average", "ขณะที่ภาพรวมระดับประเทศอยู่ที่ 93.00 คะแนน"),
        ("group average", "สูงกว่าค่าเฉลี่ยของเทศบาลตำบลทั่วประเทศซึ่งอยู่ที่ 92.05 คะแนน"),
        ("date", "ประกาศผลเมื่อวันที่ 21 สิงหาคม 2566 เวลา 10.00 น."),
        ("counter", "เข้าชม 96 ครั้ง"),
        ("address", "ที่มา https://itas.example.go.th/report?Year=2021&Id=77"),
        ("old-model index", "1) ดัชนีความโปร่งใส ได้คะแนนเท่ากับร้อยละ 88.10 อยู่ในระดับสูงมาก"),
        ("item number", "ภายในหน่วยงาน (OIT) 1. มอบหมายสำนักปลัดจัดกิจกรรม"),
    ])
    func aTrapGivesNothing(_ trap: (String, String)) {
        let result = extract(Self.heading + trap.1)
        #expect(result.assessments.isEmpty, "\(trap.0)")
        #expect(result.toolScores.isEmpty && result.indicatorScores.isEmpty, "\(trap.0)")
    }

    @Test func anotherBodyOfARankingIsNotTheOrganisation() {
        let text = Self.heading + "เทศบาลตำบลหนองกกได้คะแนนสูงสุด 98.07 คะแนน รองลงมาคือ ทต.บ้านนา 97.64 คะแนน และ ทต.ดอนดู่ 97.02 คะแนน"
        #expect(assessments(text) == ["2566 98.07 -"])
    }

    @Test func fullMarksReachedIsAScore() {
        let text = Self.heading + "โดยแบบตรวจ (OIT) ได้คะแนนเต็ม 100 คะแนน ส่วนแบบวัด IIT ได้ 91.32 คะแนน"
        let tools = extract(text).toolScores.map { "\($0.tool.rawValue) \(format($0.score))" }
        #expect(tools == ["OIT 100.00", "IIT 91.32"])
    }

    @Test func aToolsValueWrittenRightAfterItsName() {
        let text = Self.heading + "แยกตามเครื่องมือ IIT = 95.12, EIT: 90.11 และ (OIT) 88.00"
        let tools = extract(text).toolScores.map { "\($0.tool.rawValue) \(format($0.score))" }
        #expect(tools == ["IIT 95.12", "EIT 90.11", "OIT 88.00"])
    }

    @Test func itemsRunIntoOneLineKeepTheirNumbersOutOfTheScores() {
        let text = Self.heading + "โดยแยกเป็น 1) แบบวัด (IIT) ได้ 96.20 คะแนน 2) แบบวัด (EIT) ได้ 92.48 คะแนน 3) แบบตรวจ (OIT) ได้ 95.42 คะแนน"
        let tools = extract(text).toolScores.map { "\($0.tool.rawValue) \(format($0.score))" }
        #expect(tools == ["IIT 96.20", "EIT 92.48", "OIT 95.42"])
    }

    @Test func aSideNoteYearDoesNotSetTheYearAfterIt() {
        let text = Self.heading + "ได้ 85.92 คะแนน (ปี 2565 ได้ 88.40 คะแนน) สาเหตุหลักมาจากแบบวัด EIT ซึ่งได้เพียง 81.33 คะแนน"
        let tools = extract(text).toolScores.map { "\($0.tool.rawValue) \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" }
        #expect(tools == ["EIT 2566 81.33"])
        #expect(Set(assessments(text)) == ["2566 85.92 -", "2565 88.40 -"])
    }
}

/// Indicator, tool and question scores stated in lists and prose.
@Suite struct ListStatementTests {
    @Test func aBulletListOfIndicatorsWithoutTheWordคะแนน() {
        let text = """
            สรุปผลคะแนน ITA รายตัวชี้วัด ประจำปี ๒๕๖๖

            • ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ๙๘.๕๒
            • ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล 100
            """
        let found = extract(text).indicatorScores.map { "\($0.indicator) \($0.yearBE.map(String.init) ?? "-") \(format($0.score)) #\($0.docNumber.map(String.init) ?? "-")" }
        #expect(found == ["1 2566 98.52 #1", "9 2566 100.00 #9"])
    }

    @Test func aQuestionsWordingThatNamesAnIndicatorIsStillTheQuestions() {
        let text = """
            ผลการประเมิน ITA ประจำปี 2566

            แบบวัด IIT ข้อที่ได้คะแนนต่ำ ได้แก่ ข้อ i4 การใช้จ่ายงบประมาณเป็นไปตามวัตถุประสงค์ ได้ 86.50 คะแนน
            - o12 การเปิดโอกาสให้เกิดการมีส่วนร่วมในการป้องกันการทุจริต ได้ 75 คะแนน
            - ๐33 รายงานผลการดำเนินการ ได้ 0 คะแนน
            """
        let result = extract(text)
        #expect(result.indicatorScores.isEmpty)
        #expect(result.questionScores.map { "\($0.code) \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" }
            == ["i4 2566 86.50", "o12 2566 75.00", "o33 2566 0.00"])
    }

    @Test func aCaptionlessTableTakesTheHeadingYearNotASideNotes() {
        let text = """
            รายงานผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567

            หน่วยงานได้คะแนนรวม 90.36 คะแนน (ปีงบประมาณ 2566 : 88.12 คะแนน) ดังนี้

            เครื่องมือ\tน้ำหนัก\tคะแนน
            IIT\t30\t93.48
            OIT\t40\t90.11
            """
        let tools = extract(text).toolScores.map { "\($0.tool.rawValue) \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" }
        #expect(tools == ["IIT 2567 93.48", "OIT 2567 90.11"])
    }

    @Test func yearColumnsWithoutTheWordปีAreAHeader() {
        let text = """
            คะแนนรายตัวชี้วัด

            ตัวชี้วัด\t2565\t2566
            การปฏิบัติหน้าที่\t97.80\t98.12
            การใช้งบประมาณ\t93.15\t94.60
            คะแนนรวม ITA\t87.48\t91.82
            ระดับ\tA\tผ่านดี
            """
        let result = extract(text)
        #expect(result.indicatorScores.count == 4)
        #expect(result.assessments.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" } == ["2565 87.48 A", "2566 91.82 ผ่านดี"])
    }

    @Test func aRemarkColumnDoesNotHideAYearRow() {
        let text = """
            | ปีงบประมาณ | คะแนน | ระดับ | หมายเหตุ |
            |---|---|---|---|
            | 2565 | 95.30 | AA | เกณฑ์ AA - F |
            | 2566 | 93.65 | ผ่านดี | เกณฑ์ใหม่ |
            """
        #expect(assessments(text) == ["2565 95.30 AA", "2566 93.65 ผ่านดี"])
    }
}

/// Forms of the genre that sit across lines or qualify a subject.
@Suite struct StatementContextTests {
    @Test func aGradeOnTheLineAfterItsScore() {
        let text = "ผลการประเมิน ITA ประจำปี 2567\n\nผลคะแนน ITA : 92.15\nระดับ : ผ่านดี\n"
        #expect(extract(text).assessments.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" } == ["2567 92.15 ผ่านดี"])
    }

    @Test func aToolInParenthesesAfterAnIndicatorNamesTheIndicatorsTool() {
        let text = "ผลการประเมิน ITA ประจำปี 2567\n\nตัวชี้วัดการเปิดเผยข้อมูล (OIT) ได้คะแนน 85.50 คะแนน"
        let result = extract(text)
        #expect(result.indicatorScores.map { "\($0.indicator) \(format($0.score))" } == ["9 85.50"])
        #expect(result.toolScores.isEmpty)
    }

    @Test func theMaximumAScoreIsOutOfIsNotAScore() {
        let text = "ผลการประเมิน ITA ประจำปี 2567\n\nเทศบาลได้ 92.15 คะแนน จาก 100 คะแนน"
        #expect(extract(text).assessments.map { format($0.score) } == ["92.15"])
    }
}

/// Histories with a column per year, newest first or last.
@Suite struct HistoryTableTests {
    @Test func aScoreRowAndAGradeRowUnderYearColumnsNewestFirst() {
        let text = """
            ผลการประเมิน ITA ย้อนหลังของเทศบาลตำบลหนองกก

            ปีงบประมาณ\t2566\t2565\t2564
            คะแนน\t95.81\t92.33\t88.10
            ระดับ\tผ่านดีเยี่ยม\tA\tA
            """
        #expect(extract(text).assessments.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" }
            == ["2566 95.81 ผ่านดีเยี่ยม", "2565 92.33 A", "2564 88.10 A"])
    }

    @Test func anITARowUnderYearColumnsOldestFirst() {
        let text = """
            | ปีงบประมาณ | ๒๕๖๗ | ๒๕๖๘ |
            |---|---|---|
            | ผลคะแนน ITA | ๙๑.๒๐ | ๙๓.๔๐ |
            """
        #expect(Set(extract(text).assessments.map { "\($0.yearBE) \(format($0.score))" }) == ["2567 91.20", "2568 93.40"])
    }
}

/// Forms where a word of the genre looks like another: grades inside longer words, totals and
/// differences after รวม, side notes in parentheses, percentages.
@Suite struct LookAlikeTests {
    static let heading = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2565 ของมหาวิทยาลัยตัวอย่าง\n\n"

    private func rows(_ text: String) -> [String] {
        extract(text).assessments.map { "\($0.yearBE) \(format($0.score)) \($0.level ?? "-")" }
    }

    @Test func aFormerGradeInsideALongerWordIsNoGrade() {
        #expect(rows(Self.heading + "อยู่ในระดับ AA ด้วยคะแนน 96.10 คะแนน เป็นครั้งแรกที่ได้รับระดับสูงสุด") == ["2565 96.10 AA"])
    }

    @Test func anotherAssessmentsNameHoldingAToolsIsNotTheTool() {
        let result = extract(Self.heading + "ได้ 91.00 คะแนน และยังผ่านการประเมิน MOIT ร้อยละ 100 ต่อเนื่องเป็นปีที่ 3")
        #expect(result.toolScores.isEmpty)
        #expect(rows(Self.heading + "ได้ 91.00 คะแนน") == ["2565 91.00 -"])
    }

    @Test func รวมIsATotalUnlessADifferenceComesFirst() {
        #expect(rows(Self.heading + "ได้รับผลคะแนนการประเมิน ITA รวม 86.59 คะแนน") == ["2565 86.59 -"])
        #expect(rows(Self.heading + "ได้ 88.00 คะแนน สูงกว่าปี 2564 รวม 5.20 คะแนน") == ["2565 88.00 -"])
    }

    @Test func aSideNoteInParenthesesIsAClauseOfItsOwn() {
        let text = Self.heading + "ได้คะแนน 94.76 คะแนน เพิ่มขึ้นจากปีงบประมาณ พ.ศ. 2564 (91.85 คะแนน ระดับ A) 2.91 คะแนน"
        #expect(Set(rows(text)) == ["2565 94.76 -", "2564 91.85 A"])
    }

    @Test func aPercentageAfterTheSentencesScoreWord() {
        let text = "กรมตัวอย่างได้คะแนนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ปีงบประมาณ พ.ศ. 2564 ร้อยละ 90.02 อยู่ในระดับ A"
        #expect(rows(text) == ["2564 90.02 A"])
    }

    @Test func aComparisonYearLaterInTheSentenceDoesNotSetTheTablesYear() {
        let text = """
            ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 มหาวิทยาลัยตัวอย่าง ได้ 90.30 คะแนน เพิ่มขึ้นจากปีงบประมาณ พ.ศ. 2565 ซึ่งได้ 87.66 คะแนน

            เครื่องมือ\tคะแนน
            IIT\t92.10
            """
        #expect(extract(text).toolScores.map { "\($0.tool.rawValue) \($0.yearBE.map(String.init) ?? "-")" } == ["IIT 2566"])
    }

    @Test func aGradeRowNamedผลการประเมินUnderYearColumns() {
        let text = """
            ตัวชี้วัด\t2566\t2567
            การเปิดเผยข้อมูล\t91.67\t97.22
            การป้องกันการทุจริต\t81.25\t90.63
            คะแนนรวม\t88.28\t92.28
            ผลการประเมิน\tผ่าน\tผ่านดี
            """
        #expect(rows(text) == ["2566 88.28 ผ่าน", "2567 92.28 ผ่านดี"])
    }

    @Test func bareNumbersInAQuestionColumnTakeTheHeadingsTool() {
        let text = """
            แบบวัด IIT ข้อที่ได้ต่ำกว่า 90 คะแนน ปี 2566

            ข้อ\tข้อคำถาม\tคะแนน
            7\tบุคลากรในหน่วยงานปฏิบัติงานตามขั้นตอนที่กำหนด\t89.12
            14\tการใช้ทรัพย์สินของราชการเป็นไปอย่างถูกต้อง\t86.40
            """
        let result = extract(text)
        #expect(result.indicatorScores.isEmpty)
        #expect(result.questionScores.map { "\($0.code) \($0.yearBE.map(String.init) ?? "-") \(format($0.score))" } == ["i7 2566 89.12", "i14 2566 86.40"])
    }
}
