import Foundation
import Output
import Pipeline
import Reading
import RecordDatabase
import Testing

extension StoreChecks {
    /// `sarabun extract` over a few hundred documents is killed with SIGKILL midway; at that moment the
    /// database holds only whole documents whose JSON files exist. Run again with `--resume`, the folder and
    /// the database hold every document exactly once, whole, and no temporary file is left.
    public func killedRunResumesToEveryDocumentOnce(documents: Int = 300) async throws {
        let sarabun = try Executable.sarabun()
        let work = try Corpus.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("in"), out = work.appendingPathComponent("out")
        let names = try makeDocuments(documents, in: inputs)

        try await database.withDatabase { db in
            let arguments = ["extract", inputs.path, "--out", out.path, "--db", db, "--quiet", "--workers", "2"]
            let first = try Executable.start(sarabun, arguments, stderr: work.appendingPathComponent("first.log"))
            // Kill once half the JSON files are there.
            await Executable.signal(first, SIGKILL) { Self.jsonFileCount(out) >= documents / 2 }
            #expect(first.terminationReason == .uncaughtSignal, "the run ended before it was killed")

            // Right after the kill: every stored document is whole, and its JSON file exists.
            let afterKill = try jsonCounts(out)
            var store = try await database.open(db)
            let stored = try await store.storedDigests(pipelineVersion: Pipeline.version)
            // How far the database got depends on the machine's load; it must not be done, and what it holds
            // must be whole.
            #expect(stored.count < documents, "\(stored.count) documents stored when killed")
            #expect(stored.isSubset(of: Set(afterKill.keys)))
            let rowsAfterKill = try await store.rowCountsByDocument()
            #expect(Set(rowsAfterKill.keys) == stored)
            for digest in stored { #expect(rowsAfterKill[digest] == afterKill[digest], "\(digest)") }
            try await store.close()

            let log = work.appendingPathComponent("resume.log")
            let resumed = try Executable.start(sarabun, arguments + ["--resume"], stderr: log)
            await Executable.exit(resumed)
            let summary = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(resumed.terminationReason == .exit && [0, 1].contains(resumed.terminationStatus), "\(summary)")
            #expect(summary.contains("\(stored.count) skipped"), "\(summary)")

            // Every input has exactly one JSON file, whole, and nothing else is in the folder.
            let files = try OutputFolder.jsonFiles(under: out)
            #expect(files.count == documents)
            #expect(Set(files.map { $0.deletingPathExtension().lastPathComponent }) == Set(names))
            for file in files { #expect(throws: Never.self) { _ = try OutputFolder.read(file) } }
            #expect(temporaryFiles(out).isEmpty)

            // The database holds each document once, with as many rows as its JSON file has items.
            let final = try jsonCounts(out)
            store = try await database.open(db)
            #expect(final.count == documents)
            #expect(try await store.storedDigests(pipelineVersion: Pipeline.version) == Set(final.keys))
            let rows = try await store.rowCountsByDocument()
            #expect(rows.count == documents)
            for (digest, counts) in final { #expect(rows[digest] == counts, "\(digest)") }
            let paths = try await store.query("SELECT file FROM documents", []).compactMap { $0.first?.text }
            #expect(paths.count == documents)
            #expect(Set(paths.map { URL(fileURLWithPath: $0).lastPathComponent }) == Set(names))
            // Each path has one `files` row, naming the content and the JSON file it has.
            let byPath = try await filesRows(store)
            #expect(byPath.count == documents)
            #expect(Set(byPath.keys) == Set(names))
            for file in files {
                let name = file.deletingPathExtension().lastPathComponent
                #expect(byPath[name]?.sha256 == (try JSONItemCounts(file: file).sha256), "\(name)")
                #expect(byPath[name]?.record == "records/\(name).json", "\(name)")
            }
            try await store.close()
        }
    }

    /// `sarabun extract` stopped by SIGINT or SIGTERM midway starts no more documents, finishes those under
    /// way, commits them, prints its summary and exits with 128 + the signal: the database then holds
    /// exactly the documents whose JSON files were written.
    public func stoppedRunCommitsWhatItWrote(signal: Int32, documents: Int = 300) async throws {
        let sarabun = try Executable.sarabun()
        let work = try Corpus.temporaryFolder("stop")
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("in"), out = work.appendingPathComponent("out")
        _ = try makeDocuments(documents, in: inputs)
        try await database.withDatabase { db in
            let log = work.appendingPathComponent("stop.log")
            let run = try Executable.start(
                sarabun, ["extract", inputs.path, "--out", out.path, "--db", db, "--quiet", "--workers", "2"], stderr: log)
            await Executable.signal(run, signal) { Self.jsonFileCount(out) >= documents / 4 }
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            #expect(run.terminationReason == .exit && run.terminationStatus == 128 + signal, "\(text)")
            #expect(text.contains("documents not started"), "\(text)")
            let written = try jsonCounts(out)
            #expect(written.count < documents)
            let store = try await database.open(db)
            #expect(try await store.storedDigests(pipelineVersion: Pipeline.version) == Set(written.keys))
            #expect(temporaryFiles(out).isEmpty)
            try await store.close()
        }
    }

    /// A run stopped while a PDF helper's OCR is under way, twice (at once) or once (after `--stop-grace`),
    /// leaves no helper, no OCR and no scratch folder behind; stopped once, it writes nothing for the
    /// documents it cut short and counts them as not started.
    public func runStoppedDuringOCRLeavesNothingRunning(twice: Bool) async throws {
        let sarabun = try Executable.sarabun()
        let work = try Corpus.temporaryFolder("ocr-stop")
        defer { try? FileManager.default.removeItem(at: work) }
        let bin = work.appendingPathComponent("bin"), temporary = work.appendingPathComponent("tmp")
        for folder in [bin, temporary] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        // A tesseract that says who it is and takes its time.
        let pids = work.appendingPathComponent("tesseract.pids")
        let tesseract = bin.appendingPathComponent("tesseract")
        try Data("#!/bin/sh\necho $$ >> '\(pids.path)'\nexec sleep 60\n".utf8).write(to: tesseract)
        chmod(tesseract.path, 0o755)
        let environment = ["PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"), "TMPDIR": temporary.path]
        try await database.withDatabase { db in
            let log = work.appendingPathComponent("stop.log")
            let run = try Executable.start(
                sarabun, ["extract", Corpus.folder.appendingPathComponent("pdf/scanned").path, "--out", work.appendingPathComponent("out").path,
                          "--db", db, "--quiet", "--stop-grace", "1"],
                stderr: log, environment: environment)
            await Executable.signal(run, SIGTERM, again: twice ? .milliseconds(300) : nil) {
                (try? String(contentsOf: pids, encoding: .utf8)) != nil
            }
            #expect(run.terminationStatus == 128 + SIGTERM)
            let ocr = (try? String(contentsOf: pids, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
            #expect(!ocr.isEmpty, "the OCR never started")
            for pid in ocr {
                let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
                #expect(stat.isEmpty || stat.split(separator: " ").dropFirst(2).first == "Z", "tesseract \(pid) still runs")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
            if !twice {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                #expect(text.contains("stopped by SIGTERM"), "\(text)")
                #expect(text.contains("0 rejected"), "\(text)")
                #expect(try OutputFolder.jsonFiles(under: work.appendingPathComponent("out")).isEmpty)
            }
        }
    }

    /// A re-run with `--prune` after one input changed and another was deleted, where two inputs are
    /// twins: the folder, the `files` table and the documents end exactly as the inputs are now, with no
    /// document row that no path refers to.
    public func changedAndDeletedFilesArePruned() async throws {
        let sarabun = try Executable.sarabun()
        let work = try Corpus.temporaryFolder("prune")
        defer { try? FileManager.default.removeItem(at: work) }
        let inputs = work.appendingPathComponent("in"), out = work.appendingPathComponent("out")
        let names = try makeDocuments(4, in: inputs)
        let twin = inputs.appendingPathComponent("sub/twin.txt")
        try FileManager.default.createDirectory(at: twin.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: inputs.appendingPathComponent(names[0]), to: twin)
        try await database.withDatabase { db in
            func extract(_ extra: [String], _ log: String) async throws -> String {
                let url = work.appendingPathComponent(log)
                let run = try Executable.start(sarabun, ["extract", inputs.path, "--out", out.path, "--db", db, "--quiet"] + extra, stderr: url)
                await Executable.exit(run)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                #expect(run.terminationReason == .exit && [0, 1].contains(run.terminationStatus), "\(text)")
                return text
            }
            _ = try await extract([], "first.log")
            var store = try await database.open(db)
            #expect(try await filesRows(store).count == 5)
            #expect(try await store.storedDigests(pipelineVersion: Pipeline.version).count == 4)
            try await store.close()

            let changed = inputs.appendingPathComponent(names[1]), deleted = inputs.appendingPathComponent(names[2])
            try Data((try String(contentsOf: changed, encoding: .utf8) + "หมายเหตุ แก้ไขแล้ว\n").utf8).write(to: changed)
            try FileManager.default.removeItem(at: deleted)
            let summary = try await extract(["--prune"], "second.log")
            #expect(summary.contains("1 pruned"), "\(summary)")
            #expect(summary.contains("\(names[2]): pruned"), "\(summary)")

            let present = Set([names[0], names[1], names[3], "sub/twin.txt"])
            let prefix = out.standardizedFileURL.path + "/"
            let json = try OutputFolder.jsonFiles(under: out).map { String($0.standardizedFileURL.path.dropFirst(prefix.count)) }
            #expect(Set(json) == Set(present.map { "records/\($0).json" }))
            store = try await database.open(db)
            let rows = try await filesRows(store)
            #expect(Set(rows.keys) == present)
            for name in present {
                let digest = SHA256.hex([UInt8](try Data(contentsOf: inputs.appendingPathComponent(name))))
                #expect(rows[name]?.sha256 == digest, "\(name)")
            }
            #expect(rows[names[0]]?.sha256 == rows["sub/twin.txt"]?.sha256)
            #expect(try await store.storedDigests(pipelineVersion: Pipeline.version) == Set(rows.values.map(\.sha256)))
            #expect(Set(try await store.rowCountsByDocument().keys) == Set(rows.values.map(\.sha256)))
            try await store.close()

            // What the database holds, as `status --db` tells it: four paths, three documents.
            let report = work.appendingPathComponent("status.txt")
            let status = try Executable.start(sarabun, ["status", "--db", db], stderr: work.appendingPathComponent("status.log"), stdout: report)
            await Executable.exit(status)
            let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            #expect(status.terminationStatus == 0, "\(text)")
            #expect(text.contains("4 input paths, 3 documents"), "\(text)")
            #expect(text.contains("pipeline \(Pipeline.version): 4 paths"), "\(text)")
        }
    }

    /// `sarabun load` stores the JSON files of a folder, each document once however often it runs.
    public func loadCommandStoresEachDocumentOnce() async throws {
        let sarabun = try Executable.sarabun()
        let work = try Corpus.temporaryFolder("load")
        defer { try? FileManager.default.removeItem(at: work) }
        try await database.withDatabase { db in
            for run in 1...2 {
                let log = work.appendingPathComponent("load\(run).log")
                let load = try Executable.start(sarabun, ["load", Corpus.gold.path, "--db", db, "--quiet"], stderr: log)
                await Executable.exit(load)
                let summary = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                #expect(load.terminationStatus == 0, "\(summary)")
                #expect(summary.contains("5 documents stored"), "\(summary)")
            }
            let store = try await database.open(db)
            #expect(try await store.rowCountsByDocument() == jsonCounts(Corpus.gold))
            try await store.close()
        }
    }

    /// Small documents: the first lines of each corpus document, round-robin, each ending with its own
    /// number so that every file has its own digest.
    private func makeDocuments(_ count: Int, in folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = try FileManager.default.contentsOfDirectory(at: Corpus.folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
            .map { try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n").prefix(120).joined(separator: "\n") }
        return try (0..<count).map { n in
            let name = String(format: "doc%04d.txt", n)
            try Data((seeds[n % seeds.count] + "\nหมายเหตุ ชุดทดสอบที่ \(n)\n").utf8).write(to: folder.appendingPathComponent(name))
            return name
        }
    }

    private func filesRows(_ store: any DocumentStore) async throws -> [String: (sha256: String, record: String)] {
        var rows: [String: (sha256: String, record: String)] = [:]
        for row in try await store.query("SELECT path, sha256, record FROM files", []) {
            guard let path = row[0].text else { continue }
            #expect(rows[path] == nil, "two files rows for \(path)")
            rows[path] = (row[1].text ?? "", row[2].text ?? "")
        }
        return rows
    }

    private static func jsonFileCount(_ out: URL) -> Int {
        ["records", "rejects"].reduce(0) { count, folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(folder).path)) ?? []
            return count + names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count
        }
    }

    /// Item counts per digest, from the JSON files.
    private func jsonCounts(_ out: URL) throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for file in try OutputFolder.jsonFiles(under: out) {
            let json = try JSONItemCounts(file: file)
            #expect(counts[json.sha256] == nil, "two JSON files for \(json.sha256)")
            counts[json.sha256] = json.counts
        }
        return counts
    }

    private func temporaryFiles(_ out: URL) -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: out.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".tmp") { found.append(path) }
        }
        return found
    }
}

extension DocumentStore {
    /// Rows per table for every document, in one query per table.
    public func rowCountsByDocument() async throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        let digests = try await query("SELECT sha256 FROM documents", []).compactMap { $0.first?.text }
        for digest in digests { counts[digest] = Dictionary(uniqueKeysWithValues: Schema.tables.map { ($0.name, 0) }) }
        for table in Schema.tables {
            let key = table == Schema.documents ? "sha256" : "document_sha256"
            for row in try await query("SELECT \(key), COUNT(*) FROM \(table.name) GROUP BY \(key)", []) {
                guard let digest = row[0].text, let n = row[1].integer else { continue }
                counts[digest, default: [:]][table.name] = Int(n)
            }
        }
        return counts
    }
}

/// The `sarabun` executable the tests run: beside the test bundle in the build folder, or
/// `SARABUN_EXECUTABLE`.
enum Executable {
    static func sarabun() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["SARABUN_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sarabun")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw SupportError(message: "no sarabun executable beside the test bundle: build it first (swift build --build-tests)")
    }

    /// Sends `signal` to `process` once `ready` holds (or after five minutes), again after `again` if given,
    /// and returns when the process has ended. The watching runs on a thread of its own: tests that block
    /// the shared pool (a child process waited on, a long parse) must not delay the signal past the run's end.
    static func signal(
        _ process: Process, _ signal: Int32, again: Duration? = nil, when ready: @escaping @Sendable () -> Bool
    ) async {
        let pid = process.processIdentifier
        await onOwnThread {
            let deadline = ContinuousClock.now + .seconds(300)
            while process.isRunning, !ready(), ContinuousClock.now < deadline { usleep(2_000) }
            kill(pid, signal)
            if let again {
                Thread.sleep(forTimeInterval: Double(again.components.seconds) + Double(again.components.attoseconds) / 1e18)
                kill(pid, signal)
            }
            process.waitUntilExit()
        }
    }

    /// Returns when `process` has ended, without holding a thread of the shared pool.
    static func exit(_ process: Process) async {
        await onOwnThread { process.waitUntilExit() }
    }

    private static func onOwnThread(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                work()
                done.resume()
            }.start()
        }
    }

    static func start(
        _ executable: URL, _ arguments: [String], stderr: URL, stdout: URL? = nil, environment: [String: String] = [:]
    ) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        guard FileManager.default.createFile(atPath: stderr.path, contents: nil) else {
            throw SupportError(message: "cannot create \(stderr.path)")
        }
        process.standardError = try FileHandle(forWritingTo: stderr)
        if let stdout {
            guard FileManager.default.createFile(atPath: stdout.path, contents: nil) else {
                throw SupportError(message: "cannot create \(stdout.path)")
            }
            process.standardOutput = try FileHandle(forWritingTo: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        try process.run()
        return process
    }
}
