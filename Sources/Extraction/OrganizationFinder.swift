import Foundation
import Normalization
import RecordModel

/// Finds the local administration a document is about, with its district and province.
///
/// Every mention of an administration ("เทศบาลตำบลนาแซง", "อบต.เว่อ") is counted; mentions in the header
/// (department, subject, title) count more, and the most-mentioned name wins, so that a stray mention of
/// another organisation (copied from someone else's document) does not take over. District and province
/// come from "อำเภอX" / "จังหวัดX" written right after a mention of the winning name, else from the most
/// frequent such words in the document.
struct OrganizationFinder: Sendable {
    /// Full type names, longest first so that "องค์การบริหารส่วนตำบล" is not read as something shorter.
    private static let types: [(prefix: String, type: String)] = [
        ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด"),
        ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล"),
        ("เทศบาลนคร", "เทศบาลนคร"),
        ("เทศบาลเมือง", "เทศบาลเมือง"),
        ("เทศบาลตำบล", "เทศบาลตำบล"),
        ("อบจ.", "องค์การบริหารส่วนจังหวัด"),
        ("อบต.", "องค์การบริหารส่วนตำบล"),
        ("ทน.", "เทศบาลนคร"),
        ("ทม.", "เทศบาลเมือง"),
        ("ทต.", "เทศบาลตำบล"),
    ]

    /// Words that end a name glued to the text after it.
    private static let stopWords = [
        "อำเภอ", "จังหวัด", "ประจำปี", "ปีงบประมาณ", "ได้", "ซึ่ง", "โดย", "เพื่อ", "ควร", "ดังนี้",
        "พบว่า", "มีผล", "มีค่า", "มีคะแนน", "อ.", "จ.",
    ]

    /// Words that follow an abbreviation and a space without being a name.
    private static let functionWords = ["หรือ", "และ", "ได้", "ซึ่ง", "โดย", "เพื่อ", "จะ", "ก็", "ทั้ง", "ของ", "ที่"]

    private static let typePatterns = PatternSet(types.map(\.prefix))
    private static let stopPatterns = PatternSet(stopWords)

    /// Where a name ends: at a space, tab, bracket, comma, semicolon, colon or quote (“ ” included).
    static func nameEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x3B, 0x3A, 0x22, 0x27: return i
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9C || bytes[i + 2] == 0x9D): return i
            default: i += 1
            }
        }
        return i
    }

    struct Mention {
        var name: String
        var type: String
        var line: Int
        var after: Substring
    }

    /// The organisation, and another one named in the body (a copy from someone else's document), if any.
    func find(lines: [TextLine], headerText: [String]) -> (organization: Organization, stray: (name: String, line: Location)?) {
        let (organization, mentions) = findWithMentions(lines: lines, headerText: headerText)
        guard let name = organization.name, let type = organization.type else { return (organization, nil) }
        let owner = Array(name.unicodeScalars.dropFirst(type.unicodeScalars.count))
        // Spelling variants, and names glued to the words after them ("ม่วงหมุ่มีการจัดทำ"), are the same
        // one: its local name is compared with as many characters of theirs.
        let stray = mentions.first { mention in
            guard mention.type == type else { return true }
            let other = Array(mention.name.unicodeScalars.dropFirst(type.unicodeScalars.count).prefix(owner.count))
            return Similarity.distance(owner, other, atMost: max(1, owner.count / 5)) == nil
        }
        return (organization, stray.map { (String(String.UnicodeScalarView($0.name.unicodeScalars.prefix(40))), lines[$0.line].at) })
    }

    private func findWithMentions(lines: [TextLine], headerText: [String]) -> (Organization, [Mention]) {
        var weight: [String: Int] = [:]
        var typeOf: [String: String] = [:]
        var firstSeen: [String: Int] = [:]
        var mentions: [Mention] = []
        for (index, line) in lines.enumerated() {
            for mention in self.mentions(in: line.text, line: index) {
                mentions.append(mention)
                weight[mention.name, default: 0] += 1
                typeOf[mention.name] = mention.type
                if firstSeen[mention.name] == nil { firstSeen[mention.name] = index }
            }
        }
        for text in headerText {
            for mention in self.mentions(in: text, line: -1) {
                weight[mention.name, default: 0] += 5
                typeOf[mention.name] = mention.type
                if firstSeen[mention.name] == nil { firstSeen[mention.name] = -1 }
            }
        }
        guard let name = weight.keys.max(by: { a, b in
            weight[a]! != weight[b]! ? weight[a]! < weight[b]! : firstSeen[a]! > firstSeen[b]!
        }) else {
            return (Organization(
                name: nil, type: nil, district: place("อำเภอ", lines: lines, owner: nil),
                province: place("จังหวัด", lines: lines, owner: nil)), [])
        }
        var district: String?
        var province: String?
        for mention in mentions where mention.name == name {
            let words = Self.words(mention.after, upTo: 4)
            for word in words {
                if district == nil, let value = value(of: word, prefix: "อำเภอ") ?? value(of: word, prefix: "อ.") { district = value }
                if province == nil, let value = value(of: word, prefix: "จังหวัด") ?? value(of: word, prefix: "จ.") { province = value }
            }
            if district != nil && province != nil { break }
        }
        let type = typeOf[name]!
        if province == nil && type == "องค์การบริหารส่วนจังหวัด" {
            province = String(name.dropFirst("องค์การบริหารส่วนจังหวัด".count))
        }
        return (Organization(
            name: name, type: type,
            district: district ?? place("อำเภอ", lines: lines, owner: name),
            province: province ?? place("จังหวัด", lines: lines, owner: name)), mentions)
    }

    /// Mentions of administrations in one line, named in full ("อบต.เว่อ" is "องค์การบริหารส่วนตำบลเว่อ").
    func mentions(in text: String, line: Int) -> [Mention] {
        let hits = Self.typePatterns.matches(in: text)
        guard !hits.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        var found: [Mention] = []
        var covered = 0
        // Hits come earliest first, the longest prefix first at one position; a hit inside another is dropped.
        for hit in hits where hit.range.lowerBound >= covered {
            covered = hit.range.upperBound
            let (prefix, type) = Self.types[hit.pattern]
            var start = hit.range.upperBound
            if prefix.utf8.last == UInt8(ascii: ".") {
                while start < bytes.count && bytes[start] == 0x20 { start += 1 }
                // "สำนักปลัด อบจ. หรือ ส่วนราชการอื่น": a word after the space, not a name.
                if start > hit.range.upperBound,
                    Self.functionWords.contains(where: { bytes[start...].starts(with: $0.utf8) })
                {
                    continue
                }
            }
            var end = bytes.withUnsafeBufferPointer { Self.nameEnd($0, from: start) }
            let after = end
            let name = bytes[start..<end]
            // A name glued to the words after it ends at the first stop word (one at its start is part of it).
            if let stop = Self.stopPatterns.matches(in: String(decoding: name, as: UTF8.self)).first(where: { $0.range.lowerBound > 0 }) {
                end = start + stop.range.lowerBound
            }
            while end > start, bytes[end - 1] == UInt8(ascii: ".") || (end - start >= 3 && bytes[(end - 3)..<end].elementsEqual([0xE2, 0x80, 0xA6])) {
                end -= bytes[end - 1] == UInt8(ascii: ".") ? 1 : 3
            }
            let local = String(decoding: bytes[start..<end], as: UTF8.self)
            if local.count >= 2, local.unicodeScalars.first.map(isThaiConsonant) == true {
                let rest = text.utf8.index(text.startIndex, offsetBy: after)
                found.append(Mention(name: type + local, type: type, line: line, after: text[rest...]))
            }
        }
        return found
    }

    /// The first `limit` space-separated words (cut on bytes: splitting Thai into Characters is slow).
    private static func words(_ text: Substring, upTo limit: Int) -> [Substring] {
        text.utf8.split(separator: 0x20, maxSplits: limit, omittingEmptySubsequences: true).prefix(limit).map { Substring($0) }
    }

    private func value(of word: Substring, prefix: String) -> String? {
        guard word.utf8.starts(with: prefix.utf8) else { return nil }
        let value = Substring(word.utf8.dropFirst(prefix.utf8.count)).trimmed(".,;:()")
        return value.count >= 2 ? value : nil
    }

    /// The most frequent "อำเภอX" or "จังหวัดX" in the document, not counting the จังหวัด inside
    /// "องค์การบริหารส่วนจังหวัด" nor the place written right after another organisation than `owner`
    /// (that one is the other organisation's).
    private func place(_ prefix: String, lines: [TextLine], owner: String?) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines {
            var start = line.text.startIndex
            while let range = line.text.find(prefix, from: start) {
                start = range.upperBound
                let before = line.text[..<range.lowerBound]
                if before.utf8.reversed().starts(with: "ส่วน".utf8.reversed()) { continue }
                if let other = mentions(in: String(before), line: 0).last, other.name != owner,
                    Self.words(other.after, upTo: 4).count < 4
                {
                    continue
                }
                let rest = line.text[range.upperBound...]
                let length = rest.utf8.withContiguousStorageIfAvailable { Self.nameEnd($0, from: 0) }
                    ?? Array(rest.utf8).withUnsafeBufferPointer { Self.nameEnd($0, from: 0) }
                let value = String(rest.utf8.prefix(length))!
                guard value.count >= 2, value.unicodeScalars.first.map(isThaiConsonant) == true else { continue }
                if counts[value] == nil { order.append(value) }
                counts[value, default: 0] += 1
            }
        }
        return order.max { counts[$0]! < counts[$1]! }
    }
}

func isThaiConsonant(_ scalar: Unicode.Scalar) -> Bool {
    (0x0E01...0x0E2E).contains(scalar.value) || (0x0E40...0x0E44).contains(scalar.value)
}
