import Testing
import ICUBridge

@Suite struct UnicodeNormalizationTests {
    @Test func composesLatin() {
        #expect(UnicodeNormalization.nfc("Cafe\u{301}") == "Caf\u{E9}")
        #expect(Array(UnicodeNormalization.nfc("Cafe\u{301}").unicodeScalars).count == 4)
    }

    @Test func reordersThaiMarksCanonically() {
        // MAI EK (ccc 107) typed before SARA U (ccc 103).
        let nfc = UnicodeNormalization.nfc("ก\u{0E48}\u{0E38}")
        #expect(Array(nfc.unicodeScalars) == ["ก", "\u{0E38}", "\u{0E48}"])
    }

    @Test func keepsSaraAmAndCompatibilityCharacters() {
        #expect(Array(UnicodeNormalization.nfc("น้ำ").unicodeScalars) == ["\u{0E19}", "\u{0E49}", "\u{0E33}"])
        #expect(UnicodeNormalization.nfc("\u{FB01}") == "\u{FB01}")  // NFKC would give "fi"
    }

    @Test func quickCheck() {
        #expect(UnicodeNormalization.isNFC("บันทึกข้อความ"))
        #expect(UnicodeNormalization.isNFC("abc"))
        #expect(!UnicodeNormalization.isNFC("e\u{301}"))
    }
}

@Suite struct WordBreakTests {
    @Test func segmentsThaiWithDictionary() {
        let s = "รายงานความก้าวหน้า"
        let segments = WordBreak.thaiSegments(s)
        #expect(segments.map { String(s[$0.range]) } == ["รายงาน", "ความ", "ก้าวหน้า"])
        #expect(segments.allSatisfy { $0.isWord && (200..<300).contains($0.ruleStatus) })
    }

    @Test func ruleStatusesForNumbersAndSpaces() {
        let s = "มกราคม 2565"
        let segments = WordBreak.thaiSegments(s)
        #expect(segments.map { String(s[$0.range]) } == ["มกราคม", " ", "2565"])
        #expect(segments.map(\.ruleStatus) == [200, 0, 100])
        #expect(segments[2].isNumber)
    }

    @Test func rangesAreCorrectAfterSurrogatePairs() {
        let s = "😀 รายงาน 12 ผล"
        let segments = WordBreak.thaiSegments(s)
        #expect(segments.map { String(s[$0.range]) } == ["😀", " ", "รายงาน", " ", "12", " ", "ผล"])
        #expect(segments.first?.range.lowerBound == s.startIndex)
        #expect(segments.last?.range.upperBound == s.endIndex)
    }

    @Test func emptyStringHasNoSegments() {
        #expect(WordBreak.thaiSegments("").isEmpty)
        #expect(WordBreak.thaiBoundaries(utf16: []).isEmpty)
    }

    @Test func boundariesInUTF16() {
        let b = WordBreak.thaiBoundaries(utf16: Array("ราย งาน".utf16))
        #expect(b.map(\.offset) == [0, 3, 4, 7])
        #expect(b.map(\.ruleStatus) == [0, 200, 0, 200])
    }

    @Test func dictionaryMembership() {
        #expect(WordBreak.isThaiDictionaryWord("รายงาน"))
        #expect(WordBreak.isThaiDictionaryWord("ประสิทธิภาพ"))
        #expect(!WordBreak.isThaiDictionaryWord("ประสิทธิ"))
        // ICU's segmenter returns ณที่ as one segment with status 200; the dictionary knows better.
        #expect(WordBreak.thaiSegments("ณที่").count == 1)
        #expect(!WordBreak.isThaiDictionaryWord("ณที่"))
        #expect(!WordBreak.isThaiDictionaryWord(""))
        #expect(WordBreak.isThaiDictionaryWord(utf16: Array("xxรายงาน".utf16)[2...]))
    }
}

@Suite struct ThaiDigitsTests {
    @Test func digitValues() {
        #expect(ThaiDigits.digitValue("๐") == 0)
        #expect(ThaiDigits.digitValue("๙") == 9)
        #expect(ThaiDigits.digitValue("7") == 7)
        #expect(ThaiDigits.digitValue("ก") == nil)
        #expect(ThaiDigits.digitValue("a") == nil)
    }
}
