import RecordModel

/// What eval had to compare a gold document with.
public enum PredictionStatus: String, Codable, Sendable {
    /// A record for the document was found.
    case record
    /// Only a failure object (`{"failure": …}`) was found: scored as a prediction with nothing extracted.
    case failure
    /// Nothing was found: scored as a prediction with nothing extracted.
    case missing
}

/// How one prediction scored against its gold file.
public struct DocumentScore: Codable, Sendable, Equatable {
    /// The gold record's `source.file`.
    public var document: String
    /// The prediction file, relative to the prediction directory; `nil` when missing or from `compare`.
    public var prediction: String?
    /// Whether a record, only a failure object, or nothing was found for the document.
    public var status: PredictionStatus
    /// Every category, in `EvaluationCategory.allCases` order.
    public var categories: [CategoryScore]
    /// This document's part of the overall score (see `EvaluationReport.overall`).
    public var overall: Score
    /// One line per wrong header field and per missed or spurious item, in record order, for finding errors.
    public var differences: [String]
    /// The digits of gold's years, scores and dates that the prediction has right.
    public var numbers: NumberAccuracy

    /// The score of one category.
    public subscript(category: EvaluationCategory) -> CategoryScore { categories.score(category) }
}

/// One header field's value for comparison: a normalized scalar is a one-element list, so scalars and
/// list fields (enclosures, references) compare the same way; `nil` is a null scalar.
private struct Field {
    let name: String
    let value: [String]?
    let isList: Bool

    init(_ name: String, _ text: String?) {
        self.name = name
        value = text.map { [TextComparison.normalize($0)] }
        isList = false
    }

    init(_ name: String, list: [String]) {
        self.name = name
        value = list.map(TextComparison.normalize)
        isList = true
    }

    static func document(_ d: DocumentInfo) -> [Field] {
        [
            Field("document.kind", d.kind.rawValue), Field("document.title", d.title),
            Field("document.organization.name", d.organization.name),
            Field("document.organization.type", d.organization.type),
            Field("document.organization.district", d.organization.district),
            Field("document.organization.province", d.organization.province),
            Field("document.fiscal_year_be", d.fiscalYearBE.map(String.init)),
        ]
    }

    static func memo(_ m: Memo) -> [Field] {
        [
            Field("memo.department", m.department), Field("memo.reference", m.reference),
            Field("memo.date.text", m.date?.text), Field("memo.date.iso", m.date?.iso),
            Field("memo.date.precision", m.date?.precision.rawValue), Field("memo.subject", m.subject),
            Field("memo.addressee", m.addressee), Field("memo.enclosures", list: m.enclosures),
            Field("memo.references", list: m.references),
        ]
    }

    /// The number of memo fields, for a memo compared with a null one.
    static let memoCount = memo(Memo()).count

    /// The value as it reads in `differences`: `null`, `"text"` or `["a", "b"]`.
    var text: String {
        guard let value else { return "null" }
        let quoted = value.map { "\"\($0)\"" }
        return isList ? "[" + quoted.joined(separator: ", ") + "]" : quoted[0]
    }
}

/// An item compared as a tuple: its exact components (normalized) and its score, compared within tolerance.
private struct ScoredTuple {
    let key: [String?]
    let score: Double
    /// How the item reads in `differences`.
    let label: String

    init(_ a: Assessment) {
        let level = a.level.map(TextComparison.normalize)
        key = [String(a.yearBE), level]
        score = a.score
        label = "year \(a.yearBE), score \(a.score), level \(level ?? "null")"
    }

    init(_ i: IndicatorScore) {
        key = [String(i.indicator), i.yearBE.map(String.init)]
        score = i.score
        label = "indicator \(i.indicator), year \(i.yearBE.map(String.init) ?? "null"), score \(i.score)"
    }

    init(_ t: ToolScore) {
        key = [t.tool.rawValue, t.part.map(String.init), t.yearBE.map(String.init)]
        score = t.score
        label = "\(t.tool.rawValue) part \(t.part.map(String.init) ?? "null"), "
            + "year \(t.yearBE.map(String.init) ?? "null"), score \(t.score)"
    }

    init(_ q: QuestionScore) {
        let code = TextComparison.normalize(q.code)
        key = [code, q.yearBE.map(String.init)]
        score = q.score
        label = "\(code), year \(q.yearBE.map(String.init) ?? "null"), score \(q.score)"
    }
}

/// One document's comparison, filled category by category.
struct DocumentComparison {
    /// Per category: TP, FP, FN and the per-field similarity sums of matched pairs.
    private var counts: [EvaluationCategory: (tp: Int, fp: Int, fn: Int, sums: [String: Double])] = [:]
    private var overall = Score(truePositives: 0, falsePositives: 0, falseNegatives: 0)
    private var differences: [String] = []
    private let numbers: NumberAccuracy

    /// Measure titles at least this similar can match.
    static let titleThreshold = 0.6

    init(gold: Record, predicted: Record?) {
        numbers = NumberAccuracy(gold: gold, predicted: predicted)
        compareFields(.document, gold: Field.document(gold.document), predicted: predicted.map { Field.document($0.document) })
        compareMemo(gold: gold.memo, predicted: predicted?.memo, predictionExists: predicted != nil)
        compareTuples(
            .assessments, gold: gold.assessments.map(ScoredTuple.init),
            predicted: (predicted?.assessments ?? []).map(ScoredTuple.init))
        compareTuples(
            .indicatorScores, gold: gold.indicatorScores.map(ScoredTuple.init),
            predicted: (predicted?.indicatorScores ?? []).map(ScoredTuple.init))
        compareTuples(
            .toolScores, gold: gold.toolScores.map(ScoredTuple.init),
            predicted: (predicted?.toolScores ?? []).map(ScoredTuple.init))
        compareTuples(
            .questionScores, gold: gold.questionScores.map(ScoredTuple.init),
            predicted: (predicted?.questionScores ?? []).map(ScoredTuple.init))
        compareSignatories(gold: gold.signatories, predicted: predicted?.signatories ?? [])
        compareMeasures(gold: gold.measures, predicted: predicted?.measures ?? [])
    }

    func score(document: String, prediction: String?, status: PredictionStatus) -> DocumentScore {
        DocumentScore(
            document: document, prediction: prediction, status: status,
            categories: EvaluationCategory.allCases.map { category in
                let c = counts[category] ?? (0, 0, 0, [:])
                return CategoryScore(
                    category: category, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn,
                    similaritySums: c.sums)
            },
            overall: overall, differences: differences, numbers: numbers)
    }

    /// Adds to a category and, unit for unit, to the overall score.
    private mutating func count(_ category: EvaluationCategory, tp: Int = 0, fp: Int = 0, fn: Int = 0) {
        counts[category, default: (0, 0, 0, [:])].tp += tp
        counts[category, default: (0, 0, 0, [:])].fp += fp
        counts[category, default: (0, 0, 0, [:])].fn += fn
        overall = overall + Score(truePositives: Double(tp), falsePositives: Double(fp), falseNegatives: Double(fn))
    }

    /// Adds a matched pair's field similarities: each field is a unit of the overall score worth `s` TP and
    /// `1 − s` FP and FN (a wrong header field, s = 0, costs the same one FP and one FN).
    private mutating func addSimilarities(_ category: EvaluationCategory, _ fields: [(String, Double)]) {
        for (field, s) in fields {
            counts[category, default: (0, 0, 0, [:])].sums[field, default: 0] += s
            overall = overall + Score(truePositives: s, falsePositives: 1 - s, falseNegatives: 1 - s)
        }
    }

    /// An unmatched item counts its similarity fields as missed (gold) or spurious (predicted) units overall,
    /// so that leaving an item out never scores better than extracting it with poor fields.
    private mutating func countUnmatchedFields(_ category: EvaluationCategory, gold: Bool) {
        let units = Double(category.similarityFields.count)
        overall = overall + Score(truePositives: 0, falsePositives: gold ? 0 : units, falseNegatives: gold ? units : 0)
    }

    /// Header fields: right (TP) or wrong (FP + FN); no prediction at all loses each gold field (FN only).
    private mutating func compareFields(_ category: EvaluationCategory, gold: [Field], predicted: [Field]?) {
        guard let predicted else { return count(category, fn: gold.count) }
        for (g, p) in zip(gold, predicted) {
            if g.value == p.value {
                count(category, tp: 1)
            } else {
                count(category, fp: 1, fn: 1)
                differences.append("\(g.name): expected \(g.text), got \(p.text)")
            }
        }
    }

    /// Both memos null (a report): no memo fields are counted, so reports neither earn nor lose anything here.
    /// One null and one not: every memo field is wrong.
    private mutating func compareMemo(gold: Memo?, predicted: Memo?, predictionExists: Bool) {
        switch (gold, predicted) {
        case (nil, nil):
            return
        case let (g?, p?):
            compareFields(.memo, gold: Field.memo(g), predicted: Field.memo(p))
        case let (g?, nil) where !predictionExists:
            compareFields(.memo, gold: Field.memo(g), predicted: nil)
        default:
            count(.memo, fp: Field.memoCount, fn: Field.memoCount)
            differences.append(gold == nil ? "memo: expected null, got a memo" : "memo: expected a memo, got null")
        }
    }

    /// Multiset matching: items with equal exact components pair up when their scores are within tolerance.
    /// Sorting each group by score and walking both lists together finds the largest such pairing.
    private mutating func compareTuples(_ category: EvaluationCategory, gold: [ScoredTuple], predicted: [ScoredTuple]) {
        var goldMatched = [Bool](repeating: false, count: gold.count)
        var predictedMatched = [Bool](repeating: false, count: predicted.count)
        let predictedByKey = Dictionary(grouping: predicted.indices) { predicted[$0].key }
        for (key, goldIndices) in Dictionary(grouping: gold.indices, by: { gold[$0].key }) {
            let g = goldIndices.sorted { gold[$0].score < gold[$1].score }
            let p = (predictedByKey[key] ?? []).sorted { predicted[$0].score < predicted[$1].score }
            var i = 0, j = 0
            while i < g.count, j < p.count {
                let a = gold[g[i]].score, b = predicted[p[j]].score
                if TextComparison.scoresEqual(a, b) {
                    goldMatched[g[i]] = true
                    predictedMatched[p[j]] = true
                    i += 1
                    j += 1
                } else if a < b {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        let tp = goldMatched.filter { $0 }.count
        count(category, tp: tp, fp: predicted.count - tp, fn: gold.count - tp)
        for (item, matched) in zip(gold, goldMatched) where !matched {
            differences.append("\(category.rawValue): missed (\(item.label))")
        }
        for (item, matched) in zip(predicted, predictedMatched) where !matched {
            differences.append("\(category.rawValue): spurious (\(item.label))")
        }
    }

    /// Names match exactly after normalization; a name occurring several times pairs in document order.
    private mutating func compareSignatories(gold: [Signatory], predicted: [Signatory]) {
        var queues = Dictionary(grouping: predicted.indices) { TextComparison.normalize(predicted[$0].name) }
        var predictedMatched = [Bool](repeating: false, count: predicted.count)
        for g in gold {
            let name = TextComparison.normalize(g.name)
            guard let j = queues[name]?.first else {
                count(.signatories, fn: 1)
                countUnmatchedFields(.signatories, gold: true)
                differences.append("signatories: missed \"\(name)\"")
                continue
            }
            queues[name]?.removeFirst()
            predictedMatched[j] = true
            let p = predicted[j]
            count(.signatories, tp: 1)
            addSimilarities(
                .signatories,
                [
                    ("position", TextComparison.similarity(g.position, p.position)),
                    ("acting_for", TextComparison.similarity(g.actingFor, p.actingFor)),
                ])
        }
        for (p, matched) in zip(predicted, predictedMatched) where !matched {
            count(.signatories, fp: 1)
            countUnmatchedFields(.signatories, gold: false)
            differences.append("signatories: spurious \"\(TextComparison.normalize(p.name))\"")
        }
    }

    /// Greedy one-to-one matching by title similarity: the most similar pair first (ties in document order),
    /// only pairs at or above `titleThreshold`.
    private mutating func compareMeasures(gold: [Measure], predicted: [Measure]) {
        let goldTitles = gold.map { TextComparison.normalize($0.title) }
        let predictedTitles = predicted.map { TextComparison.normalize($0.title) }
        var candidates: [(g: Int, p: Int, similarity: Double)] = []
        for (g, gt) in goldTitles.enumerated() {
            for (p, pt) in predictedTitles.enumerated() {
                let s = TextComparison.editSimilarity(gt, pt)
                // The slack keeps a similarity of exactly 0.6 (4 edits in 10 scalars) from failing on rounding.
                if s >= Self.titleThreshold - 1e-9 { candidates.append((g, p, s)) }
            }
        }
        candidates.sort { ($0.similarity, -$0.g, -$0.p) > ($1.similarity, -$1.g, -$1.p) }
        var goldPartner = [Int?](repeating: nil, count: gold.count)
        var predictedMatched = [Bool](repeating: false, count: predicted.count)
        for c in candidates where goldPartner[c.g] == nil && !predictedMatched[c.p] {
            goldPartner[c.g] = c.p
            predictedMatched[c.p] = true
        }
        for (g, partner) in goldPartner.enumerated() {
            guard let p = partner else {
                count(.measures, fn: 1)
                countUnmatchedFields(.measures, gold: true)
                differences.append("measures: missed \"\(goldTitles[g])\"")
                continue
            }
            count(.measures, tp: 1)
            addSimilarities(.measures, Self.fieldSimilarities(gold[g], predicted[p]))
        }
        for (p, matched) in predictedMatched.enumerated() where !matched {
            count(.measures, fp: 1)
            countUnmatchedFields(.measures, gold: false)
            differences.append("measures: spurious \"\(predictedTitles[p])\"")
        }
    }

    private static func fieldSimilarities(_ g: Measure, _ p: Measure) -> [(String, Double)] {
        // Lists are normalized item by item before joining, so the joiners survive normalization.
        func joined(_ items: [String], _ separator: String) -> String {
            items.map(TextComparison.normalize).joined(separator: separator)
        }
        return [
            ("issue", TextComparison.similarity(g.issue, p.issue)),
            ("approach", TextComparison.similarity(g.approach, p.approach)),
            ("steps", TextComparison.editSimilarity(joined(g.steps, "\n"), joined(p.steps, "\n"))),
            ("responsible", TextComparison.editSimilarity(joined(g.responsible, ", "), joined(p.responsible, ", "))),
            ("period", TextComparison.similarity(g.period?.text, p.period?.text)),
            ("monitoring", TextComparison.similarity(g.monitoring, p.monitoring)),
            ("result", TextComparison.similarity(g.result, p.result)),
            ("outcome", TextComparison.similarity(g.outcome, p.outcome)),
            ("status", g.status == p.status ? 1 : 0),
            ("indicator", g.indicator == p.indicator ? 1 : 0),
        ]
    }
}
