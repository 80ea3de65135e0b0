import Foundation
import RecordModel

/// Why an evaluation could not run at all. Problems with single prediction files do not stop it; they are
/// listed in `EvaluationReport.unreadablePredictions` instead.
public enum EvaluationError: Error, Equatable, LocalizedError {
    /// The path does not exist or is not a directory.
    case notADirectory(path: String)
    /// The gold directory holds no `*.json` file.
    case noGoldFiles(directory: String)
    /// A gold file could not be read or is not a record.
    case unreadableGold(file: String, reason: String)
    /// Two gold files name the same source file, so predictions could not tell them apart.
    case duplicateGold(source: String, files: [String])

    /// The path or file and what is wrong with it, for the command line.
    public var errorDescription: String? {
        switch self {
        case .notADirectory(let path): "\(path): not a directory"
        case .noGoldFiles(let directory): "\(directory): no gold files (*.json)"
        case .unreadableGold(let file, let reason): "\(file): \(reason)"
        case .duplicateGold(let source, let files): "gold files \(files.joined(separator: ", ")) are all for \(source)"
        }
    }
}

/// Scores predicted records against hand-made gold records by the rules of RECORD.md's eval section.
public struct Evaluator: Sendable {
    /// Also match a prediction to gold when only the source file names without extension agree
    /// (`000_x.pdf` for gold `000_x.txt`), after exact name matches are taken.
    public var matchStem: Bool
    /// Score only the gold documents a prediction was found for (a folder holding some of the
    /// corpus, such as its scanned PDFs), instead of scoring the others as nothing extracted.
    public var predictedOnly: Bool

    /// An evaluator; `matchStem` and `predictedOnly` as the properties.
    public init(matchStem: Bool = false, predictedOnly: Bool = false) {
        self.matchStem = matchStem
        self.predictedOnly = predictedOnly
    }

    /// Compares the gold files directly in `goldDirectory` (`*.json`) with the prediction files anywhere under
    /// `predictionDirectory` (`*.json`, records or failure objects), matched by the base name of the source file.
    ///
    /// A gold document without a prediction scores as one with nothing extracted. When several predictions
    /// name one source, a record wins over a failure, then the first path in order; the rest are listed as
    /// unmatched, like predictions without gold.
    /// - Throws: `EvaluationError` for a missing directory, no gold files, or a gold file that is not a record.
    public func evaluate(goldDirectory: URL, predictionDirectory: URL) throws -> EvaluationReport {
        let golds = try loadGold(goldDirectory)
        let loaded = try loadPredictions(predictionDirectory)
        var predictions = loaded.predictions

        var chosen = [Int?](repeating: nil, count: golds.count)
        let keys: [(String) -> String] = matchStem ? [baseName, stem] : [baseName]
        for key in keys {
            let byKey = Dictionary(grouping: predictions.indices) { key(predictions[$0].source) }
            for (g, gold) in golds.enumerated() where chosen[g] == nil {
                // Groups keep path order, so the first record (else the first failure) is the one to take.
                let candidates = (byKey[key(gold.record.source.file)] ?? []).filter { !predictions[$0].used }
                guard let p = candidates.first(where: { predictions[$0].record != nil }) ?? candidates.first else { continue }
                chosen[g] = p
                predictions[p].used = true
            }
        }

        let documents = zip(golds, chosen).filter { !predictedOnly || $1 != nil }.map { gold, p in
            let prediction = p.map { predictions[$0] }
            let status: PredictionStatus = prediction == nil ? .missing : prediction?.record == nil ? .failure : .record
            return DocumentComparison(gold: gold.record, predicted: prediction?.record)
                .score(document: gold.record.source.file, prediction: prediction?.path, status: status)
        }
        return EvaluationReport(
            documents: documents, unmatchedPredictions: predictions.filter { !$0.used }.map(\.path),
            unreadablePredictions: loaded.unreadable)
    }

    /// Scores one prediction (`nil`: nothing extracted) against its gold record.
    public func compare(gold: Record, prediction: Record?) -> DocumentScore {
        DocumentComparison(gold: gold, predicted: prediction)
            .score(document: gold.source.file, prediction: nil, status: prediction == nil ? .missing : .record)
    }

    // MARK: Loading

    private struct Prediction {
        let path: String
        /// `source.file` of a record, `failure.file` of a failure object.
        let source: String
        let record: Record?
        var used = false
    }

    /// The one key eval needs from a failure object `{"failure": {"file": …, …}}`.
    private struct FailureFile: Decodable {
        struct Failure: Decodable { let file: String }
        let failure: Failure
    }

    private func loadGold(_ directory: URL) throws -> [(file: String, record: Record)] {
        try requireDirectory(directory)
        let files: [URL]
        do {
            files = try FileManager.default
                .contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
                .filter { $0.pathExtension == "json" && isRegularFile($0) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw EvaluationError.unreadableGold(file: directory.path, reason: error.localizedDescription)
        }
        guard !files.isEmpty else { throw EvaluationError.noGoldFiles(directory: directory.path) }
        let golds = try files.map { url in
            do {
                return (file: url.path, record: try RecordCoding.decoder().decode(Record.self, from: Data(contentsOf: url)))
            } catch {
                throw EvaluationError.unreadableGold(file: url.path, reason: Self.describe(error))
            }
        }
        for (source, group) in Dictionary(grouping: golds, by: { baseName($0.record.source.file) }) where group.count > 1 {
            throw EvaluationError.duplicateGold(source: source, files: group.map(\.file).sorted())
        }
        return golds
    }

    /// Every `*.json` under `directory`, sorted by relative path; files that are neither a record nor a failure
    /// object come back as "path: reason".
    private func loadPredictions(_ directory: URL) throws -> (predictions: [Prediction], unreadable: [String]) {
        try requireDirectory(directory)
        let base = directory.standardizedFileURL.pathComponents
        var found: [(path: String, url: URL)] = []
        let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json", isRegularFile(url) else { continue }
            let components = url.standardizedFileURL.pathComponents
            let relative = components.starts(with: base) ? components.dropFirst(base.count).joined(separator: "/") : url.path
            found.append((relative, url))
        }
        found.sort { $0.path < $1.path }

        var predictions: [Prediction] = []
        var unreadable: [String] = []
        let decoder = RecordCoding.decoder()
        for (path, url) in found {
            do {
                let data = try Data(contentsOf: url)
                do {
                    let record = try decoder.decode(Record.self, from: data)
                    predictions.append(Prediction(path: path, source: record.source.file, record: record))
                } catch let recordError {
                    guard let failure = try? decoder.decode(FailureFile.self, from: data) else { throw recordError }
                    predictions.append(Prediction(path: path, source: failure.failure.file, record: nil))
                }
            } catch {
                unreadable.append("\(path): \(Self.describe(error))")
            }
        }
        return (predictions, unreadable)
    }

    private func requireDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw EvaluationError.notADirectory(path: url.path)
        }
    }

    /// A decoding error as "json.path: what was wrong", short enough for one line of a report.
    private static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .keyNotFound(_, let c)?, .dataCorrupted(let c)?:
            context = c
        default:
            return error.localizedDescription
        }
        var path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        if case .keyNotFound(let key, _)? = error as? DecodingError {
            path += (path.isEmpty ? "" : ".") + key.stringValue
            return "\(path): missing"
        }
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    }
}

private func isRegularFile(_ url: URL) -> Bool {
    (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
}

/// The last path component of a source path.
private func baseName(_ path: String) -> String {
    String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
}

/// The base name without its last extension: `000_x.txt` → `000_x`.
private func stem(_ path: String) -> String {
    let name = baseName(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
}
