import Foundation
import RecordModel
import Testing

@testable import Evaluation

@Suite struct EvaluatorTests {
    static let goldDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/gold")

    @Test func goldFilesDecodeAndScorePerfectlyAgainstThemselves() throws {
        let report = try Evaluator().evaluate(goldDirectory: Self.goldDirectory, predictionDirectory: Self.goldDirectory)
        #expect(report.documents.count == 5)
        #expect(report.documents.allSatisfy { $0.status == .record && $0.differences.isEmpty })
        #expect(report.overall.f1 == 1)
        #expect(report.overall.falsePositives == 0 && report.overall.falseNegatives == 0)
        #expect(report.categories.allSatisfy { $0.f1 == 1 })
        #expect(report.unmatchedPredictions.isEmpty && report.unreadablePredictions.isEmpty)
        #expect(report.text().contains("Overall F1: 1.000"))
    }

    @Test func predictionsMatchBySourceFileNameAnywhereUnderTheDirectory() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let gold = root.appendingPathComponent("gold"), predictions = root.appendingPathComponent("out")
        for name in ["000_a", "001_b", "002_c", "003_d"] {
            try write(record("corpus/\(name).txt") { $0.indicatorScores = [indicator(1, 2566, 90)] }, gold, "\(name).json")
        }
        try write(Data("notes".utf8), gold, "000_a.notes.md")
        // Paths differ from gold's: only the base name of source.file counts.
        try write(record("/elsewhere/000_a.txt") { $0.indicatorScores = [indicator(1, 2566, 90)] }, predictions, "records/000_a.txt.json")
        try write(record("in/001_b.txt") { $0.indicatorScores = [indicator(1, 2566, 90)] }, predictions, "rejects/x/001_b.txt.json")
        try write(failureJSON("in/002_c.txt"), predictions, "rejects/002_c.txt.json")
        try write(record("in/999_z.txt"), predictions, "records/999_z.txt.json")
        try write(Data("{ not json".utf8), predictions, "records/broken.json")
        try write(Data(#"{"schema_version": "1.0"}"#.utf8), predictions, "records/partial.json")

        let report = try Evaluator().evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(report.documents.map(\.status) == [.record, .record, .failure, .missing])
        #expect(report.documents.map(\.prediction) == ["records/000_a.txt.json", "rejects/x/001_b.txt.json", "rejects/002_c.txt.json", nil])
        #expect(report.documents.map { $0[.indicatorScores].recall } == [1, 1, 0, 0])
        #expect(report.documents[2][.document].falseNegatives == 7)
        #expect(report.unmatchedPredictions == ["records/999_z.txt.json"])
        #expect(report.unreadablePredictions.count == 2)
        #expect(report.unreadablePredictions[0].hasPrefix("records/broken.json: "))
        #expect(report.unreadablePredictions[1].hasPrefix("records/partial.json: source: missing"))
        let indicators = report[.indicatorScores]
        #expect(counts(indicators) == [2, 0, 2])
    }

    @Test func aRecordWinsOverAFailureForTheSameDocument() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(record("corpus/a.txt"), root, "gold/a.json")
        try write(failureJSON("a.txt"), root, "out/a/a.txt.json")
        try write(record("a.txt"), root, "out/b/a.txt.json")
        let report = try Evaluator().evaluate(
            goldDirectory: root.appendingPathComponent("gold"), predictionDirectory: root.appendingPathComponent("out"))
        #expect(report.documents[0].prediction == "b/a.txt.json")
        #expect(report.unmatchedPredictions == ["a/a.txt.json"])
    }

    @Test func matchStemMatchesAnotherFormatOfTheSameDocument() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let gold = root.appendingPathComponent("gold"), predictions = root.appendingPathComponent("out")
        try write(record("corpus/000_x.txt"), gold, "000_x.json")
        try write(record("corpus/001_y.txt"), gold, "001_y.json")
        try write(record("pdf/000_x.pdf"), predictions, "records/000_x.pdf.json")
        try write(record("pdf/001_y.pdf"), predictions, "records/001_y.pdf.json")
        try write(record("txt/001_y.txt"), predictions, "records/001_y.txt.json")

        let strict = try Evaluator().evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(strict.documents.map(\.status) == [.missing, .record])
        #expect(strict.unmatchedPredictions == ["records/000_x.pdf.json", "records/001_y.pdf.json"])

        // An exact name still comes first: 001_y.txt keeps its .txt prediction.
        let loose = try Evaluator(matchStem: true).evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(loose.documents.map(\.prediction) == ["records/000_x.pdf.json", "records/001_y.txt.json"])
        #expect(loose.unmatchedPredictions == ["records/001_y.pdf.json"])
    }

    @Test func predictedOnlyLeavesOutGoldWithoutPrediction() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let gold = root.appendingPathComponent("gold"), predictions = root.appendingPathComponent("out")
        try write(record("corpus/000_x.txt"), gold, "000_x.json")
        try write(record("corpus/001_y.txt"), gold, "001_y.json")
        try write(record("scanned/001_y.pdf"), predictions, "records/001_y.pdf.json")

        let all = try Evaluator(matchStem: true).evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(all.documents.map(\.status) == [.missing, .record])
        let part = try Evaluator(matchStem: true, predictedOnly: true).evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(part.documents.map(\.document) == ["corpus/001_y.txt"])
        #expect(part.overall.f1 == 1)
        #expect(all.overall.f1 < 1)
    }

    /// Two documents scored by hand.
    ///
    /// A (a report, no memo on either side), prediction present:
    /// - document: title wrong → 6 TP, 1 FP, 1 FN;
    /// - indicator_scores: (1, 2566, 90) right, (2, 2566, 80) predicted as 81 → 1 TP, 1 FP, 1 FN;
    /// - signatories: name right (1 TP), position "abcd"/"abce" 0.75, acting_for nil/nil 1
    ///   → 2.75 TP, 0.25 FP, 0.25 FN overall;
    /// - measures: one spurious → 1 FP, overall 11 FP.
    /// B (a memo), no prediction: 7 document + 9 memo fields, 1 assessment, 1 measure (11 units) → 28 FN.
    /// Overall: TP 9.75, FP 13.25, FN 30.25, F1 = 19.5 / (19.5 + 13.25 + 30.25) = 19.5 / 63.
    @Test func overallF1OfATwoDocumentCorpus() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let gold = root.appendingPathComponent("gold"), predictions = root.appendingPathComponent("out")
        try write(
            record("corpus/a.txt") {
                $0.document.title = "แผน"
                $0.document.organization.name = "อบต.ก"
                $0.document.fiscalYearBE = 2566
                $0.indicatorScores = [indicator(1, 2566, 90), indicator(2, 2566, 80)]
                $0.signatories = [signatory("ก ข", position: "abcd")]
            }, gold, "a.json")
        try write(
            record("corpus/b.txt") {
                $0.document.kind = .memo
                $0.document.title = "ส"
                $0.memo = Memo(subject: "ส")
                $0.assessments = [Assessment(yearBE: 2565, score: 95.02, level: "AA", at: here)]
                $0.measures = [Measure(title: "มาตรการ", at: here)]
            }, gold, "b.json")
        try write(
            record("in/a.txt") {
                $0.document.title = "แผนงาน"
                $0.document.organization.name = "อบต.ก"
                $0.document.fiscalYearBE = 2566
                $0.indicatorScores = [indicator(1, 2566, 90), indicator(2, 2566, 81)]
                $0.signatories = [signatory("ก ข", position: "abce")]
                $0.measures = [Measure(title: "อื่น", at: here)]
            }, predictions, "records/a.txt.json")

        let report = try Evaluator().evaluate(goldDirectory: gold, predictionDirectory: predictions)
        #expect(report.overall.truePositives == 9.75)
        #expect(report.overall.falsePositives == 13.25)
        #expect(report.overall.falseNegatives == 30.25)
        #expect(abs(report.overall.f1 - 19.5 / 63) < 1e-12)
        #expect(abs(report.documents[0].overall.f1 - 19.5 / (19.5 + 13.25 + 2.25)) < 1e-12)
        #expect(report.documents[1].overall.f1 == 0)

        let document = report[.document]
        #expect(counts(document) == [6, 1, 8])
        let memo = report[.memo]
        #expect(counts(memo) == [0, 0, 9])
        let measures = report[.measures]
        #expect(counts(measures) == [0, 1, 1])
        #expect(measures.meanSimilarity == nil)
        #expect(report[.signatories].fieldSimilarity == ["position": 0.75, "acting_for": 1])
        #expect(report[.toolScores].isEmpty && report[.toolScores].f1 == 1)
    }

    @Test func reportEncodesAsJSONAndReadsAsText() throws {
        let report = try Evaluator().evaluate(goldDirectory: Self.goldDirectory, predictionDirectory: Self.goldDirectory)
        let data = try RecordCoding.encode(report)
        #expect(try JSONDecoder().decode(EvaluationReport.self, from: data) == report)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains(#""category": "indicator_scores""#))
        #expect(json.contains(#""field_similarity""#))
        let text = report.text()
        #expect(text.contains("000_00094ace5e6af4cb.txt"))
        #expect(text.contains("question_scores"))
    }

    @Test func missingOrEmptyGoldDirectoryIsAnError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let absent = root.appendingPathComponent("absent")
        #expect(throws: EvaluationError.notADirectory(path: absent.path)) {
            try Evaluator().evaluate(goldDirectory: absent, predictionDirectory: root)
        }
        #expect(throws: EvaluationError.noGoldFiles(directory: root.path)) {
            try Evaluator().evaluate(goldDirectory: root, predictionDirectory: root)
        }
        #expect(throws: EvaluationError.notADirectory(path: absent.path)) {
            try Evaluator().evaluate(goldDirectory: Self.goldDirectory, predictionDirectory: absent)
        }
    }

    @Test func undecodableGoldNamesTheFileAndTheReason() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(Data(#"{"schema_version": "1.0", "source": 3}"#.utf8), root, "bad.json")
        do {
            _ = try Evaluator().evaluate(goldDirectory: root, predictionDirectory: root)
            Issue.record("expected an error")
        } catch let error as EvaluationError {
            guard case .unreadableGold(let file, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(file.hasSuffix("/bad.json"))
            #expect(reason.hasPrefix("source: "))
            #expect(error.localizedDescription.contains("bad.json"))
        }
    }

    @Test func twoGoldFilesForOneSourceAreAnError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try write(record("corpus/a.txt"), root, "a.json")
        try write(record("other/a.txt"), root, "a2.json")
        #expect(throws: EvaluationError.self) { try Evaluator().evaluate(goldDirectory: root, predictionDirectory: root) }
    }
}
