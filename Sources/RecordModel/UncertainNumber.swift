/// A number OCR read that its ink did not confirm, or that tesseract doubted: where it was and how it read.
/// The read stage reports them; validation warns at the fields that hold them.
public struct UncertainNumber: Codable, Sendable, Equatable {
    public var page: Int
    /// The number as read, digits and number marks ("๙๔.๕๐", "2568.", "(93.96").
    public var text: String
    /// Tesseract's confidence in the word, 0–100.
    public var confidence: Double

    public init(page: Int, text: String, confidence: Double) {
        self.page = page
        self.text = text
        self.confidence = confidence
    }

    /// The number's value: its digits (Thai or ASCII) and decimal point; nil when they make no number.
    public var value: Double? {
        var digits = Substring(String(text.unicodeScalars.compactMap { scalar -> Character? in
            if (0x0E50...0x0E59).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0x0E50 + 0x30)!) }
            return ("0"..."9").contains(Character(scalar)) || scalar == "." ? Character(scalar) : nil
        }))
        while digits.first == "." { digits.removeFirst() }
        while digits.last == "." { digits.removeLast() }
        return Double(digits)
    }
}
