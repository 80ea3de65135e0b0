/// A scanned page made ready for OCR, with what was found on the way.
public struct PreparedScan: Sendable {
    /// The page levelled, binarized, without specks or ruling lines: what OCR reads.
    public var image: GrayImage
    /// The table borders found, in the levelled image's pixels.
    public var rules: [Rule]
    /// The skew that was taken out, in degrees.
    public var skew: Double
}

extension GrayImage {
    /// The steps a scanned page needs before OCR, at `dpi`: its lines made level (a page fed askew gives
    /// table borders that no row or column follows and text lines that tesseract cuts), the ruling lines
    /// found and whitened, then black and white (JPEG noise and paper tone gone; on the scans measured,
    /// tesseract reads a thresholded page better than the grey one) and specks removed.
    public func preparedForOCR(dpi: Int) -> PreparedScan {
        let (level, skew) = deskewed()
        // Borders are found on the grey page, before thresholding breaks a faint one into dashes: a pixel
        // counts when it is darker than halfway from Otsu's split to white.
        let split = level.otsuThreshold()
        // A third of an inch: longer than any letter's stroke, shorter than a table's border.
        let (rules, unruled) = level.rules(minimumRun: dpi / 3, threshold: split / 2 + 128)
        let scale = Double(dpi) / 300
        // Dust is a few pixels at 300 dpi; the smallest mark of 10-point text (a decimal point) is larger.
        let cleaned = unruled.binarized()
            .despeckled(maximumArea: Swift.max(1, Int(6 * scale * scale)), clearance: Swift.max(2, Int(6 * scale)))
        return PreparedScan(image: cleaned, rules: rules, skew: skew)
    }
}
