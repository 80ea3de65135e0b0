import Foundation
import RecordModel
import Testing

/// The gold records, written by hand in contract order.
private func goldFiles() throws -> [URL] {
    let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/gold")
    let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "json" }
    #expect(!files.isEmpty)
    return files
}

/// Every object's keys, in order, with where the object is.
private func keyOrders(_ value: JSONValue, at path: String = "") -> [String: [String]] {
    switch value {
    case .object(let object):
        var found = [path: object.keys]
        for (key, member) in object { found.merge(keyOrders(member, at: path + "/" + key)) { a, _ in a } }
        return found
    case .array(let items):
        var found: [String: [String]] = [:]
        for (index, item) in items.enumerated() { found.merge(keyOrders(item, at: path + "/\(index)")) { a, _ in a } }
        return found
    default:
        return [:]
    }
}

@Suite struct RecordJSONTests {
    @Test func aRecordIsWrittenWithItsMembersInContractOrder() throws {
        for file in try goldFiles() {
            let gold = try Data(contentsOf: file)
            let record = try RecordCoding.decoder().decode(Record.self, from: gold)
            let written = try RecordCoding.encode(record)
            // The same values, and every object's keys in the order the gold file (written by hand from the
            // contract) lists them.
            #expect(try JSONValue(parsing: written) == JSONValue(parsing: gold), "\(file.lastPathComponent)")
            #expect(keyOrders(try JSONValue(parsing: written)) == keyOrders(try JSONValue(parsing: gold)), "\(file.lastPathComponent)")
            #expect(try RecordCoding.decoder().decode(Record.self, from: written) == record)
        }
    }

    @Test func absentValuesAreWrittenAsNullAndListsAsEmptyArrays() throws {
        let record = Record(source: Source(file: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 1, format: .text), document: DocumentInfo(kind: .memo))
        let text = String(decoding: try RecordCoding.encode(record), as: UTF8.self)
        #expect(text.contains("\"memo\": null"))
        #expect(text.contains("\"pages\": null"))
        #expect(text.contains("\"measures\": []"))
        #expect(text.hasPrefix("{\n  \"schema_version\": \"1.0\",\n  \"source\": {\n    \"file\": \"a.txt\","))
    }

    @Test func aNonFiniteScoreIsAnEncodingErrorAtItsPath() throws {
        var record = Record(source: Source(file: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 1, format: .text), document: DocumentInfo(kind: .memo))
        record.assessments = [Assessment(yearBE: 2566, score: 90, level: nil, at: Location(line: 1)),
                              Assessment(yearBE: 2567, score: .nan, level: nil, at: Location(line: 2))]
        do {
            _ = try RecordCoding.encode(record)
            Issue.record("a NaN score was written")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["assessments", "1", "score"])
        }
    }
}

@Suite struct JSONWriterTests {
    @Test func stringsEscapeOnlyWhatJSONRequires() {
        let text = String(decoding: JSONWriter.bytes(.string("ก \"q\" a\\b /x\n\t\u{1}")), as: UTF8.self)
        #expect(text == #""ก \"q\" a\\b /x\n\t\u0001""#)
    }

    @Test func numbersAreWholeWithoutAFractionAndOtherwiseShortest() {
        let written = [100.0, 95.02, -2.5, 0, 1e-7].map { String(decoding: JSONWriter.bytes(.number($0)), as: UTF8.self) }
        #expect(written == ["100", "95.02", "-2.5", "0", "1e-07"])
    }

    @Test func nestedContainersAreIndentedByTwoSpaces() {
        let value = JSONValue.object(JSONObject([
            ("a", .array([.number(1), .object(JSONObject([("b", .bool(true))]))])),
            ("c", .array([])), ("d", .object(JSONObject())), ("e", .null),
        ]))
        let expected = "{\n  \"a\": [\n    1,\n    {\n      \"b\": true\n    }\n  ],\n  \"c\": [],\n  \"d\": {},\n  \"e\": null\n}"
        #expect(String(decoding: JSONWriter.bytes(value), as: UTF8.self) == expected)
    }

    @Test func whatIsWrittenParsesBackToTheSameTree() throws {
        let value = JSONValue.object(JSONObject([
            ("ชื่อ", .string("นาย ก \"ข\"\n")), ("n", .number(97.72)), ("list", .array([.null, .bool(false), .string("")])),
        ]))
        #expect(try JSONValue(parsing: Data(JSONWriter.bytes(value))) == value)
    }
}

@Suite struct JSONTreeEncoderTests {
    private struct Synthesized: Codable {
        var name: String
        var note: String?
        var scores: [Double]
    }

    private struct Nested: Encodable {
        enum Keys: String, CodingKey { case outer, list }
        enum Inner: String, CodingKey { case inner }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            var inner = c.nestedContainer(keyedBy: Inner.self, forKey: .outer)
            try inner.encode(1, forKey: .inner)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode("x")
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode(true)
        }
    }

    @Test func synthesizedCodableLeavesOutAbsentOptionalsInDeclarationOrder() throws {
        let tree = try JSONTreeEncoder().encode(Synthesized(name: "a", note: nil, scores: [1.5]))
        guard case .object(let object) = tree else { Issue.record("not an object"); return }
        #expect(object.keys == ["name", "scores"])
        #expect(object["scores"] == .array([.number(1.5)]))
    }

    @Test func nestedContainersFillTheirParent() throws {
        let tree = try JSONTreeEncoder().encode(Nested())
        let expected = JSONValue.object(JSONObject([
            ("outer", .object(JSONObject([("inner", .number(1))]))),
            ("list", .array([.string("x"), .array([.bool(true)])])),
        ]))
        #expect(tree == expected)
    }

    private struct Optionals: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d, e, f }
        var double: Double?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(double, forKey: .a)
            try c.encode(Int?.none, forKey: .b)
            try c.encode(Int?.some(7), forKey: .c)
            try c.encode(String?.none, forKey: .d)
            try c.encode(true, forKey: .e)
            try c.encode([Double?.none, 2.5], forKey: .f)
        }
    }

    @Test func optionalScalarsAreNullOrTheirValueAndANonFiniteOneThrows() throws {
        let tree = try JSONTreeEncoder().encode(Optionals(double: 1.25))
        let expected = JSONValue.object(JSONObject([
            ("a", .number(1.25)), ("b", .null), ("c", .number(7)), ("d", .null), ("e", .bool(true)),
            ("f", .array([.null, .number(2.5)])),
        ]))
        #expect(tree == expected)
        #expect(try JSONTreeEncoder().encode(Optionals(double: nil)) != expected)
        #expect(throws: EncodingError.self) { try JSONTreeEncoder().encode(Optionals(double: .infinity)) }
    }

    @Test func objectsAreEqualWhateverTheirOrder() {
        let a = JSONObject([("x", .number(1)), ("y", .null)])
        let b = JSONObject([("y", .null), ("x", .number(1))])
        #expect(a == b)
        #expect(a.keys != b.keys)
        #expect(a != JSONObject([("x", .number(1))]))
    }
}
