import TableModel

/// Running headers and footers, and page numbers: lines at the top or bottom edge of the pages that
/// belong to the page, not to the document's text: repeated on the pages, numbering them, or (a header)
/// set smaller than the body text.
enum RunningLines {
    /// Lines this close to the top or bottom edge (a share of the page height) can be running lines.
    static let band = 0.15
    /// At most this many lines are taken off each end of a page (a header and a page number, say).
    static let perEnd = 2

    static func remove(from pages: inout [[Line]], pageHeights: [Double]) {
        // Candidates: the first and last lines of each page, in the top or bottom band.
        struct Candidate {
            var page: Int
            var line: Int
            var top: Bool
            var key: String
            var number: Int?
        }
        var candidates: [Candidate] = []
        for (p, lines) in pages.enumerated() {
            let height = pageHeights[p]
            let ends = Array(Set(Array(lines.indices.prefix(perEnd)) + Array(lines.indices.suffix(perEnd)))).sorted()
            for k in ends {
                let box = lines[k].box
                let top = box.y1 <= band * height
                guard top || box.y0 >= (1 - band) * height else { continue }
                let text = lines[k].text(0..<lines[k].pieces.count)
                candidates.append(Candidate(page: p, line: k, top: top, key: key(text), number: pageNumber(text)))
            }
        }
        var counts: [String: Set<Int>] = [:]
        for c in candidates { counts[(c.top ? "t" : "b") + c.key, default: []].insert(c.page) }
        let repeated = max(2, (pages.count + 1) / 2)
        // The page numbers follow the page order: most of them share one offset from the page index.
        var offsets: [Int: Int] = [:]
        for c in candidates { if let n = c.number { offsets[n - c.page, default: 0] += 1 } }
        let offset = offsets.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        // The body text's size: a page's first line set smaller, at its top edge, is its header even
        // where no other page repeats it (a document of one page).
        let sizes = pages.joined().map(\.style.size).filter { $0 > 0 }.sorted()
        let body = sizes.isEmpty ? 0 : sizes[sizes.count / 2]
        var drop = [Set<Int>](repeating: [], count: pages.count)
        for c in candidates {
            let size = pages[c.page][c.line].style.size
            let small = c.top && c.line == 0 && pages[c.page].count > 1 && size > 0 && size <= 0.9 * body
            let running = (counts[(c.top ? "t" : "b") + c.key]?.count ?? 0) >= repeated || small
            var numbered = false
            if let n = c.number, let offset {
                numbered = pages.count == 1 ? (n == 1 && !c.top) : (n - c.page == offset.key && offset.value >= 2)
            }
            if running || numbered { drop[c.page].insert(c.line) }
        }
        for p in pages.indices where !drop[p].isEmpty {
            pages[p] = pages[p].enumerated().filter { !drop[p].contains($0.offset) }.map(\.element)
        }
    }

    /// The text with digits as "#" and without spaces: the same running line on every page.
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastDigit = false
        for c in text.unicodeScalars where !c.properties.isWhitespace {
            let digit = WrappedLines.isDigit(c)
            if digit, lastDigit { continue }
            out.append(digit ? "#" : c)
            lastDigit = digit
        }
        return String(out)
    }

    /// The number of a page-number line ("5", "- 5 -", "(5)", "หน้า 5", "5/12", "Page 5"), else nil.
    static func pageNumber(_ text: String) -> Int? {
        var s = Substring(text.trimmingWhitespace())
        for word in ["หน้า", "Page", "page"] where s.hasPrefix(word) { s = s.dropFirst(word.count) }
        let decoration: Set<Character> = ["-", "–", "—", "(", ")", " ", "[", "]"]
        s = s.drop { decoration.contains($0) }
        var value = 0
        var digits = 0
        while let c = s.unicodeScalars.first, WrappedLines.isDigit(c), digits < 4 {
            value = value * 10 + Int(c.value >= 0x0E50 ? c.value - 0x0E50 : c.value - 0x30)
            digits += 1
            s = s.dropFirst()
        }
        guard digits > 0 else { return nil }
        if s.first == "/" {
            s = s.dropFirst().drop { WrappedLines.isDigit($0.unicodeScalars.first!) }
        }
        return s.allSatisfy { decoration.contains($0) } ? value : nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
