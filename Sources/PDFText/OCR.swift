import Foundation
import Genre
import ScanImage

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
    /// Whether the word's number is in doubt: its ink did not read as the digits, it fit their shapes only
    /// loosely, or tesseract itself was unsure (see `OCREngine.rereadingNumbers`).
    public var uncertain = false
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
    /// Tesseract's page segmentation mode. 11 (sparse text: each stretch of text on its own) keeps the
    /// cells of a table apart and, on the scanned corpus memo, reads Thai marks that 6 (one uniform block)
    /// and 3 (automatic) drop, such as the vowels of the บันทึกข้อความ title.
    public var pageSegmentation: Int
    /// Seconds a page may take.
    public var timeout: Double
    /// Whether numbers are read again from their shapes (see `NumberReader`).
    public var rereadsNumbers = true

    public init(executable: String = "tesseract", languages: String = "tha+eng", pageSegmentation: Int = 11, timeout: Double = 60) {
        self.executable = executable
        self.languages = languages
        self.pageSegmentation = pageSegmentation
        self.timeout = timeout
    }

    /// The words on `image`, rendered at `dpi`.
    ///
    /// Tesseract's TSV boxes are per character for Thai (it has no spaces to split at), while its plain
    /// text knows where the spaces are; one run writes both, and each text token gets the boxes of the
    /// characters it is made of.
    public func recognize(_ image: GrayImage, dpi: Int) -> Result<[OCRWord], OCRFailure> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-ocr-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try image.pgm().write(to: folder.appendingPathComponent("page.pgm"))
        } catch {
            return .failure(.failed("cannot write the page image: \(error.localizedDescription)"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let result: ChildResult
        do {
            result = try ChildProcess.run(
                executable,
                arguments: [
                    folder.appendingPathComponent("page.pgm").path, folder.appendingPathComponent("page").path,
                    "-l", languages, "--psm", String(pageSegmentation), "--dpi", String(dpi), "txt", "tsv",
                ],
                environment: ["OMP_THREAD_LIMIT": "1"], timeout: timeout, group: .callers)
        } catch {
            return .failure(.failed(error.description))
        }
        if result.timedOut { return .failure(.timedOut(seconds: timeout)) }
        guard result.status == 0 else {
            let message = String(decoding: result.stderr, as: UTF8.self)
                .split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            return .failure(.failed("tesseract exited with status \(result.status)\(message.isEmpty ? "" : ": " + message)"))
        }
        guard let tsv = try? String(contentsOf: folder.appendingPathComponent("page.tsv"), encoding: .utf8),
            let text = try? String(contentsOf: folder.appendingPathComponent("page.txt"), encoding: .utf8)
        else { return .failure(.failed("tesseract wrote no output")) }
        let words = Self.words(tsv: tsv, text: text)
        return .success(rereadsNumbers ? Self.rereadingNumbers(words, in: image) : words)
    }

    /// Below this confidence tesseract's reading of a number is in doubt even when its ink reads the same.
    public static let certainConfidence = 60.0
    /// Beyond this distance from the shapes it was taken for, a number's ink reads only loosely.
    public static let certainDistance = NumberReader.farthest * 3 / 4

    /// The words with every number spelled again by the digit specimen's `NumberReader`, from the ink in
    /// the word's box; a word whose ink is not all digits and number marks keeps tesseract's reading and
    /// is marked `uncertain`, as is every number when the specimen could not be read.
    static func rereadingNumbers(_ words: [OCRWord], in image: GrayImage) -> [OCRWord] {
        guard case .success(let reader) = DigitSpecimen.reader else {
            return words.map { word in
                var out = word
                out.uncertain = NumberReader.numberPart(of: word.text) != nil
                return out
            }
        }
        return words.indices.map { index in
            let word = words[index]
            let isNumber = NumberReader.numberPart(of: word.text) != nil
            let isCode = !isNumber && index > 0 && words[index - 1].line == word.line
                && Genre.questionWordReadings.contains(words[index - 1].text) && mayBeCode(word.text)
            guard isNumber || isCode else { return word }
            var out = word
            out.uncertain = isNumber
            let box = PixelBox(
                x0: max(0, word.left - 1), y0: max(0, word.top - 1),
                x1: min(image.width - 1, word.left + word.width), y1: min(image.height - 1, word.top + word.height))
            guard word.width > 0, word.height > 0, box.x0 <= box.x1, box.y0 <= box.y1,
                let reading = isNumber ? reader.read(image, box: box, text: word.text) : reader.readCode(image, box: box, text: word.text)
            else { return out }
            out.text = reading.text
            out.uncertain = isNumber && (reading.distance > certainDistance || word.confidence < certainConfidence)
            return out
        }
    }

    /// Whether OCR's text after the question word may be a code whose digits it took for letters: a code
    /// letter and a letter or two, not a tool's name ("ข้อ Ele" for E๒, but not "IIT").
    static func mayBeCode(_ text: String) -> Bool {
        guard (2...4).contains(text.count), let first = text.first, first.isASCII, first.isLetter,
            let letter = first.lowercased().first, Genre.questionCodeLetters[letter] != nil
        else { return false }
        let rest = text.dropFirst()
        return rest.allSatisfy { $0.isASCII && $0.isLetter } && !rest.allSatisfy(\.isUppercase)
    }

    /// The text tokens of tesseract's plain text with boxes from its TSV. Both list the same lines in the
    /// same order; a line whose tokens do not add up to its TSV words keeps the TSV words.
    public static func words(tsv: String, text: String) -> [OCRWord] {
        let boxes = parseTSV(tsv)
        let textLines = text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var byLine: [(line: Int, words: [OCRWord])] = []
        for word in boxes {
            if byLine.last?.line == word.line { byLine[byLine.count - 1].words.append(word) } else { byLine.append((word.line, [word])) }
        }
        guard byLine.count == textLines.count else { return boxes }
        var out: [OCRWord] = []
        for ((_, words), line) in zip(byLine, textLines) {
            out += tokens(of: line, boxes: words) ?? words
        }
        return out
    }

    /// The space-separated tokens of `line`, each with the union of the boxes of the characters it spells.
    private static func tokens(of line: String, boxes: [OCRWord]) -> [OCRWord]? {
        var out: [OCRWord] = []
        var k = 0
        for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let need = token.unicodeScalars.count
            var have = 0
            var parts: [OCRWord] = []
            while have < need, k < boxes.count {
                have += boxes[k].text.unicodeScalars.count
                parts.append(boxes[k])
                k += 1
            }
            guard have == need, let first = parts.first else { return nil }
            let left = parts.map(\.left).min()!
            let top = parts.map(\.top).min()!
            let right = parts.map { $0.left + $0.width }.max()!
            let bottom = parts.map { $0.top + $0.height }.max()!
            out.append(OCRWord(
                text: String(token), left: left, top: top, width: right - left, height: bottom - top,
                confidence: parts.map(\.confidence).min()!, line: first.line))
        }
        return k == boxes.count ? out : nil
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
