import Foundation

/// The result of `sarabun eval`: every gold document's scores, their micro-average per category, and one
/// overall F1. Encoded with `JSONEncoder` it is the `--json` output; `text()` is the table for people.
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// One per gold file, in gold file name order.
    public var documents: [DocumentScore]
    /// Each category micro-averaged over the documents (counts summed), in `EvaluationCategory.allCases` order.
    public var categories: [CategoryScore]
    /// The micro-average over all tuples and fields of all documents, as one F1 (with its counts).
    ///
    /// Every comparison eval makes is a unit with TP, FP and FN; the counts are summed over all categories
    /// and documents, and F1 = 2TP / (2TP + FP + FN):
    /// - a header field (7 of `document`; the 9 of `memo` unless both memos are null): right → 1 TP;
    ///   wrong → 1 FP + 1 FN; no prediction → 1 FN;
    /// - a tuple (assessments, indicator, tool and question scores): matched → 1 TP; gold unmatched → 1 FN;
    ///   predicted unmatched → 1 FP;
    /// - a signatory is 3 units (name, position, acting_for) and a measure 11 (title, then issue, approach,
    ///   steps, responsible, period, monitoring, result, outcome, status, indicator). Matched: the name or
    ///   title is 1 TP and each other field with similarity s (exact fields: 0 or 1) is s TP + (1 − s) FP +
    ///   (1 − s) FN. Unmatched: all its units are FN (gold) or FP (predicted).
    ///
    /// So a wrong field costs the same everywhere, partly similar text earns partial credit, and missing an
    /// item never beats extracting it badly. The category scores above count names and titles only.
    public var overall: Score
    /// The digits of every gold year, score and date that the predictions have right, over all documents.
    public var numbers: NumberAccuracy
    /// Prediction files matched to no gold document (or a second one for the same document); not scored.
    public var unmatchedPredictions: [String]
    /// Prediction files that are neither a record nor a failure object, as "path: reason"; their documents
    /// score as missing.
    public var unreadablePredictions: [String]

    init(documents: [DocumentScore], unmatchedPredictions: [String], unreadablePredictions: [String]) {
        self.documents = documents
        categories = EvaluationCategory.allCases.map { category in
            CategoryScore(category: category, merging: documents.map { $0[category] })
        }
        overall = documents.map(\.overall).reduce(Score(truePositives: 0, falsePositives: 0, falseNegatives: 0), +)
        numbers = documents.map(\.numbers).reduce(NumberAccuracy(), +)
        self.unmatchedPredictions = unmatchedPredictions
        self.unreadablePredictions = unreadablePredictions
    }

    /// The corpus score of one category.
    public subscript(category: EvaluationCategory) -> CategoryScore { categories.score(category) }

    /// Short column heads for the per-document table.
    private static let heads: [EvaluationCategory: String] = [
        .document: "doc", .memo: "memo", .assessments: "assess", .indicatorScores: "indic", .toolScores: "tool",
        .questionScores: "quest", .signatories: "sign", .measures: "meas",
    ]

    /// A plain-text report: F1 per document and category ("-" where the category is empty on both sides),
    /// then the corpus micro-average per category with counts, P, R, F1 and mean field similarity, then the
    /// overall F1, the share of number digits read right, and any unmatched or unreadable prediction files.
    public func text() -> String {
        func number(_ x: Double) -> String { String(format: "%.3f", x) }
        func row(_ cells: [String], _ widths: [Int]) -> String {
            zip(cells, widths).enumerated().map { i, pair in
                let (cell, width) = pair
                let padding = String(repeating: " ", count: max(0, width - cell.count))
                return i == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }

        var lines: [String] = []
        let names = documents.map { name in
            let base = name.document.split(separator: "/").last.map(String.init) ?? name.document
            return name.status == .record ? base : "\(base) (\(name.status.rawValue))"
        }
        let nameWidth = max(names.map(\.count).max() ?? 0, "document".count)
        let widths = [nameWidth] + Array(repeating: 6, count: EvaluationCategory.allCases.count) + [7]
        lines.append("F1 per document (\"-\": nothing in gold or prediction)")
        lines.append(row(["document"] + EvaluationCategory.allCases.map { Self.heads[$0] ?? $0.rawValue } + ["overall"], widths))
        for (name, document) in zip(names, documents) {
            let cells = document.categories.map { $0.isEmpty ? "-" : number($0.f1) }
            lines.append(row([name] + cells + [number(document.overall.f1)], widths))
        }

        lines.append("")
        lines.append("Corpus, micro-averaged")
        let corpusWidths = [16, 7, 7, 7, 9, 7, 7, 10]
        lines.append(row(["category", "tp", "fp", "fn", "precision", "recall", "f1", "similarity"], corpusWidths))
        for c in categories {
            lines.append(row(
                [c.category.rawValue, String(c.truePositives), String(c.falsePositives), String(c.falseNegatives),
                 number(c.precision), number(c.recall), number(c.f1), c.meanSimilarity.map(number) ?? ""],
                corpusWidths))
        }
        let fractional = { (x: Double) in String(format: "%.2f", x) }
        lines.append(row(
            ["overall", fractional(overall.truePositives), fractional(overall.falsePositives),
             fractional(overall.falseNegatives), number(overall.precision), number(overall.recall), number(overall.f1), ""],
            corpusWidths))
        lines.append("")
        lines.append("Overall F1: \(number(overall.f1))")
        lines.append(String(
            format: "Numbers: %.1f %% of %d digits right (years, scores and dates)", 100 * numbers.accuracy, numbers.digits))
        if !unmatchedPredictions.isEmpty {
            lines.append("")
            lines.append("Predictions without gold:")
            lines += unmatchedPredictions.map { "  " + $0 }
        }
        if !unreadablePredictions.isEmpty {
            lines.append("")
            lines.append("Unreadable predictions:")
            lines += unreadablePredictions.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
