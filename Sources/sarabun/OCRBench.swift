import Foundation
import PDFText
import Reading
import ScanImage

/// `bench --ocr`: the time OCR of a scanned page takes in Sarabun (the page made ready, tesseract, the
/// digit pass) against tesseract alone on the same rendered page with the same settings, in the same run.
///
/// Only pages without a text layer count. Each page is rendered once, outside both timings; then, round
/// after round, tesseract reads the rendered page as it is and Sarabun's path reads it as `extract` does.
struct OCRBench {
    var files: [InputFile]
    var rounds: Int
    var settings: OCRSettings

    func run() throws {
        guard case .success = DigitSpecimen.reader else { throw PDFBenchError(description: "the digit specimen did not load") }
        var plain = OCREngine(languages: settings.languages, timeout: settings.timeout)
        plain.rereadsNumbers = false
        let ours = OCREngine(languages: settings.languages, timeout: settings.timeout)
        let dpi = settings.dpi
        var pages: [GrayImage] = []
        for file in files {
            guard let document = try? PDFDocument(path: file.url.path) else { continue }
            for n in 1...document.pageCount {
                guard let glyphs = try? document.glyphs(page: n), !glyphs.contains(where: { !$0.scalar.properties.isWhitespace }),
                    let image = try? document.render(page: n, dpi: Double(dpi))
                else { continue }
                pages.append(image)
            }
        }
        guard !pages.isEmpty else { throw PDFBenchError(description: "no scanned page (a page without a text layer) among the inputs") }
        var (tesseract, prepare, recognize) = (0.0, 0.0, 0.0)
        for _ in 0..<rounds {
            for page in pages {
                tesseract += try seconds { try check(plain.recognize(page, dpi: dpi)) }
                var prepared: PreparedScan?
                prepare += seconds { prepared = page.preparedForOCR(dpi: dpi) }
                recognize += try seconds { try check(ours.recognize(prepared!.image, dpi: dpi)) }
            }
        }
        let count = Double(pages.count * rounds)
        print("sarabun bench --ocr: \(pages.count) scanned pages at \(dpi) dpi, \(rounds) rounds, languages \(settings.languages)")
        print(String(format: "tesseract alone, page as rendered:     %6.3f s/page", tesseract / count))
        print(String(format: "Sarabun: making the page ready:        %6.3f s/page", prepare / count))
        print(String(format: "Sarabun: tesseract and digit pass:     %6.3f s/page", recognize / count))
        print(String(format: "ratio: Sarabun's OCR takes %.2f× the time of tesseract alone (target: at most 1.1×)",
            (prepare + recognize) / tesseract))
    }

    private func check(_ result: Result<[OCRWord], OCRFailure>) throws {
        if case .failure(let failure) = result { throw PDFBenchError(description: failure.description) }
    }

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
