import RecordModel

/// Warnings "ocr_uncertain" at the fields of an OCR record that hold a number read with doubt (see
/// `OCREngine.rereadingNumbers`): the field's item was found on the number's page, with the same value.
public enum OCRCertainty {
    public static func issues(_ record: Record, uncertain: [UncertainNumber]) -> [ValidationIssue] {
        let doubtful = uncertain.compactMap { number in number.value.map { (page: number.page, value: $0, confidence: number.confidence) } }
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
