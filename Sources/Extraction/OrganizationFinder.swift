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

    /// Characters that end a name; compared as scalars, since comparing Thai Characters is slow.
    static func endsName(_ scalar: Unicode.Scalar) -> Bool {
        " \t()[],;:\"“”'".unicodeScalars.contains(scalar)
    }

    struct Mention {
        var name: String
        var type: String
        var line: Int
        var after: Substring
    }

    func find(lines: [TextLine], headerText: [String]) -> Organization {
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
            return Organization(
                name: nil, type: nil, district: place("อำเภอ", lines: lines, owner: nil),
                province: place("จังหวัด", lines: lines, owner: nil))
        }
        var district: String?
        var province: String?
        for mention in mentions where mention.name == name {
            let words = mention.after.split(separator: " ").prefix(4)
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
        return Organization(
            name: name, type: type,
            district: district ?? place("อำเภอ", lines: lines, owner: name),
            province: province ?? place("จังหวัด", lines: lines, owner: name))
    }

    /// Mentions of administrations in one line, named in full ("อบต.เว่อ" is "องค์การบริหารส่วนตำบลเว่อ").
    func mentions(in text: String, line: Int) -> [Mention] {
        // Most lines name no administration: a search for each family's common part rules them out
        // before its prefixes run.
        let families = [("เทศบาล", "เทศบาล"), ("องค์การบริหารส่วน", "องค์การบริหารส่วน"), ("อบ", "อบ"), ("ท", ".")]
        let present = Set(families.filter { text.has($0.1) }.map(\.0))
        guard !present.isEmpty else { return [] }
        var hits: [(range: Range<String.Index>, prefix: String, type: String)] = []
        for (prefix, type) in Self.types where present.contains(where: { prefix.hasPrefix($0) }) {
            var from = text.startIndex
            while let range = text.find(prefix, from: from) {
                hits.append((range, prefix, type))
                from = range.upperBound
            }
        }
        // Earliest first; at one position the longest prefix; a hit inside another is dropped.
        hits.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.prefix.count > $1.prefix.count }
        var found: [Mention] = []
        var covered = text.startIndex
        for hit in hits where hit.range.lowerBound >= covered {
            covered = hit.range.upperBound
            var rest = text[hit.range.upperBound...]
            while rest.first == " " && hit.prefix.hasSuffix(".") { rest = rest.dropFirst() }
            let nameEnd = rest.unicodeScalars.firstIndex(where: Self.endsName) ?? rest.endIndex
            var local = String(rest[..<nameEnd])
            for stop in Self.stopWords {
                if let r = local.find(stop), r.lowerBound > local.startIndex {
                    local = String(local[..<r.lowerBound])
                }
            }
            local = String(local.reversed().drop(while: { $0 == "." || $0 == "…" }).reversed())
            if local.count >= 2, local.unicodeScalars.first.map(isThaiConsonant) == true {
                found.append(Mention(name: hit.type + local, type: hit.type, line: line, after: rest[nameEnd...]))
            }
        }
        return found
    }

    private func value(of word: Substring, prefix: String) -> String? {
        guard word.hasPrefix(prefix) else { return nil }
        let value = word.dropFirst(prefix.count).trimmed(".,;:()")
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
                if before.hasSuffix("ส่วน") { continue }
                if let other = mentions(in: String(before), line: 0).last, other.name != owner,
                    other.after.split(separator: " ").count < 4
                {
                    continue
                }
                let rest = line.text[range.upperBound...]
                let end = rest.unicodeScalars.firstIndex(where: Self.endsName) ?? rest.endIndex
                let value = String(rest[..<end])
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
