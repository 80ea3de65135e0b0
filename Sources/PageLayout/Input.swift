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

/// One character of a PDF text layer: its scalar, its box, and the word the PDF library put it in.
/// Characters of one word are in content-stream (logical) order; words may be in any order.
public struct Glyph: Sendable, Equatable {
    public var scalar: Unicode.Scalar
    public var word: Int
    public var box: Box

    public init(scalar: Unicode.Scalar, word: Int, box: Box) {
        self.scalar = scalar
        self.word = word
        self.box = box
    }
}

/// A word read by OCR, with its box.
public struct Word: Sendable, Equatable {
    public var text: String
    public var box: Box

    public init(text: String, box: Box) {
        self.text = text
        self.box = box
    }
}

/// What is known of one page: its size and its text, as glyphs of a text layer or as OCR words.
public struct PageInput: Sendable {
    public enum Content: Sendable {
        case glyphs([Glyph])
        case words([Word])
    }

    public var width: Double
    public var height: Double
    public var content: Content

    public init(width: Double, height: Double, content: Content) {
        self.width = width
        self.height = height
        self.content = content
    }
}
