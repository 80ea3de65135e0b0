import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same
/// folder, are flushed to disk, and the temporary file is renamed over the target in one step.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw posixError("create \(temporary.path)") }
        var ok = false
        defer {
            if !ok { unlink(temporary.path) }
        }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw posixError("write \(temporary.path)")
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw posixError("sync \(temporary.path)") }
        }
        guard rename(temporary.path, url.path) == 0 else { throw posixError("rename to \(url.path)") }
        ok = true
    }

    /// Deletes the temporary files that a process killed mid-write left under `directory` (recursively),
    /// and returns how many there were. Only names of the form ``write(_:to:)`` uses are touched; call it
    /// before a run, when no other process writes into the folder.
    @discardableResult
    public static func removeLeftovers(under directory: URL) throws -> Int {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        else { return 0 }
        var removed = 0
        while let url = enumerator.nextObject() as? URL {
            guard isTemporaryName(url.lastPathComponent) else { continue }
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return removed
    }

    /// `.NAME.UUID.tmp`, as ``write(_:to:)`` names its temporary files.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let stem = name.dropLast(4)
        guard let dot = stem.lastIndex(of: ".") else { return false }
        return UUID(uuidString: String(stem[stem.index(after: dot)...])) != nil
    }

    private static func posixError(_ what: String) -> NSError {
        let code = errno
        return NSError(
            domain: NSPOSIXErrorDomain, code: Int(code),
            userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(code)))"])
    }
}
