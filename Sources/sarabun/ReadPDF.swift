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
    var file: String?

    @Option(help: "Seconds OCR may take on one page.")
    var ocrTimeout: Double = 60

    @Option(help: "Resolution pages are rendered at for OCR.")
    var dpi: Int = 300

    @Flag(help: "Answer requests from standard input, one a line (see PDFHelpers).")
    var serve = false

    func validate() throws {
        guard serve || file != nil else { throw ValidationError("a PDF file, or --serve") }
    }

    func run() throws {
        let ocr = OCREngine(timeout: ocrTimeout)
        guard let file else { return PDFHelpers.serve(ocr: ocr, dpi: dpi) }
        FileHandle.standardOutput.write(try JSONEncoder().encode(PDFHelperOutput(PDFReader.read(path: file, ocr: ocr, dpi: dpi))))
    }

    /// How `extract` reads PDFs: in helper processes, the `sarabun-pdf` program built beside this
    /// executable (it starts faster), else this executable's `read-pdf`.
    static func options(documentTimeout: Double, ocrTimeout: Double) -> ReadOptions {
        ReadOptions(pdf: PDFOptions(helpers: PDFHelpers(command: helperCommand(ocrTimeout: ocrTimeout), timeout: documentTimeout)))
    }

    static func helperCommand(ocrTimeout: Double) -> [String] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let companion = executable.deletingLastPathComponent().appendingPathComponent("sarabun-pdf").path
        return FileManager.default.isExecutableFile(atPath: companion)
            ? [companion, "--ocr-timeout", String(ocrTimeout)]
            : [executable.path, "read-pdf", "--ocr-timeout", String(ocrTimeout)]
    }
}
