import Foundation
import PDFText
import PageLayout
import RecordModel
import ScanImage
import Synchronization

/// A page the read stage got no text from, and why; the rest of the document still comes through.
public struct PageFailure: Codable, Sendable, Equatable {
    public var page: Int
    public var reason: String

    public init(page: Int, reason: String) {
        self.page = page
        self.reason = reason
    }
}

/// The text of a PDF, page by page, and how it was obtained.
public struct PDFPages: Codable, Sendable, Equatable {
    public var pageCount: Int
    /// Each page laid out by `PageLayout`: its text (paragraph lines, TAB-separated table rows) and its
    /// tables as grids.
    public var pages: [LaidOutPage]
    /// Pages read by OCR (from 1).
    public var ocrPages: [Int]
    public var failedPages: [PageFailure]
    /// Numbers OCR read whose digits are in doubt.
    public var uncertainNumbers: [UncertainNumber] = []
}

/// How the read stage treats PDFs.
/// When pages are read by OCR.
public enum OCRMode: String, Sendable, CaseIterable {
    /// Pages without a text layer.
    case auto
    /// Every page, its text layer ignored (a scan under a thin or garbled invisible layer).
    case force
    /// None: a page without a text layer gives no text, and a warning says so.
    case off
}

public struct PDFOptions: Sendable {
    /// Helper processes that read PDFs, each with a time limit; nil reads in this process (no time limit then).
    public var helpers: PDFHelpers?
    public var ocr: OCREngine
    /// Resolution pages are rendered at for OCR.
    public var ocrDPI: Int
    public var ocrMode: OCRMode

    public init(helpers: PDFHelpers? = nil, ocr: OCREngine = OCREngine(), ocrDPI: Int = 300, ocrMode: OCRMode = .auto) {
        self.helpers = helpers
        self.ocr = ocr
        self.ocrDPI = ocrDPI
        self.ocrMode = ocrMode
    }
}

/// Child processes that read PDFs for the read stage, so that a PDF that makes poppler or tesseract hang
/// (or crash) costs only that document: its helper is killed at the time limit and the run goes on.
///
/// A helper (`command`, run with `--serve`) reads one request line at a time on its standard input (the
/// path, a JSON string) and answers with one line of ``PDFHelperOutput``. Helpers are kept and reused,
/// so that starting one (dynamic loading of poppler, glib and cairo) is paid once per worker rather than
/// once per PDF; one is used by one thread at a time.
public final class PDFHelpers: @unchecked Sendable {
    public let command: [String]
    /// Seconds a document may take before its helper is killed and the document rejected.
    public let timeout: Double
    private let lock = NSLock()
    private var idle: [Helper] = []

    /// A running helper and its scratch folder: its temporary directory, which the helper's page images
    /// and OCR files go to. A helper killed at its time limit cannot clean up after itself, so the folder is
    /// removed here when the helper ends.
    private struct Helper {
        var child: RunningChild
        var scratch: URL

        func end() {
            child.terminate()
            try? FileManager.default.removeItem(at: scratch)
            PDFHelpers.scratchFolders.withLock { _ = $0.remove(scratch) }
        }
    }

    /// The scratch folders of every helper not yet ended, for ``abortAll()``.
    private static let scratchFolders = Mutex<Set<URL>>([])

    /// Kills every helper (with its OCR) and removes their scratch folders: for a run stopped at once, which
    /// exits without waiting for them.
    public static func abortAll() {
        RunningChild.killAll()
        for folder in scratchFolders.withLock({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }

    public init(command: [String], timeout: Double) {
        self.command = command
        self.timeout = timeout
    }

    deinit {
        for helper in idle { helper.end() }
    }

    /// The pages of the PDF at `path`, read by a helper.
    public func read(path: String) -> Result<PDFPages, ReadError> {
        let reused = lock.withLock { idle.popLast() }
        let helper: Helper
        if let reused {
            helper = reused
        } else {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-helper-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
                Self.scratchFolders.withLock { _ = $0.insert(scratch) }
                helper = Helper(
                    child: try ChildProcess.start(command[0], arguments: Array(command.dropFirst()) + ["--serve"],
                                                  environment: ["TMPDIR": scratch.path]),
                    scratch: scratch)
            } catch let error as ChildProcessError {
                try? FileManager.default.removeItem(at: scratch)
                Self.scratchFolders.withLock { _ = $0.remove(scratch) }
                return .failure(.unreadable(error.description))
            } catch {
                return .failure(.unreadable("cannot make the PDF reader's scratch folder \(scratch.path): \(error.localizedDescription)"))
            }
        }
        let request = (try? JSONEncoder().encode(path)) ?? Data()
        switch helper.child.request(request, timeout: timeout) {
        case .timedOut:
            helper.end()
            return .failure(.pdf("PDF reading exceeded its time limit of \(Self.seconds(timeout)) s"))
        case .ended(let status):
            helper.end()
            let reason = status > 128 ? "crashed (signal \(status - 128))" : "exited with status \(status)"
            return .failure(.pdf("the PDF reader \(reason)"))
        case .line(let line):
            lock.withLock { idle.append(helper) }
            guard let output = try? JSONDecoder().decode(PDFHelperOutput.self, from: line) else {
                return .failure(.pdf("the PDF reader's answer is not readable"))
            }
            if let pages = output.pages { return .success(pages) }
            return .failure(.pdf(output.error ?? "unknown error"))
        }
    }

    /// The helper's side: answers requests from standard input until it closes.
    public static func serve(ocr: OCREngine, dpi: Int, mode: OCRMode = .auto) {
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            let output: PDFHelperOutput
            if let path = try? JSONDecoder().decode(String.self, from: Data(line.utf8)) {
                output = PDFHelperOutput(PDFReader.read(path: path, ocr: ocr, dpi: dpi, mode: mode))
            } else {
                output = PDFHelperOutput(.failure(.unreadable("bad request")))
            }
            var answer = (try? encoder.encode(output)) ?? Data("{}".utf8)
            answer.append(0x0A)
            FileHandle.standardOutput.write(answer)
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// What the PDF helper process prints: the pages, or why the document could not be read.
public struct PDFHelperOutput: Codable, Sendable {
    public var pages: PDFPages?
    public var error: String?

    public init(_ result: Result<PDFPages, PDFError>) {
        switch result {
        case .success(let pages): self.pages = pages
        case .failure(let error): self.error = error.description
        }
    }
}

/// Reads the text of PDFs: the text layer where a page has one, OCR of the rendered page where it has
/// none, both laid out into lines and table rows.
public enum PDFReader {
    /// Reads the PDF at `path` in this process; `mode` says which pages go to OCR.
    public static func read(path: String, ocr: OCREngine, dpi: Int, mode: OCRMode = .auto) -> Result<PDFPages, PDFError> {
        let document: PDFDocument
        do {
            document = try PDFDocument(path: path)
        } catch {
            return .failure(error)
        }
        var inputs: [PageInput] = []
        var ocrPages: [Int] = []
        var failures: [PageFailure] = []
        var uncertain: [UncertainNumber] = []
        for n in 1...document.pageCount {
            do {
                let size = try document.pageSize(n)
                let glyphs = try document.glyphs(page: n)
                if mode != .force, glyphs.contains(where: { !$0.scalar.properties.isWhitespace }) {
                    let drawing = try document.drawing(page: n)
                    inputs.append(PageInput(
                        width: size.width, height: size.height, content: .glyphs(glyphs.compactMap(layoutGlyph)),
                        rulings: drawing.rules.map { Ruling(horizontal: $0.horizontal, position: $0.position, start: $0.start, end: $0.end) },
                        spaces: drawing.spaces.map { Box(x0: $0.x0, y0: $0.y0, x1: $0.x1, y1: $0.y1) }))
                    continue
                }
                if mode == .off {
                    failures.append(PageFailure(page: n, reason: "no text layer, and OCR is off"))
                    inputs.append(PageInput(width: size.width, height: size.height, content: .words([])))
                    continue
                }
                let image = try document.render(page: n, dpi: Double(dpi))
                var words: [Word] = []
                var rulings: [Ruling] = []
                let scale = 72 / Double(dpi)
                if !isBlank(image) {
                    let prepared = image.preparedForOCR(dpi: dpi)
                    rulings = prepared.rules.map {
                        Ruling(horizontal: $0.horizontal, position: $0.position * scale, start: $0.start * scale, end: $0.end * scale)
                    }
                    switch ocr.recognize(prepared.image, dpi: dpi) {
                    case .success(let found):
                        uncertain += found.compactMap { w in
                            guard w.uncertain, let part = NumberReader.numberPart(of: w.text) else { return nil }
                            return UncertainNumber(page: n, text: part.number, confidence: w.confidence)
                        }
                        words = found.map { w in
                            Word(text: w.text, box: Box(
                                x0: Double(w.left) * scale, y0: Double(w.top) * scale,
                                x1: Double(w.left + w.width) * scale, y1: Double(w.top + w.height) * scale),
                                line: w.line)
                        }
                        ocrPages.append(n)
                    case .failure(let failure):
                        failures.append(PageFailure(page: n, reason: failure.description))
                    }
                }
                inputs.append(PageInput(width: size.width, height: size.height, content: .words(words), rulings: rulings))
            } catch {
                failures.append(PageFailure(page: n, reason: error.description))
                inputs.append(PageInput(width: 0, height: 0, content: .words([])))
            }
        }
        let pages = PageLayout().pages(inputs)
        if !failures.isEmpty, pages.allSatisfy({ $0.text.isEmpty }) {
            return .failure(.page(failures[0].page, "no page gave text; \(failures[0].reason)"))
        }
        return .success(PDFPages(
            pageCount: document.pageCount, pages: pages, ocrPages: ocrPages, failedPages: failures, uncertainNumbers: uncertain))
    }

    /// Poppler's character, word and box, for the layout; rotated text (stamps, margin notes) is left out.
    private static func layoutGlyph(_ g: PDFGlyph) -> Glyph? {
        guard g.rotation == 0 else { return nil }
        return Glyph(scalar: g.scalar, word: g.word, box: Box(x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1), fontSize: g.fontSize, bold: g.bold)
    }

    /// A page with no dark pixel to speak of (under one in 10 000): nothing for OCR to read.
    private static func isBlank(_ image: GrayImage) -> Bool {
        var dark = 0
        for p in image.pixels where p < 128 { dark += 1 }
        return dark * 10_000 < image.pixels.count
    }
}
