import RecordModel

/// A number OCR read with doubt, as the read stage reports it: its page, its value, tesseract's
/// confidence in the word.
public struct DoubtfulNumber: Sendable, Equatable {
    public var page: Int
    public var value: Double
    public var confidence: Double

    public init(page: Int, value: Double, confidence: Double) {
        self.page = page
        self.value = value
        self.confidence = confidence
    }

    /// The value of OCR's text for a number ("๙๔.๕๐", "2568.", "(93.96"): its digits and decimal point.
    public init?(page: Int, text: String, confidence: Double) {
        let ascii = String(text.unicodeScalars.compactMap { scalar -> Character? in
            if (0x0E50...0x0E59).contains(scalar.value) { return Character(UnicodeScalar(scalar.value - 0x0E50 + 0x30)!) }
            return ("0"..."9").contains(Character(scalar)) || scalar == "." ? Character(scalar) : nil
        })
        var digits = Substring(ascii)
        while digits.first == "." { digits.removeFirst() }
        while digits.last == "." { digits.removeLast() }
        guard let value = Double(digits) else { return nil }
        self.init(page: page, value: value, confidence: confidence)
    }
}

/// Warnings "ocr_uncertain" at the fields of an OCR record that hold a number read with doubt (see
/// `OCREngine.rereadingNumbers`): the field's item was found on the number's page, with the same value.
public enum OCRCertainty {
    public static func issues(_ record: Record, doubtful: [DoubtfulNumber]) -> [ValidationIssue] {
        guard !doubtful.isEmpty else { return [] }
        var fields: [(path: String, value: Double, page: Int?)] = []
        for (k, item) in record.assessments.enumerated() {
            fields += [("/assessments/\(k)/score", item.score, item.at.page), ("/assessments/\(k)/year_be", Double(item.yearBE), item.at.page)]
        }
        for (k, item) in record.indicatorScores.enumerated() {
            fields.append(("/indicator_scores/\(k)/score", item.score, item.at.page))
            if let year = item.yearBE { fields.append(("/indicator_scores/\(k)/year_be", Double(year), item.at.page)) }
        }
        for (k, item) in record.toolScores.enumerated() {
            fields.append(("/tool_scores/\(k)/score", item.score, item.at.page))
            if let year = item.yearBE { fields.append(("/tool_scores/\(k)/year_be", Double(year), item.at.page)) }
        }
        for (k, item) in record.questionScores.enumerated() {
            fields.append(("/question_scores/\(k)/score", item.score, item.at.page))
            if let year = item.yearBE { fields.append(("/question_scores/\(k)/year_be", Double(year), item.at.page)) }
        }
        return fields.compactMap { field in
            guard let page = field.page,
                let number = doubtful.first(where: { $0.page == page && abs($0.value - field.value) < 0.0005 })
            else { return nil }
            return ValidationIssue(
                severity: .warning, code: "ocr_uncertain", path: field.path,
                message: "\(Plausibility.printed(field.value, year: field.path.hasSuffix("year_be"))) on page \(page) was read by OCR "
                    + "with doubt (its ink did not confirm the digits, or confidence \(Int(number.confidence.rounded()))); check it on the page")
        }
    }
}
