/// A rectangle on a page, in points from the page's top-left corner (y grows downwards).
public struct Box: Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var midY: Double { (y0 + y1) / 2 }
    var midX: Double { (x0 + x1) / 2 }
}

/// One character of a PDF text layer: its scalar, its box, the word the PDF library put it in, and its
/// font's size (0 when unknown) and weight. Characters of one word are in content-stream (logical) order;
/// words may be in any order.
public struct Glyph: Sendable, Equatable {
    public var scalar: Unicode.Scalar
    public var word: Int
    public var box: Box
    public var fontSize: Double
    public var bold: Bool

    public init(scalar: Unicode.Scalar, word: Int, box: Box, fontSize: Double = 0, bold: Bool = false) {
        self.scalar = scalar
        self.word = word
        self.box = box
        self.fontSize = fontSize
        self.bold = bold
    }
}

/// A word read by OCR, with its box and the OCR engine's line, if it gives one.
public struct Word: Sendable, Equatable {
    public var text: String
    public var box: Box
    /// Words with the same line number are one line (OCR finds lines better than boxes tell them:
    /// Thai marks above and below a line have boxes of their own).
    public var line: Int?

    public init(text: String, box: Box, line: Int? = nil) {
        self.text = text
        self.box = box
        self.line = line
    }
}

/// A ruling line drawn on the page (a table border): across at `position` (a y) from `start` to `end`
/// (x), or down the page at `position` (an x) from `start` to `end` (y).
public struct Ruling: Sendable, Equatable {
    public var horizontal: Bool
    public var position: Double
    public var start: Double
    public var end: Double

    public init(horizontal: Bool, position: Double, start: Double, end: Double) {
        self.horizontal = horizontal
        self.position = position
        self.start = start
        self.end = end
    }
}

/// What is known of one page: its size, its text as glyphs of a text layer or as OCR words, the ruling
/// lines found on it (drawn by the PDF, or found in the page image), and where a text layer draws
/// spaces (glyph lists leave them out, also the one a wrapped line ends with).
public struct PageInput: Sendable {
    public enum Content: Sendable {
        case glyphs([Glyph])
        case words([Word])
    }

    public var width: Double
    public var height: Double
    public var content: Content
    public var rulings: [Ruling]
    public var spaces: [Box]

    public init(width: Double, height: Double, content: Content, rulings: [Ruling] = [], spaces: [Box] = []) {
        self.width = width
        self.height = height
        self.content = content
        self.rulings = rulings
        self.spaces = spaces
    }
}
