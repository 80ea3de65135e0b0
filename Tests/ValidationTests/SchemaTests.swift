import Foundation
import RecordModel
import Testing

@testable import Validation

@Suite struct SchemaTests {
    let validator = try! RecordValidator()

    @Test func embeddedSchemaIsTheSchemaFile() throws {
        let file = try Data(contentsOf: Repo.root.appendingPathComponent("schemas/record.schema.json"))
        #expect(Data(RecordSchema.text.utf8) == file, "run python3 Tests/schema/embed_schema.py")
    }

    @Test func thereAreFiveGoldFiles() {
        #expect(Repo.goldNames.count == 5)
    }

    @Test(arguments: Repo.goldNames)
    func goldFilePassesSchema(name: String) throws {
        let json = try Repo.gold(String(name.prefix(3)))
        #expect(validator.schemaIssues(json: json) == [])
    }

    /// Decoding and re-encoding keeps every key and value, nulls and empty lists included.
    @Test(arguments: Repo.goldNames)
    func goldRecordSurvivesRecordModelRoundTrip(name: String) throws {
        let json = try Repo.gold(String(name.prefix(3)))
        let record = try RecordCoding.decoder().decode(Record.self, from: json)
        #expect(validator.validate(record) == [])
        let reencoded = try RecordCoding.encode(record)
        #expect(try JSONValue(parsing: reencoded) == JSONValue(parsing: json))
    }

    /// A gold file, a pointer, the JSON text to put there (`nil` deletes the key) and the paths reported.
    static let brokenRecords: [(prefix: String, pointer: String, json: String?, paths: [String])] = [
        ("000", "/assessments/0/score", "120", ["/assessments/0/score"]),
        ("000", "/document/title", nil, ["/document/title"]),
        ("001", "/measures/0/status", #""finished""#, ["/measures/0/status"]),
        ("001", "/measures/0/note", #""x""#, ["/measures/0/note"]),
        ("000", "/extra", "1", ["/extra"]),
        ("000", "/indicator_scores/0/indicator", "11", ["/indicator_scores/0/indicator"]),
        ("000", "/source/sha256", "\"\(String(repeating: "A", count: 64))\"", ["/source/sha256"]),
        ("000", "/source/sha256", "\"\(String(repeating: "a", count: 64))\\n\"", ["/source/sha256"]),
        ("002", "/question_scores/0/code", #""I1""#, ["/question_scores/0/code"]),
        ("000", "/memo/date/precision", #""week""#, ["/memo/date/precision", "/memo/date"]),
        ("000", "/memo/date/precision", #""month""#, ["/memo/date"]),
        ("000", "/memo/date/iso", #""2023-13-01""#, ["/memo/date/iso"]),
        ("000", "/source/bytes", "true", ["/source/bytes"]),
        ("000", "/validation/valid", "1", ["/validation/valid", "/validation"]),
        ("000", "/assessments/0/at/line", "1.5", ["/assessments/0/at/line"]),
        ("000", "/assessments/0/year_be", "2023", ["/assessments/0/year_be"]),
        ("000", "/measures", "null", ["/measures"]),
        ("000", "/memo", "null", [""]),
        ("000", "/document/title", #""รายงาน ๒๕๖๖""#, ["/document/title"]),
        ("000", "/document/title", #""รายงาน\n""#, ["/document/title"]),
        ("000", "/document/title", #""รายงาน  ผล""#, ["/document/title"]),
        ("000", "/document/title", #""""#, ["/document/title"]),
        ("000", "/validation/issues/0/severity", #""error""#, ["/validation"]),
    ]

    @Test(arguments: brokenRecords.indices)
    func brokenRecordIsReported(index: Int) throws {
        let (prefix, pointer, json, paths) = Self.brokenRecords[index]
        let value = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        let issues = validator.schemaIssues(json: try mutated(Repo.gold(prefix), at: pointer, to: value))
        #expect(issues.map(\.path) == paths, "\(pointer) = \(json ?? "deleted"): \(issues)")
        #expect(issues.allSatisfy { $0.severity == .error && $0.code == "schema" && !$0.message.isEmpty })
    }

    @Test func integralFloatIsAnInteger() throws {
        let text = String(decoding: try Repo.gold("001"), as: UTF8.self)
        let json = Data(text.replacingOccurrences(of: #""line": 42}"#, with: #""line": 42.0}"#).utf8)
        #expect(json != (try Repo.gold("001")))
        #expect(validator.schemaIssues(json: json) == [])
    }

    @Test func messagesNameTheRule() throws {
        let json = try mutated(Repo.gold("000"), at: "/assessments/0/score", to: 120)
        #expect(validator.schemaIssues(json: json).map(\.message) == ["120 is out of range: must be at most 100"])
        let missing = try mutated(Repo.gold("000"), at: "/document/title", to: nil)
        #expect(validator.schemaIssues(json: missing).map(\.message) == ["required key is missing"])
    }

    @Test func malformedJSONIsOneIssue() {
        let issues = validator.schemaIssues(json: Data("{\"schema_version\": ".utf8))
        #expect(issues.count == 1)
        #expect(issues.first?.path == "")
        #expect(issues.first?.code == "schema")
    }

    @Test func nonFiniteScoreIsReportedAtItsPath() throws {
        var record = try Repo.goldRecord("000")
        record.assessments[0].score = .nan
        let issues = validator.validate(record)
        #expect(issues.map(\.path) == ["/assessments/0/score"])
    }

    @Test func recordModelValuesAreValidated() throws {
        var record = try Repo.goldRecord("001")
        record.assessments[0].score = 120
        record.measures[2].indicator = 0
        #expect(validator.validate(record).map(\.path) == ["/assessments/0/score", "/measures/2/indicator"])
    }

    /// `JSONSerialization` on Linux gives `true` and `1` as `NSNumber`s that both answer `is Bool`.
    @Test func booleansAreNotNumbers() throws {
        let values = try JSONValue(parsing: Data("[true, false, 1, 0, 1.0, -3, 95.02]".utf8))
        #expect(values == .array([.bool(true), .bool(false), .number(1), .number(0), .number(1), .number(-3), .number(95.02)]))
    }

    /// Validating the largest gold record, encoding included, stays in the low milliseconds.
    @Test func validationIsFast() throws {
        let record = try Repo.goldRecord("003")
        _ = validator.validate(record)
        let clock = ContinuousClock()
        let rounds = 20
        let elapsed = clock.measure { for _ in 0..<rounds { _ = validator.validate(record) } }
        // Generous: debug builds are several times slower than release.
        #expect(elapsed / rounds < .milliseconds(50))
    }
}
