import Foundation
import Testing
import RecordModel

/// Files of the repository, found from this source file so that tests run from any directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let goldNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("corpus/gold").path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The gold file whose name starts with `prefix` ("000", "003", …).
    static func gold(_ prefix: String) throws -> Data {
        let name = try #require(goldNames.first { $0.hasPrefix(prefix) })
        return try Data(contentsOf: root.appendingPathComponent("corpus/gold/\(name)"))
    }

    static func goldRecord(_ prefix: String) throws -> Record {
        try RecordCoding.decoder().decode(Record.self, from: gold(prefix))
    }
}

/// `json` with the value at a JSON pointer replaced (`nil` deletes an object member; use `NSNull()` for null).
func mutated(_ json: Data, at pointer: String, to value: Any?) throws -> Data {
    func replace(_ node: Any, _ tokens: ArraySlice<Substring>) -> Any? {
        guard let token = tokens.first else { return value }
        if var object = node as? [String: Any] {
            object[String(token)] = tokens.count == 1 ? value : replace(object[String(token)]!, tokens.dropFirst())
            return object
        }
        var array = node as! [Any]
        array[Int(token)!] = replace(array[Int(token)!], tokens.dropFirst())!
        return array
    }
    let root = try JSONSerialization.jsonObject(with: json)
    let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
    return try JSONSerialization.data(withJSONObject: replace(root, tokens)!)
}
