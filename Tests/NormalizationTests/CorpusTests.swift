import Testing
@testable import Normalization

/// Runs the normalizer over the five seed documents in corpus/.
@Suite struct CorpusTests {
    static let corpus: String = {
        // Tests/NormalizationTests/CorpusTests.swift → package root.
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/corpus"
    }()

    static let seeds = [
        "000_00094ace5e6af4cb", "001_011c0f1b3c03aec7", "002_f015660f6017e052",
        "003_4a2c4f90da6514ac", "004_60047c3f0ac86c0d",
    ]

    static func read(_ name: String) throws -> String {
        try String(decoding: readBytes("\(corpus)/\(name).txt"), as: UTF8.self)
    }

    /// What normalization may do to clean text: Thai digits → ASCII, space runs → one, no spaces
    /// beside TABs or at the ends.
    static func digitsAndSpaces(_ line: Substring) -> String {
        var out: [Unicode.Scalar] = []
        for u in line.unicodeScalars {
            let c = (0x0E50...0x0E59).contains(u.value) ? Unicode.Scalar(u.value - 0x0E50 + 0x30)! : u
            if c == " ", out.isEmpty || out.last == " " || out.last == "\t" { continue }
            if c == "\t" { while out.last == " " { out.removeLast() } }
            out.append(c)
        }
        while out.last == " " { out.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    @Test func cleanTextStaysCleanExceptKnownRepairs() throws {
        var changed: [String] = []
        for seed in Self.seeds {
            let text = try Self.read(seed)
            var raw = text.split(separator: "\n", omittingEmptySubsequences: false)
            if raw.last == "" { raw.removeLast() }
            let lines = Normalizer().normalize(text)
            #expect(lines.count == raw.count, "\(seed): one output line per source line")
            for (line, source) in zip(lines, raw) where line.text != Self.digitsAndSpaces(source) {
                changed.append("\(seed):\(line.at.line)")
            }
        }
        // The only lines changed beyond digits and spaces: two letter-spaced cells, one doubled tone.
        #expect(changed == ["001_011c0f1b3c03aec7:23", "001_011c0f1b3c03aec7:31", "002_f015660f6017e052:106"])
    }

    @Test func realLines() throws {
        let memo = Normalizer().normalize(try Self.read("000_00094ace5e6af4cb"))
        #expect(memo.first { $0.text.hasPrefix("วันที่") }?.text == "วันที่ 19 เมษายน 2566")
        #expect(memo.first { $0.text.hasPrefix("ที่ ") }?.text == "ที่ รอ 56101/ 77")
        #expect(memo.contains { $0.text == "ตัวชี้วัดที่ 3 การแก้ไขปัญหาการทุจริต\tได้คะแนน\t99.89\tคะแนน" })

        let table = Normalizer().normalize(try Self.read("001_011c0f1b3c03aec7"))
        #expect(table[22].at.line == 23)
        #expect(table[22].text.hasSuffix("| สำนักปลัด อบต./ กองคลัง | รายงาน ความก้าวหน้าและ สรุปพล 3 4 มกราคม 2565 |"))
        #expect(table[30].text.hasSuffix("| รายงาน ความก้าวหน้าและ สรุปพล ฒ 4 มกราคม 2564 |"))
        #expect(table[39].text.contains("รายงานความก้าวหน้าและสรุปผล ณ 4 มกราคม 2564"))

        let analysis = Normalizer().normalize(try Self.read("002_f015660f6017e052"))
        #expect(analysis[105].text.contains("ข้อเท็จจริงพบว่าแม้องค์การบริหารส่วนจังหวัดลำปาง"))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file without Foundation.
func readBytes(_ path: String) throws -> [UInt8] {
    struct CannotOpen: Error { let path: String }
    guard let file = fopen(path, "rb") else { throw CannotOpen(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}
