import Foundation
import PDFText
import Reading

/// `bench --pdf`: pages a second of the PDF read stage against `pdftotext` from the same poppler, on the
/// same files in the same run.
///
/// The read stage is measured as `extract` runs it on one worker: a `PDFHelpers` helper process (started
/// once, counted) reading each PDF into laid-out page text. `pdftotext` runs once per file, as it is used.
/// Only PDFs with a text layer count: `pdftotext` has nothing to set against OCR.
struct PDFBench {
    var files: [InputFile]
    var rounds: Int

    func run() throws {
        let command = ReadPDF.helperCommand(OCRSettings())
        let survey = PDFHelpers(command: command, timeout: 300)
        var measured: [(path: String, pages: Int)] = []
        for file in files {
            if case .success(let pages) = survey.read(path: file.url.path), pages.ocrPages.isEmpty {
                measured.append((file.url.path, pages.pageCount))
            }
        }
        guard !measured.isEmpty else { throw PDFBenchError(description: "no PDF with a text layer among the inputs") }
        let pages = measured.reduce(0) { $0 + $1.pages } * rounds

        let helpers = PDFHelpers(command: command, timeout: 300)
        let ours = try seconds {
            for _ in 0..<rounds {
                for file in measured {
                    if case .failure(let error) = helpers.read(path: file.path) {
                        throw PDFBenchError(description: "\(file.path): \(error)")
                    }
                }
            }
        }
        let theirs = try seconds {
            for _ in 0..<rounds {
                for file in measured {
                    let result = try ChildProcess.run("pdftotext", arguments: [file.path, "/dev/null"], timeout: 300)
                    guard result.succeeded else { throw PDFBenchError(description: "pdftotext failed on \(file.path)") }
                }
            }
        }
        print("sarabun bench --pdf: \(measured.count) PDFs with a text layer, \(pages / rounds) pages, \(rounds) rounds")
        print(String(format: "read stage (helper process, layout):   %8.1f pages/s  (%.3f s)", Double(pages) / ours, ours))
        print(String(format: "pdftotext (same poppler, per file):    %8.1f pages/s  (%.3f s)", Double(pages) / theirs, theirs))
        print(String(format: "ratio: the read stage takes %.2f× the time of pdftotext (target: at most 2×)", ours / theirs))
    }

    private func seconds(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

struct PDFBenchError: Error, CustomStringConvertible {
    var description: String
}
