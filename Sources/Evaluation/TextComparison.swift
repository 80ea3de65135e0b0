import Foundation

/// The string and number comparisons of RECORD.md's eval section.
///
/// Both sides go through `normalize` before any comparison, so a prediction is not penalised for differences
/// the contract's normalization would have removed anyway.
enum TextComparison {
    /// Scores are equal when they differ by at most this much.
    static let scoreTolerance = 0.005

    /// `|a − b| ≤ 0.005`; the 1e-9 slack keeps binary rounding (95.005 − 95.0 = 0.00500000000000966) from deciding.
    static func scoresEqual(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= scoreTolerance + 1e-9
    }

    /// Zero-width space, non-joiner, joiner, word joiner and BOM: invisible, and left behind by PDF exports.
    private static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]

    /// The contract's text normalization, as far as it can be done without the document:
    /// leftover markup (`<tag>`, `**`, `|`) removed, Thai digits made ASCII, zero-width characters removed,
    /// decomposed SARA AM (U+0E4D U+0E32) composed, white space runs made one space, trimmed, NFC.
    ///
    /// Tags and `|` become a space (they separate cells and blocks); `**` wraps words and simply goes.
    static func normalize(_ text: String) -> String {
        let unmarked = text
            .replacing(#/<\/?[A-Za-z][^<>]*>/#, with: " ")
            .replacing("**", with: "")
            .replacing("|", with: " ")
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unmarked.unicodeScalars {
            if zeroWidth.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                // A space is written only before the next visible character, which also trims both ends.
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            switch scalar.value {
            case 0x0E50...0x0E59:
                scalars.append(Unicode.Scalar(scalar.value - 0x0E50 + 0x30)!)
            case 0x0E32 where scalars.last?.value == 0x0E4D:
                scalars.removeLast()
                scalars.append("\u{0E33}")
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Character similarity of two optional texts, normalized first: both `nil` → 1, one `nil` → 0.
    static func similarity(_ a: String?, _ b: String?) -> Double {
        switch (a, b) {
        case (nil, nil): return 1
        case let (a?, b?): return editSimilarity(normalize(a), normalize(b))
        default: return 0
        }
    }

    /// 1 − Levenshtein distance ÷ the longer length, over Unicode scalars; two empty strings are identical (1).
    ///
    /// Scalars rather than `Character`s: a Thai grapheme cluster holds a consonant with its vowel and tone
    /// marks, so a wrong tone mark would cost a whole cluster; per scalar every written mark weighs the same,
    /// which is also what code-point tools (Python's, ICU's) compute for the same strings.
    static func editSimilarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x == y { return 1 }
        let longer = max(x.count, y.count)
        return 1 - Double(levenshtein(x, y)) / Double(longer)
    }

    private static func levenshtein(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in x.indices {
            current[0] = i + 1
            for j in y.indices {
                let substitution = previous[j] + (x[i] == y[j] ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
