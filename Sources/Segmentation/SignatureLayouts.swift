import Genre
import Normalization
import RecordModel

/// Signature blocks laid out other than one block down the page: blocks side by side on shared lines,
/// and a closing block inside HTML paragraph markup. Both are cut into the lines one block would have,
/// and read by ``LineBytes/parseSignature(at:)`` like any other block.
extension LineBytes {
    private static let signMark = Array(Genre.signMark.utf8)
    private static let positionHeads = Genre.positionHeads.map { Array($0.utf8) }
    private static let actingWords = Genre.actingWords

    /// The signature blocks starting at line `i`, and the index after them.
    func parseSignatures(at i: Int) -> ([SignatureBlock], Int)? {
        if let sideBySide = parseSideBySide(at: i) { return sideBySide }
        return parseSignature(at: i).map { ([$0.0], $0.1) }
    }

    // MARK: Side by side

    /// The starts of the sign marks on a line holding several, "(ลงชื่อ)        (ลงชื่อ) สิบเอก".
    private func signMarkStarts(_ i: Int) -> [Int] {
        guard signMarkEnd(i) != nil else { return [] }
        let b = bytes[i]
        var starts: [Int] = []
        var k = lo[i]
        while let found = Bytes.find(b, Self.signMark, from: k, to: hi[i]) {
            // The mark's opening parenthesis, "( ลงชื่อ )" too.
            var open = found
            while open > lo[i], b[open - 1] == 0x20 { open -= 1 }
            starts.append(open > lo[i] && b[open - 1] == UInt8(ascii: "(") ? open - 1 : found)
            k = found + Self.signMark.count
        }
        return starts
    }

    /// The bounds of the parenthesized names a line holds side by side, when it holds nothing else.
    private func nameGroups(_ i: Int) -> [Range<Int>] {
        guard !isBlank(i), !innerTab[i], bytes[i][lo[i]] == UInt8(ascii: "(") else { return [] }
        let b = bytes[i]
        var groups: [Range<Int>] = []
        var k = lo[i]
        while k < hi[i] {
            if b[k] == 0x20 {
                k += 1
                continue
            }
            guard b[k] == UInt8(ascii: "("), let close = b[k..<hi[i]].firstIndex(of: UInt8(ascii: ")")) else { return [] }
            guard Self.isParenthesizedName(b, from: k, to: close + 1, relaxed: true) else { return [] }
            groups.append(k..<close + 1)
            k = close + 1
        }
        return groups
    }

    /// Whether line `i` holds several names in parentheses side by side, each opening with a title or rank.
    func startsSideBySideNames(_ i: Int) -> Bool {
        let groups = nameGroups(i)
        return groups.count >= 2 && groups.allSatisfy { Self.hasNameOpening(bytes[i], from: $0.lowerBound, to: $0.upperBound) }
    }

    /// Blocks side by side: a (ลงชื่อ) line with several marks, or a line of several names in parentheses
    /// each opening with a title or rank; the position lines under them are cut into as many columns.
    private func parseSideBySide(at i: Int) -> ([SignatureBlock], Int)? {
        guard var (pieces, end) = sideBySideHead(at: i) else { return nil }
        let columns = pieces.count
        while end < count, end - i <= 5, !isBlank(end), isPositionLike(end), let texts = positions(end, columns) {
            for (c, text) in texts.enumerated() { pieces[c].append(TextLine(text: text, at: lines[end].at)) }
            end += 1
        }
        var blocks: [SignatureBlock] = []
        for column in pieces {
            guard let (block, _) = LineBytes(column).parseSignature(at: 0) else { return nil }
            blocks.append(block)
        }
        return (blocks, end)
    }

    /// The (ลงชื่อ) and name lines of side-by-side blocks, one list per column, left first, and the index
    /// after them.
    private func sideBySideHead(at i: Int) -> ([[TextLine]], Int)? {
        func text(_ line: Int, _ range: Range<Int>) -> TextLine {
            TextLine(text: CellText.clean(String(decoding: bytes[line][range], as: UTF8.self)), at: lines[line].at)
        }
        let marks = signMarkStarts(i)
        guard marks.count >= 2 else {
            guard startsSideBySideNames(i) else { return nil }
            return (nameGroups(i).map { [text(i, $0)] }, i + 1)
        }
        let signs = marks.indices.map { n in text(i, marks[n]..<(n + 1 < marks.count ? marks[n + 1] : hi[i])) }
        // "ลงชื่อ……(นายก ข) ลงชื่อ……(นายค ง)": each column's name on the sign line itself.
        let inline = signs.allSatisfy { sign in
            sign.text.firstRange(of: Genre.signMark).map { sign.text[$0.upperBound...].contains("(") } ?? false
        }
        if inline { return (signs.map { [$0] }, i + 1) }
        guard let next = nextNonBlank(from: i + 1, maxBlank: 2) else { return nil }
        let names = nameGroups(next)
        guard names.count == marks.count else { return nil }
        return (zip(signs, names).map { [$0, text(next, $1)] }, next + 1)
    }

    /// A line of side-by-side positions cut into `columns` pieces. The line's spacing is gone, so a cut
    /// falls where a word begins a position (ปลัด…, นายก…, นัก…) and the word before it ends no acting
    /// phrase; of several such places, those nearest an even share of the line.
    private func positions(_ i: Int, _ columns: Int) -> [String]? {
        let text = trimmed(i)
        let words = text.split(separator: " ").map(String.init)
        guard words.count >= columns else { return nil }
        if words.count == columns { return words }
        // "ตำแหน่ง X ตำแหน่ง Y": each column opens with the position lead.
        let leads = words.indices.filter { words[$0] == Genre.positionLead }
        if leads.count == columns, leads.first == 0 {
            let bounds = leads + [words.count]
            return (0..<columns).map { words[bounds[$0]..<bounds[$0 + 1]].joined(separator: " ") }
        }
        var candidates: [Int] = []
        for w in 1..<words.count {
            let word = Array(words[w].utf8)
            guard Self.positionHeads.contains(where: { Bytes.hasPrefix(word, from: 0, to: word.count, $0) }) else { continue }
            if Self.actingWords.contains(where: words[w - 1].hasSuffix) { continue }
            candidates.append(w)
        }
        guard candidates.count >= columns - 1 else { return nil }
        let offsets = words.indices.map { w in words[..<w].reduce(0) { $0 + $1.count + 1 } }
        var cuts: [Int] = []
        for share in 1..<columns {
            let target = text.count * share / columns
            let best = candidates.filter { $0 > (cuts.last ?? 0) }
                .min { abs(offsets[$0] - target) < abs(offsets[$1] - target) }
            guard let best else { return nil }
            cuts.append(best)
        }
        let bounds = [0] + cuts + [words.count]
        return (0..<columns).map { words[bounds[$0]..<bounds[$0 + 1]].joined(separator: " ") }
    }

    // MARK: Inside markup

    /// A closing block written inside HTML paragraphs, one line or several: `<p>(นายวิชัย ทองคำ)<br>นายก…</p>`.
    /// The markup lines from `i` are cut at their line-break tags into the lines of a small document; the
    /// blocks read from it must use up whole source lines.
    func parseMarkupSignatures(at i: Int) -> ([SignatureBlock], Int)? {
        guard isMarkupLine(i) else { return nil }
        var pieces: [TextLine] = []
        var source: [Int] = []
        var k = i
        while k < count, k - i < 6, isMarkupLine(k) {
            for text in markupPieces(k) {
                pieces.append(TextLine(text: text, at: lines[k].at))
                source.append(k)
            }
            k += 1
        }
        let sub = LineBytes(pieces)
        guard !pieces.isEmpty, sub.isSignatureStart(0) else { return nil }
        var blocks: [SignatureBlock] = []
        var used = 0
        while used < sub.count, sub.isSignatureStart(used), let (found, next) = sub.parseSignatures(at: used) {
            blocks += found
            used = next
        }
        guard used > 0, used == sub.count || source[used] != source[used - 1] else { return nil }
        return (blocks, source[used - 1] + 1)
    }

    /// Whether a markup signature block starts at line `i`.
    func isMarkupSignatureStart(_ i: Int) -> Bool {
        guard isMarkupLine(i) else { return false }
        let sub = LineBytes(markupPieces(i).map { TextLine(text: $0, at: lines[i].at) })
        return sub.count > 0 && sub.isSignatureStart(0)
    }

    /// A line of HTML paragraph markup (not a table).
    private func isMarkupLine(_ i: Int) -> Bool {
        !isBlank(i) && bytes[i][lo[i]] == UInt8(ascii: "<") && !isHTMLTableStart(i)
    }

    /// The cleaned texts of a markup line, cut at its line-break tags.
    private func markupPieces(_ i: Int) -> [String] {
        bytes[i].withUnsafeBufferPointer { CellText.lines(bytes: $0) }
    }
}
