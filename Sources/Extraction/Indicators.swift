import Genre
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
    static let all: [CanonicalIndicator] = Genre.indicators.map { row in
        CanonicalIndicator(number: row.number, label: row.label, tool: Tool(rawValue: row.tool)!, variants: row.variants)
    }

    /// Each indicator's label and variants as scalars, for comparison.
    static let forms: [[[Unicode.Scalar]]] = all.map { ([$0.label] + $0.variants).map { Array($0.unicodeScalars) } }

    /// A label is taken for an indicator when it is at least this similar to one of its forms…
    static let threshold = 0.8
    /// …and clearly closer to it than to any other indicator.
    static let margin = 0.08

    /// The label's key for comparison: spaces, list numbers and "ตัวชี้วัดที่ N" removed.
    static func key(_ label: String) -> [Unicode.Scalar] {
        var text = Substring(label)
        if let range = text.find(Genre.indicatorNumberMarker) { text = text[range.upperBound...] }
        else if text.hasPrefix(Genre.indicatorWord) { text = text.dropFirst(Genre.indicatorWord.count) }
        let scalars = text.unicodeScalars.filter { !($0 == " " || $0 == "\t" || $0 == "." || $0 == ":" || $0 == "*") }
        return Array(scalars.drop(while: { ("0"..."9").contains($0) || (0x0E50...0x0E59).contains($0.value) }))
    }

    /// Forms whose exact occurrence decides the match by itself: no other indicator's form comes within the
    /// margin of them. Most labels are written exactly, and this spares them ten edit distances.
    private static let exactForms: [String: Int] = {
        var exact: [String: Int] = [:]
        for (index, own) in forms.enumerated() {
            for form in own {
                let runnerUp = forms.enumerated().filter { $0.offset != index }.flatMap(\.element)
                    .map { Similarity.ratio(form, $0) }.max() ?? 0
                if 1 - runnerUp >= margin { exact[String(String.UnicodeScalarView(form))] = index + 1 }
            }
        }
        return exact
    }()

    /// The best-matching indicator and its similarity, when the match is confident.
    static func match(_ label: String) -> (indicator: Int, similarity: Double)? {
        let k = key(label)
        guard k.count >= 4 else { return nil }
        if let indicator = exactForms[String(String.UnicodeScalarView(k))] { return (indicator, 1) }
        // Only whether the runner-up is within the margin matters, so forms further off than
        // `threshold - margin` count as 0 and their edit distance need not be finished.
        let floor = threshold - margin
        var scored: [(Int, Double)] = []
        for indicator in all {
            var best = 0.0
            for form in forms[indicator.number - 1] {
                let longest = max(k.count, form.count)
                let allowed = Int(((1 - floor) * Double(longest)).rounded(.down))
                guard let distance = Similarity.distance(k, form, atMost: allowed) else { continue }
                best = max(best, 1 - Double(distance) / Double(longest))
            }
            scored.append((indicator.number, best))
        }
        scored.sort { $0.1 > $1.1 }
        guard scored[0].1 >= threshold, scored[0].1 - scored[1].1 >= margin else { return nil }
        return scored[0]
    }

    private static let mentionForms = all.flatMap { indicator in ([indicator.label] + indicator.variants).map { (indicator.number, $0) } }
    private static let mentionPatterns = PatternSet(mentionForms.map(\.1), spaced: true)

    /// Finds canonical labels written inside running text (spaces inside the label allowed), in order.
    static func mentions(in text: String) -> [(indicator: Int, range: Range<String.Index>)] {
        // At one position the longest match first, and a mention inside a longer one is dropped
        // ("การทุจริต" forms overlap).
        let found = mentionPatterns.matches(in: text)
            .sorted { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        var kept: [(pattern: Int, range: Range<Int>)] = []
        for mention in found where !kept.contains(where: { $0.range.overlaps(mention.range) }) { kept.append(mention) }
        let utf8 = text.utf8
        return kept.map { mention in
            let lower = utf8.index(utf8.startIndex, offsetBy: mention.range.lowerBound)
            return (mentionForms[mention.pattern].0, lower..<utf8.index(lower, offsetBy: mention.range.count))
        }
    }
}

/// The assessment tools as documents name them: the abbreviation, or the Thai name of the tool's form
/// ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ").
enum ToolNames {
    private static let forms: [(Tool, String)] = Genre.toolNames.map { (Tool(rawValue: $0.tool)!, $0.name) }
    private static let patterns = PatternSet(forms.map(\.1), spaced: true)

    /// Tools named in `text`, in order, each with the part written just after it ("EIT ส่วนที่ 1").
    static func mentions(in text: String) -> [(tool: Tool, part: Int?, range: Range<String.Index>)] {
        let utf8 = text.utf8
        let bytes = Array(utf8)
        func isASCIILetter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A }
        // An abbreviation glued to other Latin letters is another word ("MOIT", another assessment).
        let whole = patterns.matches(in: text).filter { !isASCIILetter($0.range.lowerBound - 1) && !isASCIILetter($0.range.upperBound) }
        return whole.map { match in
            let lower = utf8.index(utf8.startIndex, offsetBy: match.range.lowerBound)
            let upper = utf8.index(lower, offsetBy: match.range.count)
            let after = Substring(text[upper...].unicodeScalars.prefix(20))
            var part: Int?
            if let partRange = after.find(Genre.toolPartWord) {
                part = Int(after[partRange.upperBound...].drop(while: { $0 == " " }).prefix(while: { $0.isASCII && $0.isNumber }))
            }
            return (forms[match.pattern].0, part, lower..<upper)
        }
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
        distance(a, b, atMost: max(a.count, b.count))!
    }

    /// The edit distance when it is at most `limit`, else nil: only the band of cells within `limit` of
    /// the diagonal is computed, and the computation stops once a whole row exceeds `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        let outside = limit + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows in
            var previous = rows.baseAddress!
            var current = previous + width
            for j in 0..<width { previous[j] = min(j, outside) }
            for i in 1...a.count {
                let low = max(1, i - limit)
                let high = min(b.count, i + limit)
                current[0] = min(i, outside)
                if low > 1 { current[low - 1] = outside }
                var rowMinimum = current[0]
                let ai = a[i - 1]
                var j = low
                while j <= high {
                    let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1, outside)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                    j += 1
                }
                if high < b.count { current[high + 1] = outside }
                if rowMinimum > limit { return nil }
                swap(&previous, &current)
            }
            let result = previous[b.count]
            return result <= limit ? result : nil
        }
    }
}
