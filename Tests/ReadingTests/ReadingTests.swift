import Foundation
import Testing

@testable import Reading

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = Array("บันทึกข้อความ\r\nที่ 1".utf8)
        #expect(try TextDecoding.decode(plain).text == "บันทึกข้อความ\r\nที่ 1")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + plain).text == "บันทึกข้อความ\r\nที่ 1")
        #expect(try TextDecoding.decode(plain).encoding == "UTF-8")
    }

    @Test func tis620IsDecodedThroughICU() throws {
        // "บันทึก ๑๒" in TIS-620: Thai letters at 0xA1 + (code point - U+0E01).
        let text = "บันทึกข้อความ ๑๒"
        let bytes = text.unicodeScalars.map { s -> UInt8 in s.value < 0x80 ? UInt8(s.value) : UInt8(s.value - 0x0E01 + 0xA1) }
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == "TIS-620")
    }

    @Test func windows874ExtrasSelectWindows874() throws {
        // 0x93/0x94 are curly quotes in windows-874 only.
        let bytes: [UInt8] = [0x93, 0xA1, 0x94]
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.text == "“ก”")
        #expect(decoded.encoding == "windows-874")
    }

    @Test func emptyFileIsRefused() {
        #expect(throws: ReadError.empty) { try TextDecoding.decode([]) }
        #expect(throws: ReadError.empty) { try TextDecoding.decode([0xEF, 0xBB, 0xBF]) }
    }

    @Test func binaryIsRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
        #expect(throws: ReadError.binary(byteOffset: 6)) { try TextDecoding.decode(png) }
    }

    @Test func truncatedUTF8IsRefusedWithItsOffset() {
        let bytes = Array("ข้อความ".utf8)
        let cut = Array(bytes.dropLast(1))
        #expect(throws: ReadError.truncated(byteOffset: cut.count - 2)) { try TextDecoding.decode(cut) }
    }

    @Test func damagedUTF8IsNotMistakenForTIS620() {
        var bytes = Array("ข้อความภาษาไทยที่ยาวพอสมควร".utf8)
        bytes[9] = 0xFF
        #expect(throws: ReadError.invalidUTF8(byteOffset: 9)) { try TextDecoding.decode(bytes) }
    }

    @Test func unmappedLegacyByteIsRefused() {
        // 0xFC–0xFF are not assigned in TIS-620.
        #expect(throws: ReadError.undecodable(charset: "TIS-620", byteOffset: 1)) { try TextDecoding.decode([0xA1, 0xFF]) }
    }
}

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples, and lengths around the padding boundary against the other implementation.
    @Test(arguments: SHA256.hardware ? [false, true] : [false]) func knownVectors(hardware: Bool) {
        func hex(_ bytes: [UInt8]) -> String { SHA256.hex(bytes, hardware: hardware) }
        #expect(hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let twoBlocks = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(twoBlocks) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(.enabled(if: SHA256.hardware, "the CPU has the SHA extensions"))
    func bothImplementationsAgreeAroundBlockBoundaries() {
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(SHA256.hex(bytes, hardware: true) == SHA256.hex(bytes, hardware: false), "length \(length)")
        }
    }
}

@Suite struct InputDiscoveryTests {
    func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-discovery-\(UUID().uuidString)")
        let fm = FileManager.default
        for path in ["a.txt", "sub/b.md", "sub/c.pdf", "gold/x.md", ".hidden.txt", "notes/keep.txt"] {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try Data("# skip gold\ngold/\n".utf8).write(to: root.appendingPathComponent(".sarabunignore"))
        return root
    }

    @Test func foldersAreSearchedRecursivelyInPathOrder() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = try InputDiscovery.discover([root.path], extensions: ["txt", "md"])
        #expect(files.map(\.relativePath) == ["a.txt", "notes/keep.txt", "sub/b.md"])
        #expect(files[0].displayPath == root.path + "/a.txt")
    }

    @Test func whatAFolderHoldsBesideItsDocumentsIsNamedWithTheReason() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("sub/link.txt"), withDestinationURL: root.appendingPathComponent("a.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent("gold/y.jpg"))
        let survey = try InputDiscovery.survey([root.path], extensions: ["txt", "md"])
        #expect(survey.files.map(\.relativePath) == ["a.txt", "notes/keep.txt", "sub/b.md"])
        // The ignored folder and the hidden file go unnamed: they are left out on purpose.
        #expect(survey.skipped == [
            InputDiscovery.Skipped(path: root.path + "/sub/c.pdf", reason: "unsupported type (.pdf)"),
            InputDiscovery.Skipped(path: root.path + "/sub/link.txt", reason: "symbolic link"),
        ])
    }

    @Test func aFileArgumentIsTakenWhateverItsExtension() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let pdf = root.appendingPathComponent("sub/c.pdf").path
        let files = try InputDiscovery.discover([pdf], extensions: ["txt"])
        #expect(files.map(\.relativePath) == ["c.pdf"])
        #expect(files[0].displayPath == pdf)
    }

    @Test func aMissingInputIsAnError() {
        #expect(throws: DiscoveryError.self) { try InputDiscovery.discover(["/no/such/path"], extensions: ["txt"]) }
    }
}

@Suite struct DocumentReaderTests {
    @Test func sourceFactsAreRecordedAndFailuresKeepThem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("memo.txt")
        try Data("abc".utf8).write(to: good)
        let bad = dir.appendingPathComponent("bad.txt")
        try Data([0x00, 0x01, 0x02]).write(to: bad)

        let ok = try DocumentReader.read(InputFile(displayPath: "memo.txt", relativePath: "memo.txt", url: good)).get()
        #expect(ok.source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ok.source.bytes == 3)
        #expect(ok.source.format == .text)
        #expect(ok.pages == [PageText(page: nil, text: "abc")])

        let result = DocumentReader.read(InputFile(displayPath: "bad.txt", relativePath: "bad.txt", url: bad))
        guard case .failure(let failure) = result else {
            Issue.record("binary file was read")
            return
        }
        #expect(failure.file == "bad.txt")
        #expect(failure.bytes == 3)
        #expect(failure.reason.contains("binary"))
    }
}
