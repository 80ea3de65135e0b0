import Foundation

/// What an earlier run left, for `--resume`: the digests its database holds at this pipeline version, and
/// its output folder. A document is left alone only when both hold it, the database by content and the
/// folder by path: a file whose twin (same bytes, another path) was stored, or whose record file never got
/// written before the run was killed, is done again.
public struct ResumePoint: Sendable {
    public let digests: Set<String>
    public let directory: URL

    public init(digests: Set<String>, directory: URL) {
        self.digests = digests
        self.directory = directory
    }

    /// Whether the input at `relativePath`, whose content has `sha256`, has its own record (or its reject)
    /// in the folder, written from this content.
    public func isDone(relativePath: String, sha256: String) -> Bool {
        guard digests.contains(sha256) else { return false }
        let sink = JSONDirectorySink(directory: directory)
        let digest = Data(sha256.utf8)
        return [Disposition.record, .reject].contains { disposition in
            let file = sink.folder(disposition).appendingPathComponent(relativePath + ".json")
            return FileManager.default.contents(atPath: file.path)?.range(of: digest) != nil
        }
    }
}
