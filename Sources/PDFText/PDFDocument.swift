import Foundation
import PopplerShim
import ScanImage

/// Why a PDF, or one of its pages, could not be read.
public enum PDFError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(String)
    /// The bytes are not a PDF (no `%PDF-` header).
    case notPDF
    /// The file ends before its end-of-file marker: it was cut short.
    case truncated
    /// Encrypted, and it does not open without a password.
    case encrypted
    /// Poppler could not make a document of it.
    case damaged(String)
    /// The document has no pages.
    case noPages
    /// A page failed: its number (from 1) and why.
    case page(Int, String)
    /// Out of memory, or a page too large to render.
    case resources(String)

    /// A one-line reason for a reject.
    public var description: String {
        switch self {
        case .unreadable(let why): "cannot read the PDF: \(why)"
        case .notPDF: "not a PDF (no %PDF- header)"
        case .truncated: "truncated PDF: the file ends before its %%EOF marker"
        case .encrypted: "encrypted PDF: it needs a password"
        case .damaged(let why): "damaged PDF: \(why)"
        case .noPages: "the PDF has no pages"
        case .page(let n, let why): "page \(n): \(why)"
        case .resources(let why): "PDF too large: \(why)"
        }
    }
}

/// One character of a page's text layer with its box, in points from the top-left corner of the page.
public struct PDFGlyph: Sendable, Equatable {
    public var scalar: Unicode.Scalar
    /// Poppler's word on the page; characters of one word come in content-stream (logical) order.
    public var word: Int
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    /// Quarter turns of the writing direction (0: left to right, upright).
    public var rotation: Int
    /// The font size in points (0 when the PDF does not tell).
    public var fontSize: Double = 0
    /// The font's name says bold.
    public var bold = false
}

/// What a page draws besides glyphs: table borders, and the space characters that text extraction
/// leaves out (the one a wrapped line ends with among them).
public struct PageDrawing: Sendable {
    /// Strokes and thin filled rectangles at least 6 pt long.
    public var rules: [Rule] = []
    /// Each drawn space, from the pen position before it to the one after, a font size high.
    public var spaces: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
}

/// A PDF opened through poppler: page count and sizes, glyphs with boxes, pages rendered for OCR.
///
/// Not thread-safe: use one document from one task at a time (poppler documents are not shared).
public final class PDFDocument {
    private let handle: OpaquePointer
    /// The number of pages (at least 1).
    public let pageCount: Int

    /// Opens the PDF at `path`. Checks the header and the end-of-file marker first, so that a file that is
    /// no PDF or was cut short is refused with that reason rather than whatever poppler makes of it.
    public init(path: String) throws(PDFError) {
        try Self.checkEnvelope(path)
        _ = Self.quietOnce
        var error = PSError()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let handle = ps_open(absolute, &error) else { throw Self.error(error, page: nil) }
        let count = Int(ps_page_count(handle))
        guard count > 0 else {
            ps_close(handle)
            throw .noPages
        }
        self.handle = handle
        pageCount = count
    }

    deinit {
        ps_close(handle)
    }

    /// Width and height of page `page` (from 1) in points.
    public func pageSize(_ page: Int) throws(PDFError) -> (width: Double, height: Double) {
        var width = 0.0
        var height = 0.0
        var error = PSError()
        guard ps_page_size(handle, Int32(page - 1), &width, &height, &error) == Self.ok else {
            throw Self.error(error, page: page)
        }
        return (width, height)
    }

    /// The text layer of page `page` (from 1): one glyph a character, in poppler's word order.
    public func glyphs(page: Int) throws(PDFError) -> [PDFGlyph] {
        var raw: UnsafeMutablePointer<PSGlyph>?
        var count = 0
        var error = PSError()
        guard ps_page_glyphs(handle, Int32(page - 1), &raw, &count, &error) == Self.ok else {
            throw Self.error(error, page: page)
        }
        defer { ps_free(raw) }
        guard let raw else { return [] }
        var glyphs: [PDFGlyph] = []
        glyphs.reserveCapacity(count)
        for g in UnsafeBufferPointer(start: raw, count: count) {
            glyphs.append(PDFGlyph(
                scalar: Unicode.Scalar(g.scalar) ?? "\u{FFFD}", word: Int(g.word),
                x0: Double(g.x0), y0: Double(g.y0), x1: Double(g.x1), y1: Double(g.y1), rotation: Int(g.rotation),
                fontSize: Double(g.font_size), bold: g.bold != 0))
        }
        return glyphs
    }

    /// What page `page` (from 1) draws besides its glyphs, in points from its top-left corner.
    public func drawing(page: Int) throws(PDFError) -> PageDrawing {
        var rules: UnsafeMutablePointer<PSRuling>?
        var ruleCount = 0
        var spaces: UnsafeMutablePointer<PSSpace>?
        var spaceCount = 0
        var error = PSError()
        guard ps_page_drawing(handle, Int32(page - 1), &rules, &ruleCount, &spaces, &spaceCount, &error) == Self.ok else {
            throw Self.error(error, page: page)
        }
        defer {
            ps_free(rules)
            ps_free(spaces)
        }
        var drawing = PageDrawing()
        if let rules {
            drawing.rules = UnsafeBufferPointer(start: rules, count: ruleCount).map {
                Rule(horizontal: $0.horizontal != 0, position: Double($0.position), start: Double($0.start), end: Double($0.end))
            }
        }
        if let spaces {
            drawing.spaces = UnsafeBufferPointer(start: spaces, count: spaceCount).map {
                (x0: Double($0.x0), y0: Double($0.y0), x1: Double($0.x1), y1: Double($0.y1))
            }
        }
        return drawing
    }

    /// Page `page` (from 1) rendered on white at `dpi`, refusing images above `maxPixels`.
    public func render(page: Int, dpi: Double, maxPixels: Int = 60_000_000) throws(PDFError) -> GrayImage {
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0
        var height: Int32 = 0
        var error = PSError()
        guard ps_render_gray(handle, Int32(page - 1), dpi, Int64(maxPixels), &pixels, &width, &height, &error)
            == Self.ok, let pixels
        else { throw Self.error(error, page: page) }
        defer { ps_free(pixels) }
        return GrayImage(
            width: Int(width), height: Int(height),
            pixels: Array(UnsafeBufferPointer(start: pixels, count: Int(width) * Int(height))))
    }

    // MARK: Private

    private static let quietOnce: Void = ps_quiet()
    private static let ok = Int32(PS_OK.rawValue)

    private static func error(_ error: PSError, page: Int?) -> PDFError {
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch PSStatus(rawValue: UInt32(bitPattern: error.status)) {
        case PS_ERROR_OPEN: return .unreadable(message)
        case PS_ERROR_ENCRYPTED: return .encrypted
        case PS_ERROR_DAMAGED: return .damaged(message)
        case PS_ERROR_RESOURCES: return page.map { .page($0, message) } ?? .resources(message)
        default: return page.map { .page($0, message) } ?? .damaged(message)
        }
    }

    /// A PDF starts with `%PDF-` (within its first KB, as readers allow) and its last KB holds `%%EOF`.
    private static func checkEnvelope(_ path: String) throws(PDFError) {
        guard let file = FileHandle(forReadingAtPath: path) else { throw .unreadable(String(cString: strerror(errno))) }
        defer { try? file.close() }
        do {
            let head = try file.read(upToCount: 1024) ?? Data()
            guard head.range(of: Data("%PDF-".utf8)) != nil else { throw PDFError.notPDF }
            let size = try file.seekToEnd()
            try file.seek(toOffset: size > 1024 ? size - 1024 : 0)
            let tail = try file.readToEnd() ?? Data()
            guard tail.range(of: Data("%%EOF".utf8)) != nil else { throw PDFError.truncated }
        } catch let error as PDFError {
            throw error
        } catch {
            throw .unreadable(error.localizedDescription)
        }
    }
}
