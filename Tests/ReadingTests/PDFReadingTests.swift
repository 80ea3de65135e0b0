import Foundation
import Normalization
import PDFText
import TableModel
import Testing

@testable import Reading

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func input(_ relative: String) -> InputFile {
    let url = repository.appendingPathComponent(relative)
    return InputFile(displayPath: relative, relativePath: url.lastPathComponent, url: url)
}

func scratchFile(_ name: String, _ bytes: Data) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(UUID().uuidString)-\(name)")
    try bytes.write(to: url)
    return url
}

/// A stand-in tesseract: a shell script.
func fakeTesseract(_ script: String) throws -> String {
    let url = try scratchFile("tesseract", Data("#!/bin/sh\n\(script)\n".utf8))
    chmod(url.path, 0o755)
    return url.path
}

/// The read stage's failure for `file`, else nil.
func readFailure(_ file: InputFile, _ options: ReadOptions = ReadOptions()) -> String? {
    if case .failure(let failure) = DocumentReader.read(file, options: options) { return failure.reason }
    return nil
}

@Suite struct PDFReadingTests {
    @Test func aDrawnTableWithWrappedCellsComesAsOneGridAndPrivateUseMarksAreMappedBack() throws {
        // Made as a Word export of a legacy font writes Thai: displaced marks as private-use glyphs, in a
        // bordered table whose narrow columns wrap (scripts/make-pdf-fixtures-html.sh --pua).
        let document = try DocumentReader.read(input("corpus/pdf/html-pua-kinnari/D21.pdf")).get()
        let raw = document.pages.map(\.text).joined()
        #expect(raw.unicodeScalars.contains { (0xF700...0xF71A).contains($0.value) })
        let lines = document.pages.flatMap { Normalizer().normalize($0.text, page: $0.page) }
        #expect(!lines.contains { $0.text.unicodeScalars.contains { (0xF700...0xF71A).contains($0.value) } })
        let grids = document.pages.flatMap(\.tables)
        #expect(grids.count >= 2)
        let header = try #require(grids.first?.rows.first).texts.map { Normalizer().normalizeLine($0) }
        #expect(header == ["เครื่องมือ", "น้ำหนัก (ร้อยละ)", "คะแนนที่ได้", "คะแนนถ่วงน้ำหนัก"])
    }

    @Test func aTableInAPDFComesOutAsTabSeparatedRowsWithItsPage() throws {
        let document = try DocumentReader.read(input("corpus/pdf/laksaman/002_f015660f6017e052.pdf")).get()
        #expect(document.source.format == .pdf)
        #expect(document.source.pages == document.pages.count && document.pages.count > 10)
        #expect(document.pages.map(\.page) == Array(1...document.pages.count).map(Optional.some))
        // The indicator table of the text version, rebuilt from the glyph boxes.
        let lines = document.pages.flatMap { $0.text.split(separator: "\n").map(String.init) }
        #expect(lines.contains("ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน"))
        #expect(lines.contains("1\tการปฏิบัติหน้าที่\t100.00"))
        #expect(lines.contains("10\tการป้องกันการทุจริต\t100.00"))
        // The running header and the page numbers are not content.
        #expect(!lines.contains { $0.contains("เอกสารประกอบการประเมิน") })
        #expect(!lines.contains("- 3 -"))
    }

    @Test func privateUseCodePointsOfAThaiPDFNormalizeToStandardThai() throws {
        let document = try DocumentReader.read(input("Tests/Fixtures/pdf/thai-pua.pdf")).get()
        let raw = document.pages.map(\.text).joined(separator: "\n")
        #expect(raw.unicodeScalars.contains { (0xF700...0xF71A).contains($0.value) })
        let text = document.pages.flatMap { Normalizer().normalize($0.text, page: $0.page) }.map(\.text).joined(separator: "\n")
        #expect(text.contains("ตัวชี้วัดที่ 10 การป้องกันการทุจริต ได้คะแนน 93.75 คะแนน"))
        #expect(text.contains("ปุ่มป้าย กฎหมาย ญี่ปุ่น"))
        #expect(!text.unicodeScalars.contains { (0xF700...0xF8FF).contains($0.value) })
    }

    @Test func badPDFsAreRejectedWithTheirReason() throws {
        #expect(readFailure(input("Tests/Fixtures/pdf/encrypted.pdf")) == "encrypted PDF: it needs a password")

        let text = try scratchFile("letter.pdf", Data("บันทึกข้อความ".utf8))
        defer { try? FileManager.default.removeItem(at: text) }
        #expect(readFailure(InputFile(displayPath: "letter.pdf", relativePath: "letter.pdf", url: text)) == "not a PDF (no %PDF- header)")

        let whole = try Data(contentsOf: repository.appendingPathComponent("Tests/Fixtures/pdf/thai-pua.pdf"))
        let cut = try scratchFile("cut.pdf", whole.prefix(4000))
        defer { try? FileManager.default.removeItem(at: cut) }
        #expect(readFailure(InputFile(displayPath: "cut.pdf", relativePath: "cut.pdf", url: cut))
            == "truncated PDF: the file ends before its %%EOF marker")

        let empty = try scratchFile("empty.pdf", Data())
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(readFailure(InputFile(displayPath: "empty.pdf", relativePath: "empty.pdf", url: empty)) == "not a PDF (no %PDF- header)")
    }

    @Test func aPDFWithoutPagesIsRejected() throws {
        var pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        let second = pdf.utf8.count
        pdf += "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
        let xref = pdf.utf8.count
        pdf += "xref\n0 3\n0000000000 65535 f \n" + String(format: "%010d 00000 n \n%010d 00000 n \n", 9, second)
        pdf += "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let url = try scratchFile("nopages.pdf", Data(pdf.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(readFailure(InputFile(displayPath: "nopages.pdf", relativePath: "nopages.pdf", url: url)) == "the PDF has no pages")
    }

    @Test func aScannedPageIsReadByOCRAndMarksTheDocument() throws {
        let document = try DocumentReader.read(input("Tests/Fixtures/pdf/mixed.pdf")).get()
        #expect(document.source.format == .pdfOCR)
        #expect(document.source.pages == 2)
        #expect(document.failedPages.isEmpty)
        // Tesseract reads the scanned copy of the private-use fixture: standard Thai, whatever its errors.
        #expect(document.pages[1].text.contains("กฎหมาย"))
    }

    @Test func aPageWhoseOCRHangsIsNamedAndTheOtherPagesComeThrough() throws {
        let tesseract = try fakeTesseract("sleep 30")
        defer { try? FileManager.default.removeItem(atPath: tesseract) }
        let options = ReadOptions(pdf: PDFOptions(ocr: OCREngine(executable: tesseract, timeout: 0.5)))
        let start = Date()
        let document = try DocumentReader.read(input("Tests/Fixtures/pdf/mixed.pdf"), options: options).get()
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(document.failedPages == [PageFailure(page: 2, reason: "OCR timed out after 0.5 s")])
        #expect(document.source.format == .pdf)
        #expect(document.pages[0].text.contains("รายงานผลการดำเนินการ"))
        #expect(document.pages[1].text.isEmpty)
    }

    @Test func aScannedPDFWhoseOCRFailsOnEveryPageIsRejected() throws {
        let tesseract = try fakeTesseract("exit 1")
        defer { try? FileManager.default.removeItem(atPath: tesseract) }
        let options = ReadOptions(pdf: PDFOptions(ocr: OCREngine(executable: tesseract, timeout: 5)))
        let reason = readFailure(input("Tests/Fixtures/pdf/scanned.pdf"), options)
        #expect(reason == "page 1: no page gave text; OCR failed: tesseract exited with status 1")
    }
}

@Suite struct PDFHelperTests {
    /// A helper that answers every request with one page of text, or hangs on a path containing "hang",
    /// or crashes on one containing "crash".
    func helper() throws -> String {
        let answer = #"{"pages":{"pageCount":1,"pages":[{"text":"ข้อความ","tables":[]}],"ocrPages":[],"failedPages":[],"uncertainNumbers":[]}}"#
        let script = """
            #!/bin/sh
            while read line; do
              case "$line" in
                *hang*) sleep 30 ;;
                *crash*) kill -SEGV $$ ;;
              esac
              echo '\(answer)'
            done
            """
        let url = try scratchFile("helper", Data(script.utf8))
        chmod(url.path, 0o755)
        return url.path
    }

    @Test func aPDFThatMakesTheReaderHangIsRejectedAtTheTimeLimitAndTheNextOneIsRead() throws {
        let command = try helper()
        defer { try? FileManager.default.removeItem(atPath: command) }
        let helpers = PDFHelpers(command: [command], timeout: 1)
        #expect(try helpers.read(path: "a.pdf").get().pages.map(\.text) == ["ข้อความ"])
        let start = Date()
        guard case .failure(let error) = helpers.read(path: "hang.pdf") else {
            Issue.record("a hanging read was not stopped")
            return
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(error.description == "PDF reading exceeded its time limit of 1 s")
        #expect(try helpers.read(path: "b.pdf").get().pages.map(\.text) == ["ข้อความ"])
    }

    @Test func aReaderKilledAtTheTimeLimitLeavesNoScratchFilesAndNoOCRRunning() throws {
        // The stand-in writes a page image into its temporary directory and starts a long OCR, then hangs;
        // it reports where (the folder) and what (the OCR's pid) into the file its request names.
        let script = #"""
            #!/bin/sh
            while read line; do
              report=$(printf '%s' "$line" | sed 's/^"//; s/"$//; s#\\/#/#g')
              echo "$TMPDIR" > "$report"
              touch "$TMPDIR/page.pgm"
              sleep 30 &
              echo $! >> "$report"
              wait
            done
            """#
        let command = try scratchFile("helper", Data(script.utf8))
        chmod(command.path, 0o755)
        defer { try? FileManager.default.removeItem(at: command) }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(UUID().uuidString)-report")
        defer { try? FileManager.default.removeItem(at: report) }
        let helpers = PDFHelpers(command: [command.path], timeout: 1)
        guard case .failure = helpers.read(path: report.path) else {
            Issue.record("a hanging read was not stopped")
            return
        }
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].contains("sarabun-helper-"))
        #expect(!FileManager.default.fileExists(atPath: lines[0]))
        // Gone, or a zombie waiting to be reaped: either way no longer running.
        let stat = (try? String(contentsOfFile: "/proc/\(lines[1])/stat", encoding: .utf8)) ?? ""
        #expect(stat.isEmpty || stat.split(separator: " ").dropFirst(2).first == "Z")
    }

    @Test func aPDFThatCrashesTheReaderIsRejectedAndTheNextOneIsRead() throws {
        let command = try helper()
        defer { try? FileManager.default.removeItem(atPath: command) }
        let helpers = PDFHelpers(command: [command], timeout: 5)
        guard case .failure(let error) = helpers.read(path: "crash.pdf") else {
            Issue.record("a crash was not noticed")
            return
        }
        #expect(error.description == "the PDF reader crashed (signal 11)")
        #expect(try helpers.read(path: "c.pdf").get().pageCount == 1)
    }

    @Test func aHelperThatCannotStartIsAReason() {
        let helpers = PDFHelpers(command: ["/nonexistent/sarabun-pdf"], timeout: 5)
        guard case .failure(let error) = helpers.read(path: "a.pdf") else {
            Issue.record("a missing helper was not noticed")
            return
        }
        #expect(error.description.contains("/nonexistent/sarabun-pdf"))
    }
}
