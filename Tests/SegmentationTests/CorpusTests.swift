import Foundation
import Testing
@testable import Segmentation

/// Segments the five real documents and checks facts from their gold notes.
@Suite struct CorpusTests {
    func blocks(_ prefix: String) throws -> [Block] {
        Segmenter().segment(try corpusLines(prefix))
    }

    @Test func doc000() throws {
        let blocks = try blocks("000")
        #expect(blocks.contains { $0.memoTitle?.at.line == 8 })
        let fields = blocks.headerFields
        #expect(fields.map(\.key) == [.department, .reference, .date, .subject, .addressee, .enclosures])
        #expect(fields[3].lines.map(\.at.line) == [16, 18])
        #expect(blocks.signatures.map(\.at.line) == [38, 43, 50, 56, 198, 203])
        #expect(blocks.signatures[1].lines.map(\.at.line) == [43, 45, 47, 48])
        #expect(blocks.signatures[2].lines.map(\.at.line) == [50, 52, 54])
        // "เทศบาลตำบลนาแซง / เมษายน 2566" (79–81) is no signature.
        #expect(!blocks.signatures.contains { (60...100).contains($0.at.line) })

        let tables = blocks.tables
        let ranked = try #require(tables.first { $0.at.line == 130 })
        #expect(ranked.columns == ["อันดับ", "ตัวชี้วัด", "คะแนน"])
        #expect(ranked.rows.count == 12)
        let sentences = try #require(tables.first { $0.at.line == 150 })
        #expect(sentences.headerRows.isEmpty)
        #expect(sentences.rows.count == 9)
        let analysis = try #require(tables.first { $0.at.line == 179 })
        #expect(analysis.rows.map(\.at.line) == [180, 183])
        let measures = try #require(tables.first { $0.at.line == 189 })
        #expect(measures.columns == ["มาตรการ", "แนวทางการปฏิบัติ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับติดตาม"])
        #expect(measures.rows.map(\.at.line) == [190, 192, 193, 195, 196])
        #expect(measures.rows[1].cells.first == "")
        #expect(measures.rows[2].cells.first == "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ")
        #expect(!measures.rows.flatMap(\.cells).contains { $0.contains("<") || $0.contains("</") })
    }

    @Test func doc001() throws {
        let blocks = try blocks("001")
        #expect(blocks.headerFields.map(\.key) == [.department, .reference, .date, .subject, .addressee])
        let tables = blocks.tables
        #expect(tables.count == 2)
        let plan = tables[0]
        #expect(plan.form == .pipe)
        #expect(plan.at.line == 21)
        #expect(plan.columns == ["มาตรการ", "ขั้นตอนหรือวิธีการปฏิบัติ", "ผู้รับผิดชอบ", "การกำกับการติดตาม"])
        #expect(plan.rows.count == 12)
        #expect(plan.rows.first?.at.line == 23)
        #expect(plan.rows.last?.at.line == 40)
        let status = tables[1]
        #expect(status.at.line == 47)
        #expect(status.headerRows.count == 2)
        #expect(status.columns.count == 5)
        #expect(status.columns[4] == "ดำเนินการเสร็จเรียบร้อยแล้ว")
        #expect(status.rows.count == 12)
        #expect(!status.rows.contains { $0.cells.first?.isEmpty ?? true })
        #expect(blocks.signatures.map(\.at.line) == [73, 78, 83, 88])
        #expect(blocks.signatures.allSatisfy { $0.lines.count == 2 })
    }

    @Test func doc002() throws {
        let blocks = try blocks("002")
        #expect(blocks.headerFields.isEmpty)
        #expect(!blocks.contains { $0.memoTitle != nil })
        #expect(blocks.signatures.isEmpty)
        let tables = blocks.tables
        #expect(tables.map(\.at.line) == [31, 47, 69, 90, 110, 124, 143, 163, 178])
        #expect(tables[0].rows.count == 10)
        // The seven question tables hold 87 rows.
        #expect(tables[1...7].map(\.rows.count).reduce(0, +) == 87)
        let measures = tables[8]
        #expect(measures.columns == ["หัวข้อ", "วิธีการนำผลวิเคราะห์ไปสู่การปฏิบัติ", "ผู้รับผิดชอบ", "ขั้นตอน/วิธีการปฏิบัติ", "ระยะเวลาดำเนินงาน"])
        #expect(measures.rows.map(\.at.line) == [179, 180, 181, 182, 185, 186, 187, 190, 191])
    }

    @Test func doc003() throws {
        let blocks = try blocks("003")
        #expect(blocks.headerFields.map(\.key) == [.department, .reference, .date, .subject, .addressee])
        #expect(blocks.signatures.map(\.at.line) == [30, 41, 53, 60])
        #expect(blocks.signatures[0].lines.map(\.at.line) == [30, 32, 34])
        #expect(blocks.signatures[1].lines.map(\.at.line) == [41, 43, 45])
        let tables = blocks.tables
        let tools = try #require(tables.first)
        #expect(tools.form == .pipe)
        #expect(tools.at.line == 21)
        #expect(tools.rows.count == 4)
        let comparison = try #require(tables.first { $0.at.line == 116 })
        // The ten comparison tables share one header: one table; the 4-cell rows 184–187 stay in it.
        #expect(comparison.rows.count == 63)
        #expect(comparison.rows.filter { $0.cells.count == 4 }.map(\.at.line) == [184, 185, 186, 187])
        let measureTables = tables.filter { $0.columns.first == "มาตรการ โครงการ หรือกิจกรรม" }
        #expect(measureTables.count == 2)
        #expect(measureTables.flatMap(\.rows).map(\.at.line) == [204, 208, 212, 216, 220, 238, 242, 244, 249, 251, 256, 260])
        #expect(measureTables[0].columns[1] == "ผลการวิเคราะห์ ตัวชี้วัด")
        #expect(measureTables[0].columns[2] == "ประเด็นที่ต้องปรับปรุง/พัฒนา/รักษาระดับ")
        #expect(measureTables[1].rows.first { $0.at.line == 244 }?.cells.prefix(2) == ["", ""])
    }

    @Test func doc004() throws {
        let blocks = try blocks("004")
        #expect(blocks.headerFields.isEmpty)
        #expect(blocks.signatures.isEmpty)
        let tables = blocks.tables
        #expect(tables.count == 2)
        let measures = tables[0]
        #expect(measures.columns.count == 6)
        #expect(measures.rows.count == 6)
        #expect(measures.rows.map(\.at.line) == [9, 12, 13, 16, 17, 20])
        let scores = tables[1]
        #expect(scores.headerRows.count == 2)
        #expect(scores.columns == ["ลำดับที่", "รายละเอียดตัวชี้วัด", "ปี 2566 คะแนน ITA", "ปี 2567 คะแนน ITA", "เปลี่ยนแปลง"])
        #expect(scores.rows.count == 11)
    }

    /// Prints the block summary of every corpus file (for reports; never fails).
    @Test func summary() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            let lines = try blocks(prefix).compactMap { b -> String? in
                switch b {
                case .table, .signature: return "  " + b.summary
                default: return nil
                }
            }
            print("\(prefix):\n" + lines.joined(separator: "\n"))
        }
    }
}

@Suite struct PerformanceTests {
    /// Linear time on hostile input: unclosed tags, long lines, many tab rows, many candidate names.
    @Test func pathologicalInputStaysFast() {
        var lines: [String] = []
        for k in 0..<4000 {
            switch k % 8 {
            case 0: lines.append(String(repeating: "<a", count: 300))
            case 1: lines.append("ก\tข\t" + String(repeating: "&#", count: 200))
            case 2: lines.append("(นายสมชาย ใจดี)")
            case 3: lines.append("")
            case 4: lines.append("| a | b |")
            case 5: lines.append("<tr><td>" + String(repeating: "x", count: 500))
            case 6: lines.append(String(repeating: "*", count: 1000))
            default: lines.append("(ลงชื่อ)")
            }
        }
        let input = textLines(lines.joined(separator: "\n"))
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Segmenter().segment(input) }
        #expect(elapsed < .seconds(10))
    }
}
