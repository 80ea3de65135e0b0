import RecordModel

extension RecordValidator {
    /// The rules JSON Schema cannot express:
    /// - an impossible calendar date (2023-02-30) in `memo.date.iso` or a period's `start` or `end`:
    ///   error "impossible_date" at that value;
    /// - a period that starts after it ends: warning "date_mismatch" at the period;
    /// - letters or digits of a script other than Thai or Latin (Hebrew, Arabic, …) in a signatory's name:
    ///   warning "foreign_script" at the name;
    /// - numbers that break a plausibility rule (``Plausibility``): warning "implausible_value".
    ///
    /// Malformed dates are left to the schema check.
    public func semanticIssues(_ record: Record) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if let date = record.memo?.date.flatMap({ CalendarDate(iso: $0.iso) }), !date.exists {
            issues.append(impossible(date, at: "/memo/date/iso"))
        }
        for (index, measure) in record.measures.enumerated() {
            guard let period = measure.period else { continue }
            let path = "/measures/\(index)/period"
            let start = period.start.flatMap(CalendarDate.init(iso:))
            let end = period.end.flatMap(CalendarDate.init(iso:))
            for (key, date) in [("start", start), ("end", end)] {
                if let date, !date.exists { issues.append(impossible(date, at: "\(path)/\(key)")) }
            }
            if let start, let end, start.exists, end.exists, start.isAfter(end) {
                issues.append(ValidationIssue(
                    severity: .warning, code: "date_mismatch", path: path,
                    message: "period starts (\(start.iso)) after it ends (\(end.iso))"))
            }
        }
        for (index, signatory) in record.signatories.enumerated() {
            let runs = foreignRuns(in: signatory.name)
            if !runs.isEmpty {
                let quoted = runs.map { "\"\($0)\"" }.joined(separator: ", ")
                issues.append(ValidationIssue(
                    severity: .warning, code: "foreign_script", path: "/signatories/\(index)/name",
                    message: "name \"\(signatory.name)\" has characters of a script other than Thai or Latin: \(quoted)"))
            }
        }
        return issues + plausibility.issues(record)
    }

    private func impossible(_ date: CalendarDate, at path: String) -> ValidationIssue {
        ValidationIssue(severity: .error, code: "impossible_date", path: path, message: "\(date.iso) is not a date of the calendar")
    }

    /// The maximal runs of letters, marks and digits outside Thai and Latin (U+0000–U+036F: ASCII, Latin-1,
    /// Latin Extended, IPA, combining diacritics; U+0E00–U+0E7F; U+1E00–U+1EFF). Punctuation and symbols
    /// belong to no script and are left to other checks.
    private func foreignRuns(in name: String) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if Self.isForeign(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs
    }

    private static func isForeign(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x036F, 0x0E00...0x0E7F, 0x1E00...0x1EFF:
            return false
        default:
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber:
                return true
            default:
                return false
            }
        }
    }
}

/// An ISO 8601 date of year, month or day precision, with its month (1–12) and day (1–31) in range.
private struct CalendarDate {
    let iso: String
    let year: Int
    let month: Int?
    let day: Int?

    init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        self.iso = iso
        year = Int(parts[0])!
        month = parts.count > 1 ? Int(parts[1])! : nil
        day = parts.count > 2 ? Int(parts[2])! : nil
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
    }

    /// Whether the day exists in its month (Gregorian leap years).
    var exists: Bool {
        guard let month, let day else { return true }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Whether this date begins after `other` ends, compared only as far as the less precise of the two goes
    /// (2024-09 is not after 2024-09-15).
    func isAfter(_ other: CalendarDate) -> Bool {
        if year != other.year { return year > other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month > otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day > otherDay
    }
}
