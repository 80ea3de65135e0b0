import Foundation
import RecordModel

/// Why a JSON Schema could not be loaded: a keyword the interpreter does not implement, or a malformed value.
///
/// Loading fails rather than skipping what it does not know, so no rule of the schema is ever silently ignored.
public struct SchemaLoadError: Error, CustomStringConvertible {
    /// JSON pointer to the offending place in the schema.
    public let path: String
    /// What is wrong there.
    public let message: String

    /// The pointer and the message, for logs.
    public var description: String { "schema at \"\(path)\": \(message)" }
}

/// One schema violation: a JSON pointer into the instance and what is wrong there.
struct SchemaViolation: Equatable, Sendable {
    let path: String
    let message: String
}

/// A compiled JSON Schema (draft 2020-12), limited to the keywords `schemas/record.schema.json` uses.
///
/// Supported: `type` (a name or a list), `const`, `enum`, `minimum`, `maximum`, `exclusiveMinimum`,
/// `exclusiveMaximum`, `minLength`, `pattern` (the subset of ECMA-262 that `SchemaRegex` reads), `required`,
/// `properties`, `additionalProperties` (booleans only), `items`, `contains`, `anyOf`, `$ref` (only
/// `#/$defs/<name>`), and the annotations `title`, `description`, `$comment`; `$schema` and `$defs` at the root.
struct JSONSchema: Sendable {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    private let root: Node
    private let definitions: [String: Node]

    /// Compiles a schema; throws `SchemaLoadError` on anything it cannot enforce.
    init(data: Data) throws {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: data)
        } catch {
            throw SchemaLoadError(path: "", message: "not JSON: \(error)")
        }
        guard case .object(var members) = value else { throw SchemaLoadError(path: "", message: "not an object") }
        if let version = members.removeValue(forKey: "$schema"), version != .string(JSONSchema.draft) {
            throw SchemaLoadError(path: "/$schema", message: "only \(JSONSchema.draft) is supported")
        }
        var compiler = Compiler()
        var definitions: [String: Node] = [:]
        if let defs = members.removeValue(forKey: "$defs") {
            guard case .object(let named) = defs else { throw SchemaLoadError(path: "/$defs", message: "not an object") }
            for (name, schema) in named.sorted(by: { $0.key < $1.key }) {
                definitions[name] = try compiler.compile(schema, at: "/$defs/" + pointerEscape(name))
            }
        }
        root = try compiler.compile(.object(members), at: "")
        for (name, path) in compiler.references where definitions[name] == nil {
            throw SchemaLoadError(path: path, message: "$ref to undefined #/$defs/\(name)")
        }
        self.definitions = definitions
    }

    /// Every violation of `instance`, in a stable order (schema order, then sorted keys).
    func violations(of instance: JSONValue) -> [SchemaViolation] {
        var found: [SchemaViolation] = []
        var location = InstanceLocation()
        check(root, instance, at: &location, into: &found)
        return found
    }

    private func check(_ node: Node, _ value: JSONValue, at location: inout InstanceLocation, into found: inout [SchemaViolation]) {
        for keyword in node.keywords {
            switch keyword {
            case .type(let types):
                if !types.contains(where: { $0.admits(value) }) {
                    let expected = types.map(\.rawValue).joined(separator: " or ")
                    found.append(.init(path: location.pointer, message: "expected \(expected), got \(value.brief)"))
                }
            case .constant(let constant):
                if value != constant { found.append(.init(path: location.pointer, message: "must be \(constant.brief), not \(value.brief)")) }
            case .allowed(let values):
                if !values.contains(value) {
                    let list = values.map(\.brief).joined(separator: ", ")
                    found.append(.init(path: location.pointer, message: "\(value.brief) is not one of \(list)"))
                }
            case .minimum(let bound, let exclusive):
                if case .number(let n) = value, exclusive ? n <= bound : n < bound {
                    let limit = exclusive ? "above" : "at least"
                    found.append(.init(path: location.pointer, message: "\(value.brief) is out of range: must be \(limit) \(JSONWriter.format(bound))"))
                }
            case .maximum(let bound, let exclusive):
                if case .number(let n) = value, exclusive ? n >= bound : n > bound {
                    let limit = exclusive ? "below" : "at most"
                    found.append(.init(path: location.pointer, message: "\(value.brief) is out of range: must be \(limit) \(JSONWriter.format(bound))"))
                }
            case .minLength(let length):
                // JSON Schema counts code points, not grapheme clusters.
                if case .string(let s) = value, s.unicodeScalars.count < length {
                    found.append(.init(path: location.pointer, message: "\(value.brief) is shorter than \(length) characters"))
                }
            case .pattern(let pattern):
                if case .string(let s) = value, !pattern.matches(s) {
                    let rule = node.description ?? "pattern \(pattern.source)"
                    found.append(.init(path: location.pointer, message: "\(value.brief) does not match: \(rule)"))
                }
            case .required(let names):
                if case .object(let members) = value {
                    for name in names where members[name] == nil {
                        found.append(.init(path: location.pointer + "/" + pointerEscape(name), message: "required key is missing"))
                    }
                }
            case .properties(let properties):
                if case .object(let members) = value {
                    for (name, schema) in properties {
                        guard let member = members[name] else { continue }
                        location.tokens.append(.key(name))
                        check(schema, member, at: &location, into: &found)
                        location.tokens.removeLast()
                    }
                }
            case .closed(let known):
                if case .object(let members) = value {
                    for name in members.keys.sorted() where !known.contains(name) {
                        found.append(.init(path: location.pointer + "/" + pointerEscape(name), message: "key is not allowed here"))
                    }
                }
            case .items(let schema):
                if case .array(let elements) = value {
                    for (index, element) in elements.enumerated() {
                        location.tokens.append(.index(index))
                        check(schema, element, at: &location, into: &found)
                        location.tokens.removeLast()
                    }
                }
            case .contains(let schema):
                if case .array(let elements) = value, !elements.contains(where: { conforms(schema, $0) }) {
                    found.append(.init(path: location.pointer, message: "no item satisfies \(schema.description ?? "the contains schema")"))
                }
            case .reference(let name):
                // Existence was checked at load time.
                check(definitions[name]!, value, at: &location, into: &found)
            case .anyOf(let alternatives):
                if !alternatives.contains(where: { conforms($0, value) }) {
                    let each = alternatives.map { summary(of: $0, for: value) }.joined(separator: " | ")
                    found.append(.init(path: location.pointer, message: "matches none of: \(each)"))
                }
            }
        }
    }

    private func conforms(_ node: Node, _ value: JSONValue) -> Bool {
        var found: [SchemaViolation] = []
        var location = InstanceLocation()
        check(node, value, at: &location, into: &found)
        return found.isEmpty
    }

    /// What a failed alternative asks for: its description, else its first violation.
    private func summary(of node: Node, for value: JSONValue) -> String {
        if let description = node.description { return description }
        var found: [SchemaViolation] = []
        var location = InstanceLocation()
        check(node, value, at: &location, into: &found)
        return found.map { "\($0.path): \($0.message)" }.first ?? ""
    }
}

/// RFC 6901 escaping of one reference token.
func pointerEscape(_ token: String) -> String {
    // Nearly every key needs no escaping, and `replacingOccurrences` is slow on Linux.
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
    return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}

/// Where in the instance a check is, kept as tokens and rendered as a JSON pointer only for a violation.
private struct InstanceLocation {
    enum Token {
        case key(String)
        case index(Int)
    }

    var tokens: [Token] = []

    var pointer: String {
        tokens.map { token in
            switch token {
            case .key(let key): "/" + pointerEscape(key)
            case .index(let index): "/\(index)"
            }
        }.joined()
    }
}

/// The JSON Schema type names.
private enum JSONType: String, Sendable {
    case null, boolean, object, array, number, integer, string

    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.null, .null), (.boolean, .bool), (.object, .object), (.array, .array), (.number, .number), (.string, .string):
            return true
        case (.integer, .number(let n)):
            // Draft 2020-12: any number with a zero fractional part is an integer.
            return n.rounded() == n
        default:
            return false
        }
    }
}

/// A compiled `pattern`, with its source for messages.
private struct Pattern: Sendable {
    let source: String
    let regex: SchemaRegex

    /// Whether the pattern matches anywhere in `s`, as ECMA-262 reads it.
    func matches(_ s: String) -> Bool {
        regex.matches(s)
    }
}

/// One compiled schema object: its assertions in a fixed order, and its description for messages.
private struct Node: Sendable {
    let keywords: [Keyword]
    let description: String?
}

private enum Keyword: Sendable {
    case type([JSONType])
    case constant(JSONValue)
    case allowed([JSONValue])
    case minimum(Double, exclusive: Bool)
    case maximum(Double, exclusive: Bool)
    case minLength(Int)
    case pattern(Pattern)
    case required([String])
    case properties([(String, Node)])
    case closed(Set<String>)
    case items(Node)
    case contains(Node)
    case reference(String)
    case anyOf([Node])

    /// Evaluation order, so that violations come out in the same order every run.
    var rank: Int {
        switch self {
        case .type: 0
        case .constant: 1
        case .allowed: 2
        case .minimum: 3
        case .maximum: 4
        case .minLength: 5
        case .pattern: 6
        case .required: 7
        case .closed: 8
        case .properties: 9
        case .items: 10
        case .contains: 11
        case .reference: 12
        case .anyOf: 13
        }
    }
}

/// Turns schema JSON into `Node`s, refusing every keyword it does not implement.
private struct Compiler {
    /// `$ref` targets met so far, with where they were met, to be checked once all `$defs` are known.
    var references: [(name: String, path: String)] = []

    mutating func compile(_ schema: JSONValue, at path: String) throws -> Node {
        guard case .object(let members) = schema else { throw SchemaLoadError(path: path, message: "a schema must be an object") }
        var keywords: [Keyword] = []
        var description: String?
        var required: [String]?
        var properties: [String: Node]?
        var closed = false
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            let here = path + "/" + pointerEscape(key)
            switch key {
            case "title", "$comment":
                break
            case "description":
                guard case .string(let text) = value else { throw SchemaLoadError(path: here, message: "must be a string") }
                description = text
            case "type":
                let names: [JSONValue]
                if case .array(let list) = value { names = list } else { names = [value] }
                keywords.append(.type(try names.map { name in
                    guard case .string(let raw) = name, let type = JSONType(rawValue: raw) else {
                        throw SchemaLoadError(path: here, message: "unknown type \(name.brief)")
                    }
                    return type
                }))
            case "const":
                keywords.append(.constant(value))
            case "enum":
                guard case .array(let values) = value, !values.isEmpty else { throw SchemaLoadError(path: here, message: "must be a non-empty array") }
                keywords.append(.allowed(values))
            case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum":
                guard case .number(let bound) = value else { throw SchemaLoadError(path: here, message: "must be a number") }
                switch key {
                case "minimum": keywords.append(.minimum(bound, exclusive: false))
                case "exclusiveMinimum": keywords.append(.minimum(bound, exclusive: true))
                case "maximum": keywords.append(.maximum(bound, exclusive: false))
                default: keywords.append(.maximum(bound, exclusive: true))
                }
            case "minLength":
                guard case .number(let n) = value, n >= 0, n.rounded() == n else {
                    throw SchemaLoadError(path: here, message: "must be a non-negative integer")
                }
                keywords.append(.minLength(Int(n)))
            case "pattern":
                guard case .string(let source) = value else { throw SchemaLoadError(path: here, message: "must be a string") }
                do {
                    keywords.append(.pattern(Pattern(source: source, regex: try SchemaRegex(source))))
                } catch {
                    throw SchemaLoadError(path: here, message: "regular expression refused: \(error)")
                }
            case "required":
                guard case .array(let list) = value else { throw SchemaLoadError(path: here, message: "must be an array of strings") }
                required = try list.map { name in
                    guard case .string(let s) = name else { throw SchemaLoadError(path: here, message: "must be an array of strings") }
                    return s
                }
            case "properties":
                guard case .object(let members) = value else { throw SchemaLoadError(path: here, message: "must be an object") }
                properties = try members.reduce(into: [:]) { compiled, member in
                    compiled[member.key] = try compile(member.value, at: here + "/" + pointerEscape(member.key))
                }
            case "additionalProperties":
                guard case .bool(let allowed) = value else {
                    throw SchemaLoadError(path: here, message: "only true or false is supported, not a schema")
                }
                closed = !allowed
            case "items", "contains":
                let node = try compile(value, at: here)
                keywords.append(key == "items" ? .items(node) : .contains(node))
            case "$ref":
                let prefix = "#/$defs/"
                guard case .string(let target) = value, target.hasPrefix(prefix), target.count > prefix.count else {
                    throw SchemaLoadError(path: here, message: "only references of the form #/$defs/<name> are supported")
                }
                let name = String(target.dropFirst(prefix.count))
                references.append((name, here))
                keywords.append(.reference(name))
            case "anyOf":
                guard case .array(let alternatives) = value, !alternatives.isEmpty else {
                    throw SchemaLoadError(path: here, message: "must be a non-empty array")
                }
                keywords.append(.anyOf(try alternatives.enumerated().map { try compile($1, at: here + "/\($0)") }))
            default:
                throw SchemaLoadError(path: here, message: "keyword \"\(key)\" is not supported by this interpreter")
            }
        }
        if let required { keywords.append(.required(required)) }
        if let properties {
            // Properties in `required` order (the record's own order), so issues list fields as the record does.
            let listed = (required ?? []).filter { properties[$0] != nil }
            let others = properties.keys.filter { !listed.contains($0) }.sorted()
            keywords.append(.properties((listed + others).map { ($0, properties[$0]!) }))
        }
        if closed { keywords.append(.closed(Set((properties ?? [:]).keys))) }
        keywords.sort { $0.rank < $1.rank }
        return Node(keywords: keywords, description: description)
    }
}
