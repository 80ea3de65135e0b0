import TableModel
import Testing

@testable import PageLayout

/// Pages typeset by hand: each letter a box of `advance` points, marks without width at the pen, words
/// separated by a space, lines `pitch` points apart. Enough to check what the layout rebuilds from boxes.
struct Typesetter {
    var advance = 8.0
    var space = 4.5
    var height = 18.0
    var fontSize = 14.0
    var bold = false
    var word = 0
    var glyphs: [Glyph] = []
    /// The space characters the page draws, as a PDF's drawing gives them (glyph lists leave them out).
    var spaces: [Box] = []

    static func isMark(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v) || (0xF701...0xF71A).contains(v)
    }

    /// Sets `text` from (x, y); each space starts a new word. A space at the end is drawn but takes no
    /// room on the line, as a word processor draws the space a line wrapped at.
    mutating func line(_ text: String, x: Double, y: Double) {
        var pen = x
        word += 1
        for c in text.unicodeScalars {
            if c == " " {
                spaces.append(Box(x0: pen, y0: y, x1: pen + space, y1: y + height))
                pen += space
                word += 1
                continue
            }
            let width = Self.isMark(c) ? 0 : advance
            glyphs.append(Glyph(scalar: c, word: word, box: Box(x0: pen, y0: y, x1: pen + width, y1: y + height),
                                fontSize: fontSize, bold: bold))
            pen += width
        }
    }

    /// A mark of a word of its own, the way the PDF library splits some off: at `x`, on the line at `y`.
    mutating func loneMark(_ c: Unicode.Scalar, x: Double, y: Double) {
        word += 1
        glyphs.append(Glyph(scalar: c, word: word, box: Box(x0: x, y0: y, x1: x, y1: y + height)))
    }

    func page(width: Double = 595, height: Double = 842, rulings: [Ruling] = []) -> PageInput {
        PageInput(width: width, height: height, content: .glyphs(glyphs), rulings: rulings, spaces: spaces)
    }
}

@Suite struct LinesTests {
    @Test func marksSplitOffIntoWordsOfTheirOwnGoBackOnTheirBase() {
        // "ขึ้น": the PDF library made ข one word, น another, and each mark a word of its own; the marks sit
        // at ข's right edge, which is also น's left edge (give or take the font's mark positioning).
        var t = Typesetter()
        t.line("ข น", x: 100, y: 100)
        t.glyphs[1].box.x0 = 108
        t.glyphs[1].box.x1 = 116
        t.loneMark("\u{0E36}", x: 108.02, y: 100)
        t.loneMark("\u{0E49}", x: 108.7, y: 100)
        let text = PageLayout().texts([t.page()])[0]
        #expect(text == "ขึ้น")
    }

    @Test func thaiPrivateUseGlyphsAreMarksOfTheLetterBefore() {
        // U+F70B is MAI THO shifted down (no upper vowel): a mark, not a letter with a space before it.
        var t = Typesetter()
        t.line("กล\u{F70B}อง", x: 100, y: 100)
        let text = PageLayout().texts([t.page()])[0]
        #expect(text == "กล\u{F70B}อง")
    }

    @Test func aGapOfAWordSpaceIsASpaceAndTouchingLettersAreOneWord() {
        var t = Typesetter()
        t.line("การ ประเมิน", x: 100, y: 100)
        #expect(PageLayout().texts([t.page()])[0] == "การ ประเมิน")
    }

    @Test func aToneMarkGivenPartOfItsClustersAdvanceKeepsItsWordWholeBesideARealSpace() {
        // "น้ำหนัก ร้อยละ" as a PDF library splits the glyph that draws ้ and ำ's top: half its advance to
        // the tone mark, so ำ starts a word space after น's own box. The word space after หนัก stays.
        var t = Typesetter()
        t.line("น้ำหนัก ร้อยละ", x: 100, y: 100)
        t.glyphs[1].box.x1 = t.glyphs[1].box.x0 + 4.4
        for k in 2..<t.glyphs.count { t.glyphs[k].box.x0 += 4.4; t.glyphs[k].box.x1 += 4.4 }
        #expect(PageLayout().texts([t.page()])[0] == "น้ำหนัก ร้อยละ")
    }

    @Test func rightToLeftRunsAreTurnedBackIntoReadingOrder() {
        // A PDF draws Hebrew left to right in visual order: the last letter first.
        var t = Typesetter()
        t.line("นาย \u{05D1}\u{05D0}", x: 100, y: 100)
        #expect(PageLayout().texts([t.page()])[0] == "นาย \u{05D0}\u{05D1}")
    }
}

@Suite struct TableTests {
    /// A three-column table: a header, a row whose middle cell wraps over two lines, a one-line row.
    func table() -> Typesetter {
        var t = Typesetter()
        // Columns start at 90, 250 and 420; lines of a cell 24 points apart, rows 33.
        t.line("มาตรการ", x: 90, y: 100)
        t.line("ขั้นตอน", x: 250, y: 100)
        t.line("ผู้รับผิดชอบ", x: 420, y: 100)
        t.line("การใช้อำนาจ", x: 90, y: 133)
        t.line("จัดทำคู่มือการปฏิบัติ", x: 250, y: 133)
        t.line("สำนักปลัด", x: 420, y: 133)
        t.line("งานและเผยแพร่", x: 250, y: 157)
        t.line("E-Service", x: 90, y: 190)
        t.line("เพิ่มช่องทาง", x: 250, y: 190)
        t.line("กองคลัง", x: 420, y: 190)
        return t
    }

    @Test func aTableIsRebuiltFromTheLayoutAsTabSeparatedRows() {
        let text = PageLayout().texts([table().page()])[0]
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false) == [
            "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ",
            "การใช้อำนาจ\tจัดทำคู่มือการปฏิบัติงานและเผยแพร่\tสำนักปลัด",
            "E-Service\tเพิ่มช่องทาง\tกองคลัง",
        ])
    }

    @Test func aParagraphAfterTheTableIsNotARow() {
        var t = table()
        t.line("ตามที่ได้รายงานผลการดำเนินการตามมาตรการ", x: 85, y: 240)
        let lines = PageLayout().texts([t.page()])[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines[3] == "")
        #expect(lines[4] == "ตามที่ได้รายงานผลการดำเนินการตามมาตรการ")
    }

    @Test func lineAlignedWordsOfAParagraphAreNoTable() {
        var t = Typesetter()
        t.line("ข้อ หนึ่ง", x: 85, y: 100)
        t.line("ข้อ สอง", x: 85, y: 124)
        #expect(!PageLayout().texts([t.page()])[0].contains("\t"))
    }

    @Test func aRowCutByAPageBreakIsOneRowAgainWithItsColumns() {
        // Page 1 ends inside the second row (its last line, in the middle column only, ends the text);
        // page 2 starts with the rest of that column, then the next row.
        var first = table()
        first.glyphs.removeAll { $0.box.y0 >= 157 }
        first.line("ต่อ", x: 250, y: 157)
        var second = Typesetter()
        second.line("งานและเผยแพร่", x: 250, y: 80)
        second.line("E-Service", x: 90, y: 113)
        second.line("เพิ่มช่องทาง", x: 250, y: 113)
        second.line("กองคลัง", x: 420, y: 113)
        let texts = PageLayout().texts([first.page(), second.page()])
        #expect(texts[0].split(separator: "\n").last == "การใช้อำนาจ\tจัดทำคู่มือการปฏิบัติต่องานและเผยแพร่\tสำนักปลัด")
        #expect(texts[1] == "E-Service\tเพิ่มช่องทาง\tกองคลัง")
    }

    @Test func rulingLinesGiveTheCellsOfAnOCRTable() {
        // OCR words whose boxes nearly touch across the cell border; the borders say where the cells are.
        let words = [
            Word(text: "มาตรการ", box: Box(x0: 90, y0: 100, x1: 150, y1: 118), line: 1),
            Word(text: "สถานะ", box: Box(x0: 152, y0: 100, x1: 200, y1: 118), line: 1),
            Word(text: "ป้องกัน", box: Box(x0: 90, y0: 133, x1: 149, y1: 151), line: 2),
            Word(text: "/", box: Box(x0: 153, y0: 133, x1: 156, y1: 151), line: 2),
        ]
        let rulings = [
            Ruling(horizontal: true, position: 95, start: 85, end: 210),
            Ruling(horizontal: true, position: 125, start: 85, end: 210),
            Ruling(horizontal: true, position: 158, start: 85, end: 210),
            Ruling(horizontal: false, position: 85, start: 95, end: 158),
            Ruling(horizontal: false, position: 151, start: 95, end: 158),
            Ruling(horizontal: false, position: 210, start: 95, end: 158),
        ]
        let page = PageInput(width: 595, height: 842, content: .words(words), rulings: rulings)
        #expect(PageLayout().texts([page])[0] == "มาตรการ\tสถานะ\nป้องกัน\t/")
    }
}

@Suite struct ParagraphTests {
    @Test func wrappedLinesAreOneLineAndThaiJoinsWithoutASpace() {
        var t = Typesetter()
        // A line filled to the right edge (x 520) and its continuation at the left edge.
        t.line(String(repeating: "ก", count: 54), x: 85, y: 100)
        t.line("ขขข", x: 85, y: 130)
        t.line(String(repeating: "ค", count: 54), x: 85, y: 160)
        t.line("งงง", x: 85, y: 190)
        let text = PageLayout().texts([t.page()])[0]
        #expect(text == String(repeating: "ก", count: 54) + "ขขข\n" + String(repeating: "ค", count: 54) + "งงง")
    }

    @Test func aLineThatWrappedAtADrawnSpaceJoinsTheNextWithASpace() {
        // "จังหวัดกาญจนบุรี ที่ได้รับ": the text layer has no space at the break, the drawing has one.
        var t = Typesetter()
        t.line(String(repeating: "ก", count: 53) + " ", x: 85, y: 100)
        t.line("ขขข", x: 85, y: 130)
        #expect(PageLayout().texts([t.page()])[0] == String(repeating: "ก", count: 53) + " ขขข")
    }

    @Test func aLineOpeningWithAnItemNumberStartsALineOfItsOwn() {
        // Each item fills its line; the next item's number would not have fitted after it either way.
        var t = Typesetter()
        t.line("๑) " + String(repeating: "ก", count: 52), x: 85, y: 100)
        t.line("๒) ขขข", x: 85, y: 130)
        t.line("3. คคค", x: 85, y: 160)
        t.line(String(repeating: "ง", count: 54), x: 85, y: 190)
        t.line("25 คะแนน", x: 85, y: 220)
        #expect(PageLayout().texts([t.page()])[0]
            == "๑) " + String(repeating: "ก", count: 52) + "\n๒) ขขข\n3. คคค\n" + String(repeating: "ง", count: 54) + " 25 คะแนน")
    }

    @Test func aLineWithRoomOnlyForPartOfTheNextWordWrappedBeforeIt() {
        // Room for five letters after "…จังหวัด", not for "กาญจนบุรี": the word processor had to wrap there.
        var t = Typesetter()
        for y in [100.0, 130, 160] { t.line(String(repeating: "ค", count: 54), x: 85, y: y) }
        t.line(String(repeating: "ก", count: 44) + "จังหวัด", x: 85, y: 220)
        t.line("กาญจนบุรี ที่ได้รับ", x: 85, y: 250)
        let lines = PageLayout().texts([t.page()])[0].split(separator: "\n")
        #expect(lines.last.map(String.init) == String(repeating: "ก", count: 44) + "จังหวัดกาญจนบุรี ที่ได้รับ")
    }

    @Test func fieldsSpacedWiderThanAWrapAreParagraphsOfTheirOwn() {
        // Five one-line fields 60 points apart, and one subject wrapped at a pitch of 30: the wrap tells
        // the paragraph's own gap, however many more the fields are.
        var t = Typesetter()
        for (k, field) in ["ที่ ศก 80101/098", "วันที่ 28 เมษายน 2568", "ส่วนราชการ สำนักปลัด"].enumerated() {
            t.line(field, x: 85, y: 100 + 60 * Double(k))
        }
        t.line("เรื่อง " + String(repeating: "ก", count: 50), x: 85, y: 280)
        t.line("ขขข", x: 85, y: 310)
        t.line("เรียน นายก", x: 85, y: 370)
        t.line("สิ่งที่ส่งมาด้วย ประกาศ", x: 85, y: 430)
        let paragraphs = PageLayout().texts([t.page()])[0].components(separatedBy: "\n\n")
        #expect(paragraphs.count == 6)
        #expect(paragraphs[3] == "เรื่อง " + String(repeating: "ก", count: 50) + "ขขข")
        #expect(paragraphs[4] == "เรียน นายก")
    }

    @Test func aShortLineEndsItsParagraph() {
        var t = Typesetter()
        t.line("เรียน นายก", x: 85, y: 100)
        t.line("ตามที่", x: 85, y: 130)
        #expect(PageLayout().texts([t.page()])[0] == "เรียน นายก\nตามที่")
    }

    @Test func numbersBrokenAtALineEndJoinWithoutASpace() {
        #expect(WrappedLines.join("ได้ 82.1", "1 คะแนน") == "ได้ 82.11 คะแนน")
        #expect(WrappedLines.join("E-", "Service") == "E-Service")
        #expect(WrappedLines.join("2565 -", "มีนาคม") == "2565 - มีนาคม")
        #expect(WrappedLines.join("report", "text") == "report text")
        #expect(WrappedLines.join("92.51", "99.22") == "92.51 99.22")
    }
}

@Suite struct RunningLinesTests {
    @Test func aHeaderSetSmallerThanTheTextIsLeftOutOfADocumentOfOnePage() {
        var t = Typesetter()
        t.fontSize = 11
        t.line("เอกสารประกอบการประเมิน ITA", x: 300, y: 30)
        t.fontSize = 16
        t.line("บันทึกข้อความ", x: 250, y: 80)
        t.fontSize = 14
        t.line("เรื่อง รายงานผล", x: 85, y: 120)
        t.line("เรียน นายก", x: 85, y: 150)
        #expect(PageLayout().texts([t.page()])[0] == "บันทึกข้อความ\n\nเรื่อง รายงานผล\nเรียน นายก")
    }

    @Test func runningHeadersFootersAndPageNumbersAreLeftOut() {
        let pages = (1...3).map { n -> PageInput in
            var t = Typesetter()
            t.line("เอกสารประกอบการประเมิน ITA", x: 300, y: 30)
            t.line("เนื้อหา หน้า ที่ \(n)", x: 85, y: 200)
            t.line("- \(n) -", x: 290, y: 800)
            return t.page()
        }
        #expect(PageLayout().texts(pages) == ["เนื้อหา หน้า ที่ 1", "เนื้อหา หน้า ที่ 2", "เนื้อหา หน้า ที่ 3"])
    }

    @Test func aNumberAtTheTopThatDoesNotFollowThePagesStays() {
        let pages = (1...2).map { n -> PageInput in
            var t = Typesetter()
            t.line(n == 1 ? "043" : "ข้อความ", x: 85, y: 60)
            t.line("เนื้อหา", x: 85, y: 200)
            t.line("หน้า \(n)", x: 290, y: 800)
            return t.page()
        }
        let texts = PageLayout().texts(pages)
        #expect(texts[0].hasPrefix("043"))
        #expect(texts[1].hasPrefix("ข้อความ"))
        #expect(!texts.joined().contains("หน้า"))
    }

    @Test func pageNumbersAreRecognisedInTheirUsualForms() {
        #expect(RunningLines.pageNumber("- 12 -") == 12)
        #expect(RunningLines.pageNumber("หน้า ๓") == 3)
        #expect(RunningLines.pageNumber("3/12") == 3)
        #expect(RunningLines.pageNumber("(4)") == 4)
        #expect(RunningLines.pageNumber("ข้อ 4") == nil)
    }
}
