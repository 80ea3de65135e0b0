import Foundation
import RecordModel

/// Checks records against `schemas/record.schema.json` and the semantic rules of `RECORD.md`, and writes the
/// outcome into a record's `validation` member.
///
/// Cheap to create and safe to share: the schema is compiled once per process.
public struct RecordValidator: Sendable {
    private static let compiled = Result { try JSONSchema(data: Data(RecordSchema.text.utf8)) }

    private let schema: JSONSchema
    /// The plausibility rules the semantic check applies.
    public let plausibility: Plausibility

    /// Loads the embedded schema; throws `SchemaLoadError` if it uses a keyword the interpreter cannot enforce.
    public init(plausibility: Plausibility = Plausibility()) throws {
        schema = try Self.compiled.get()
        self.plausibility = plausibility
    }

    /// Schema violations of record JSON, each an error with code "schema" at a JSON pointer.
    ///
    /// A missing key is reported at the pointer the key would have, an extra key at its own pointer.
    public func schemaIssues(json: Data) -> [ValidationIssue] {
        let instance: JSONValue
        do {
            instance = try JSONValue(parsing: json)
        } catch {
            return [Self.schemaIssue(path: "", message: "not JSON: \(error)")]
        }
        return schemaIssues(instance)
    }

    private func schemaIssues(_ instance: JSONValue) -> [ValidationIssue] {
        schema.violations(of: instance).map { Self.schemaIssue(path: $0.path, message: $0.message) }
    }

    /// Schema violations of `record` as `RecordCoding` writes it, its `validation` member included.
    public func validate(_ record: Record) -> [ValidationIssue] {
        do {
            return schemaIssues(try JSONTreeEncoder().encode(record))
        } catch let EncodingError.invalidValue(value, context) {
            // A non-finite score, for instance: JSON has no way to write it.
            let path = context.codingPath.map { pointerEscape($0.intValue.map(String.init) ?? $0.stringValue) }
            return [Self.schemaIssue(path: path.map { "/" + $0 }.joined(), message: "\(value) cannot be written as JSON")]
        } catch {
            return [Self.schemaIssue(path: "", message: "cannot be written as JSON: \(error)")]
        }
    }

    /// The record with its `validation` member completed: the issues it already holds (from extraction), then
    /// semantic and schema issues not already reported, and `valid` set to "no errors".
    ///
    /// An issue counts as already reported when one with the same severity, code and path is present, so
    /// finalizing twice changes nothing. The schema check sees the merged validation block.
    public func finalize(_ record: Record) -> Record {
        finalizeEncoded(record).record
    }

    /// ``finalize(_:)`` with the finished record's JSON as `RecordCoding` writes it (nil if it cannot be
    /// written): the tree the schema checked is the one written, and a writer need not encode it again.
    public func finalizeEncoded(_ record: Record) -> (record: Record, json: Data?) {
        var issues: [ValidationIssue] = []
        var reported: Set<IssueKey> = []
        func add(_ new: [ValidationIssue], unlessReported: Bool) {
            // Checked against earlier batches only: one check may report several problems at one path.
            let earlier = reported
            for issue in new where !(unlessReported && earlier.contains(IssueKey(issue))) && !issues.contains(issue) {
                issues.append(issue)
                reported.insert(IssueKey(issue))
            }
        }
        add(record.validation.issues, unlessReported: false)
        add(semanticIssues(record), unlessReported: true)
        var result = record
        result.validation = ValidationReport(issues: issues)
        // Adding schema issues cannot break the schema in turn: their code, pointer and message are well-formed,
        // and `valid` is recomputed with them.
        var tree = try? JSONTreeEncoder().encode(result)
        let count = issues.count
        add(tree.map(schemaIssues) ?? validate(result), unlessReported: true)
        if issues.count != count {
            result.validation = ValidationReport(issues: issues)
            tree = try? JSONTreeEncoder().encode(result)
        }
        return (result, tree.map { Data(JSONWriter.bytes($0)) })
    }

    /// What makes two issues the same finding, whatever their messages say.
    private struct IssueKey: Hashable {
        let severity: Severity
        let code: String
        let path: String

        init(_ issue: ValidationIssue) {
            severity = issue.severity
            code = issue.code
            path = issue.path
        }
    }

    private static func schemaIssue(path: String, message: String) -> ValidationIssue {
        ValidationIssue(severity: .error, code: "schema", path: path, message: message)
    }
}
