internal import ICUShim

/// Parses dates written in a locale's calendar (by default Thai, Buddhist Era) with an ICU date
/// format (`udat_open(UDAT_PATTERN, …)`), strictly, and returns the Gregorian calendar date.
///
/// Parsing is not lenient (`udat_setLenient(false)`): impossible dates such as 31 กุมภาพันธ์ are
/// rejected instead of rolling over, and the text must match the pattern exactly (no extra
/// leading/trailing text or white space). Time zone is UTC. Thai digits parse as they are.
///
/// Caution: a Gregorian year written where the pattern expects a Buddhist one (19 เมษายน 2023)
/// parses fine as 2023 BE, i.e. Gregorian 1480; callers check the year range.
///
/// The ICU formatter is opened once per parser and shared by copies of it; parses are serialized by
/// a lock inside the shim, so the parser is safe to use from several tasks.
public struct CalendarDateParser: Sendable {
    /// The ICU date pattern, e.g. "d MMMM y".
    public let pattern: String
    /// The ICU locale ID, e.g. "th_TH@calendar=buddhist".
    public let locale: String
    private let box: ParserBox?

    /// Makes a parser for an ICU pattern ("d MMMM y", "MMMM y", "d MMM yy") in a locale. If ICU
    /// rejects the pattern or locale, every ``parse(_:)`` returns nil.
    public init(pattern: String, locale: String = "th_TH@calendar=buddhist") {
        self.pattern = pattern
        self.locale = locale
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        let handle = units.withUnsafeBufferPointer {
            icushim_date_parser_open($0.baseAddress, Int32($0.count), locale, &status)
        }
        box = handle.map(ParserBox.init)
    }

    /// The Gregorian (year, month 1–12, day) of `text`, or nil when it does not parse with the
    /// pattern, or parsing stops before the end of `text`. Fields the pattern lacks default to
    /// the first (so "MMMM y" gives day 1).
    public func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard let box else { return nil }
        let units = Array(text.utf16)
        if units.isEmpty { return nil }
        var position: Int32 = 0
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0
        let status = units.withUnsafeBufferPointer {
            icushim_date_parser_parse(box.handle, $0.baseAddress, Int32($0.count), &position, &year, &month, &day)
        }
        guard status <= 0, Int(position) == units.count else { return nil }
        return (Int(year), Int(month), Int(day))
    }
}

/// Owns the shim's parser handle; the shim serializes access to it with a mutex.
private final class ParserBox: @unchecked Sendable {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { icushim_date_parser_close(handle) }
}
