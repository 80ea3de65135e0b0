import AsyncAlgorithms
import Foundation
import Output
import Reading

/// How a run went: counts for the summary line and the exit code.
public struct RunSummary: Sendable, Equatable {
    public var documents = 0
    public var records = 0
    /// Of the records, those some of whose pages gave no text (an `ocr_failed` warning): partial results.
    public var partial = 0
    /// Records written with validation errors.
    public var rejectedRecords = 0
    /// Documents that gave no record (unreadable, or the writer failed).
    public var failures = 0
    /// Documents a database already held at this pipeline version (`--resume`).
    public var skipped = 0
    public var bytes = 0
    public var seconds = 0.0
    /// Inputs never started because the run was stopped.
    public var notStarted = 0

    public var rejects: Int { rejectedRecords + failures }

    public init() {}
}

/// A snapshot of a running batch, for progress displays.
public struct RunProgress: Sendable {
    public var done: Int
    public var total: Int
    public var elapsed: Double

    public init(done: Int, total: Int, elapsed: Double) {
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }
}

/// What became of one document, as the writer took it: for a run's ledger.
public struct DocumentReport: Sendable {
    public var input: InputFile
    public var outcome: DocumentOutcome
    /// Where the writer put it; nil when writing failed (`writeError` says why).
    public var disposition: Disposition?
    public var writeError: String?
    /// The time its stages took, writing left out.
    public var milliseconds: Int
}

/// A failure the run survived: a document named with the reason, reported as it happens.
public struct RunEvent: Sendable {
    public var file: String
    public var message: String
}

/// Runs documents through the stages with a bounded pool of workers feeding one writer.
///
/// At most `workers` documents are being processed at once; a finished document waits in a channel
/// until the writer takes it, and a worker slot is refilled only after its result was handed over, so
/// memory holds `workers + 1` documents however long the batch is. One failing document never stops the run.
public struct Pipeline: Sendable {
    /// The version of the stages as a whole, stored with each document in a database. Raise it when a change
    /// to any stage changes what records hold, so that `--resume` redoes documents an older pipeline made.
    public static let version = "1"
    /// The program's release, shown by `sarabun --version`.
    public static let programVersion = "0.9.0"

    public let workers: Int
    private let processor: DocumentProcessor

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, processor: DocumentProcessor) {
        self.workers = max(1, workers)
        self.processor = processor
    }

    /// Runs `inputs` into `sink`. Once `stopRequested` says so, no document is started any more: those under
    /// way are finished and written, the sink is finished (a database commits), and the summary counts the
    /// documents left (`notStarted`). Once `abandoned` says so too, documents still arriving are not written
    /// (their reading was cut short) and count as not started.
    public func run<Sink: RecordSink>(
        _ inputs: [InputFile],
        into sink: inout Sink,
        stopRequested: @escaping @Sendable () -> Bool = { false },
        abandoned: () -> Bool = { false },
        onEvent: (RunEvent) -> Void = { _ in },
        onDocument: (DocumentReport) -> Void = { _ in },
        onProgress: (RunProgress) -> Void = { _ in }
    ) async -> RunSummary {
        let start = ContinuousClock.now
        let channel = AsyncChannel<(InputFile, DocumentOutcome, Data?, Int)>()
        var summary = RunSummary()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [processor, workers] in
                await withTaskGroup(of: (InputFile, DocumentOutcome, Data?, Int).self) { pool in
                    var next = 0
                    func submit() {
                        let input = inputs[next]
                        next += 1
                        pool.addTask {
                            let started = ContinuousClock.now
                            let (outcome, json) = processor.processEncoded(input)
                            let took = ContinuousClock.now - started
                            return (input, outcome, json, Int(took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000))
                        }
                    }
                    while next < min(workers, inputs.count), !stopRequested() { submit() }
                    for await finished in pool {
                        await channel.send(finished)
                        if next < inputs.count, !stopRequested() { submit() }
                    }
                }
                channel.finish()
            }
            for await (input, outcome, json, milliseconds) in channel {
                if abandoned() { continue }
                summary.documents += 1
                switch outcome {
                case .extracted(let record): summary.bytes += record.source.bytes
                case .failed(let failure):
                    summary.bytes += failure.bytes ?? 0
                    onEvent(RunEvent(file: failure.file, message: "\(failure.stage): \(failure.reason)"))
                case .skipped: break
                }
                var report = DocumentReport(input: input, outcome: outcome, milliseconds: milliseconds)
                defer { onDocument(report) }
                do {
                    let item = OutputItem(relativePath: input.relativePath, outcome: outcome, json: json, source: input.url)
                    let disposition = try await sink.write(item)
                    report.disposition = disposition
                    switch (disposition, outcome) {
                    case (.record, .extracted(let record)):
                        summary.records += 1
                        if record.validation.issues.contains(where: { $0.code == "ocr_failed" }) { summary.partial += 1 }
                    case (.record, _): summary.records += 1
                    case (.skipped, _): summary.skipped += 1
                    case (.reject, .extracted(let record)):
                        summary.rejectedRecords += 1
                        let errors = record.validation.issues.filter { $0.severity == .error }
                        let first = errors.first.map { ": \($0.path) \($0.message)" } ?? ""
                        onEvent(RunEvent(file: input.displayPath, message: "rejected, \(errors.count) errors\(first)"))
                    case (.reject, .failed), (.reject, .skipped): summary.failures += 1
                    }
                } catch {
                    summary.failures += 1
                    report.writeError = error.localizedDescription
                    onEvent(RunEvent(file: input.displayPath, message: "write: \(error.localizedDescription)"))
                }
                onProgress(RunProgress(done: summary.documents, total: inputs.count, elapsed: seconds(since: start)))
            }
        }
        do {
            try await sink.finish()
        } catch {
            onEvent(RunEvent(file: "", message: "finishing the output failed: \(error.localizedDescription)"))
        }
        summary.seconds = seconds(since: start)
        summary.notStarted = inputs.count - summary.documents
        return summary
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension LedgerEntry {
    /// The ledger line of one finished document of the run that started at `run`.
    public init(_ report: DocumentReport, run: String) {
        var status = Status(report.outcome)
        var stage: String?
        var reason: String?
        var sha256: String?
        var pages: Int?
        var warnings: Int?
        switch report.outcome {
        case .extracted(let record):
            sha256 = record.source.sha256
            pages = record.source.pages
            warnings = record.validation.issues.filter { $0.severity == .warning }.count
            if status == .reject, let error = record.validation.issues.first(where: { $0.severity == .error }) {
                stage = "validate"
                reason = "\(error.path) \(error.message)"
            }
        case .failed(let failure):
            sha256 = failure.sha256
            stage = failure.stage
            reason = failure.reason
        case .skipped(let digest):
            sha256 = digest
        }
        if let error = report.writeError {
            status = .failed
            stage = "write"
            reason = error
        }
        self.init(run: run, program: Pipeline.programVersion, pipeline: Pipeline.version, path: report.input.displayPath,
                  sha256: sha256, status: status, stage: stage, reason: reason, pages: pages,
                  milliseconds: report.milliseconds, warnings: warnings)
    }
}
