import RecordModel

/// One of the ten ITA indicators: its canonical number, label, tool, and the other ways documents write it.
struct CanonicalIndicator: Sendable {
    var number: Int
    var label: String
    var tool: Tool
    var variants: [String]
}

/// The ten canonical indicators as data, and the matching of a written label to one of them.
enum Indicators {
    static let all: [CanonicalIndicator] = [
        .init(number: 1, label: "การปฏิบัติหน้าที่", tool: .iit, variants: []),
        .init(number: 2, label: "การใช้งบประมาณ", tool: .iit, variants: ["การใช้จ่ายงบประมาณ"]),
        .init(number: 3, label: "การใช้อำนาจ", tool: .iit, variants: []),
        .init(number: 4, label: "การใช้ทรัพย์สินของราชการ", tool: .iit, variants: ["การใช้ทรัพย์สินของทางราชการ"]),
        .init(number: 5, label: "การแก้ไขปัญหาการทุจริต", tool: .iit, variants: []),
        .init(number: 6, label: "คุณภาพการดำเนินงาน", tool: .eit, variants: []),
        .init(number: 7, label: "ประสิทธิภาพการสื่อสาร", tool: .eit, variants: []),
        .init(number: 8, label: "การปรับปรุงการทำงาน", tool: .eit, variants: ["การปรับปรุงระบบการทำงาน"]),
        .init(number: 9, label: "การเปิดเผยข้อมูล", tool: .oit, variants: []),
        .init(number: 10, label: "การป้องกันการทุจริต", tool: .oit, variants: []),
    ]

    /// Each indicator's label and variants as scalars, for comparison.
    static let forms: [[[Unicode.Scalar]]] = all.map { ([$0.label] + $0.variants).map { Array($0.unicodeScalars) } }

    /// A label is taken for an indicator when it is at least this similar to one of its forms…
    static let threshold = 0.8
    /// …and clearly closer to it than to any other indicator.
    static let margin = 0.08

    /// The label's key for comparison: spaces, list numbers and "ตัวชี้วัดที่ N" removed.
    static func key(_ label: String) -> [Unicode.Scalar] {
        var text = Substring(label)
        if let range = text.find("ตัวชี้วัดที่") { text = text[range.upperBound...] }
        else if text.hasPrefix("ตัวชี้วัด") { text = text.dropFirst("ตัวชี้วัด".count) }
        let scalars = text.unicodeScalars.filter { !($0 == " " || $0 == "\t" || $0 == "." || $0 == ":" || $0 == "*") }
        return Array(scalars.drop(while: { $0.properties.numericType != nil }))
    }

    /// The best-matching indicator and its similarity, when the match is confident.
    static func match(_ label: String) -> (indicator: Int, similarity: Double)? {
        let k = key(label)
        guard k.count >= 4 else { return nil }
        var scored: [(Int, Double)] = []
        for indicator in all {
            var best = 0.0
            for form in forms[indicator.number - 1] {
                // The length difference bounds the similarity: skip forms that cannot come near the threshold.
                let longest = max(k.count, form.count)
                guard 1 - Double(abs(k.count - form.count)) / Double(longest) >= threshold - margin else { continue }
                best = max(best, Similarity.ratio(k, form))
            }
            scored.append((indicator.number, best))
        }
        scored.sort { $0.1 > $1.1 }
        guard scored[0].1 >= threshold, scored[0].1 - scored[1].1 >= margin else { return nil }
        return scored[0]
    }

    /// Finds canonical labels written inside running text (spaces inside the label allowed), in order.
    static func mentions(in text: String) -> [(indicator: Int, range: Range<String.Index>)] {
        var found: [(Int, Range<String.Index>)] = []
        for indicator in all {
            for form in [indicator.label] + indicator.variants {
                var start = text.startIndex
                while let range = SpacedSearch.range(of: form, in: text, from: start) {
                    found.append((indicator.number, range))
                    start = range.upperBound
                }
            }
        }
        // Drop a mention inside a longer one ("การทุจริต" forms overlap: keep the longest).
        found.sort { $0.1.lowerBound < $1.1.lowerBound || ($0.1.lowerBound == $1.1.lowerBound && $0.1.upperBound > $1.1.upperBound) }
        var kept: [(Int, Range<String.Index>)] = []
        for mention in found where !kept.contains(where: { $0.1.overlaps(mention.1) }) { kept.append(mention) }
        return kept
    }
}

/// Character similarity: 1 − edit distance ÷ the longer length.
enum Similarity {
    static func ratio(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(distance(a, b)) / Double(longest)
    }

    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Substring search that lets the text have spaces the pattern lacks ("ประสิทธิภาพ การสื่อสาร").
enum SpacedSearch {
    static func range(of pattern: String, in text: String, from start: String.Index) -> Range<String.Index>? {
        let p = Array(pattern.unicodeScalars.filter { $0 != " " })
        guard let first = p.first else { return nil }
        let scalars = text.unicodeScalars
        var i = start.samePosition(in: scalars) ?? scalars.startIndex
        while i < scalars.endIndex {
            if scalars[i] == first {
                var j = i
                var k = 0
                while j < scalars.endIndex, k < p.count {
                    if scalars[j] == p[k] { k += 1; j = scalars.index(after: j) }
                    else if scalars[j] == " " && k > 0 { j = scalars.index(after: j) }
                    else { break }
                }
                if k == p.count { return i..<j }
            }
            i = scalars.index(after: i)
        }
        return nil
    }
}
