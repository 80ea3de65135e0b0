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

    /// An input a folder held that is no document of the run, and why.
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    /// The documents the inputs name, and what their folders held that is none.
    public struct Survey: Sendable {
        public var files: [InputFile] = []
        /// Files of another type, symbolic links and folders that could not be read (hidden files and what
        /// a `.sarabunignore` lists are left out on purpose and not named).
        public var skipped: [Skipped] = []
    }

    public static func discover(_ inputs: [String], extensions: Set<String>) throws -> [InputFile] {
        try survey(inputs, extensions: extensions).files
    }

    public static func survey(_ inputs: [String], extensions: Set<String>) throws -> Survey {
        var survey = Survey()
        let fm = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDirectory) else { throw DiscoveryError.missing(input) }
            let rootURL = URL(fileURLWithPath: input).standardizedFileURL
            if !isDirectory.boolValue {
                survey.files.append(InputFile(displayPath: input, relativePath: rootURL.lastPathComponent, url: rootURL))
                continue
            }
            let ignored = readIgnoreList(rootURL.appendingPathComponent(ignoreFileName))
            let rootPath = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
            func display(_ relative: String) -> String { input.hasSuffix("/") ? input + relative : input + "/" + relative }
            var found: [InputFile] = []
            var skipped: [Skipped] = []
            let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey]
            let enumerator = fm.enumerator(at: rootURL, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) { url, error in
                let path = url.standardizedFileURL.path
                let relative = path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
                skipped.append(Skipped(path: display(relative), reason: "unreadable folder (\(error.localizedDescription))"))
                return true
            }
            while let url = enumerator?.nextObject() as? URL {
                let path = url.standardizedFileURL.path
                guard path.hasPrefix(rootPath) else { continue }
                let relative = String(path.dropFirst(rootPath.count))
                let values = try? url.resourceValues(forKeys: Set(keys))
                if values?.isSymbolicLink == true {
                    if !isIgnored(relative, ignored) { skipped.append(Skipped(path: display(relative), reason: "symbolic link")) }
                    continue
                }
                if values?.isDirectory == true {
                    if isIgnored(relative + "/", ignored) { enumerator?.skipDescendants() }
                    continue
                }
                guard values?.isRegularFile == true, !isIgnored(relative, ignored) else { continue }
                guard extensions.contains(url.pathExtension.lowercased()) else {
                    let type = url.pathExtension.isEmpty ? "no extension" : "." + url.pathExtension
                    skipped.append(Skipped(path: display(relative), reason: "unsupported type (\(type))"))
                    continue
                }
                found.append(InputFile(displayPath: display(relative), relativePath: relative, url: url.standardizedFileURL))
            }
            survey.files += found.sorted { $0.relativePath < $1.relativePath }
            survey.skipped += skipped.sorted { $0.path < $1.path }
        }
        return survey
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
