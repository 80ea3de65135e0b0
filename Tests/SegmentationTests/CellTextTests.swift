import Testing
@testable import Segmentation

@Suite struct CellTextTests {
    @Test func adjacentParagraphsJoinWithOneSpace() {
        #expect(CellText.clean("<p>มาตรการเผยแพร่ข้อมูล</p><p>ข้อ 2</p>") == "มาตรการเผยแพร่ข้อมูล ข้อ 2")
        #expect(CellText.clean("<p>1. ก</p> <p>2. ข</p>") == "1. ก 2. ข")
    }

    @Test func listMarkupGoesListDashesAndNumbersStay() {
        let raw = #"<ul style="list-style-type: none"> - จัดทำมาตรการ<br>- ติดตามผล</ul><ol type="1"><li>ประชุม</li></ol>"#
        #expect(CellText.clean(raw) == "- จัดทำมาตรการ - ติดตามผล ประชุม")
        #expect(CellText.clean("<td>1. ศึกษาคู่มือ</td><td>2.มอบหมาย</td>") == "1. ศึกษาคู่มือ 2.มอบหมาย")
        #expect(CellText.clean("-รอบ 3 เดือน") == "-รอบ 3 เดือน")
    }

    @Test func entitiesAreDecoded() {
        #expect(CellText.clean("a &amp; b&nbsp;c &lt;p&gt; &#3585;&#x0E02; &quot;x&quot;") == "a & b c <p> กข \"x\"")
        #expect(CellText.clean("ข้อ&nbspหนึ่ง") == "ข้อ หนึ่ง")
        #expect(CellText.clean("AT&T &unknown; &#;") == "AT&T &unknown; &#;")
    }

    @Test func markdownPipesAndWhiteSpace() {
        #expect(CellText.clean("**ผลดำเนินการ\nขององค์การ**") == "ผลดำเนินการ ขององค์การ")
        #expect(CellText.clean("  x\t\ty  |  z ") == "x y z")
        #expect(CellText.clean("| มาตรการ |") == "มาตรการ")
        #expect(CellText.clean("ผู้บังคับบัญชา* ของท่าน") == "ผู้บังคับบัญชา* ของท่าน")
        #expect(CellText.clean("a\u{00A0}\u{200B}b\u{2003}c") == "a b c")
        #expect(CellText.clean("") == "")
        #expect(CellText.clean(" \t ") == "")
    }

    @Test func textThatIsNotMarkupStays() {
        #expect(CellText.clean("คะแนน < 80 และ > 50") == "คะแนน < 80 และ > 50")
        #expect(CellText.clean("a<3 b") == "a<3 b")
        #expect(CellText.clean("<p unclosed") == "<p unclosed")
        #expect(CellText.clean("E-Service ปฏิบัติ/การให้บริการ") == "E-Service ปฏิบัติ/การให้บริการ")
    }
}
