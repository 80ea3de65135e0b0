import Foundation

/// One document to convert: where it is and how it is named in the output.
public struct InputFile: Sendable, Equatable {
    /// The path as the user would write it: the INPUT argument joined with the path below it.
    public var displayPath: String
    /// The path relative to its INPUT root (the file name for a file argument); output files are named by it.
    public var relativePath: String
    public var url: URL

    public init(displayPath: String, relativePath: String, url: URL) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.url = url
    }
}

/// Why the inputs of a run could not be listed.
public enum DiscoveryError: Error, CustomStringConvertible {
    case missing(String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or folder"
        }
    }
}

/// Lists the documents named by INPUT arguments: files as given, folders recursively.
///
/// In a folder, files with one of the `extensions` are taken (hidden files and folders are skipped), in
/// path order so that runs are reproducible. A `.sarabunignore` file at a folder's root lists paths below
/// it to skip (one per line, `#` comments; a trailing `/` marks a folder), for example gold files kept
/// beside the documents.
public enum InputDiscovery {
    /// The file name of the skip list read at the root of a folder input.
    public static let ignoreFileName = ".sarabunignore"

    public static func discover(_ inputs: [String], extensions: Set<String>) throws -> [InputFile] {
        var files: [InputFile] = []
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else { throw DiscoveryError.missing(input) }
            let rootURL = URL(fileURLWithPath: input).standardizedFileURL
            if !isDirectory.boolValue {
                files.append(InputFile(displayPath: input, relativePath: rootURL.lastPathComponent, url: rootURL))
                continue
            }
            let ignored = readIgnoreList(rootURL.appendingPathComponent(ignoreFileName))
            let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
            var found: [InputFile] = []
            let enumerator = fm.enumerator(
                at: rootURL, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                options: [.skipsHiddenFiles]
            )
            while let url = enumerator?.nextObject() as? URL {
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(rootPath) else { continue }
                let relative = String(path.dropFirst(rootPath.count))
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
                if values?.isDirectory == true {
                    if isIgnored(relative + "/", ignored) { enumerator?.skipDescendants() }
                    continue
                }
                guard values?.isRegularFile == true, extensions.contains(url.pathExtension.lowercased()),
                    !isIgnored(relative, ignored)
                else { continue }
                let display = input.hasSuffix("/") ? input + relative : input + "/" + relative
                found.append(InputFile(displayPath: display, relativePath: relative, url: url.standardizedFileURL))
            }
            files += found.sorted { $0.relativePath < $1.relativePath }
        }
        return files
    }

    private static func readIgnoreList(_ url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
    }

    private static func isIgnored(_ relative: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            pattern.hasSuffix("/") ? relative.hasPrefix(pattern) : relative == pattern
        }
    }
}
