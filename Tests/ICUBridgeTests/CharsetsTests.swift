import Testing
import ICUBridge

@Suite struct CharsetsTests {
    @Test func utf8DecodesThai() throws {
        let bytes = Array("บันทึกข้อความ ๒๕๖๖".utf8)
        #expect(try Charsets.decode(bytes, charset: "UTF-8") == "บันทึกข้อความ ๒๕๖๖")
        #expect(try Charsets.decode(bytes, charset: "utf8") == "บันทึกข้อความ ๒๕๖๖")
    }

    @Test func utf8IllegalByteThrowsWithOffset() {
        #expect(throws: ICUError.conversion(charset: "UTF-8", byteOffset: 2)) {
            try Charsets.decode([0x41, 0x42, 0xFF, 0x43], charset: "UTF-8")
        }
        // ก is E0 B8 81; a lone continuation byte after it is illegal.
        #expect(throws: ICUError.conversion(charset: "UTF-8", byteOffset: 4)) {
            try Charsets.decode([0x41, 0xE0, 0xB8, 0x81, 0x81, 0x41], charset: "UTF-8")
        }
    }

    @Test func utf8TruncatedSequenceThrowsAtItsStart() {
        #expect(throws: ICUError.conversion(charset: "UTF-8", byteOffset: 2)) {
            try Charsets.decode([0x41, 0x42, 0xE0, 0xB8], charset: "UTF-8")
        }
    }

    @Test func emptyInput() throws {
        #expect(try Charsets.decode([], charset: "TIS-620") == "")
        #expect(throws: ICUError.unsupported("charset no-such-charset")) {
            try Charsets.decode([], charset: "no-such-charset")
        }
    }

    @Test(arguments: ["TIS-620", "tis620", "TIS-620-2533", "windows-874", "cp874", "MS874", "x-windows-874"])
    func thaiSingleByteKoKai(charset: String) throws {
        #expect(try Charsets.decode([0xA1], charset: charset) == "ก")
        #expect(try Charsets.decode([0x41, 0xA1, 0xD2, 0xC3], charset: charset) == "Aการ")
    }

    @Test func tis620WholeTable() throws {
        // TIS-620 puts U+0E01–U+0E3A at 0xA1–0xDA and U+0E3F–U+0E5B at 0xDF–0xFB.
        let bytes = Array(UInt8(0xA1)...UInt8(0xDA)) + Array(UInt8(0xDF)...UInt8(0xFB))
        let decoded = try Charsets.decode(bytes, charset: "TIS-620")
        let expected = bytes.map { Unicode.Scalar(UInt32($0) - 0xA0 + 0x0E00)! }
        #expect(Array(decoded.unicodeScalars) == expected)
    }

    @Test(arguments: [UInt8(0xDB), 0xDC, 0xDD, 0xDE, 0xFC, 0xFD, 0xFE, 0xFF, 0x80, 0x91, 0x9F])
    func tis620UnmappedByteThrows(byte: UInt8) {
        #expect(throws: ICUError.conversion(charset: "TIS-620", byteOffset: 3)) {
            try Charsets.decode([0xA1, 0xA2, 0x20, byte, 0xA1], charset: "TIS-620")
        }
    }

    @Test func windows874Extras() throws {
        #expect(try Charsets.decode([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0xA0], charset: "windows-874")
            == "\u{20AC}\u{2026}\u{2018}\u{2019}\u{201C}\u{201D}\u{2013}\u{00A0}")
    }

    @Test(arguments: [UInt8(0xDB), 0xDE, 0xFC, 0xFF, 0x81, 0x8F, 0x98])
    func windows874UndefinedByteThrows(byte: UInt8) {
        #expect(throws: ICUError.conversion(charset: "cp874", byteOffset: 1)) {
            try Charsets.decode([0xA1, byte], charset: "cp874")
        }
    }

    @Test func unknownCharsetIsUnsupported() {
        #expect(throws: ICUError.unsupported("charset x-no-such")) {
            try Charsets.decode([0x41], charset: "x-no-such")
        }
    }

    @Test func converterNames() throws {
        #expect(try Charsets.icuConverterName(for: "TIS-620") == "iso-8859_11-2001")
        #expect(try Charsets.icuConverterName(for: "windows-874") == "windows-874-2000")
        #expect(try Charsets.icuConverterName(for: "utf8") == "UTF-8")
    }

    @Test func errorDescriptions() {
        #expect(ICUError.conversion(charset: "TIS-620", byteOffset: 7).description.contains("byte offset 7"))
        #expect(ICUError.unsupported("x").description.contains("x"))
        #expect(ICUError.failure("U_BAD").description.contains("U_BAD"))
    }
}
