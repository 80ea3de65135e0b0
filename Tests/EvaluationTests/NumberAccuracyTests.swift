import Evaluation
import RecordModel
import Testing

@Suite struct NumberAccuracyTests {
    let evaluator = Evaluator()

    /// Gold: a 2567 assessment of 88.42 and two indicator scores with their years; 24 digits in all.
    let gold = record("a.txt") {
        $0.assessments = [Assessment(yearBE: 2567, score: 88.42, level: "ผ่าน", at: here)]
        $0.indicatorScores = [indicator(1, 2567, 96.15), indicator(2, 2567, 92.80)]
    }

    @Test func aPerfectReadingHasEveryDigitRight() {
        let n = evaluator.compare(gold: gold, prediction: gold).numbers
        #expect(n.digits == 24 && n.right == 24 && n.accuracy == 1)
    }

    @Test func oneMisreadDigitCostsOneDigitAndAMissingNumberAllOfIts() {
        var p = gold
        p.assessments[0].score = 85.42  // one digit misread (๘ as ๕)
        p.indicatorScores[1].yearBE = 2565  // one digit misread
        p.indicatorScores.remove(at: 0)  // 8 digits missing
        let n = evaluator.compare(gold: gold, prediction: p).numbers
        #expect(n.digits == 24)
        #expect(n.right == 24 - 1 - 1 - 8)
        // Half the digits wrong is another number, not a misreading of this one.
        p.assessments[0].score = 55.42
        #expect(evaluator.compare(gold: gold, prediction: p).numbers.right == 24 - 4 - 1 - 8)
    }

    @Test func theReportSumsItsDocuments() {
        let report = evaluator.compare(gold: gold, prediction: nil).numbers + evaluator.compare(gold: gold, prediction: gold).numbers
        #expect(report.digits == 48 && report.right == 24)
    }
}
