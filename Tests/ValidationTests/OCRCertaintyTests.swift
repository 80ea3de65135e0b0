import RecordModel
import Testing

import Validation

@Suite struct OCRCertaintyTests {
    func record() -> Record {
        Record(
            source: Source(file: "x.pdf", sha256: String(repeating: "0", count: 64), bytes: 1, format: .pdfOCR),
            document: DocumentInfo(kind: .report, fiscalYearBE: 2567),
            assessments: [Assessment(yearBE: 2567, score: 94.5, level: "ผ่านดี", at: Location(page: 1, line: 3))],
            toolScores: [
                ToolScore(tool: .iit, part: nil, yearBE: 2567, score: 93.96, at: Location(page: 1, line: 5)),
                ToolScore(tool: .eit, part: nil, yearBE: 2567, score: 93.96, at: Location(page: 2, line: 40)),
            ])
    }

    @Test(arguments: [("๙๓.๙๖", 93.96), ("(93.96", 93.96), ("๒๕๖๗.", 2567.0), ("๙๔.๕๐", 94.5)] as [(String, Double)])
    func anUncertainNumbersValueIsItsDigits(text: String, value: Double) {
        #expect(UncertainNumber(page: 1, text: text, confidence: 90).value == value)
    }

    @Test func aFieldHoldingADoubtfulNumberOfItsPageIsWarnedOf() {
        let uncertain = [UncertainNumber(page: 1, text: "๙๓.๙๖", confidence: 41), UncertainNumber(page: 1, text: "2567", confidence: 88)]
        let issues = OCRCertainty.issues(record(), uncertain: uncertain)
        #expect(issues.allSatisfy { $0.code == "ocr_uncertain" && $0.severity == .warning })
        // The same score on page 2 was read with no doubt; the year of page 1 is held by two fields.
        #expect(Set(issues.map(\.path)) == ["/assessments/0/year_be", "/tool_scores/0/score", "/tool_scores/0/year_be"])
        #expect(issues.first { $0.path == "/tool_scores/0/score" }?.message.contains("confidence 41") == true)
        #expect(OCRCertainty.issues(record(), uncertain: []).isEmpty)
    }
}
