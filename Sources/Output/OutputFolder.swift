import Foundation
import RecordModel

/// Reads back what ``JSONDirectorySink`` wrote, so that a folder of records can be loaded into a database
/// without extracting again.
public enum OutputFolder {
    /// Every `.json` file below `directory` (both `records/` and `rejects/`), in path order. Hidden files,
    /// among them the temporary files of unfinished writes, are left out.
    public static func jsonFiles(under directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path]) }
        let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json", (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { continue }
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The document a file holds: a record, or a failed document's `{"failure": …}`.
    public static func read(_ url: URL) throws -> DocumentOutcome {
        let data = try Data(contentsOf: url)
        let decoder = RecordCoding.decoder()
        if let failed = try? decoder.decode(JSONDirectorySink.FailureFile.self, from: data) {
            return .failed(failed.failure)
        }
        return .extracted(try decoder.decode(Record.self, from: data))
    }
}
