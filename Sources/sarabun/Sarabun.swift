import ArgumentParser
import Evaluation
import Extraction
import Foundation
import Normalization
import Output
import Pipeline
import RecordDatabase
import Reading
import RecordModel
import Segmentation
import TableModel
import Validation

@main
struct Sarabun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sarabun",
        abstract: "Turns Thai local-government ITA memos into validated, structured JSON records.",
        version: "sarabun \(Pipeline.programVersion) (pipeline \(Pipeline.version), record schema \(Record.schemaVersion))",
        subcommands: [Extract.self, Status.self, Load.self, Eval.self, Normalize.self, Segment.self, Explain.self, Validate.self, Schema.self, Bench.self, ReadPDF.self]
    )

    /// As ArgumentParser's `main`, but bad usage exits with 2 (the convention the tools around Sarabun
    /// expect: 1 means "some documents were rejected").
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            standardError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}

struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract records from documents: files, or folders searched recursively.",
        discussion: """
            Valid records go to OUT/records/, records with errors and documents that failed (with the reason) \
            to OUT/rejects/, each at the input's path relative to its INPUT root with .json appended; then \
            every document's rows go to the database (--db, by default OUT/sarabun.sqlite), replacing rows an \
            earlier run stored for the same file. Each input, as it finishes, adds a line to the ledger \
            OUT/run.jsonl (see `sarabun status`). The database's `files` table has a row per input path (digest, \
            size, modification time, status, JSON file); a changed file's old document rows go when no path \
            refers to them. --resume skips an input when its path's row holds its current content and its JSON \
            file exists; --prune then removes the JSON files and rows of paths the inputs no longer hold. \
            Files of other types, symbolic links and folders that cannot be read are named as left out. \
            Exit status: 0 when every document gave a valid record, 1 when some were rejected, 2 for bad usage \
            or when the inputs hold no document.
            """
    )

    @Argument(help: "Files or folders to read (.txt, .md, .pdf).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String

    @Option(help: "Documents processed at once (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Database: a SQLite file (default OUT/sarabun.sqlite), sqlite:PATH, postgres://user@host:port/database, or none.")
    var db: String?

    @Flag(help: "Skip documents done before: the database holds their content (same SHA-256, this pipeline version) and OUT their record.")
    var resume = false

    @Flag(help: "After a run that was not stopped, remove the JSON files and database rows of inputs no longer under the INPUT roots.")
    var prune = false

    @Flag(help: "No progress display.")
    var quiet = false

    @Option(help: "Seconds one PDF may take to read (a PDF that makes poppler or OCR hang is rejected then).")
    var pdfTimeout: Double = 300

    @Option(help: "Seconds OCR may take on one page of a scanned PDF (the page is then named in a warning).")
    var ocrTimeout: Double = 60

    @Option(help: "Which PDF pages OCR reads: auto (those without a text layer), force (all: a scan under a garbled invisible text layer), off (none; such pages are named in a warning).")
    var ocr: OCRMode = .auto

    @Option(help: "Tesseract's languages for OCR.")
    var ocrLang = "tha+eng"

    @Option(help: "Resolution scanned pages are rendered at for OCR.")
    var ocrDpi = 300

    @Option(help: "Seconds the documents under way may take to finish after SIGINT or SIGTERM; then they are left for --resume.")
    var stopGrace: Double = 10

    @Flag(help: "A PDF some of whose pages gave no text (OCR failed or timed out) is a reject, not a partial record.")
    var strict = false

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
        guard stopGrace >= 0 else { throw ValidationError("--stop-grace must not be negative") }
        guard pdfTimeout > 0, ocrTimeout > 0 else { throw ValidationError("--pdf-timeout and --ocr-timeout must be positive") }
        guard (70...1200).contains(ocrDpi) else { throw ValidationError("--ocr-dpi must be between 70 and 1200") }
        guard !ocrLang.isEmpty, ocrLang.allSatisfy({ $0.isLetter || $0.isNumber || "+_".contains($0) }) else {
            throw ValidationError("--ocr-lang takes tesseract's language names joined by +, such as tha+eng")
        }
        if resume, try databaseTarget(db, defaultFolder: out) == .none {
            throw ValidationError("--resume needs a database (--db none names none)")
        }
    }

    func run() async throws {
        let survey: InputDiscovery.Survey
        do {
            survey = try InputDiscovery.survey(self.inputs, extensions: DocumentReader.extensions)
        } catch {
            throw ValidationError("\(error)")
        }
        let inputs = survey.files
        for skipped in survey.skipped { standardError("\(skipped.path): skipped, \(skipped.reason)\n") }
        guard !inputs.isEmpty else {
            standardError("no documents (.\(DocumentReader.extensions.sorted().joined(separator: ", ."))) in \(self.inputs.joined(separator: ", "))\n")
            throw ExitCode(2)
        }
        let outURL = URL(fileURLWithPath: out)
        // A run killed while writing a file leaves its temporary file; the document itself is redone.
        try AtomicFile.removeLeftovers(under: outURL)
        let ledger = try RunLedger(directory: outURL)
        let runStart = ISO8601DateFormatter().string(from: Date())
        for skipped in survey.skipped {
            try ledger.append(LedgerEntry(run: runStart, program: Pipeline.programVersion, pipeline: Pipeline.version,
                                          path: skipped.path, status: .leftOut, reason: skipped.reason))
        }
        let target = try databaseTarget(db, defaultFolder: out)
        let store = try await openStore(target)
        let resumePoint = resume
            ? ResumePoint(stored: try await store?.storedFiles(pipelineVersion: Pipeline.version) ?? [:], directory: outURL) : nil
        let pipeline = Pipeline(workers: workers, processor: try DocumentProcessor(
            resume: resumePoint,
            read: ReadPDF.options(
                documentTimeout: pdfTimeout, ocr: OCRSettings(timeout: ocrTimeout, dpi: ocrDpi, languages: ocrLang, mode: ocr)),
            strict: strict))
        let files = JSONDirectorySink(directory: outURL)
        let progress = ProgressDisplay(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let stop = StopSignals(grace: .milliseconds(Int(stopGrace * 1000))) { [stopGrace] signal in
            progress.message("\(StopSignals.name(signal)): finishing the documents under way (for up to \(stopGrace) s), then stopping (again to stop at once)")
        }
        func run(into sink: inout some RecordSink) async -> RunSummary {
            await pipeline.run(
                inputs, into: &sink,
                stopRequested: { stop.signal != nil },
                abandoned: { stop.abandoned },
                onEvent: { event in progress.message("\(event.file): \(event.message)") },
                onDocument: { report in
                    do {
                        try ledger.append(LedgerEntry(report, run: runStart))
                    } catch {
                        progress.message("\(out)/\(RunLedger.fileName): \(error.localizedDescription)")
                    }
                },
                onProgress: { progress.update($0) })
        }
        let summary: RunSummary
        var pruned: [String] = []
        if let store {
            var sink = DatabaseSink(files: files, store: store, pipelineVersion: Pipeline.version, programVersion: Pipeline.programVersion)
            summary = await run(into: &sink)
            if prune, stop.signal == nil {
                pruned = try files.removeFiles(except: sink.names)
                pruned = Array(Set(pruned).union(try await store.prune(keeping: sink.names))).sorted()
            }
            try await store.close()
        } else {
            var sink = files
            summary = await run(into: &sink)
            if prune, stop.signal == nil { pruned = try files.removeFiles(except: sink.names) }
        }
        progress.clear()
        for name in pruned { standardError("\(name): pruned, no longer among the inputs\n") }
        let rate = summary.seconds > 0 ? Double(summary.documents) / summary.seconds : 0
        let skipped = resume ? ", \(summary.skipped) skipped" : ""
        standardError(
            "\(summary.documents) documents: \(summary.records) records"
                + (summary.partial > 0 ? " (\(summary.partial) partial: pages without text)" : "") + ", \(summary.rejects) rejected "
                + "(\(summary.failures) failed)\(skipped)"
                + (survey.skipped.isEmpty ? "" : ", \(survey.skipped.count) other inputs left out")
                + (prune ? ", \(pruned.count) pruned" : "")
                + " in \(String(format: "%.2f", summary.seconds)) s "
                + "(\(String(format: "%.1f", rate)) docs/s) -> \(out)"
                + (store == nil ? "" : ", \(describe(target))") + "\n")
        if let signal = stop.signal {
            standardError("stopped by \(StopSignals.name(signal)): \(summary.notStarted) documents not started\n")
            throw ExitCode(128 + signal)
        }
        if summary.rejects > 0 { throw ExitCode(1) }
    }
}

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarize the runs an extract output folder's ledger (OUT/run.jsonl) records, or what a database holds.",
        discussion: """
            With OUT: counts each input by the last word the ledger has on it (ok, reject, partial, skipped, \
            failed, left-out), then the last run: when it started, which program and pipeline made it, its \
            inputs and time, and the inputs that failed with the reason. With --db: the database's input paths \
            by status, its documents, and the program and pipeline versions that stored them.
            """)

    @Argument(help: "An extract --out folder.")
    var out: String?

    @Option(help: "A database instead of a folder: a SQLite file, sqlite:PATH or postgres://user@host:port/database.")
    var db: String?

    func validate() throws {
        guard (out == nil) != (db == nil) else { throw ValidationError("name an output folder or --db, one of them") }
    }

    func run() async throws {
        if let db { return try await databaseStatus(db) }
        guard let out else { return }
        let folder = URL(fileURLWithPath: out)
        let entries: [LedgerEntry]
        do {
            entries = try RunLedger.read(folder)
        } catch {
            throw ValidationError("\(out): no ledger (\(RunLedger.fileName)) to read: \(error.localizedDescription)")
        }
        var latest: [String: LedgerEntry] = [:]
        for entry in entries { latest[entry.path] = entry }
        print("\(out): \(latest.count) inputs in \(Set(entries.map(\.run)).count) runs")
        print("  " + LedgerEntry.Status.allCases.map { status in "\(status.rawValue) \(latest.values.filter { $0.status == status }.count)" }
            .joined(separator: ", "))
        guard let last = entries.last?.run else { return }
        let run = entries.filter { $0.run == last }
        let seconds = Double(run.compactMap(\.milliseconds).reduce(0, +)) / 1000
        print("last run \(last): sarabun \(run[0].program), pipeline \(run[0].pipeline), \(run.count) inputs, "
            + String(format: "%.1f", seconds) + " s of document time")
        for entry in run where entry.status == .failed {
            print("  failed: \(entry.path): \(entry.stage ?? "?"): \(entry.reason ?? "")")
        }
    }

    private func databaseStatus(_ db: String) async throws {
        let target = try DatabaseTarget(parsing: db)
        if case .sqlite(let path) = target, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path): no such database")
        }
        guard let store = try await openStore(target) else { throw ValidationError("--db none names no database") }
        do {
            try await report(store, target)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    private func report(_ store: any DocumentStore, _ target: DatabaseTarget) async throws {
        let count = { (sql: String) async throws -> [[SQLValue]] in try await store.query(sql, []) }
        let paths = try await count("SELECT status, COUNT(*) FROM files GROUP BY status")
        let byStatus = Dictionary(uniqueKeysWithValues: paths.compactMap { row in row[0].text.map { ($0, row[1].integer ?? 0) } })
        let documents = try await count("SELECT COUNT(*) FROM documents").first?.first?.integer ?? 0
        print("\(describe(target)): \(byStatus.values.reduce(0, +)) input paths, \(documents) documents")
        print("  " + ["ok", "reject", "partial", "failed"].map { "\($0) \(byStatus[$0] ?? 0)" }.joined(separator: ", "))
        for row in try await count(
            "SELECT program_version, pipeline_version, COUNT(*), MIN(stored_at), MAX(stored_at) FROM files "
                + "GROUP BY program_version, pipeline_version ORDER BY MAX(stored_at)")
        {
            print("  sarabun \(row[0].text ?? "?"), pipeline \(row[1].text ?? "?"): \(row[2].integer ?? 0) paths, "
                + "stored \(row[3].text ?? "?") to \(row[4].text ?? "?")")
        }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare extracted records with gold records: precision, recall and F1 per document and category.",
        discussion: """
            Gold files are the *.json files in GOLD_DIR; predictions are the *.json files anywhere under PRED_DIR \
            (records and rejects), matched to gold by source file name. Exit status 1 when --min-f1 is not reached.
            """)

    @Argument(help: "Folder of gold records.")
    var goldDirectory: String

    @Argument(help: "Folder of predicted records (an extract --out folder).")
    var predictionDirectory: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Fail (exit 1) when the overall F1 is below this.")
    var minF1: Double?

    @Flag(help: "Match predictions to gold by file name without extension (a PDF version of a text document).")
    var matchStem = false

    @Flag(help: "Score only the gold documents that have a prediction (PRED_DIR holds part of the corpus).")
    var predictedOnly = false

    func run() throws {
        let report = try Evaluator(matchStem: matchStem, predictedOnly: predictedOnly).evaluate(
            goldDirectory: URL(fileURLWithPath: goldDirectory), predictionDirectory: URL(fileURLWithPath: predictionDirectory))
        if json {
            FileHandle.standardOutput.write(try RecordCoding.encode(report) + Data("\n".utf8))
        } else {
            print(report.text(), terminator: "")
        }
        if let minF1, report.overall.f1 < minF1 {
            standardError(String(format: "overall F1 %.4f is below --min-f1 %.4f\n", report.overall.f1, minF1))
            throw ExitCode(1)
        }
    }
}

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalized text of FILE (or standard input): exactly what the parsers see.")

    @Argument(help: "A text file or a PDF; standard input (text) when absent.")
    var file: String?

    @Flag(help: "Prefix each line with its source line number (p3:12 for line 12 of a PDF's page 3).")
    var numbered = false

    func run() throws {
        var out = ""
        for line in try normalizedLines(file) {
            if numbered { out += place(line.at) + "\t" }
            out += line.text + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the blocks the segmenter finds in FILE (or standard input): header fields, tables, signatures; for a PDF also the table grids its layout found (spans, header rows, continuation).")

    @Argument(help: "A text file or a PDF; standard input (text) when absent.")
    var file: String?

    func run() throws {
        let document = try normalizedDocument(file)
        var out = ""
        for block in Segmenter().segment(document.lines, tables: document.tables) {
            switch block {
            case .memoTitle(let line): out += "\(place(line.at))\tmemo title\n"
            case .headerField(let field):
                out += "\(place(field.at))\tfield \(field.key.rawValue): \(field.lines.map(\.text).joined(separator: " / "))\n"
            case .paragraph(let lines): out += "\(place(lines[0].at))\tparagraph (\(lines.count) lines)\n"
            case .signature(let block): out += "\(place(block.at))\tsignature: \(block.lines.map(\.text).joined(separator: " / "))\n"
            case .table(let table):
                out += "\(place(table.at))\ttable \(table.form.rawValue), \(table.rows.count) rows, columns: \(table.columns.joined(separator: " | "))\n"
                for row in table.rows {
                    out += "\(place(row.at))\t  | " + row.cells.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }.joined(separator: " | ") + "\n"
                }
            }
        }
        for (at, grid) in document.tables.sorted(by: { $0.key < $1.key }) { out += describe(grid, at: at) }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// A layout table as the PDF layout found it: its grid, spans, header rows and continuation.
    private func describe(_ grid: TableGrid, at: Location) -> String {
        var out = "\(place(at))\tlayout grid \(grid.rows.count)×\(grid.columnCount)"
        out += grid.headerRowCount.map { ", header rows \($0)" } ?? ""
        out += grid.continued ? ", continued from the page before" : ""
        out += "\n"
        for row in grid.rows {
            let slots = row.slots.map { slot -> String in
                switch slot.cover {
                case .left: return "←"
                case .above: return "↑"
                case nil:
                    let text = slot.text.count > 30 ? String(slot.text.prefix(30)) + "…" : slot.text
                    var spans = ""
                    if slot.columnSpan > 1 { spans += " colspan \(slot.columnSpan)" }
                    if slot.rowSpan > 1 { spans += " rowspan \(slot.rowSpan)" }
                    if slot.lines.count > 1 { spans += " \(slot.lines.count) lines" }
                    return spans.isEmpty ? text : "\(text) [\(spans.dropFirst())]"
                }
            }
            out += "\t  | " + slots.joined(separator: " | ") + "\n"
        }
        return out
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "For every candidate number in FILE's prose, what it was taken as (subject, year, level) or why it was refused; then the score items the document gives.")

    @Argument(help: "A text file or a PDF.")
    var file: String

    @Option(help: "Only this line (of the file, or of a PDF page).")
    var line: Int?

    func run() throws {
        let document = try normalizedDocument(file)
        let lines = document.lines
        let blocks = Segmenter().segment(lines, tables: document.tables)
        let extractor = Extractor()
        var out = ""
        for decision in extractor.explainScores(blocks: blocks) where line == nil || decision.at.line == line {
            out += "\(place(decision.at))\t\(decision.number)\t\(decision.outcome)\n"
        }
        let found = extractor.extract(lines: lines, blocks: blocks)
        var items: [(Location, String)] = []
        items += found.assessments.map { ($0.at, "assessment \($0.yearBE) \($0.score) level \($0.level ?? "none")") }
        items += found.indicatorScores.map { ($0.at, "indicator \($0.indicator) (\($0.label)) \($0.yearBE.map(String.init) ?? "no year") \($0.score)") }
        items += found.toolScores.map { ($0.at, "tool \($0.tool.rawValue)\($0.part.map { " part \($0)" } ?? "") \($0.yearBE.map(String.init) ?? "no year") \($0.score)") }
        items += found.questionScores.map { ($0.at, "question \($0.code) \($0.yearBE.map(String.init) ?? "no year") \($0.score)") }
        out += "\nitems\n"
        for (at, text) in items.sorted(by: { $0.0 < $1.0 }) where line == nil || at.line == line {
            out += "\(place(at))\t\(text)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}

/// The normalized lines of FILE (a text file or a PDF, read as `extract` reads it) and the tables its
/// layout found, or the lines of standard input (text) when FILE is nil; exits 1 with the reason when it
/// cannot be read.
func normalizedDocument(_ file: String?) throws -> (lines: [TextLine], tables: [Location: TableGrid]) {
    guard let file else { return (try normalizedLines(nil), [:]) }
    let url = URL(fileURLWithPath: file)
    switch DocumentReader.read(InputFile(displayPath: file, relativePath: url.lastPathComponent, url: url)) {
    case .success(let document):
        for failed in document.failedPages { standardError("\(file): page \(failed.page): \(failed.reason)\n") }
        let normalizer = Normalizer()
        return (document.pages.flatMap { normalizer.normalize($0.text, page: $0.page) },
                DocumentProcessor.tables(of: document, normalizer))
    case .failure(let failure):
        standardError("\(file): \(failure.reason)\n")
        throw ExitCode(1)
    }
}

/// The normalized lines of FILE (a text file or a PDF, read as `extract` reads it), or of standard input
/// (text) when FILE is nil; exits 1 with the reason when it cannot be read.
func normalizedLines(_ file: String?) throws -> [TextLine] {
    guard let file else {
        do {
            return Normalizer().normalize(try TextDecoding.decode([UInt8](FileHandle.standardInput.readDataToEndOfFile())).text)
        } catch {
            standardError("stdin: \(error)\n")
            throw ExitCode(1)
        }
    }
    let url = URL(fileURLWithPath: file)
    switch DocumentReader.read(InputFile(displayPath: file, relativePath: url.lastPathComponent, url: url)) {
    case .success(let document):
        for failed in document.failedPages { standardError("\(file): page \(failed.page): \(failed.reason)\n") }
        return document.pages.flatMap { Normalizer().normalize($0.text, page: $0.page) }
    case .failure(let failure):
        standardError("\(file): \(failure.reason)\n")
        throw ExitCode(1)
    }
}

/// "12" for a text file's line, "p3:12" for a PDF page's.
func place(_ at: Location) -> String {
    at.page.map { "p\($0):\(at.line)" } ?? String(at.line)
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check record files against the schema and the semantic rules.",
        discussion: "Exit status: 0 when every file is valid, 1 when any has an error.")

    @Argument(help: "Record JSON files.")
    var files: [String]

    func run() throws {
        let validator = try RecordValidator()
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot read")
                failed = true
                continue
            }
            var issues = validator.schemaIssues(json: data)
            if issues.isEmpty, let record = try? RecordCoding.decoder().decode(Record.self, from: data) {
                issues += validator.semanticIssues(record)
            }
            let errors = issues.filter { $0.severity == .error }
            print("\(file): \(errors.isEmpty ? "valid" : "invalid") (\(errors.count) errors, \(issues.count - errors.count) warnings)")
            for issue in issues {
                print("  \(issue.severity.rawValue) \(issue.code) \(issue.path.isEmpty ? "\"\"" : issue.path): \(issue.message)")
            }
            if !errors.isEmpty { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the record's JSON Schema.")

    func run() {
        print(RecordSchema.text, terminator: "")
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
