import Foundation
import ScanImage

/// The shapes OCR's number reader compares ink with, cut out of the digit specimen
/// (`Resources/digit-specimen.pdf`, made by `scripts/make-digit-specimen.sh`): every Thai font Debian
/// ships, regular and bold, each character a word of its own.
///
/// The specimen is rendered at several resolutions and each shape thresholded light and dark, as scans
/// thin or thicken strokes; the same PDF gives the same shapes on every machine, with no font installed.
public enum DigitSpecimen {
    /// Resolutions at which the specimen's 20-point text is about as many pixels tall as body text in
    /// scans of 150 to 400 dpi.
    static let resolutions: [Double] = [110, 200, 300]
    /// Grey levels below which a rendered pixel is ink: thin and thick strokes.
    static let thresholds: [UInt8] = [96, 176]
    /// The characters of one face's line of the specimen.
    static let shapesPerFace = 28

    /// The reader made from the specimen, or why there is none (then numbers keep OCR's reading).
    public static let reader: Result<NumberReader, PDFError> = {
        guard let url = Bundle.module.url(forResource: "digit-specimen", withExtension: "pdf") else {
            return .failure(.unreadable("the digit specimen is missing from the PDFText resources"))
        }
        return Result { () throws(PDFError) in NumberReader(samples: try samples(specimen: url.path)) }
    }()

    /// Every character of the specimen at every resolution and threshold.
    static func samples(specimen path: String) throws(PDFError) -> [ShapeSample] {
        let document = try PDFDocument(path: path)
        var samples: [ShapeSample] = []
        var faces = 0
        for page in 1...document.pageCount {
            let glyphs = try document.glyphs(page: page).filter { !$0.scalar.properties.isWhitespace }
            defer { faces += glyphs.count / shapesPerFace }
            for dpi in resolutions {
                let image = try document.render(page: page, dpi: dpi)
                let scale = dpi / 72
                for (k, glyph) in glyphs.enumerated() {
                    let box = PixelBox(
                        x0: max(0, Int(glyph.x0 * scale) - 1), y0: max(0, Int(glyph.y0 * scale) - 1),
                        x1: min(image.width - 1, Int(glyph.x1 * scale) + 1), y1: min(image.height - 1, Int(glyph.y1 * scale) + 1))
                    for threshold in thresholds {
                        if let shape = Shape(image, box: box, threshold: threshold) {
                            samples.append(ShapeSample(
                                character: Character(glyph.scalar), shape: shape, face: faces + k / shapesPerFace))
                        }
                    }
                }
            }
        }
        return samples
    }
}
