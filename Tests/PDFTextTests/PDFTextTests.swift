import Foundation
import ScanImage
import Testing

@testable import PDFText

/// The committed PDF fixtures (made by scripts/make-pdf-fixtures.sh).
func fixture(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pdf/\(name)").path
}

func temporaryFile(_ name: String, _ bytes: Data) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(UUID().uuidString)-\(name)")
    try bytes.write(to: url)
    return url.path
}

/// A PDF with a catalog and an empty page tree: well formed, no pages.
func pdfWithoutPages() -> Data {
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (k, object) in ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"].enumerated() {
        offsets.append(out.utf8.count)
        out += "\(k + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 3\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
    out += "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
}

@Suite struct PDFDocumentTests {
    @Test func aThaiTextLayerWithPrivateUseGlyphsComesThroughAsItIs() throws {
        // The fixture was set with a legacy font's displaced-mark glyphs (U+F700–U+F71A); the read stage
        // passes them on and the normalizer maps them back.
        let document = try PDFDocument(path: fixture("thai-pua.pdf"))
        #expect(document.pageCount == 1)
        let glyphs = try document.glyphs(page: 1)
        let scalars = glyphs.map(\.scalar.value)
        #expect(scalars.contains(0xF706))  // MAI THO shifted down-left, over ป
        #expect(scalars.contains(0xF70B))  // MAI THO shifted down, no upper vowel
        #expect(glyphs.allSatisfy { $0.x1 >= $0.x0 && $0.y1 > $0.y0 })
    }

    @Test func anEncryptedPDFIsRefusedAsEncrypted() {
        #expect(throws: PDFError.encrypted) { try PDFDocument(path: fixture("encrypted.pdf")) }
    }

    @Test func bytesThatAreNoPDFAreRefused() throws {
        let path = try temporaryFile("note.pdf", Data("hello, not a PDF".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PDFError.notPDF) { try PDFDocument(path: path) }
    }

    @Test func aPDFCutShortIsRefusedAsTruncated() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: fixture("thai-pua.pdf")))
        let path = try temporaryFile("cut.pdf", whole.prefix(whole.count / 2))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PDFError.truncated) { try PDFDocument(path: path) }
    }

    @Test func aPDFWithoutPagesIsRefused() throws {
        let path = try temporaryFile("empty.pdf", pdfWithoutPages())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: PDFError.noPages) { try PDFDocument(path: path) }
    }

    @Test func aMissingFileIsUnreadable() {
        #expect {
            try PDFDocument(path: "/nonexistent/sarabun.pdf")
        } throws: { error in
            if case .unreadable = error as? PDFError { return true }
            return false
        }
    }

    @Test func aScannedPageHasNoGlyphsAndRendersToAnImage() throws {
        let document = try PDFDocument(path: fixture("mixed.pdf"))
        #expect(document.pageCount == 2)
        #expect(try !document.glyphs(page: 1).isEmpty)
        #expect(try document.glyphs(page: 2).isEmpty)
        let image = try document.render(page: 2, dpi: 72)
        let size = try document.pageSize(2)
        #expect(image.width == Int(size.width.rounded(.up)) && image.height == Int(size.height.rounded(.up)))
        #expect(image.pixels.contains { $0 < 128 })
        #expect(throws: PDFError.self) { try document.render(page: 2, dpi: 72, maxPixels: 1000) }
        #expect(throws: PDFError.self) { try document.glyphs(page: 3) }
    }
}

@Suite struct ChildProcessTests {
    @Test func outputAndExitStatusComeBack() throws {
        let result = try ChildProcess.run("/bin/sh", arguments: ["-c", "echo out; echo err >&2; exit 3"], timeout: 10)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "out\n")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "err\n")
        #expect(result.status == 3 && !result.timedOut)
    }

    @Test func aChildThatHangsIsKilledAtItsDeadlineWithWhatItStarted() throws {
        let start = Date()
        let result = try ChildProcess.run("/bin/sh", arguments: ["-c", "sleep 30 & sleep 30"], timeout: 0.5)
        #expect(result.timedOut && !result.succeeded)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aChildRunsInAGroupOfItsOwnOrInItsCallers() throws {
        // Field 5 of /proc/PID/stat is the process group.
        func group(_ group: ChildProcess.Group) throws -> Int32? {
            let result = try ChildProcess.run("/bin/sh", arguments: ["-c", "cat /proc/$$/stat; echo; echo $$"], timeout: 10, group: group)
            let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
            guard lines.count == 2, let fields = lines[0].split(separator: ")").last?.split(separator: " "), fields.count > 2 else { return nil }
            return Int32(fields[2])
        }
        #expect(try group(.callers) == getpgrp())
        let own = try group(.own)
        #expect(own != nil && own != getpgrp())
    }

    @Test func aChildGetsItsStandardDescriptorsAndNothingElse() throws {
        // A descriptor open in this process without close-on-exec (as a file being written by another thread).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-fd-\(UUID().uuidString)").path
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        try #require(fd >= 3)
        defer {
            close(fd)
            unlink(path)
        }
        let result = try ChildProcess.run("/bin/sh", arguments: ["-c", "ls /proc/$$/fd"], timeout: 10)
        let inherited = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(inherited.sorted() == [0, 1, 2])
    }

    @Test func aProgramThatDoesNotExistCannotStart() {
        #expect(throws: ChildProcessError.self) {
            try ChildProcess.run("/nonexistent/program", arguments: [], timeout: 1)
        }
    }

    @Test func aServingChildAnswersLineByLineAndIsKilledWhenItHangs() throws {
        let child = try ChildProcess.start(
            "/bin/sh", arguments: ["-c", "while read line; do if [ \"$line\" = hang ]; then sleep 30; fi; echo \"got $line\"; done"])
        guard case .line(let first) = child.request(Data("one".utf8), timeout: 5) else {
            Issue.record("no answer")
            return
        }
        #expect(String(decoding: first, as: UTF8.self) == "got one")
        guard case .line(let second) = child.request(Data("two".utf8), timeout: 5) else {
            Issue.record("no second answer")
            return
        }
        #expect(String(decoding: second, as: UTF8.self) == "got two")
        let start = Date()
        guard case .timedOut = child.request(Data("hang".utf8), timeout: 0.5) else {
            Issue.record("a hanging child was not timed out")
            return
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aServingChildThatCrashesSaysSo() throws {
        let child = try ChildProcess.start("/bin/sh", arguments: ["-c", "read line; kill -SEGV $$"])
        guard case .ended(let status) = child.request(Data("x".utf8), timeout: 5) else {
            Issue.record("a crash was not noticed")
            return
        }
        #expect(status == 128 + 11)
    }
}

@Suite struct OCRTests {
    @Test func textTokensGetTheBoxesOfTheCharactersTheySpell() {
        // Tesseract's TSV gives a box per Thai character; its text puts the spaces.
        let tsv = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            5\t1\t1\t1\t1\t1\t10\t20\t8\t30\t95\tก
            5\t1\t1\t1\t1\t2\t18\t20\t8\t30\t95\tา
            5\t1\t1\t1\t1\t3\t26\t20\t8\t30\t90\tร
            5\t1\t1\t1\t1\t4\t60\t20\t20\t30\t96\tITA
            5\t1\t2\t1\t1\t1\t10\t80\t8\t30\t80\tข
            """
        let words = OCREngine.words(tsv: tsv, text: "การ ITA\n\nข\n")
        #expect(words.map(\.text) == ["การ", "ITA", "ข"])
        #expect(words[0].left == 10 && words[0].width == 24 && words[0].confidence == 90)
        #expect(words[0].line == words[1].line && words[1].line != words[2].line)
    }

    @Test func whenTextAndBoxesDisagreeTheBoxesAreKept() {
        let tsv = "5\t1\t1\t1\t1\t1\t10\t20\t8\t30\t95\tก\n5\t1\t1\t1\t1\t2\t18\t20\t8\t30\t95\tข"
        #expect(OCREngine.words(tsv: tsv, text: "กขค").map(\.text) == ["ก", "ข"])
    }

    @Test func aTesseractThatHangsTimesOut() throws {
        let fake = try temporaryFile("tesseract", Data("#!/bin/sh\nsleep 30\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: fake) }
        chmod(fake, 0o755)
        let image = GrayImage(width: 10, height: 10, pixels: [UInt8](repeating: 0, count: 100))
        let result = OCREngine(executable: fake, timeout: 0.5).recognize(image, dpi: 300)
        #expect(result == .failure(.timedOut(seconds: 0.5)))
    }

    @Test func aTesseractThatFailsSaysWhy() throws {
        let fake = try temporaryFile("tesseract", Data("#!/bin/sh\necho 'Error opening data file' >&2\nexit 1\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: fake) }
        chmod(fake, 0o755)
        let image = GrayImage(width: 10, height: 10, pixels: [UInt8](repeating: 0, count: 100))
        let result = OCREngine(executable: fake, timeout: 5).recognize(image, dpi: 300)
        #expect(result == .failure(.failed("tesseract exited with status 1: Error opening data file")))
    }
}
