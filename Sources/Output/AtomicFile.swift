import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the same
/// folder, are flushed to disk, and the temporary file is renamed over the target in one step.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        // One mkdir call when the folder is there already (the usual case); FileManager for the rest.
        if mkdir(folder.path, 0o755) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let target = url.path
        let temporary = folder.path + "/.\(url.lastPathComponent).\(UUID().uuidString).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw posixError("create \(temporary)") }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw posixError("write \(temporary)")
                    }
                    offset += n
                }
            }
            guard fsync(fd) == 0 else { throw posixError("sync \(temporary)") }
        }
        guard rename(temporary, target) == 0 else { throw posixError("rename to \(target)") }
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
