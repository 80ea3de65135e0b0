/// A JSON value, with booleans kept apart from numbers and object members kept in order.
///
/// Records become this tree once (``JSONTreeEncoder``); validation checks the tree and ``JSONWriter`` writes
/// it, so the bytes written are the bytes checked.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number: exact for every integer a record holds (below 2^53).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object's members in the order they were written.
///
/// Lookups are linear: record objects have a dozen keys at most, and a scan beats hashing at that size.
/// Two objects are equal when they have the same members, in any order, as JSON says.
public struct JSONObject: Equatable, Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []

    public init() {}

    public init(_ members: [(String, JSONValue)]) {
        for (key, value) in members { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The member's value; setting a key that exists replaces its value in place, setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// Members with distinct keys, as an encoder or parser has already made sure.
    init(keys: [String], values: [JSONValue]) {
        self.keys = keys
        self.values = values
    }

    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.count == b.count && zip(a.keys, a.values).allSatisfy { b[$0] == $1 }
    }
}
