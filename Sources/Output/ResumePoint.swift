import Foundation

/// What an earlier run left, for `--resume`: per input path, the digest of the content its stored record
/// was made from and its JSON file. A document is left alone only when its own path's row holds its
/// current content and the JSON file is there: a changed file, a file whose twin (same bytes, another
/// path) was stored, or one whose rows never got committed before the run was killed, is done again.
public struct ResumePoint: Sendable {
    /// A stored path: the digest its record was made from, and the record's file relative to the output folder.
    public struct StoredFile: Sendable, Equatable {
        public var sha256: String
        public var file: String

        public init(sha256: String, file: String) {
            self.sha256 = sha256
            self.file = file
        }
    }

    public let stored: [String: StoredFile]
    public let directory: URL

    public init(stored: [String: StoredFile], directory: URL) {
        self.stored = stored
        self.directory = directory
    }

    /// Whether the input at `relativePath`, whose content has `sha256`, has its own record (or its reject)
    /// in the folder, made from this content.
    public func isDone(relativePath: String, sha256: String) -> Bool {
        guard let file = stored[relativePath], file.sha256 == sha256 else { return false }
        return FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.file).path)
    }
}
