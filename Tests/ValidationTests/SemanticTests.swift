import Foundation
import RecordModel
import Testing

import Validation

@Suite struct SemanticTests {
    let validator = try! RecordValidator()

    @Test(arguments: ["2023-02-30", "2023-02-29", "2100-02-29", "2023-04-31"])
    func impossibleMemoDateIsAnError(iso: String) throws {
        var record = try Repo.goldRecord("000")
        record.memo?.date?.iso = iso
        let expected = ValidationIssue(
            severity: .error, code: "impossible_date", path: "/memo/date/iso", message: "\(iso) is not a date of the calendar")
        // A date far from the ITA's years (2100) is also implausible; that is another rule's finding.
        #expect(validator.semanticIssues(record).filter { $0.code != "implausible_value" } == [expected])
        let final = validator.finalize(record)
        #expect(!final.validation.valid)
        #expect(final.validation.issues.filter { $0.code != "implausible_value" }.last == expected)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2023-12-31", "2023-02", "2023"])
    func possibleDatesPass(iso: String) throws {
        var record = try Repo.goldRecord("000")
        record.memo?.date?.iso = iso
        #expect(validator.semanticIssues(record).filter { $0.code != "implausible_value" } == [])
    }

    @Test func impossiblePeriodBoundIsAnError() throws {
        var record = try Repo.goldRecord("003")
        record.measures[1].period?.end = "2026-09-31"
        let dates = validator.semanticIssues(record).filter { $0.code == "impossible_date" }
        #expect(dates.map(\.path) == ["/measures/1/period/end"])
    }

    @Test(arguments: [
        ("2024-10", "2023-09", true),
        ("2024-10-01", "2024-09-30", true),
        ("2024-09", "2024-09-15", false),
        ("2023-10-01", "2024-09-30", false),
        ("2024", "2024-01", false),
    ])
    func periodStartingAfterItEndsIsAWarning(start: String, end: String, mismatch: Bool) throws {
        var record = try Repo.goldRecord("004")
        record.measures[0].period = Period(text: "ต.ค.67- ก.ย.66", start: start, end: end)
        let issues = validator.semanticIssues(record)
        #expect(issues.map { "\($0.severity) \($0.code) \($0.path)" } == (mismatch ? ["warning date_mismatch /measures/0/period"] : []))
    }

    @Test func foreignScriptInNameIsAWarning() throws {
        let record = try Repo.goldRecord("003")
        let issues = validator.semanticIssues(record)
        #expect(issues.map { "\($0.severity) \($0.code) \($0.path)" } == ["warning foreign_script /signatories/1/name"])
        #expect(issues.first?.message.contains("\"רבבانا\"") == true)
    }

    @Test(arguments: ["ศุภชัย โสภานไฮ", "John Smith", "José Müller-Ørsted", "ก. ข้อ (ที่ 1)"])
    func thaiAndLatinNamesPass(name: String) throws {
        var record = try Repo.goldRecord("000")
        record.signatories[0].name = name
        #expect(validator.semanticIssues(record) == [])
    }

    @Test(arguments: ["สมชาย Иванов", "สมชาย 山田", "สมชาย ສົມ"])
    func otherScriptsAreForeign(name: String) throws {
        var record = try Repo.goldRecord("000")
        record.signatories[2].name = name
        #expect(validator.semanticIssues(record).map(\.path) == ["/signatories/2/name"])
    }

    @Test(arguments: Repo.goldNames)
    func finalizingGoldChangesNothing(name: String) throws {
        let record = try Repo.goldRecord(String(name.prefix(3)))
        #expect(validator.finalize(record) == record)
    }

    @Test func finalizeMergesWithoutDuplicatesAndIsIdempotent() throws {
        var record = try Repo.goldRecord("003")
        let extracted = record.validation.issues
        record.assessments[0].score = 120
        record.memo?.date?.iso = "2025-02-29"
        record.validation.issues.append(extracted[0])
        let final = validator.finalize(record)
        #expect(Array(final.validation.issues.prefix(extracted.count)) == extracted)
        #expect(final.validation.issues.dropFirst(extracted.count).map { "\($0.code) \($0.path)" } == [
            "impossible_date /memo/date/iso", "schema /assessments/0/score",
        ])
        #expect(!final.validation.valid)
        #expect(validator.finalize(final) == final)
        #expect(validator.validate(final).map(\.path) == ["/assessments/0/score"])
    }

    @Test func finalizeRecomputesValid() throws {
        var record = try Repo.goldRecord("001")
        record.validation.valid = false
        #expect(validator.finalize(record).validation.valid)
    }
}
