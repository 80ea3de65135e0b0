import Foundation
import Normalization
import RecordModel
@testable import Segmentation

/// TextLines from a string: split on "\n", line numbers from 1, no page.
func textLines(_ text: String) -> [TextLine] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
        TextLine(text: String(line), at: Location(line: index + 1))
    }
}

/// Segments a fixture string.
func segment(_ text: String) -> [Block] {
    Segmenter().segment(textLines(text))
}

/// The lines of a corpus file, with the character normalization the segmenter expects applied
/// here in a minimal form (the real normalizer is not used): Thai digits to ASCII, runs of spaces
/// collapsed, spaces next to tabs removed, spaces at the ends trimmed.
func corpusLines(_ prefix: String) throws -> [TextLine] {
    let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path)
    guard let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
    return textLines(text).map { TextLine(text: minimalNormalize($0.text), at: $0.at) }
}

func minimalNormalize(_ s: String) -> String {
    var scalars = String.UnicodeScalarView()
    var lastSpace = false
    for u in s.unicodeScalars {
        var v = u
        if (0x0E50...0x0E59).contains(u.value) { v = Unicode.Scalar(u.value - 0x0E50 + 0x30)! }
        if v == " " || v == "\u{00A0}" || v == "\r" {
            if !lastSpace { scalars.append(" ") }
            lastSpace = true
            continue
        }
        lastSpace = false
        scalars.append(v)
    }
    let parts = String(scalars).split(separator: "\t", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .init(charactersIn: " ")) }
    return parts.joined(separator: "\t")
}

extension Block {
    var table: Table? { if case .table(let t) = self { t } else { nil } }
    var signature: SignatureBlock? { if case .signature(let s) = self { s } else { nil } }
    var headerField: HeaderField? { if case .headerField(let f) = self { f } else { nil } }
    var paragraph: [TextLine]? { if case .paragraph(let p) = self { p } else { nil } }
    var memoTitle: TextLine? { if case .memoTitle(let t) = self { t } else { nil } }

    /// A one-line description, for failure messages and the corpus summary.
    var summary: String {
        switch self {
        case .memoTitle(let t): return "memoTitle@\(t.at.line)"
        case .headerField(let f): return "header \(f.key.rawValue)@\(f.at.line): \(f.lines.map(\.text).joined(separator: " / "))"
        case .paragraph(let p): return "paragraph@\(p[0].at.line)-\(p.last!.at.line)"
        case .table(let t):
            return "table \(t.form.rawValue)@\(t.at.line) header=\(t.headerRows.count) rows=\(t.rows.count) "
                + "lines=\(t.rows.map { String($0.at.line) }.joined(separator: ",")) columns=\(t.columns)"
        case .signature(let s): return "signature@\(s.at.line) lines=\(s.lines.map { String($0.at.line) }.joined(separator: ","))"
        }
    }
}

extension Array where Element == Block {
    var tables: [Table] { compactMap(\.table) }
    var signatures: [SignatureBlock] { compactMap(\.signature) }
    var headerFields: [HeaderField] { compactMap(\.headerField) }
    var paragraphs: [[TextLine]] { compactMap(\.paragraph) }
}
