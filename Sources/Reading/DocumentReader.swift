import Foundation
import RecordModel
import TableModel

/// The text of one page, or of a whole text file (`page` nil).
public struct PageText: Sendable, Equatable {
    public var page: Int?
    public var text: String
    /// The tables the PDF layout found on the page, each standing in for its rows' lines of `text`;
    /// empty for a text file (its tables are found in its text).
    public var tables: [TableGrid]

    public init(page: Int?, text: String, tables: [TableGrid] = []) {
        self.page = page
        self.text = text
        self.tables = tables
    }
}

/// A document read from disk: its `source` block and its text, page by page.
public struct LoadedDocument: Sendable {
    public var source: Source
    public var pages: [PageText]
    /// The encoding the text was decoded from ("UTF-8", "TIS-620", "windows-874"; "PDF" for a PDF).
    public var encoding: String
    /// PDF pages that gave no text (OCR failed or timed out); they become validation warnings.
    public var failedPages: [PageFailure] = []
    /// Numbers OCR read whose digits are in doubt; fields holding them get a warning.
    public var uncertainNumbers: [UncertainNumber] = []
}

/// How the read stage reads documents.
public struct ReadOptions: Sendable {
    public var pdf: PDFOptions

    public init(pdf: PDFOptions = PDFOptions()) {
        self.pdf = pdf
    }
}

/// A document that could not be read, with what is known of its source.
public struct ReadFailure: Error, Sendable {
    public var file: String
    public var sha256: String?
    public var bytes: Int?
    public var reason: String
}

/// The read stage: bytes from disk to text, with the facts `source` records.
public enum DocumentReader {
    /// The file extensions the read stage takes as text.
    public static let textExtensions: Set<String> = ["txt", "md"]
    /// Every file extension the read stage takes: text and PDF.
    public static let extensions: Set<String> = textExtensions.union(["pdf"])

    public static func read(_ input: InputFile, options: ReadOptions = ReadOptions()) -> Result<LoadedDocument, ReadFailure> {
        let data: Data
        do {
            data = try Data(contentsOf: input.url)
        } catch {
            return .failure(ReadFailure(file: input.displayPath, reason: "cannot read: \(describe(error))"))
        }
        let bytes = [UInt8](data)
        let digest = SHA256.hex(bytes)
        let ext = input.url.pathExtension.lowercased()
        if ext == "pdf" { return readPDF(input, sha256: digest, bytes: bytes.count, options: options.pdf) }
        guard textExtensions.contains(ext) else {
            return .failure(ReadFailure(
                file: input.displayPath, sha256: digest, bytes: bytes.count,
                reason: ReadError.unsupported("no reader for .\(ext) files").description))
        }
        do {
            let decoded = try TextDecoding.decode(bytes)
            let source = Source(file: input.displayPath, sha256: digest, bytes: bytes.count, format: .text, pages: nil)
            return .success(LoadedDocument(
                source: source, pages: [PageText(page: nil, text: decoded.text)], encoding: decoded.encoding))
        } catch {
            return .failure(ReadFailure(file: input.displayPath, sha256: digest, bytes: bytes.count, reason: error.description))
        }
    }

    private static func readPDF(_ input: InputFile, sha256: String, bytes: Int, options: PDFOptions)
        -> Result<LoadedDocument, ReadFailure>
    {
        let read: Result<PDFPages, ReadError>
        if let helpers = options.helpers {
            read = helpers.read(path: input.url.path)
        } else {
            read = PDFReader.read(path: input.url.path, ocr: options.ocr, dpi: options.ocrDPI, mode: options.ocrMode).mapError { .pdf($0.description) }
        }
        switch read {
        case .success(let pdf):
            let source = Source(
                file: input.displayPath, sha256: sha256, bytes: bytes, format: pdf.ocrPages.isEmpty ? .pdf : .pdfOCR,
                pages: pdf.pageCount)
            let pages = pdf.pages.enumerated().map { PageText(page: $0.offset + 1, text: $0.element.text, tables: $0.element.tables) }
            return .success(LoadedDocument(source: source, pages: pages, encoding: "PDF", failedPages: pdf.failedPages,
                uncertainNumbers: pdf.uncertainNumbers))
        case .failure(let error):
            return .failure(ReadFailure(file: input.displayPath, sha256: sha256, bytes: bytes, reason: error.description))
        }
    }

    private static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(posix.rawValue))
        }
        return ns.localizedDescription
    }
}
