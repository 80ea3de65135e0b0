import RecordModel
import Testing

import Validation

@Suite struct PlausibilityTests {
    let rules = Plausibility(lastYear: 2569)
    let at = Location(line: 1)

    /// A report of 2567 whose overall score is its tools weighted 30/30/40, each tool the mean of its
    /// indicators.
    func consistent() -> Record {
        let indicators: [(Int, Double)] = [(1, 96), (2, 97), (3, 95), (4, 96), (5, 96), (6, 92), (7, 93), (8, 91), (9, 95), (10, 96)]
        return Record(
            source: Source(file: "x.pdf", sha256: String(repeating: "0", count: 64), bytes: 1, format: .pdfOCR),
            document: DocumentInfo(kind: .report, fiscalYearBE: 2567),
            assessments: [Assessment(yearBE: 2567, score: 94.6, level: "ผ่านดี", at: at)],
            indicatorScores: indicators.map { IndicatorScore(indicator: $0.0, label: "", yearBE: 2567, score: $0.1, docNumber: nil, at: at) },
            toolScores: [
                ToolScore(tool: .iit, part: nil, yearBE: 2567, score: 96, at: at),
                ToolScore(tool: .eit, part: nil, yearBE: 2567, score: 92, at: at),
                ToolScore(tool: .oit, part: nil, yearBE: 2567, score: 95.5, at: at),
            ])
    }

    func implausible(_ record: Record) -> [String] {
        rules.issues(record).filter { $0.code == "implausible_value" }.map(\.path)
    }

    @Test func aConsistentRecordKeepsEveryRule() {
        #expect(rules.issues(consistent()).isEmpty)
        #expect(rules.correctingDigits(consistent()).issues.isEmpty)
    }

    @Test(arguments: [2505, 2525, 2590])
    func aYearOutsideTheITAsRunIsImplausible(year: Int) {
        var record = consistent()
        record.toolScores[0].yearBE = year
        #expect(implausible(record).contains("/tool_scores/0/year_be"))
    }

    @Test(arguments: [
        (2564, 96.52, "AA", false), (2564, 50.52, "AA", true), (2564, 88.0, "AA", true), (2564, 96.0, "A", true),
        (2561, 80.45, "สูงมาก", false), (2561, 79.0, "สูงมาก", true),
        // The pass scale also sets minimums per tool: a lower level than the score reaches is a result.
        (2568, 93.18, "ผ่าน", false), (2568, 84.0, "ผ่านดี", true), (2567, 94.0, "AA", true),
    ])
    func aLevelFitsItsScoreOnItsYearsScale(year: Int, score: Double, level: String, broken: Bool) {
        var record = consistent()
        record.toolScores = []
        record.assessments = [Assessment(yearBE: year, score: score, level: level, at: at)]
        #expect(implausible(record).contains("/assessments/0/level") == broken)
    }

    @Test func anOverallScoreFarFromItsWeightedToolsIsImplausible() {
        var record = consistent()
        record.assessments[0].score = 94.2
        #expect(implausible(record) == ["/assessments/0/score"])
    }

    @Test func aToolScoreFarFromTheMeanOfItsIndicatorsIsImplausible() {
        var record = consistent()
        record.indicatorScores[6].score = 98
        #expect(implausible(record) == ["/tool_scores/1/score"])
    }

    @Test func aMemoDatedYearsFromItsFiscalYearIsImplausible() {
        var record = consistent()
        record.memo = Memo(date: MemoDate(text: "มกราคม 2562", iso: "2019-01", precision: .month))
        #expect(implausible(record) == ["/memo/date/iso"])
        record.memo?.date = MemoDate(text: "มกราคม 2568", iso: "2025-01", precision: .month)
        #expect(implausible(record).isEmpty)
    }

    @Test func theOneReadingThatKeepsTheRulesIsTakenAndSaidSo() throws {
        // 94.6 printed in Thai digits, ๙ read as ๕: 54.6 breaks the weights and the level; only 94.6 of
        // the readings of 54.6 keeps both.
        var record = consistent()
        record.assessments[0].score = 54.6
        let (corrected, issues) = rules.correctingDigits(record)
        #expect(corrected.assessments[0].score == 94.6)
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.code == "ocr_corrected")
        #expect(issue.path == "/assessments/0/score")
        #expect(issue.message.contains("54.6") && issue.message.contains("94.6"))
        #expect(rules.issues(corrected).isEmpty)
    }

    @Test func aNumberWithSeveralFittingReadingsIsKeptAndWarned() {
        // 2505 could be 2565, 2568, 2564 or 2569 by the digits OCR confuses: none is taken.
        var record = consistent()
        record.assessments = []
        record.toolScores[0].yearBE = 2505
        let (corrected, issues) = rules.correctingDigits(record)
        #expect(issues.isEmpty)
        #expect(corrected.toolScores[0].yearBE == 2505)
        #expect(implausible(corrected).contains("/tool_scores/0/year_be"))
    }
}
