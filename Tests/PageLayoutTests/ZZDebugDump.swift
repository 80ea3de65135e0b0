import Foundation
import Testing
@testable import PageLayout

@Test func debugDump() throws {
    guard let path = ProcessInfo.processInfo.environment["LAYOUT_TSV"] else { return }
    let want = Int(ProcessInfo.processInfo.environment["LAYOUT_PAGE"] ?? "1")!
    let w = Double(ProcessInfo.processInfo.environment["LAYOUT_W"] ?? "595")!
    let h = Double(ProcessInfo.processInfo.environment["LAYOUT_H"] ?? "842")!
    var pages: [[Glyph]] = []
    for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let c = row.split(separator: "\t")
        let p = Int(c[0])!
        while pages.count < p { pages.append([]) }
        pages[p - 1].append(Glyph(scalar: Unicode.Scalar(UInt32(c[2])!)!, word: Int(c[1])!,
            box: Box(x0: Double(c[3])!, y0: Double(c[4])!, x1: Double(c[5])!, y1: Double(c[6])!)))
    }
    var lines = pages.map { LineBuilder.lines(glyphs: $0) }
    RunningLines.remove(from: &lines, pageHeights: pages.map { _ in h })
    let page = lines[want - 1]
    for (k, l) in page.enumerated() {
        print(String(format: "%2d y=%6.1f-%6.1f x=%6.1f-%6.1f h=%.1f ", k, l.box.y0, l.box.y1, l.box.x0, l.box.x1, l.height),
              l.words.map { String(format: "[%.0f-%.0f]", $0.x0, $0.x1) }.joined(), l.text(0..<l.pieces.count).prefix(60))
    }
    for r in Tables.regions(page) {
        print("region", r.lines, r.boundaries.map { String(format: "%.1f", $0) })
    }
    _ = w
}

@Test func debugDump2() throws {
    guard let path = ProcessInfo.processInfo.environment["LAYOUT_TSV2"] else { return }
    let want = Int(ProcessInfo.processInfo.environment["LAYOUT_PAGE"] ?? "1")!
    let h = Double(ProcessInfo.processInfo.environment["LAYOUT_H"] ?? "842")!
    var pages: [[Glyph]] = []
    for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let c = row.split(separator: "\t")
        let p = Int(c[0])!
        while pages.count < p { pages.append([]) }
        pages[p - 1].append(Glyph(scalar: Unicode.Scalar(UInt32(c[2])!)!, word: Int(c[1])!,
            box: Box(x0: Double(c[3])!, y0: Double(c[4])!, x1: Double(c[5])!, y1: Double(c[6])!)))
    }
    var lines = pages.map { LineBuilder.lines(glyphs: $0) }
    RunningLines.remove(from: &lines, pageHeights: pages.map { _ in h })
    var regions = lines.map { Tables.regions($0) }
    Tables.continueAcrossPages(&regions, lines: lines)
    for p in [want - 1, want] {
        print("page", p + 1)
        for (k, l) in lines[p - 1 + 1].enumerated() {
            print(String(format: "%2d y=%6.1f-%6.1f x=%6.1f-%6.1f h=%.1f ", k, l.box.y0, l.box.y1, l.box.x0, l.box.x1, l.height),
                  l.words.map { String(format: "[%.0f-%.0f]", $0.x0, $0.x1) }.joined(), l.text(0..<l.pieces.count).prefix(40))
        }
        for r in regions[p] { print("region", r.lines, r.boundaries.map { String(format: "%.1f", $0) }) }
    }
}

@Test func debugDump3() throws {
    guard let path = ProcessInfo.processInfo.environment["LAYOUT_TSV3"] else { return }
    let want = Int(ProcessInfo.processInfo.environment["LAYOUT_PAGE"] ?? "1")!
    var glyphs: [Glyph] = []
    for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let c = row.split(separator: "\t")
        guard Int(c[0])! == want else { continue }
        glyphs.append(Glyph(scalar: Unicode.Scalar(UInt32(c[2])!)!, word: Int(c[1])!,
            box: Box(x0: Double(c[3])!, y0: Double(c[4])!, x1: Double(c[5])!, y1: Double(c[6])!)))
    }
    let lines = LineBuilder.lines(glyphs: glyphs)
    let from = Int(ProcessInfo.processInfo.environment["LAYOUT_FROM"] ?? "0")!
    var gutters = Tables.free(lines[from]).map { Gutter(x0: $0.0, x1: $0.1, support: 1) }
    for k in (from + 1)..<min(lines.count, from + 6) {
        print("line", k, gutters.filter(\.isBounded).map { String(format: "(%.1f,%.1f s%d)", $0.x0, $0.x1, $0.support) }.joined())
        gutters = gutters.flatMap { g in Tables.free(lines[k]).compactMap { f -> Gutter? in
            let a = max(g.x0, f.0), b = min(g.x1, f.1); return b > a ? Gutter(x0: a, x1: b, support: g.support) : nil } }
    }
}

@Test func debugDump4() throws {
    guard let path = ProcessInfo.processInfo.environment["LAYOUT_TSV4"] else { return }
    let want = Int(ProcessInfo.processInfo.environment["LAYOUT_PAGE"] ?? "1")!
    var glyphs: [Glyph] = []
    for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let c = row.split(separator: "\t")
        guard Int(c[0])! == want else { continue }
        glyphs.append(Glyph(scalar: Unicode.Scalar(UInt32(c[2])!)!, word: Int(c[1])!,
            box: Box(x0: Double(c[3])!, y0: Double(c[4])!, x1: Double(c[5])!, y1: Double(c[6])!)))
    }
    let lines = LineBuilder.lines(glyphs: glyphs)
    for r in Tables.regions(lines) { print("REGION", r.lines, r.boundaries) }
}

@Test func debugWords() throws {
    guard let path = ProcessInfo.processInfo.environment["LAYOUT_WORDS"] else { return }
    var words: [Word] = []
    for row in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
        let c = row.split(separator: "\t")
        words.append(Word(text: String(c[1]), box: Box(x0: Double(c[2])!, y0: Double(c[3])!, x1: Double(c[4])!, y1: Double(c[5])!), line: Int(c[0])!))
    }
    let lines = LineBuilder.lines(words: words)
    for (k, l) in lines.enumerated() {
        print(String(format: "%2d y=%6.1f-%6.1f x=%6.1f-%6.1f h=%.1f ", k, l.box.y0, l.box.y1, l.box.x0, l.box.x1, l.height),
              l.words.map { String(format: "[%.0f-%.0f]", $0.x0, $0.x1) }.joined(), l.text(0..<l.pieces.count).prefix(60))
    }
    for r in Tables.regions(lines) { print("REGION", r.lines, r.boundaries) }
}
