import Foundation

/// A word tesseract read, with its box in the image's pixels.
public struct OCRWord: Sendable, Equatable {
    public var text: String
    public var left: Int
    public var top: Int
    public var width: Int
    public var height: Int
    /// Tesseract's confidence, 0–100.
    public var confidence: Double
    /// Tesseract's own line: block, paragraph and line numbers together.
    public var line: Int
}

/// Why OCR of a page gave nothing.
public enum OCRFailure: Error, Equatable, CustomStringConvertible {
    case timedOut(seconds: Double)
    case failed(String)

    public var description: String {
        switch self {
        case .timedOut(let seconds): "OCR timed out after \(Self.format(seconds)) s"
        case .failed(let why): "OCR failed: \(why)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// Tesseract run as a child process on one page image, with a time limit.
///
/// A child process rather than the C API: a page that makes tesseract hang is killed at the deadline and
/// only that page is lost. `OMP_THREAD_LIMIT=1` because tesseract's OpenMP threads make one page about
/// four times slower on a small machine, where documents already run in parallel.
public struct OCREngine: Sendable {
    /// The tesseract executable (a name looked up on PATH, or a path).
    public var executable: String
    /// Tesseract's language list.
    public var languages: String
    /// Tesseract's page segmentation mode; 6 (one uniform block) reads clean Thai pages best.
    public var pageSegmentation: Int
    /// Seconds a page may take.
    public var timeout: Double

    public init(executable: String = "tesseract", languages: String = "tha+eng", pageSegmentation: Int = 6, timeout: Double = 60) {
        self.executable = executable
        self.languages = languages
        self.pageSegmentation = pageSegmentation
        self.timeout = timeout
    }

    /// The words on `image`, rendered at `dpi`.
    public func recognize(_ image: GrayImage, dpi: Int) -> Result<[OCRWord], OCRFailure> {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("sarabun-ocr-\(UUID().uuidString).pgm")
        do {
            try image.pgm().write(to: file)
        } catch {
            return .failure(.failed("cannot write the page image: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let result: ChildResult
        do {
            result = try ChildProcess.run(
                executable,
                arguments: [file.path, "stdout", "-l", languages, "--psm", String(pageSegmentation), "--dpi", String(dpi), "tsv"],
                environment: ["OMP_THREAD_LIMIT": "1"], timeout: timeout)
        } catch {
            return .failure(.failed(error.description))
        }
        if result.timedOut { return .failure(.timedOut(seconds: timeout)) }
        guard result.status == 0 else {
            let message = String(decoding: result.stderr, as: UTF8.self)
                .split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            return .failure(.failed("tesseract exited with status \(result.status)\(message.isEmpty ? "" : ": " + message)"))
        }
        return .success(Self.parseTSV(String(decoding: result.stdout, as: UTF8.self)))
    }

    /// The words (level 5 rows with text) of tesseract's TSV output.
    public static func parseTSV(_ tsv: String) -> [OCRWord] {
        var words: [OCRWord] = []
        for row in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 12, cells[0] == "5",
                let block = Int(cells[2]), let paragraph = Int(cells[3]), let line = Int(cells[4]),
                let left = Int(cells[6]), let top = Int(cells[7]), let width = Int(cells[8]), let height = Int(cells[9]),
                let confidence = Double(cells[10])
            else { continue }
            let text = cells[11...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            words.append(OCRWord(
                text: text, left: left, top: top, width: width, height: height, confidence: confidence,
                line: (block * 1000 + paragraph) * 1000 + line))
        }
        return words
    }
}
