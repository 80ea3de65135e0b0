import Foundation

/// A parsed JSON value, with booleans kept apart from numbers.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text. Numbers become `Double`: exact for every integer the record holds (below 2^53).
    init(parsing data: Data) throws {
        self = try JSONValue(foundation: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// `JSONSerialization` on Linux returns `true` as an `NSNumber` that also answers `is Int` and `is Double`,
    /// and `1` as one that answers `is Bool`; only the boolean's class tells them apart.
    private static let booleanClass: AnyClass = type(of: NSNumber(value: true))

    private init(foundation value: Any) throws {
        // Containers first: casting a Swift dictionary or array to a class (NSNumber, NSNull) bridges it to
        // Foundation first, which made the whole conversion several times slower.
        switch value {
        case let object as [String: Any]:
            self = .object(try object.mapValues(JSONValue.init(foundation:)))
        case let array as [Any]:
            self = .array(try array.map(JSONValue.init(foundation:)))
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            self = type(of: number) == JSONValue.booleanClass ? .bool(number.boolValue) : .number(number.doubleValue)
        case is NSNull:
            self = .null
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unexpected \(type(of: value)) in parsed JSON"))
        }
    }

    /// The value as it would be written in a message: short JSON for scalars, a noun for containers.
    var brief: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let n): return JSONValue.format(n)
        case .string(let s): return s.count > 80 ? "\"\(s.prefix(77))…\"" : "\"\(s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Formats a number the way JSON writes it: integral values without a fraction.
    static func format(_ n: Double) -> String {
        n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    }
}
