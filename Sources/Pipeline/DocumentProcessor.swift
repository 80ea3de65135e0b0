import Extraction
import Foundation
import Normalization
import Output
import Reading
import RecordModel
import Segmentation
import TableModel
import Validation

/// Runs one document through every stage after discovery: read, normalize, segment, extract, validate.
///
/// It holds no mutable state, so one value serves all workers.
public struct DocumentProcessor: Sendable {
    private let normalizer = Normalizer()
    private let segmenter = Segmenter()
    private let extractor = Extractor()
    private let validator: RecordValidator
    /// What an earlier run stored (`--resume`): documents it holds are only hashed.
    private let resume: ResumePoint?
    private let readOptions: ReadOptions
    /// Whether a PDF some of whose pages gave no text is a reject (an `ocr_failed` error) rather than a
    /// partial record (an `ocr_failed` warning).
    private let strict: Bool

    public init(resume: ResumePoint? = nil, read readOptions: ReadOptions = ReadOptions(), strict: Bool = false) throws {
        validator = try RecordValidator()
        self.resume = resume
        self.readOptions = readOptions
        self.strict = strict
    }

    public func process(_ input: InputFile) -> DocumentOutcome {
        processEncoded(input).outcome
    }

    /// ``process(_:)`` with the record's JSON when validation encoded it, for the writer to reuse.
    public func processEncoded(_ input: InputFile) -> (outcome: DocumentOutcome, json: Data?) {
        // Hashed before reading, since reading a PDF (OCR above all) costs far more than hashing it.
        if let resume, !resume.stored.isEmpty, let data = try? Data(contentsOf: input.url) {
            let digest = SHA256.hex([UInt8](data))
            if resume.isDone(relativePath: input.relativePath, sha256: digest) { return (.skipped(sha256: digest), nil) }
        }
        let document: LoadedDocument
        switch DocumentReader.read(input, options: readOptions) {
        case .success(let loaded): document = loaded
        case .failure(let failure):
            let failure = DocumentFailure(
                stage: "read", reason: failure.reason, file: failure.file, sha256: failure.sha256, bytes: failure.bytes)
            return (.failed(failure), nil)
        }
        let lines = document.pages.flatMap { normalizer.normalize($0.text, page: $0.page) }
        let blocks = segmenter.segment(lines, tables: Self.tables(of: document, normalizer))
        let extraction = extractor.extract(lines: lines, blocks: blocks)
        var record = Record(
            source: document.source,
            document: extraction.document,
            memo: extraction.memo,
            assessments: extraction.assessments,
            indicatorScores: extraction.indicatorScores,
            toolScores: extraction.toolScores,
            questionScores: extraction.questionScores,
            measures: extraction.measures,
            signatories: extraction.signatories,
            validation: ValidationReport(issues: document.failedPages.map(pageFailure) + extraction.issues))
        if record.source.format == .pdfOCR {
            // OCR misreads digits; a number that breaks a rule where one reading keeps it was printed so.
            let (corrected, issues) = validator.plausibility.correctingDigits(record)
            record = corrected
            record.validation.issues += issues
            record.validation.issues += OCRCertainty.issues(record, uncertain: document.uncertainNumbers)
        }
        let (finished, json) = validator.finalizeEncoded(record)
        return (.extracted(finished), json)
    }

    /// The tables the layout found, normalized, at the location of their first row.
    public static func tables(of document: LoadedDocument, _ normalizer: Normalizer) -> [Location: TableGrid] {
        var out: [Location: TableGrid] = [:]
        for page in document.pages {
            for grid in page.tables { out[Location(page: page.page, line: grid.line)] = normalizer.normalize(grid) }
        }
        return out
    }

    /// A PDF page that gave no text: the record is made from the other pages and says which one is missing.
    private func pageFailure(_ page: PageFailure) -> ValidationIssue {
        ValidationIssue(severity: strict ? .error : .warning, code: "ocr_failed", path: "", message: "page \(page.page): \(page.reason)")
    }
}
