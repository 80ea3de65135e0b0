import Foundation
import RecordModel

/// How many of the gold record's number digits the prediction has right: every year, score and date.
///
/// A gold number is looked for among the predicted numbers of the same field (the years of assessments,
/// the scores of indicators, the memo's date, …). Found with the same value (scores within eval's
/// tolerance), all its digits are right; otherwise it earns the digits it shares, place by place, with the
/// closest predicted number of that field not already taken when more than half of them agree (a misread
/// number, not another one), so one misread digit costs one digit.
public struct NumberAccuracy: Codable, Sendable, Equatable {
    /// The digits of the gold record's numbers.
    public var digits: Int
    /// Of those, the ones the prediction has right.
    public var right: Int

    public init(digits: Int = 0, right: Int = 0) {
        self.digits = digits
        self.right = right
    }

    /// `right / digits`; 1 when gold has no number.
    public var accuracy: Double { digits == 0 ? 1 : Double(right) / Double(digits) }

    public static func + (a: Self, b: Self) -> Self { Self(digits: a.digits + b.digits, right: a.right + b.right) }

    init(gold: Record, predicted: Record?) {
        let predictedNumbers = predicted.map(Self.numbers) ?? [:]
        var total = Self()
        for (field, goldValues) in Self.numbers(gold) {
            var pool = predictedNumbers[field] ?? []
            // Exact readings first, so a near miss never takes the number another gold value reads exactly.
            var misses: [NumberText] = []
            for value in goldValues {
                total.digits += value.digitCount
                if let k = pool.firstIndex(where: { $0.matches(value) }) {
                    total.right += value.digitCount
                    pool.remove(at: k)
                } else {
                    misses.append(value)
                }
            }
            for value in misses {
                guard let (k, shared) = pool.indices.map({ ($0, value.sharedDigits(pool[$0])) }).max(by: { $0.1 < $1.1 }),
                    shared * 2 > value.digitCount
                else { continue }
                total.right += shared
                pool.remove(at: k)
            }
        }
        self = total
    }

    /// A record's numbers by field.
    private static func numbers(_ r: Record) -> [String: [NumberText]] {
        var out: [String: [NumberText]] = [:]
        func add(_ field: String, _ value: NumberText?) {
            if let value { out[field, default: []].append(value) }
        }
        add("document.fiscal_year_be", r.document.fiscalYearBE.map(NumberText.year))
        add("memo.date", r.memo?.date.map { NumberText(digits: $0.iso.filter(\.isASCIIDigit), score: nil) })
        for a in r.assessments {
            add("assessments.year_be", .year(a.yearBE))
            add("assessments.score", .score(a.score))
        }
        for i in r.indicatorScores {
            add("indicator_scores.year_be", i.yearBE.map(NumberText.year))
            add("indicator_scores.score", .score(i.score))
        }
        for t in r.toolScores {
            add("tool_scores.year_be", t.yearBE.map(NumberText.year))
            add("tool_scores.score", .score(t.score))
        }
        for q in r.questionScores {
            add("question_scores.year_be", q.yearBE.map(NumberText.year))
            add("question_scores.score", .score(q.score))
        }
        return out
    }
}

/// A number as its digits read (a score with two decimals, as the genre prints them).
private struct NumberText {
    var digits: String
    var score: Double?

    static func year(_ y: Int) -> NumberText { NumberText(digits: String(y), score: nil) }
    static func score(_ s: Double) -> NumberText {
        NumberText(digits: String(format: "%.2f", s).filter(\.isASCIIDigit), score: s)
    }

    var digitCount: Int { digits.count }

    func matches(_ other: NumberText) -> Bool {
        if let a = score, let b = other.score { return TextComparison.scoresEqual(a, b) }
        return digits == other.digits
    }

    /// Digits equal place by place, counted from the decimal point (or the end) leftwards.
    func sharedDigits(_ other: NumberText) -> Int {
        zip(digits.reversed(), other.digits.reversed()).filter { $0 == $1 }.count
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
