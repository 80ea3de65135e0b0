import Testing
import RecordModel
@testable import Normalization

private let n = Normalizer()

private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

@Suite struct DigitAndInvisibleTests {
    @Test func thaiDigitsBecomeASCII() {
        #expect(n.normalizeLine("๐๑๒๓๔๕๖๗๘๙") == "0123456789")
        #expect(n.normalizeLine("วันที่ ๑๙ เมษายน ๒๕๖๖") == "วันที่ 19 เมษายน 2566")
        #expect(n.normalizeLine("๙๕.๐๒") == "95.02")
    }

    @Test(arguments: ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}"])
    func zeroWidthRemoved(zw: String) {
        #expect(n.normalizeLine("ราย\(zw)งาน") == "รายงาน")
        #expect(n.normalizeLine("\(zw)abc\(zw)") == "abc")
    }

    @Test func zeroWidthBetweenNikhahitAndSaraAaDoesNotBlockSaraAm() {
        #expect(scalars(n.normalizeLine("น\u{0E4D}\u{200B}\u{0E32}")) == [0x0E19, 0x0E33])
    }
}

@Suite struct PUATests {
    @Test(arguments: [
        (0xF700, 0x0E10), (0xF701, 0x0E34), (0xF704, 0x0E37), (0xF705, 0x0E48), (0xF709, 0x0E4C),
        (0xF70A, 0x0E48), (0xF70B, 0x0E49), (0xF70E, 0x0E4C), (0xF70F, 0x0E0D), (0xF710, 0x0E31),
        (0xF711, 0x0E4D), (0xF712, 0x0E47), (0xF713, 0x0E48), (0xF717, 0x0E4C), (0xF718, 0x0E38),
        (0xF71A, 0x0E3A),
    ] as [(UInt32, UInt32)])
    func windowsSet(pua: UInt32, thai: UInt32) {
        #expect(ThaiPUA.standard(pua) == thai)
    }

    @Test(arguments: [
        (0xF884, 0x0E31), (0xF885, 0x0E34), (0xF889, 0x0E47), (0xF88A, 0x0E48), (0xF88B, 0x0E48),
        (0xF88C, 0x0E48), (0xF88E, 0x0E49), (0xF893, 0x0E4B), (0xF898, 0x0E4C), (0xF899, 0x0E4D),
        (0xF89A, 0x0E0D), (0xF89B, 0x0E38), (0xF89D, 0x0E3A), (0xF89E, 0x0E10),
    ] as [(UInt32, UInt32)])
    func macSet(pua: UInt32, thai: UInt32) {
        #expect(ThaiPUA.standard(pua) == thai)
    }

    @Test func tablesCoverBothRangesExactly() {
        #expect(ThaiPUA.windows.count == 0xF71A - 0xF700 + 1)
        #expect(ThaiPUA.mac.count == 0xF89E - 0xF884 + 1)
        #expect(ThaiPUA.standard(0xF6FF) == nil)
        #expect(ThaiPUA.standard(0xF71B) == nil)
        #expect(ThaiPUA.standard(0xF883) == nil)
        #expect(ThaiPUA.standard(0xF89F) == nil)
        for c in Array(0xF700...0xF71A) + Array(0xF884...0xF89E) {
            let mapped = ThaiPUA.standard(UInt32(c))
            #expect(mapped.map { (0x0E01...0x0E4E).contains($0) } == true)
        }
    }

    @Test func pdfTextWithWindowsGlyphs() {
        // ป่า with the tone shifted down-left, ญู with the descender-less YO YING, ปี้ with SL vowel + SDL? tone.
        #expect(n.normalizeLine("ป\u{F705}า") == "ป่า")
        #expect(n.normalizeLine("ทุ\u{F70A}ง") == "ทุ่ง")
        #expect(n.normalizeLine("กตั\u{F70F}\u{0E39}") == "กตัญญู".replacingFirstYoYing())
        #expect(n.normalizeLine("ป\u{F702}\u{F713}") == "ปี่")
        #expect(n.normalizeLine("\u{F700}\u{0E38}") == "ฐุ")
    }

    @Test func pdfTextWithMacGlyphs() {
        #expect(n.normalizeLine("ป\u{F88C}า") == "ป่า")
        #expect(n.normalizeLine("ฟ\u{F884}น") == "ฟัน")
        #expect(n.normalizeLine("\u{F89E}\u{F89B}") == "ฐุ")
        #expect(n.normalizeLine("ฎ\u{F89B}") == "ฎุ")
    }

    @Test func privateUseOutsideTheThaiSetsIsKept() {
        #expect(n.normalizeLine("a\u{F71B}b\u{E000}") == "a\u{F71B}b\u{E000}")
    }
}

private extension String {
    /// "กตัญญู" spelled with one ญ, as in the PUA test input (กตั + YO YING + SARA UU).
    func replacingFirstYoYing() -> String { "กตัญ\u{0E39}" }
}

@Suite struct ThaiClusterTests {
    @Test func splitSaraAm() {
        #expect(scalars(n.normalizeLine("ก\u{0E4D}\u{0E32}ลัง")) == scalars("กำลัง"))
        #expect(scalars(n.normalizeLine("ท\u{0E4D}\u{0E32}")) == [0x0E17, 0x0E33])
    }

    @Test func splitSaraAmAroundToneMarkBothOrders() {
        // NIKHAHIT, tone, SARA AA (what PDF shaping leaves) and tone, NIKHAHIT, SARA AA.
        #expect(scalars(n.normalizeLine("น\u{0E4D}\u{0E49}\u{0E32}")) == [0x0E19, 0x0E49, 0x0E33])
        #expect(scalars(n.normalizeLine("น\u{0E49}\u{0E4D}\u{0E32}")) == [0x0E19, 0x0E49, 0x0E33])
        #expect(n.normalizeLine("ค\u{0E4D}\u{0E48}\u{0E32}") == "ค่ำ")
    }

    @Test func splitSaraAmFromPUANikhahit() {
        #expect(n.normalizeLine("ป\u{F711}\u{F713}\u{0E32}") == "ป่ำ")
    }

    @Test func toneTypedAfterSaraAm() {
        #expect(scalars(n.normalizeLine("น\u{0E33}\u{0E49}")) == scalars("น้ำ"))
    }

    @Test func doubledSaraE() {
        #expect(n.normalizeLine("\u{0E40}\u{0E40}ก่") == "แก่")
        #expect(n.normalizeLine("ข้อ\u{0E40}\u{0E40}นะนำ") == "ข้อแนะนำ")
    }

    @Test func doubledToneMark() {
        #expect(n.normalizeLine("แม\u{0E49}\u{0E49}") == "แม้")
        #expect(n.normalizeLine("ข\u{0E49}\u{0E49}\u{0E49}อ") == "ข้อ")
    }

    @Test func toneBeforeUpperVowelIsReordered() {
        #expect(scalars(n.normalizeLine("ท\u{0E48}\u{0E35}")) == scalars("ที่"))
        #expect(scalars(n.normalizeLine("ช\u{0E49}\u{0E35}วัด")) == scalars("ชี้วัด"))
        #expect(scalars(n.normalizeLine("ก\u{0E48}\u{0E31}น")) == [0x0E01, 0x0E31, 0x0E48, 0x0E19])
    }

    @Test func toneBeforeLowerVowelIsReordered() {
        #expect(scalars(n.normalizeLine("ผ\u{0E49}\u{0E39}")) == scalars("ผู้"))
    }

    @Test func toneTwiceAroundVowel() {
        #expect(scalars(n.normalizeLine("ก\u{0E48}\u{0E34}\u{0E48}")) == scalars("กิ่"))
    }

    @Test func thanthakhatAfterVowel() {
        #expect(scalars(n.normalizeLine("ต\u{0E4C}\u{0E34}")) == [0x0E15, 0x0E34, 0x0E4C])
    }

    @Test func spaceBeforeCombiningMarkRemoved() {
        #expect(n.normalizeLine("ป \u{0E49}องกัน") == "ป้องกัน")
        #expect(n.normalizeLine("ป\u{00A0}\u{0E49}องกัน") == "ป้องกัน")
        #expect(n.normalizeLine("ช ี ้ วัด") == "ชี้ วัด")
        #expect(n.normalizeLine("ก \u{0E31}บ") == "กับ")
    }

    @Test func spaceBeforeSaraAmIsNotAMarkSpace() {
        // SARA AM is a spacing vowel: that space is OCR letter-spacing, step 5's business.
        #expect(n.normalizeLine("ก ำ ลัง") == "กำลัง")
    }

    @Test func cleanThaiIsUnchanged() {
        for s in ["ผู้ใหญ่", "น้ำ", "กำกับ", "ประสิทธิภาพ", "ก็", "ปั้น", "ฤๅษี", "เที่ยง", "สัมฤทธิ์"] {
            #expect(n.normalizeLine(s) == s)
        }
    }
}

@Suite struct NFCTests {
    @Test func composesDecomposedLatin() {
        #expect(n.normalizeLine("Cafe\u{301} ก") == "Caf\u{E9} ก")
        #expect(n.normalizeLine("A\u{30A}") == "\u{C5}")
    }

    @Test func neverNFKC() {
        #expect(n.normalizeLine("\u{FB01}le x\u{00B2}") == "\u{FB01}le x\u{00B2}")
        #expect(scalars(n.normalizeLine("ทำ")) == [0x0E17, 0x0E33])
    }

    @Test func aLineThatNFCMakesLongerIsWrittenWhole() {
        // U+0958 is excluded from composition: NFC writes it as two scalars, so the line grows.
        let line = String(repeating: "\u{0958}", count: 700) + " ก"
        let expected = String(repeating: "\u{0915}\u{093C}", count: 700) + " ก"
        #expect(scalars(n.normalizeLine(line)) == scalars(expected))
        #expect(n.normalize(line + "\nข").map(\.text) == [expected, "ข"])
    }

    @Test func canonicalOrderOfThaiBelowMarks() {
        // PHINTHU (ccc 9) goes before SARA U (ccc 103) in NFC.
        #expect(scalars(n.normalizeLine("ก\u{0E38}\u{0E3A}")) == [0x0E01, 0x0E3A, 0x0E38])
    }
}

@Suite struct WhiteSpaceTests {
    @Test func unicodeSpacesBecomeOneSpace() {
        #expect(n.normalizeLine("a\u{00A0}b\u{2003}c\u{3000}d\u{202F}e\u{2009}\u{2009}f") == "a b c d e f")
        #expect(n.normalizeLine("ก    ข") == "ก ข")
    }

    @Test func trimmed() {
        #expect(n.normalizeLine("   เรื่อง รายงาน  \u{00A0}") == "เรื่อง รายงาน")
        #expect(n.normalizeLine("   ") == "")
        #expect(n.normalizeLine("") == "")
    }

    @Test func tabsKeptSpacesBesideThemRemoved() {
        #expect(n.normalizeLine("ตัวชี้วัดที่ ๑ \t ได้คะแนน\t\t๑๐๐.๐๐  \t") == "ตัวชี้วัดที่ 1\tได้คะแนน\t\t100.00\t")
        #expect(n.normalizeLine("\tมาตรการ") == "\tมาตรการ")
        #expect(n.normalizeLine(" \t x") == "\tx")
    }

    @Test func controlCharactersBecomeSpaces() {
        #expect(n.normalizeLine("a\u{000C}b\u{000B}c\u{0085}d\u{2028}e") == "a b c d e")
        #expect(n.normalizeLine("บรรทัด\nต่อ") == "บรรทัด ต่อ")
    }
}

@Suite struct LetterSpacingTests {
    @Test func corpusLineFullyLetterSpaced() {
        #expect(n.normalizeLine("ร า ย ง า น ความก้าวหน้าและ สรุปพล ๓ ๔ มกราคม ๒๕๖๕")
            == "รายงาน ความก้าวหน้าและ สรุปพล 3 4 มกราคม 2565")
    }

    @Test func corpusLinePartlyLetterSpaced() {
        #expect(n.normalizeLine("ร าย ง าน ความก้าวหน้าและ สรุปพล ฒ ๔ มกราคม ๒๕๖๔")
            == "รายงาน ความก้าวหน้าและ สรุปพล ฒ 4 มกราคม 2564")
        #expect(n.normalizeLine("ร าย ง าน") == "รายงาน")
    }

    @Test(arguments: [
        ("ป ฏิ บั ติ", "ปฏิบัติ"),
        ("รายง าน", "รายงาน"),
        ("ร ายงาน", "รายงาน"),
        ("ก ำ ลัง", "กำลัง"),
        ("ค ว า ม ก้ า ว ห น้ า", "ความก้าวหน้า"),
        ("| ร า ย ง า น |", "| รายงาน |"),
        ("ร า ย ง า น ผ ล", "รายงานผล"),
        ("ผ ล ก า ร ด ำ เ นิ น ง า น", "ผลการดำเนินงาน"),
        ("ป้ องกัน", "ป้องกัน"),
        ("ตัวชี้วัดที่ 10 การป้ องกันการทุจริต", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"),
        ("ประสิทธิภาพการสื่อสารฟ้ า", "ประสิทธิภาพการสื่อสารฟ้า"),
    ])
    func joined(input: String, expected: String) {
        #expect(n.normalizeLine(input) == expected)
    }

    @Test(arguments: [
        "รายงาน ความก้าวหน้าและ สรุปพล",
        "ประสิทธิ ภาพ",
        "การกำ กับดูแล",
        "ทุกส่วน ราชการ",
        "ให้บริการ ณ จุดเดียว",
        "ณ ที่",
        "ที่ รอ 56101/ 77",
        "ที่ กส 78901 /",
        "ต่าง ๆ เช่น",
        "ก ข ค",
        "O I T",
        "1 2 3",
        "ข้อ ก และ ข",
        "ผู้ บริหาร",
        "ข้อ E11 ประเด็น",
        "ที่ มา",
        "ธ ทรง",
        "ใช้ งาน",
        "ประจำปี งบประมาณ พ.ศ.2567",
        "ป้ายประชาสัมพันธ์ ผ่านเครือข่าย",
    ])
    func notJoined(input: String) {
        #expect(n.normalizeLine(input) == input)
    }

    @Test func tabIsAHardSeparator() {
        #expect(n.normalizeLine("ร\tา ย") == "ร\tา ย")
    }
}

@Suite struct LineSplittingTests {
    private func texts(_ s: String) -> [String] { n.normalize(s).map(\.text) }

    @Test func lf() { #expect(texts("ก\nข\n") == ["ก", "ข"]) }
    @Test func crlf() { #expect(texts("ก\r\nข\r\n") == ["ก", "ข"]) }
    @Test func cr() { #expect(texts("ก\rข\r") == ["ก", "ข"]) }
    @Test func mixed() { #expect(texts("ก\r\nข\rค\nง") == ["ก", "ข", "ค", "ง"]) }
    @Test func noFinalNewline() { #expect(texts("ก\nข") == ["ก", "ข"]) }
    @Test func emptyLinesKept() { #expect(texts("ก\n\n\nข\n\n") == ["ก", "", "", "ข", ""]) }
    @Test func crThenCrlfIsTwoBreaks() { #expect(texts("ก\r\r\nข") == ["ก", "", "ข"]) }
    @Test func emptyText() { #expect(n.normalize("").isEmpty) }
    @Test func onlyNewline() { #expect(texts("\n") == [""]) }

    @Test func bomStripped() {
        #expect(texts("\u{FEFF}บันทึกข้อความ\nที่") == ["บันทึกข้อความ", "ที่"])
    }

    @Test func locations() {
        let lines = n.normalize("  ๑\n\n ร า ย ง า น \r\nจบ", page: 3)
        #expect(lines.map(\.text) == ["1", "", "รายงาน", "จบ"])
        #expect(lines.map(\.at) == (1...4).map { Location(page: 3, line: $0) })
        #expect(n.normalize("a\nb").map(\.at.page) == [nil, nil])
    }
}
