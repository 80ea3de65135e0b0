import ArgumentParser
import Foundation
import PDFText
import Reading

/// The PDF helper: reads one PDF in this process and prints its pages (or why it could not) as JSON.
///
/// `extract` runs it as a child process for each PDF, so that a document that makes poppler or
/// tesseract hang is killed at its time limit and the run goes on.
struct ReadPDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-pdf", abstract: "Print the laid-out text of one PDF as JSON (the read stage's helper).",
        shouldDisplay: false)

    @Argument(help: "A PDF file.")
    var file: String

    @Option(help: "Seconds OCR may take on one page.")
    var ocrTimeout: Double = 60

    @Option(help: "Resolution pages are rendered at for OCR.")
    var dpi: Int = 300

    func run() throws {
        let result = PDFReader.read(path: file, ocr: OCREngine(timeout: ocrTimeout), dpi: dpi)
        FileHandle.standardOutput.write(try JSONEncoder().encode(PDFHelperOutput(result)))
    }

    /// How `extract` reads PDFs: each in a `read-pdf` child process of this executable.
    static func options(documentTimeout: Double, ocrTimeout: Double) -> ReadOptions {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let helper = [executable, "read-pdf", "--ocr-timeout", String(ocrTimeout)]
        return ReadOptions(pdf: PDFOptions(helper: helper, timeout: documentTimeout, ocr: OCREngine(timeout: ocrTimeout)))
    }
}
