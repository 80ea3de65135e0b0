import Foundation
import ICUBridge
import RecordModel

/// Reads Thai dates ("19 เมษายน 2566", "มกราคม 2565", "เม.ย. 66", "2566") into ISO 8601 Gregorian dates with
/// their precision; the Buddhist-era calendar arithmetic and month names are ICU's.
public struct ThaiDateReader: Sendable {
    private let dayMonthYear = CalendarDateParser(pattern: "d MMMM y")
    private let dayShortMonthYear = CalendarDateParser(pattern: "d MMM y")
    private let monthYear = CalendarDateParser(pattern: "MMMM y")
    private let shortMonthYear = CalendarDateParser(pattern: "MMM y")

    public init() {}

    /// A parsed date: `iso` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as `precision` says.
    public struct Reading: Sendable, Equatable {
        public var iso: String
        public var precision: DatePrecision
    }

    /// Parses a date as a memo or a period writes it; nil when it is not a whole, real date.
    public func read(_ raw: String) -> Reading? {
        let text = canonical(raw)
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: " ").map(String.init)
        if parts.count == 1, let year = Int(parts[0]) {
            return gregorianYear(fromBE: year).map { Reading(iso: pad($0, 4), precision: .year) }
        }
        if let (y, m, d) = dayMonthYear.parse(text) ?? dayShortMonthYear.parse(text), plausible(y) {
            return Reading(iso: "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))", precision: .day)
        }
        if let (y, m, _) = monthYear.parse(text) ?? shortMonthYear.parse(text), plausible(y) {
            return Reading(iso: "\(pad(y, 4))-\(pad(m, 2))", precision: .month)
        }
        return nil
    }

    /// Removes what ICU's strict parser refuses but documents write: a leading วันที่, "พ.ศ.", a space
    /// missing after an abbreviated month ("ต.ค.66"), two-digit Buddhist-era years ("66" is 2566).
    func canonical(_ raw: String) -> String {
        var text = raw
        for prefix in ["วันที่", "ณ วันที่"] where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
        }
        // "1. ตุลาคม 2566": a stray dot after the day.
        if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy({ $0.isASCII && $0.isNumber }), !text[..<dot].isEmpty,
            text[text.index(after: dot)...].first == " "
        {
            text.remove(at: dot)
        }
        text = text.replacing("พ.ศ.", with: " ").replacing("พ.ศ", with: " ")
        var scalars: [Character] = []
        var previous: Character = " "
        for c in text {
            // "ต.ค.66": a digit straight after an abbreviation's dot starts the year.
            if c.isASCII && c.isNumber && previous == "." && !(scalars.dropLast().last?.isNumber ?? false) {
                scalars.append(" ")
            }
            scalars.append(c)
            previous = c
        }
        var words = String(scalars).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let last = words.last, last.count == 2, let yy = Int(last), words.count >= 2 {
            words[words.count - 1] = String(2500 + yy)
        }
        return words.joined(separator: " ")
    }

    private func gregorianYear(fromBE year: Int) -> Int? {
        (2400...2700).contains(year) ? year - 543 : nil
    }

    /// ICU reads a Gregorian year in a Buddhist-era pattern as a year about 543 years early; refuse those.
    private func plausible(_ gregorianYear: Int) -> Bool {
        (1900...2150).contains(gregorianYear)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
