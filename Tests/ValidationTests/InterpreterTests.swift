import Foundation
import RecordModel
import Testing

@testable import Validation

@Suite struct InterpreterTests {
    private func load(_ schema: String) throws -> JSONSchema {
        try JSONSchema(data: Data(schema.utf8))
    }

    private func paths(_ schema: JSONSchema, _ instance: String) throws -> [String] {
        schema.violations(of: try JSONValue(parsing: Data(instance.utf8))).map(\.path)
    }

    static let unenforceable: [(schema: String, path: String)] = [
        (##"{"type": "object", "propertyNames": {"pattern": "^a"}}"##, "/propertyNames"),
        (##"{"$defs": {"x": {"type": "array", "minItems": 1}}, "$ref": "#/$defs/x"}"##, "/$defs/x/minItems"),
        (##"{"properties": {"a": {"format": "date"}}}"##, "/properties/a/format"),
        (##"{"anyOf": [{"oneOf": [{"type": "null"}]}]}"##, "/anyOf/0/oneOf"),
        (##"{"properties": {"a": {"$defs": {}}}}"##, "/properties/a/$defs"),
        (##"{"$ref": "#/$defs/missing"}"##, "/$ref"),
        (##"{"$ref": "other.json#/x"}"##, "/$ref"),
        (##"{"additionalProperties": {"type": "string"}}"##, "/additionalProperties"),
        (##"{"pattern": "("}"##, "/pattern"),
        (##"{"type": "decimal"}"##, "/type"),
        (##"{"$schema": "http://json-schema.org/draft-07/schema#"}"##, "/$schema"),
    ]

    @Test(arguments: unenforceable)
    func refusesWhatItCannotEnforce(schema: String, path: String) {
        #expect {
            try load(schema)
        } throws: { error in
            (error as? SchemaLoadError)?.path == path
        }
    }

    @Test func reportsEveryViolationWithItsPointer() throws {
        let schema = try load(#"""
        {"type": "object", "additionalProperties": false, "required": ["a", "b/c"],
         "properties": {"a": {"type": "array", "items": {"type": "integer", "exclusiveMinimum": 0}}, "b/c": {"const": 1}}}
        """#)
        #expect(try paths(schema, #"{"a": [1, 0, 2.5], "x~": 1}"#) == ["/b~1c", "/x~0", "/a/1", "/a/2"])
    }

    @Test func anyOfAndContains() throws {
        let schema = try load(#"""
        {"anyOf": [{"type": "null"}, {"type": "array", "contains": {"const": "x"}}]}
        """#)
        #expect(try paths(schema, "null") == [])
        #expect(try paths(schema, #"["a", "x"]"#) == [])
        #expect(try paths(schema, #"["a"]"#) == [""])
    }

    @Test func minLengthCountsCodePoints() throws {
        let schema = try load(#"{"minLength": 2}"#)
        // One grapheme cluster, two code points.
        #expect(try paths(schema, #""ก่""#) == [])
        #expect(try paths(schema, #""ก""#) == [""])
    }

    @Test func patternEndDoesNotAcceptAFinalNewline() throws {
        let schema = try load(#"{"pattern": "^[ieo][0-9]+(?!\\n)$"}"#)
        #expect(try paths(schema, #""i1""#) == [])
        #expect(try paths(schema, #""i1\n""#) == [""])
        #expect(try paths(schema, #""i1\r""#) == [""])
    }
}
