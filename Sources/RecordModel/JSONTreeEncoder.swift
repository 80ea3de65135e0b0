/// Encodes `Encodable` values to a ``JSONValue`` tree, object members in the order `encode(to:)` writes them.
///
/// Records list their members in contract order, so the tree (and the file ``JSONWriter`` makes of it) keeps
/// that order, which Foundation's encoder on Linux does not. A non-finite number throws
/// `EncodingError.invalidValue` at its coding path, as JSON has no way to write it.
public struct JSONTreeEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = TreeEncoder(node: Node(), parent: nil, key: nil)
        try value.encode(to: encoder)
        return encoder.node.resolve()
    }
}

/// What a value encoded to: a scalar, or containers filled in place by the containers handed out.
private final class Node {
    enum Kind { case unset, scalar, object, array }
    var kind = Kind.unset
    var scalar = JSONValue.null
    var keys: [String] = []
    var children: [Child] = []

    func resolve() -> JSONValue {
        switch kind {
        // A value that encoded nothing is an empty object, as with Foundation's encoder.
        case .unset: return .object(JSONObject())
        case .scalar: return scalar
        case .object: return .object(JSONObject(keys: keys, values: children.map(\.value)))
        case .array: return .array(children.map(\.value))
        }
    }

    func become(_ wanted: Kind) {
        precondition(kind == .unset || kind == wanted, "one value encoded with two kinds of container")
        kind = wanted
    }

    func set(_ key: String, _ child: Child) {
        if let index = keys.firstIndex(of: key) {
            children[index] = child
        } else {
            keys.append(key)
            children.append(child)
        }
    }
}

private enum Child {
    case value(JSONValue)
    case node(Node)

    var value: JSONValue {
        switch self {
        case .value(let value): return value
        case .node(let node): return node.resolve()
        }
    }
}

private final class TreeEncoder: Encoder {
    let node: Node
    // The path is rebuilt from parents only when asked for (in errors), not copied at every level.
    let parent: TreeEncoder?
    let key: (any CodingKey)?

    init(node: Node, parent: TreeEncoder?, key: (any CodingKey)?) {
        self.node = node
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: TreeEncoder? = self
        while let encoder = current {
            if let key = encoder.key { path.append(key) }
            current = encoder.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.become(.object)
        return KeyedEncodingContainer(KeyedContainer(encoder: self, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.become(.array)
        return UnkeyedContainer(encoder: self, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// The tree of one member or item: scalars and optional scalars directly, anything else through its
    /// own `encode(to:)`.
    func child<T: Encodable>(_ value: T, key: (any CodingKey)?) throws -> Child {
        // Metatype checks and bit casts: a record has thousands of these members, and dynamic casts (or a
        // container per nil) were most of the encoding time.
        if T.self == String.self { return .value(.string(unsafeBitCast(value, to: String.self))) }
        if T.self == String?.self { return .value(unsafeBitCast(value, to: String?.self).map(JSONValue.string) ?? .null) }
        if T.self == Int.self { return .value(.number(Double(unsafeBitCast(value, to: Int.self)))) }
        if T.self == Int?.self { return .value(unsafeBitCast(value, to: Int?.self).map { .number(Double($0)) } ?? .null) }
        if T.self == Double.self { return .value(try number(unsafeBitCast(value, to: Double.self), key: key)) }
        if T.self == Double?.self {
            guard let double = unsafeBitCast(value, to: Double?.self) else { return .value(.null) }
            return .value(try number(double, key: key))
        }
        if T.self == Bool.self { return .value(.bool(unsafeBitCast(value, to: Bool.self))) }
        let encoder = TreeEncoder(node: Node(), parent: self, key: key)
        try value.encode(to: encoder)
        return .node(encoder.node)
    }

    func number(_ value: Double, key: (any CodingKey)?) throws -> JSONValue {
        guard value.isFinite else {
            let path = codingPath + (key.map { [$0] } ?? [])
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) cannot be written as JSON"))
        }
        return .number(value)
    }
}

private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { String(intValue!) }

    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let node: Node

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, .value(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, .value(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, .value(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.set(key.stringValue, .value(try encoder.number(value, key: key))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.set(key.stringValue, .value(.number(Double(value)))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, try encoder.child(value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        nested(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nested(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nested(GenericKey("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }

    private func nested(_ key: any CodingKey) -> TreeEncoder {
        let child = Node()
        node.set(key.stringValue, .node(child))
        return TreeEncoder(node: child, parent: encoder, key: key)
    }
}

private struct GenericKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let node: Node

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { node.children.count }

    mutating func encodeNil() throws { node.children.append(.value(.null)) }
    mutating func encode(_ value: Bool) throws { node.children.append(.value(.bool(value))) }
    mutating func encode(_ value: String) throws { node.children.append(.value(.string(value))) }
    mutating func encode(_ value: Double) throws { node.children.append(.value(try encoder.number(value, key: IndexKey(count)))) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { node.children.append(.value(.number(Double(value)))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.children.append(try encoder.child(value, key: IndexKey(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nested().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nested() }

    private func nested() -> TreeEncoder {
        let child = Node()
        let key = IndexKey(count)
        node.children.append(.node(child))
        return TreeEncoder(node: child, parent: encoder, key: key)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONValue) {
        encoder.node.become(.scalar)
        encoder.node.scalar = value
    }

    mutating func encodeNil() throws { set(.null) }
    mutating func encode(_ value: Bool) throws { set(.bool(value)) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(try encoder.number(value, key: nil)) }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int8) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int16) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int32) throws { set(.number(Double(value))) }
    mutating func encode(_ value: Int64) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt8) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt16) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt32) throws { set(.number(Double(value))) }
    mutating func encode(_ value: UInt64) throws { set(.number(Double(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try encoder.child(value, key: nil)
        switch child {
        case .value(let value): set(value)
        case .node(let node):
            // The value's own containers become this one's.
            encoder.node.kind = node.kind
            encoder.node.scalar = node.scalar
            encoder.node.keys = node.keys
            encoder.node.children = node.children
        }
    }
}
