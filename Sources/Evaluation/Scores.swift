/// The parts of a record eval scores separately, in report order; raw values are the record's keys.
public enum EvaluationCategory: String, Codable, Sendable, CaseIterable {
    /// `document`: kind, title, organization name/type/district/province, fiscal_year_be (7 fields).
    case document
    /// `memo`: department, reference, date text/iso/precision, subject, addressee, enclosures, references (9 fields).
    case memo
    /// (year_be, score, level) tuples.
    case assessments
    /// (indicator, year_be, score) tuples.
    case indicatorScores = "indicator_scores"
    /// (tool, part, year_be, score) tuples.
    case toolScores = "tool_scores"
    /// (code, year_be, score) tuples.
    case questionScores = "question_scores"
    /// Names, then position and acting_for of matched names by similarity.
    case signatories
    /// Matched by title, then ten fields of matched pairs by similarity.
    case measures

    /// The fields compared by similarity on matched pairs; empty for categories without pairs.
    var similarityFields: [String] {
        switch self {
        case .signatories: ["position", "acting_for"]
        case .measures:
            ["issue", "approach", "steps", "responsible", "period", "monitoring", "result", "outcome", "status", "indicator"]
        default: []
        }
    }
}

/// Precision, recall and F1 from counts, with the conventions eval uses everywhere: nothing predicted means
/// precision 1 (nothing wrongly found), nothing to find means recall 1, and F1 = 2TP / (2TP + FP + FN),
/// which is 1 when all three counts are 0.
private func rates(tp: Double, fp: Double, fn: Double) -> (precision: Double, recall: Double, f1: Double) {
    (
        tp + fp == 0 ? 1 : tp / (tp + fp),
        tp + fn == 0 ? 1 : tp / (tp + fn),
        tp + fp + fn == 0 ? 1 : 2 * tp / (2 * tp + fp + fn)
    )
}

/// Counts that may be fractional (the overall score gives partial credit for similar text) and their rates.
public struct Score: Codable, Sendable, Equatable {
    /// Found and right (JSON `tp`).
    public var truePositives: Double
    /// Predicted but wrong or not in gold (JSON `fp`).
    public var falsePositives: Double
    /// In gold but not found (JSON `fn`).
    public var falseNegatives: Double
    /// TP / (TP + FP); 1 when nothing was predicted.
    public var precision: Double
    /// TP / (TP + FN); 1 when there was nothing to find.
    public var recall: Double
    /// 2TP / (2TP + FP + FN); 1 when all counts are 0.
    public var f1: Double

    init(truePositives: Double, falsePositives: Double, falseNegatives: Double) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        (precision, recall, f1) = rates(tp: truePositives, fp: falsePositives, fn: falseNegatives)
    }

    static func + (a: Score, b: Score) -> Score {
        Score(
            truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
            falseNegatives: a.falseNegatives + b.falseNegatives)
    }

    enum CodingKeys: String, CodingKey {
        case truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", precision, recall, f1
    }
}

/// One category's counts and rates, for one document or summed over the corpus.
///
/// For `document` and `memo` a correct field is a TP and a wrong one an FP and an FN, so precision, recall
/// and F1 all equal the field accuracy (when a prediction exists). For `signatories` and `measures` the
/// counts are of matched names / titles, and `fieldSimilarity` adds how close the matched pairs' fields are.
/// A category with nothing on either side has all counts 0 and F1 1; check `isEmpty` to leave it out.
public struct CategoryScore: Codable, Sendable, Equatable {
    /// Which part of the record this scores.
    public var category: EvaluationCategory
    /// Matched items or right fields (JSON `tp`).
    public var truePositives: Int
    /// Predicted items without a gold partner, or wrong fields (JSON `fp`).
    public var falsePositives: Int
    /// Gold items without a predicted partner, or wrong or missing fields (JSON `fn`).
    public var falseNegatives: Int
    /// TP / (TP + FP); 1 when nothing was predicted.
    public var precision: Double
    /// TP / (TP + FN); 1 when there was nothing to find.
    public var recall: Double
    /// 2TP / (2TP + FP + FN); 1 when all counts are 0.
    public var f1: Double
    /// Mean similarity per field over the matched pairs (see `EvaluationCategory.signatories`, `.measures`);
    /// empty when no pair matched or the category has no such fields.
    public var fieldSimilarity: [String: Double]
    /// Mean of `fieldSimilarity`'s values (every pair has every field, so this is also the mean over all
    /// compared pair fields); `nil` when `fieldSimilarity` is empty.
    public var meanSimilarity: Double?

    /// Nothing in gold and nothing predicted: the F1 of 1 says nothing about the extractor.
    public var isEmpty: Bool { truePositives + falsePositives + falseNegatives == 0 }

    /// `similaritySums` are sums over the `truePositives` matched pairs, per field.
    init(
        category: EvaluationCategory, truePositives: Int, falsePositives: Int, falseNegatives: Int,
        similaritySums: [String: Double]
    ) {
        self.category = category
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        (precision, recall, f1) = rates(tp: Double(truePositives), fp: Double(falsePositives), fn: Double(falseNegatives))
        let fields = category.similarityFields
        if truePositives > 0, !fields.isEmpty {
            fieldSimilarity = Dictionary(
                uniqueKeysWithValues: fields.map { ($0, (similaritySums[$0] ?? 0) / Double(truePositives)) })
            meanSimilarity = fieldSimilarity.values.reduce(0, +) / Double(fields.count)
        } else {
            fieldSimilarity = [:]
            meanSimilarity = nil
        }
    }

    /// The micro-average of one category over documents: counts summed, similarity means weighted by matched pairs.
    init(category: EvaluationCategory, merging parts: [CategoryScore]) {
        var sums: [String: Double] = [:]
        for part in parts {
            for (field, mean) in part.fieldSimilarity { sums[field, default: 0] += mean * Double(part.truePositives) }
        }
        self.init(
            category: category, truePositives: parts.map(\.truePositives).reduce(0, +),
            falsePositives: parts.map(\.falsePositives).reduce(0, +),
            falseNegatives: parts.map(\.falseNegatives).reduce(0, +), similaritySums: sums)
    }

    enum CodingKeys: String, CodingKey {
        case category, truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", precision, recall, f1
        case fieldSimilarity = "field_similarity", meanSimilarity = "mean_similarity"
    }
}

extension [CategoryScore] {
    /// The score of `category`, or an empty one if the list lacks it (a decoded report from elsewhere).
    func score(_ category: EvaluationCategory) -> CategoryScore {
        first { $0.category == category }
            ?? CategoryScore(category: category, truePositives: 0, falsePositives: 0, falseNegatives: 0, similaritySums: [:])
    }
}
