import Extraction
import Foundation
import Normalization
import Output
import Reading
import RecordModel
import Segmentation
import Validation

/// Runs one document through every stage after discovery: read, normalize, segment, extract, validate.
///
/// It holds no mutable state, so one value serves all workers.
public struct DocumentProcessor: Sendable {
    private let normalizer = Normalizer()
    private let segmenter = Segmenter()
    private let extractor = Extractor()
    private let validator: RecordValidator

    public init() throws {
        validator = try RecordValidator()
    }

    public func process(_ input: InputFile) -> DocumentOutcome {
        processEncoded(input).outcome
    }

    /// ``process(_:)`` with the record's JSON when validation encoded it, for the writer to reuse.
    public func processEncoded(_ input: InputFile) -> (outcome: DocumentOutcome, json: Data?) {
        let document: LoadedDocument
        switch DocumentReader.read(input) {
        case .success(let loaded): document = loaded
        case .failure(let failure):
            let failure = DocumentFailure(
                stage: "read", reason: failure.reason, file: failure.file, sha256: failure.sha256, bytes: failure.bytes)
            return (.failed(failure), nil)
        }
        let lines = document.pages.flatMap { normalizer.normalize($0.text, page: $0.page) }
        let blocks = segmenter.segment(lines)
        let extraction = extractor.extract(lines: lines, blocks: blocks)
        let record = Record(
            source: document.source,
            document: extraction.document,
            memo: extraction.memo,
            assessments: extraction.assessments,
            indicatorScores: extraction.indicatorScores,
            toolScores: extraction.toolScores,
            questionScores: extraction.questionScores,
            measures: extraction.measures,
            signatories: extraction.signatories,
            validation: ValidationReport(issues: extraction.issues))
        let (finished, json) = validator.finalizeEncoded(record)
        return (.extracted(finished), json)
    }
}
