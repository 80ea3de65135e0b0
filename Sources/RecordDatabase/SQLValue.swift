/// A value bound to a statement's parameter or read from a result column, the same for every database.
///
/// Values reach SQL only as bound parameters, never spliced into statement text.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)

    public init(_ value: String?) {
        self = value.map { .text($0) } ?? .null
    }

    public init(_ value: Int?) {
        self = value.map { .integer(Int64($0)) } ?? .null
    }

    public init(_ value: Double?) {
        self = value.map { .real($0) } ?? .null
    }

    public init(_ value: Bool) {
        self = .boolean(value)
    }

    /// The value as an integer, from an integer or a boolean column (SQLite stores booleans as 0 and 1).
    public var integer: Int64? {
        switch self {
        case .integer(let v): v
        case .boolean(let v): v ? 1 : 0
        default: nil
        }
    }

    /// The value as a number, from an integer or a real column.
    public var real: Double? {
        switch self {
        case .real(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }

    public var text: String? {
        if case .text(let v) = self { return v }
        return nil
    }

    public var isNull: Bool { self == .null }
}
