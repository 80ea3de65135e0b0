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

    @Option(help: "Tesseract's languages.")
    var lang = "tha+eng"

    @Option(help: "Which pages OCR reads: auto (those without a text layer), force (all), off (none).")
    var ocr: OCRMode = .auto

    @Flag(help: "Answer requests from standard input, one a line (see PDFHelpers).")
    var serve = false

    func validate() throws {
        guard serve || file != nil else { throw ValidationError("a PDF file, or --serve") }
    }

    func run() throws {
        let engine = OCREngine(languages: lang, timeout: ocrTimeout)
        guard let file else { return PDFHelpers.serve(ocr: engine, dpi: dpi, mode: ocr) }
        FileHandle.standardOutput.write(try JSONEncoder().encode(PDFHelperOutput(
            PDFReader.read(path: file, ocr: engine, dpi: dpi, mode: ocr))))
    }

    /// How `extract` reads PDFs: in helper processes, the `sarabun-pdf` program built beside this
    /// executable (it starts faster), else this executable's `read-pdf`.
    static func options(documentTimeout: Double, ocr: OCRSettings) -> ReadOptions {
        ReadOptions(pdf: PDFOptions(helpers: PDFHelpers(command: helperCommand(ocr), timeout: documentTimeout)))
    }

    static func helperCommand(_ ocr: OCRSettings) -> [String] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let companion = executable.deletingLastPathComponent().appendingPathComponent("sarabun-pdf").path
        let arguments = ["--ocr-timeout", String(ocr.timeout), "--dpi", String(ocr.dpi), "--lang", ocr.languages, "--ocr", ocr.mode.rawValue]
        return FileManager.default.isExecutableFile(atPath: companion)
            ? [companion] + arguments
            : [executable.path, "read-pdf"] + arguments
    }
}

/// How a run reads scanned pages: the helper processes' OCR options.
struct OCRSettings {
    var timeout: Double = 60
    var dpi = 300
    var languages = "tha+eng"
    var mode = OCRMode.auto
}

extension OCRMode: ExpressibleByArgument {}
