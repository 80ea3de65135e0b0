import Foundation
import RecordModel
import Testing

@testable import Evaluation

@Suite struct TextComparisonTests {
    @Test func normalizesDigitsSpacesMarkupAndInvisibles() {
        #expect(TextComparison.normalize("  ปี\u{00A0}๒๕๖๖ \t\n ก ") == "ปี 2566 ก")
        #expect(TextComparison.normalize("<p>**มาตรการ**</p> | ข\u{200B}ค") == "มาตรการ ขค")
        #expect(TextComparison.normalize("ก\u{0E4D}\u{0E32}") == "กำ")
        #expect(TextComparison.normalize("a < b > c") == "a < b > c")
    }

    @Test func similarityIsOneMinusNormalizedEditDistance() {
        #expect(TextComparison.similarity("abcd", "abce") == 0.75)
        #expect(TextComparison.similarity("ab", "abcd") == 0.5)
        #expect(TextComparison.similarity(nil, nil) == 1)
        #expect(TextComparison.similarity("a", nil) == 0)
        #expect(TextComparison.similarity(nil, "") == 0)
        #expect(TextComparison.editSimilarity("", "") == 1)
        // Counted per Unicode scalar: a wrong tone mark is one edit in four scalars (ก ี ่ x).
        #expect(TextComparison.editSimilarity("กี่x", "กี้x") == 0.75)
    }

    @Test func scoresEqualWithinHalfAHundredth() {
        #expect(TextComparison.scoresEqual(95.00, 95.004))
        #expect(TextComparison.scoresEqual(95.00, 95.005))
        #expect(!TextComparison.scoresEqual(95.00, 95.01))
    }
}

@Suite struct CompareTests {
    let evaluator = Evaluator()

    /// A record with something in every category.
    static let full = record("corpus/000_a.txt") { r in
        r.document = DocumentInfo(
            kind: .memo, title: "รายงาน ปี 2566",
            organization: Organization(name: "เทศบาลตำบลนาแซง", type: "เทศบาลตำบล", district: "เสลภูมิ", province: "ร้อยเอ็ด"),
            fiscalYearBE: 2566)
        r.memo = Memo(
            department: "สำนักปลัด", reference: "รอ 56101/77", date: MemoDate(text: "19 เมษายน 2566", iso: "2023-04-19", precision: .day),
            subject: "รายงาน ปี 2566", addressee: "นายก", enclosures: ["แบบรายงาน 1 ชุด"])
        r.assessments = [Assessment(yearBE: 2565, score: 95.02, level: "AA", at: here)]
        r.indicatorScores = [indicator(1, 2565, 100), indicator(2, 2565, 90.5)]
        r.toolScores = [ToolScore(tool: .iit, part: nil, yearBE: 2565, score: 88, at: here)]
        r.questionScores = [QuestionScore(code: "i1", tool: .iit, yearBE: 2565, score: 77.7, text: nil, at: here)]
        r.measures = [Measure(title: "1. เผยแพร่ข้อมูล", steps: ["ก", "ข"], responsible: ["สำนักปลัด", "กองคลัง"], status: .done, at: here)]
        r.signatories = [signatory("ศุภชัย โสภานไฮ", position: "นักทรัพยากรบุคคล", actingFor: "นักวิเคราะห์")]
    }

    @Test func perfectMatchScoresOneEverywhere() {
        let score = evaluator.compare(gold: Self.full, prediction: Self.full)
        for category in score.categories {
            #expect(category.f1 == 1 && category.precision == 1 && category.recall == 1, "\(category.category)")
            #expect(!category.isEmpty)
        }
        #expect(score[.memo].truePositives == 9)
        #expect(score[.document].truePositives == 7)
        #expect(score[.measures].meanSimilarity == 1)
        #expect(score[.signatories].fieldSimilarity == ["position": 1, "acting_for": 1])
        #expect(score.overall.f1 == 1)
        #expect(score.differences.isEmpty)
        #expect(score.status == .record)
    }

    @Test func oneMissingIndicatorOfFour() {
        let gold = record("a.txt") { $0.indicatorScores = [indicator(1, 2566, 90), indicator(2, 2566, 80), indicator(3, 2566, 70), indicator(4, nil, 60)] }
        var prediction = gold
        prediction.indicatorScores.remove(at: 2)
        let s = evaluator.compare(gold: gold, prediction: prediction)[.indicatorScores]
        #expect(counts(s) == [3, 0, 1])
        #expect(s.precision == 1)
        #expect(s.recall == 0.75)
        #expect(abs(s.f1 - 6.0 / 7.0) < 1e-12)
    }

    @Test func scoresWithinToleranceMatch() {
        let gold = record("a.txt") { $0.assessments = [Assessment(yearBE: 2566, score: 95.00, level: "A", at: here)] }
        var close = gold
        close.assessments[0].score = 95.004
        var far = gold
        far.assessments[0].score = 95.01
        #expect(evaluator.compare(gold: gold, prediction: close)[.assessments].f1 == 1)
        let wrong = evaluator.compare(gold: gold, prediction: far)
        #expect(counts(wrong[.assessments]) == [0, 1, 1])
        #expect(wrong.differences == ["assessments: missed (year 2566, score 95.0, level A)", "assessments: spurious (year 2566, score 95.01, level A)"])
    }

    @Test func toleranceMatchingPairsAsManyAsPossible() {
        // 95.004 is close to both gold scores; pairing it with 95.000 would leave 95.008 without a partner.
        let gold = record("a.txt") { $0.indicatorScores = [indicator(1, 2566, 95.000), indicator(1, 2566, 95.008)] }
        let prediction = record("a.txt") { $0.indicatorScores = [indicator(1, 2566, 95.004), indicator(1, 2566, 94.998)] }
        #expect(evaluator.compare(gold: gold, prediction: prediction)[.indicatorScores].truePositives == 2)
    }

    @Test func thaiDigitsAndExtraSpacesStillMatch() {
        let gold = record("a.txt") {
            $0.document.title = "มาตรการ ปี 2566"
            $0.questionScores = [QuestionScore(code: "o41", tool: .oit, yearBE: 2566, score: 50, text: nil, at: here)]
        }
        let prediction = record("a.txt") {
            $0.document.title = "  มาตรการ   ปี ๒๕๖๖ "
            $0.questionScores = [QuestionScore(code: "o๔๑", tool: nil, yearBE: 2566, score: 50, text: "x", at: here)]
        }
        let score = evaluator.compare(gold: gold, prediction: prediction)
        #expect(score[.document].f1 == 1)
        #expect(score[.questionScores].f1 == 1)
    }

    @Test func wrongHeaderFieldIsOneFalsePositiveAndOneFalseNegative() {
        let gold = record("a.txt") { $0.document.fiscalYearBE = 2566 }
        let prediction = record("a.txt") { $0.document.fiscalYearBE = 2567 }
        let score = evaluator.compare(gold: gold, prediction: prediction)
        #expect(counts(score[.document]) == [6, 1, 1])
        #expect(score.differences == [#"document.fiscal_year_be: expected "2566", got "2567""#])
    }

    @Test func memoNullOnBothSidesIsNotCounted() {
        let report = record("a.txt")
        let score = evaluator.compare(gold: report, prediction: report)
        #expect(score[.memo].isEmpty)
        #expect(score[.memo].f1 == 1)
        #expect(score.overall.truePositives == 7)
    }

    @Test func memoOnOneSideOnlyMakesEveryMemoFieldWrong() {
        let memo = record("a.txt") { $0.memo = Memo(subject: "x") }
        let report = record("a.txt")
        for (gold, prediction) in [(memo, report), (report, memo)] {
            let s = evaluator.compare(gold: gold, prediction: prediction)[.memo]
            #expect(counts(s) == [0, 9, 9])
        }
        // A memo compared with a memo counts null fields that agree as right.
        let s = evaluator.compare(gold: memo, prediction: record("a.txt") { $0.memo = Memo(subject: "y") })[.memo]
        #expect(counts(s) == [8, 1, 1])
    }

    @Test func listFieldsCompareAsOneFieldEach() {
        let gold = record("a.txt") { $0.memo = Memo(enclosures: ["ก", "ข"]) }
        let reordered = record("a.txt") { $0.memo = Memo(enclosures: ["ข", "ก"]) }
        let spaced = record("a.txt") { $0.memo = Memo(enclosures: [" ก", "ข  "]) }
        let score = evaluator.compare(gold: gold, prediction: reordered)
        #expect(score[.memo].falseNegatives == 1)
        #expect(score.differences == [#"memo.enclosures: expected ["ก", "ข"], got ["ข", "ก"]"#])
        #expect(evaluator.compare(gold: gold, prediction: spaced)[.memo].f1 == 1)
    }

    @Test func missingPredictionLosesAllRecall() {
        let score = evaluator.compare(gold: Self.full, prediction: nil)
        #expect(score.status == .missing)
        for category in score.categories {
            #expect(category.recall == 0, "\(category.category)")
            #expect(category.falsePositives == 0)
        }
        #expect(score.overall.truePositives == 0)
        #expect(score.overall.f1 == 0)
    }

    @Test func signatoryPositionSimilarity() {
        let gold = record("a.txt") { $0.signatories = [signatory("ก ข", position: "abcd"), signatory("ค ง")] }
        let prediction = record("a.txt") { $0.signatories = [signatory("ก  ข", position: "abce"), signatory("จ ฉ")] }
        let score = evaluator.compare(gold: gold, prediction: prediction)
        let s = score[.signatories]
        #expect(counts(s) == [1, 1, 1])
        #expect(s.fieldSimilarity == ["position": 0.75, "acting_for": 1])
        #expect(s.meanSimilarity == 0.875)
        #expect(score.differences == [#"signatories: missed "ค ง""#, #"signatories: spurious "จ ฉ""#])
    }

    @Test func repeatedSignatoryNamesPairInDocumentOrder() {
        let gold = record("a.txt") { $0.signatories = [signatory("ก ข", position: "a"), signatory("ก ข", position: "b")] }
        let prediction = record("a.txt") { $0.signatories = [signatory("ก ข", position: "a"), signatory("ก ข", position: "b")] }
        #expect(evaluator.compare(gold: gold, prediction: prediction)[.signatories].fieldSimilarity["position"] == 1)
    }

    /// Titles of 20 scalars; `edits` trailing ones changed.
    private func measureTitlePair(edits: Int) -> (Record, Record) {
        let title = "abcdefghijklmnopqrst"
        let changed = String(title.dropLast(edits)) + String(repeating: "#", count: edits)
        return (record("a.txt") { $0.measures = [Measure(title: title, at: here)] }, record("a.txt") { $0.measures = [Measure(title: changed, at: here)] })
    }

    @Test(arguments: [(7, true), (8, true), (9, false)])
    func measureTitleThreshold(edits: Int, matches: Bool) {
        // 7 edits: 0.65, 8: exactly 0.6, 9: 0.55.
        let (gold, prediction) = measureTitlePair(edits: edits)
        let s = evaluator.compare(gold: gold, prediction: prediction)[.measures]
        #expect(s.truePositives == (matches ? 1 : 0))
        #expect(s.falseNegatives == (matches ? 0 : 1))
    }

    @Test func measuresMatchBestPairFirst() {
        // The prediction is 0.8 like the first gold title and identical to the second: it goes to the second,
        // although a document-order matcher would give it to the first.
        let gold = record("a.txt") { $0.measures = [Measure(title: "abcdx", at: here), Measure(title: "abcde", at: here)] }
        let prediction = record("a.txt") { $0.measures = [Measure(title: "abcde", at: here)] }
        let score = evaluator.compare(gold: gold, prediction: prediction)
        #expect(score[.measures].truePositives == 1)
        #expect(score.differences == [#"measures: missed "abcdx""#])
    }

    @Test func matchedMeasureFieldSimilarity() {
        let gold = record("a.txt") {
            $0.measures = [Measure(title: "ม", indicator: 9, issue: "abcd", steps: ["ก", "ข"], responsible: ["x"], status: .done, at: here)]
        }
        let prediction = record("a.txt") {
            $0.measures = [Measure(title: "ม", indicator: 9, issue: "abce", steps: ["ก", " ข "], responsible: ["x"], status: .inProgress, at: here)]
        }
        let s = evaluator.compare(gold: gold, prediction: prediction)[.measures]
        #expect(s.fieldSimilarity["issue"] == 0.75)
        #expect(s.fieldSimilarity["status"] == 0)
        #expect(s.fieldSimilarity["steps"] == 1)
        #expect(s.fieldSimilarity["indicator"] == 1)
        // issue 0.75, status 0, the other eight 1.
        #expect(s.meanSimilarity == 0.875)
        let overall = evaluator.compare(gold: gold, prediction: prediction).overall
        // 7 document fields and the title right, then the ten fields: 8.75 TP, 1.25 FP and FN.
        #expect(overall.truePositives == 16.75)
        #expect(overall.falsePositives == 1.25)
        #expect(overall.falseNegatives == 1.25)
    }
}
