import Foundation
import RecordModel
import Testing

@testable import Output

func temporaryFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func sampleRecord(file: String, valid: Bool = true) -> Record {
    let issues = valid ? [] : [ValidationIssue(severity: .error, code: "schema", path: "/x", message: "broken")]
    return Record(
        source: Source(file: file, sha256: String(repeating: "0", count: 64), bytes: 1, format: .text),
        document: DocumentInfo(kind: .report),
        validation: ValidationReport(issues: issues))
}

@Suite struct AtomicFileTests {
    @Test func replacesWholeAndLeavesNoTemporaryFiles() throws {
        let dir = try temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("deep/er/file.json")
        try AtomicFile.write(Data("first".utf8), to: target)
        try AtomicFile.write(Data("second, longer".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second, longer")
        let left = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
        #expect(left == ["file.json"])
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporary() throws {
        let dir = try temporaryFolder("atomic-fail")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A folder where the file should be: rename fails after the temporary file was written.
        let target = dir.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try AtomicFile.write(Data("x".utf8), to: target) }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == ["taken"])
    }
}

@Suite struct JSONDirectorySinkTests {
    @Test func validRecordsAndRejectsGoToTheirFolders() throws {
        let dir = try temporaryFolder("sink")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sink = JSONDirectorySink(directory: dir)
        #expect(try sink.write(OutputItem(relativePath: "a/one.txt", outcome: .extracted(sampleRecord(file: "one")))) == .record)
        #expect(try sink.write(OutputItem(relativePath: "two.txt", outcome: .extracted(sampleRecord(file: "two", valid: false)))) == .reject)
        let failure = DocumentFailure(stage: "read", reason: "empty file", file: "in/three.txt", bytes: 0)
        #expect(try sink.write(OutputItem(relativePath: "three.txt", outcome: .failed(failure))) == .reject)

        let one = try Data(contentsOf: dir.appendingPathComponent("records/a/one.txt.json"))
        #expect(try RecordCoding.decoder().decode(Record.self, from: one).source.file == "one")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("rejects/two.txt.json").path))
        let three = try Data(contentsOf: dir.appendingPathComponent("rejects/three.txt.json"))
        let decoded = try JSONDecoder().decode(JSONDirectorySink.FailureFile.self, from: three)
        #expect(decoded.failure == failure)
    }

    @Test func namesNeverCollide() throws {
        let dir = try temporaryFolder("collide")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sink = JSONDirectorySink(directory: dir)
        // Two INPUT roots with the same relative path, and a .txt beside a .md of the same stem.
        for (path, file) in [("doc.txt", "root1/doc.txt"), ("doc.txt", "root2/doc.txt"), ("doc.md", "root1/doc.md")] {
            _ = try sink.write(OutputItem(relativePath: path, outcome: .extracted(sampleRecord(file: file))))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("records").path).sorted()
        #expect(names == ["doc.md.json", "doc.txt.json", "doc.txt~2.json"])
        let second = try Data(contentsOf: dir.appendingPathComponent("records/doc.txt~2.json"))
        #expect(try RecordCoding.decoder().decode(Record.self, from: second).source.file == "root2/doc.txt")
    }

    @Test func aDocumentIsNeverBothRecordAndReject() throws {
        let dir = try temporaryFolder("stale")
        defer { try? FileManager.default.removeItem(at: dir) }
        var first = JSONDirectorySink(directory: dir)
        _ = try first.write(OutputItem(relativePath: "x.txt", outcome: .extracted(sampleRecord(file: "x", valid: false))))
        var second = JSONDirectorySink(directory: dir)
        _ = try second.write(OutputItem(relativePath: "x.txt", outcome: .extracted(sampleRecord(file: "x"))))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("records/x.txt.json").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("rejects/x.txt.json").path))
    }

    @Test func everyKeyIsWrittenEvenWhenNull() throws {
        let data = try RecordCoding.encode(sampleRecord(file: "f"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["memo"] is NSNull)
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["title"] is NSNull)
        #expect(document["fiscal_year_be"] is NSNull)
        #expect((document["organization"] as? [String: Any])?.keys.sorted() == ["district", "name", "province", "type"])
    }
}

@Suite struct ResumableOutputTests {
    /// What a killed write leaves (`.NAME.UUID.tmp`) is removed before the next run; nothing else is.
    @Test func leftoverTemporaryFilesAreRemoved() throws {
        let dir = try temporaryFolder("leftovers")
        defer { try? FileManager.default.removeItem(at: dir) }
        let records = dir.appendingPathComponent("records/a")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        let leftover = records.appendingPathComponent(".x.txt.json.\(UUID().uuidString).tmp")
        for url in [leftover, records.appendingPathComponent(".notes.tmp"), records.appendingPathComponent("x.txt.json")] {
            try Data("{".utf8).write(to: url)
        }
        #expect(try AtomicFile.removeLeftovers(under: dir) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: records.path).sorted() == [".notes.tmp", "x.txt.json"])
    }

    /// A skipped document writes nothing, but its name stays taken, so the outputs of a resumed run are
    /// named as those of a whole run.
    @Test func skippedDocumentsKeepTheirNames() throws {
        let dir = try temporaryFolder("skipped")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sink = JSONDirectorySink(directory: dir)
        #expect(try sink.write(OutputItem(relativePath: "doc.txt", outcome: .skipped(sha256: "s"))) == .skipped)
        _ = try sink.write(OutputItem(relativePath: "doc.txt", outcome: .extracted(sampleRecord(file: "root2/doc.txt"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("records").path) == ["doc.txt~2.json"])
    }

    /// Records and failures come back as they were written, from both folders.
    @Test func anOutputFolderReadsBack() throws {
        let dir = try temporaryFolder("read-back")
        defer { try? FileManager.default.removeItem(at: dir) }
        var sink = JSONDirectorySink(directory: dir)
        let record = sampleRecord(file: "a.txt")
        let failure = DocumentFailure(stage: "read", reason: "empty file", file: "b.txt", sha256: "e", bytes: 0)
        _ = try sink.write(OutputItem(relativePath: "a.txt", outcome: .extracted(record)))
        _ = try sink.write(OutputItem(relativePath: "b.txt", outcome: .failed(failure)))
        let files = try OutputFolder.jsonFiles(under: dir)
        #expect(files.map(\.lastPathComponent) == ["a.txt.json", "b.txt.json"])
        guard case .extracted(let back) = try OutputFolder.read(files[0]) else { Issue.record("not a record"); return }
        #expect(back == record)
        guard case .failed(let failed) = try OutputFolder.read(files[1]) else { Issue.record("not a failure"); return }
        #expect(failed == failure)
    }
}

@Suite struct RunLedgerTests {
    @Test func linesAreAppendedRunAfterRunAndACutLastLineIsPassedOver() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sarabun-ledger-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = LedgerEntry(run: "r1", program: "p", pipeline: "1", path: "a.txt", sha256: "aa", status: .ok, milliseconds: 5, warnings: 0)
        let second = LedgerEntry(run: "r2", program: "p", pipeline: "1", path: "b.pdf", status: .failed, stage: "read", reason: "encrypted")
        try RunLedger(directory: folder).append(first)
        try RunLedger(directory: folder).append(second)
        // A run killed while writing its next line.
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(RunLedger.fileName))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"run":"r3","path":"c.t"#.utf8))
        try handle.close()
        #expect(try RunLedger.read(folder) == [first, second])
    }
}
