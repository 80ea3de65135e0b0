import ArgumentParser
import Foundation
import Output
import Pipeline
import Reading

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure extraction speed and memory on the corpus repeated to many documents.",
        discussion: """
            Copies the documents of INPUT round-robin into a scratch folder until there are --documents of \
            them, then runs the whole extract job (read to written JSON) in a fresh process per configuration: \
            one worker, then one per core, then one per core on --scale times as many documents. Prints \
            documents/s, MB of text/s and peak memory (max RSS), with ratios against the one-worker run.
            """
    )

    @Argument(help: "Folder or files whose documents are repeated.")
    var inputs: [String] = ["corpus"]

    @Option(help: "How many documents a run converts.")
    var documents = 1000

    @Option(help: "The memory check runs this many times as many documents.")
    var scale = 4

    @Flag(help: "Measure the PDF read stage instead: pages/s beside pdftotext on the PDFs of INPUT.")
    var pdf = false

    @Flag(help: "Measure OCR instead: seconds per scanned page beside tesseract alone on the same pages of INPUT.")
    var ocr = false

    @Option(help: "With --ocr: resolution pages are rendered at.")
    var ocrDPI = 300

    @Option(help: "With --pdf or --ocr: how many times each PDF is read.")
    var rounds = 5

    @Option(help: "Another sarabun binary (a previous build) to run on the same documents in this same command; its speed is the baseline of the ratios printed last.")
    var baseline: String?

    @Option(help: "Folder for the copies and the outputs (default: the system's temporary folder); they are deleted at the end.")
    var scratch: String?

    @Option(help: .hidden) var childWorkers: Int?
    @Option(help: .hidden) var childFolder: String?

    func run() async throws {
        if let childWorkers, let childFolder {
            try await child(workers: childWorkers, folder: childFolder)
            return
        }
        if ocr {
            let files = try InputDiscovery.discover(inputs, extensions: ["pdf"])
            try OCRBench(files: files, rounds: max(1, rounds), settings: OCRSettings(dpi: ocrDPI)).run()
            return
        }
        if pdf {
            let files = try InputDiscovery.discover(inputs, extensions: ["pdf"])
            try PDFBench(files: files, rounds: max(1, rounds)).run()
            return
        }
        let seeds = try InputDiscovery.discover(inputs, extensions: DocumentReader.textExtensions)
        guard !seeds.isEmpty else { throw ValidationError("no documents in \(inputs.joined(separator: " "))") }
        let base = scratch.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        let scratch = base.appendingPathComponent("sarabun-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let small = try populate(scratch.appendingPathComponent("small"), from: seeds, count: documents)
        let large = try populate(scratch.appendingPathComponent("large"), from: seeds, count: documents * scale)
        let cores = ProcessInfo.processInfo.activeProcessorCount

        print("sarabun bench: \(seeds.count) seed documents repeated; \(cores) cores; scratch \(base.path)")
        let one = try measure(workers: 1, folder: small)
        let all = try measure(workers: cores, folder: small)
        let big = try measure(workers: cores, folder: large)
        let header = "configuration".padding(toLength: 34, withPad: " ", startingAt: 0)
        print("\(header)   docs   docs/s   MB/s   MB/CPU-s   peak MB   speed ×1w   memory ×1w")
        for (name, r) in [("1 worker", one), ("\(cores) workers", all), ("\(cores) workers, \(scale)× documents", big)] {
            print(
                name.padding(toLength: 34, withPad: " ", startingAt: 0)
                    + String(format: " %6d %8.1f %6.2f %10.2f %9.1f %11.2f %12.2f",
                        r.documents, r.docsPerSecond, r.megabytesPerSecond, r.megabytesPerCPUSecond, r.peakMegabytes,
                        r.megabytesPerSecond / one.megabytesPerSecond, r.peakMegabytes / one.peakMegabytes))
        }
        print(String(format: "scaling: %.2f× with %d workers (ideal %d×); text per core: %.2f MB/s of throughput, %.2f MB per CPU-second",
            all.megabytesPerSecond / one.megabytesPerSecond, cores, cores, all.megabytesPerSecond / Double(cores),
            all.megabytesPerCPUSecond))
        print(String(format: "memory with %d× documents: %.2f× the peak of the %d-document run",
            scale, big.peakMegabytes / all.peakMegabytes, documents))
        if let baseline { try compare(with: baseline, seeds: seeds, scratch: scratch, cores: cores) }
    }

    /// This build beside `baseline` on copies of the same documents, the two runs of each configuration one
    /// after the other so that both see the same machine.
    private func compare(with baseline: String, seeds: [InputFile], scratch: URL, cores: Int) throws {
        let executable = URL(fileURLWithPath: baseline).standardizedFileURL
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ValidationError("--baseline \(baseline): not an executable file")
        }
        let theirs = try populate(scratch.appendingPathComponent("baseline"), from: seeds, count: documents)
        let ours = try populate(scratch.appendingPathComponent("this"), from: seeds, count: documents)
        print("against \(baseline) (MB of text per CPU-second):")
        for workers in [1, cores] {
            let before = try measure(workers: workers, folder: theirs, executable: executable)
            let after = try measure(workers: workers, folder: ours)
            print(String(format: "  %d worker%@: baseline %.2f, this build %.2f, ratio %.2f×", workers, workers == 1 ? "" : "s",
                before.megabytesPerCPUSecond, after.megabytesPerCPUSecond, after.megabytesPerCPUSecond / before.megabytesPerCPUSecond))
        }
    }

    struct Result: Codable {
        var documents: Int
        var seconds: Double
        var bytes: Int
        var peakKilobytes: Int
        /// User and system CPU time of the whole process (every thread, the kernel's work for it included).
        var cpuSeconds: Double

        var docsPerSecond: Double { Double(documents) / seconds }
        var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / cpuSeconds }
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        var peakMegabytes: Double { Double(peakKilobytes) / 1024 }
    }

    private func populate(_ folder: URL, from seeds: [InputFile], count: Int) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for n in 0..<count {
            let seed = seeds[n % seeds.count]
            let target = folder.appendingPathComponent(String(format: "%06d-", n) + seed.url.lastPathComponent)
            try FileManager.default.copyItem(at: seed.url, to: target)
        }
        return folder
    }

    /// Runs one configuration in a new process, so that its peak memory is its own.
    private func measure(workers: Int, folder: URL, executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench", "--child-workers", String(workers), "--child-folder", folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("benchmark run with \(workers) workers failed") }
        return try JSONDecoder().decode(Result.self, from: data)
    }

    private func child(workers: Int, folder: String) async throws {
        let inputs = try InputDiscovery.discover([folder], extensions: DocumentReader.textExtensions)
        // Left for the parent to delete with the scratch folder after every run: on ext4 without a journal,
        // creating files soon after deleting many makes the kernel skip the recently freed inodes one by one,
        // which would charge one configuration for the previous one's clean-up.
        let out = URL(fileURLWithPath: folder + "-out-\(workers)")
        var sink = JSONDirectorySink(directory: out)
        let summary = await Pipeline(workers: workers, processor: try DocumentProcessor()).run(inputs, into: &sink)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        let result = Result(
            documents: summary.documents, seconds: summary.seconds, bytes: summary.bytes, peakKilobytes: usage.ru_maxrss,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
        FileHandle.standardOutput.write(try JSONEncoder().encode(result))
    }
}
