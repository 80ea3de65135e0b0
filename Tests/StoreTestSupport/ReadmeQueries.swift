import Foundation
import RecordDatabase
import RecordModel

/// The example queries of the README's Databases section, as written there, and the answers they must give.
public enum ReadmeQueries {
    /// The SQL of the README block whose first line (a comment) is `-- title`.
    public static func sql(_ title: String) throws -> String {
        let readme = try String(contentsOf: Corpus.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        guard let block = blocks.first(where: { $0.hasPrefix("-- \(title)\n") }) else {
            throw SupportError(message: "README.md has no ```sql block starting with -- \(title)")
        }
        return block
    }

    public static let indicatorAverages = "Indicator averages per province and year"
    public static let scoreFell = "Organisations whose overall score fell from one assessment year to the next"
    public static let measuresNotDone = "Measures still not done, per organisation"
    public static let issuesByCode = "What validation flagged, by code"
    public static let rejects = "Rejected documents and why"

    /// Province, year and indicator → (average, organisations), over valid records.
    public static func expectedIndicatorAverages(_ records: [Record]) -> [IndicatorKey: (average: Double, organizations: Int)] {
        var scores: [IndicatorKey: [Double]] = [:]
        var organizations: [IndicatorKey: Set<String?>] = [:]
        for record in records where record.validation.valid {
            for s in record.indicatorScores {
                let key = IndicatorKey(province: record.document.organization.province, year: s.yearBE, indicator: s.indicator)
                scores[key, default: []].append(s.score)
                organizations[key, default: []].insert(record.document.organization.name)
            }
        }
        var out: [IndicatorKey: (average: Double, organizations: Int)] = [:]
        for (key, values) in scores {
            // COUNT(DISTINCT …) leaves out NULL.
            out[key] = (values.reduce(0, +) / Double(values.count), organizations[key]!.compactMap { $0 }.count)
        }
        return out
    }

    public struct IndicatorKey: Hashable, CustomStringConvertible {
        public var province: String?
        public var year: Int?
        public var indicator: Int

        public init(province: String?, year: Int?, indicator: Int) {
            self.province = province
            self.year = year
            self.indicator = indicator
        }

        public var description: String { "\(province ?? "-") \(year.map(String.init) ?? "-") #\(indicator)" }
    }

    /// (organisation, from year, from score, to year, to score) for each fall between consecutive years.
    public static func expectedFalls(_ records: [Record]) -> Set<Fall> {
        var yearly: [String: [Int: [Double]]] = [:]
        for record in records where record.validation.valid {
            guard let name = record.document.organization.name else { continue }
            for a in record.assessments { yearly[name, default: [:]][a.yearBE, default: []].append(a.score) }
        }
        var falls: Set<Fall> = []
        for (name, years) in yearly {
            let average = years.mapValues { $0.reduce(0, +) / Double($0.count) }
            for (year, score) in average {
                if let next = average[year + 1], next < score {
                    falls.insert(Fall(organization: name, fromYear: year, fromScore: score, toYear: year + 1, toScore: next))
                }
            }
        }
        return falls
    }

    public struct Fall: Hashable {
        public var organization: String
        public var fromYear: Int
        public var fromScore: Double
        public var toYear: Int
        public var toScore: Double

        public init(organization: String, fromYear: Int, fromScore: Double, toYear: Int, toScore: Double) {
            self.organization = organization
            self.fromYear = fromYear
            self.fromScore = fromScore
            self.toYear = toYear
            self.toScore = toScore
        }
    }

    /// Organisation → [not started, in progress, no status] for measures not done.
    public static func expectedMeasuresNotDone(_ records: [Record]) -> [String?: [Int]] {
        var out: [String?: [Int]] = [:]
        for record in records {
            for m in record.measures where m.status != .done {
                var row = out[record.document.organization.name] ?? [0, 0, 0]
                switch m.status {
                case .notStarted: row[0] += 1
                case .inProgress: row[1] += 1
                default: row[2] += 1
                }
                out[record.document.organization.name] = row
            }
        }
        return out
    }

    /// "severity code" → [issues, documents].
    public static func expectedIssues(_ records: [Record]) -> [String: [Int]] {
        var issues: [String: Int] = [:]
        var documents: [String: Set<String>] = [:]
        for record in records {
            for i in record.validation.issues {
                let key = "\(i.severity.rawValue) \(i.code)"
                issues[key, default: 0] += 1
                documents[key, default: []].insert(record.source.sha256)
            }
        }
        return issues.reduce(into: [:]) { $0[$1.key] = [$1.value, documents[$1.key]!.count] }
    }
}

public struct SupportError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
