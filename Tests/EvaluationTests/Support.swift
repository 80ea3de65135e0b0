import Foundation
import Evaluation
import RecordModel

let here = Location(line: 1)

/// A report-kind record for `file` with nothing extracted, changed by `edit`.
func record(_ file: String, _ edit: (inout Record) -> Void = { _ in }) -> Record {
    var r = Record(source: Source(file: file, sha256: "", bytes: 0, format: .text), document: DocumentInfo(kind: .report))
    edit(&r)
    return r
}

func indicator(_ number: Int, _ year: Int?, _ score: Double) -> IndicatorScore {
    IndicatorScore(indicator: number, label: "", yearBE: year, score: score, docNumber: nil, at: here)
}

func signatory(_ name: String, position: String? = nil, actingFor: String? = nil) -> Signatory {
    Signatory(name: name, title: nil, rank: nil, position: position, actingFor: actingFor, at: here)
}

/// A fresh directory under the system temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("eval-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `record` as JSON at `directory/path`, creating folders.
func write(_ record: Record, _ directory: URL, _ path: String) throws {
    try write(RecordCoding.encode(record), directory, path)
}

func write(_ data: Data, _ directory: URL, _ path: String) throws {
    let url = directory.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

/// The failure object the pipeline writes for a document it could not read.
func failureJSON(_ file: String) -> Data {
    Data(#"{"failure": {"stage": "read", "reason": "not UTF-8", "file": "\#(file)"}}"#.utf8)
}

/// TP, FP, FN of a category, for one-line expectations.
func counts(_ score: CategoryScore) -> [Int] {
    [score.truePositives, score.falsePositives, score.falseNegatives]
}
