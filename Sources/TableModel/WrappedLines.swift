/// How the lines of a wrapped text join again: the one rule every stage that rejoins a cell's or a
/// paragraph's lines uses, so that a table cut by a page break reads as the same cell unbroken.
public enum WrappedLines {
    /// Two pieces of text that a line break separated: one space where the page drew one at the break
    /// (`spaced`); else no space between Thai letters (Thai wraps between words that have no space
    /// between them) or between digits (a number broken in a narrow column), one space otherwise.
    public static func join(_ a: String, _ b: String, spaced: Bool = false) -> String {
        let tail = a.unicodeScalars.suffix(2)
        guard let last = tail.last else { return b }
        guard let first = b.unicodeScalars.first else { return a }
        if spaced { return a + " " + b }
        // A hyphen inside a word ("E-Service") is where it broke; a spaced dash is a dash.
        let hyphenated = last == "-" && tail.count == 2 && !tail.first!.properties.isWhitespace && !isDigit(first)
        let glue = (isThaiLetter(last) && isThaiLetter(first)) || (isDigit(last) && isDigit(first) && !twoDecimals(a, b)) || hyphenated
        return glue ? a + b : a + " " + b
    }

    /// Whether `a` ends and `b` starts with a decimal number: two numbers one under the other, not one
    /// number broken ("82.1" / "1" is one).
    private static func twoDecimals(_ a: String, _ b: String) -> Bool {
        let end = a.unicodeScalars.reversed().prefix { isDigit($0) || $0 == "." }
        let start = b.unicodeScalars.prefix { isDigit($0) || $0 == "." }
        return end.contains(".") && start.contains(".")
    }

    public static func isThaiLetter(_ c: Unicode.Scalar) -> Bool {
        (0x0E01...0x0E4F).contains(c.value)
    }

    /// An ASCII or Thai digit.
    public static func isDigit(_ c: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(c.value) || (0x0E50...0x0E59).contains(c.value)
    }
}
