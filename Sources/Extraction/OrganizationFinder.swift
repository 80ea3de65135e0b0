import Foundation
import Genre
import Normalization
import RecordModel

/// Finds the organisation a document is about, with its district and province.
///
/// Every mention of an organisation is counted: local administrations in full ("เทศบาลตำบลนาแซง") or
/// abbreviated ("อบต.เว่อ"), and other agencies by their head word ("มหาวิทยาลัย…", "กรม…"); an
/// abbreviation glossed after a full name ("การท่าเรือ… (กทช.)") counts for that name wherever it is
/// written. Mentions in the header (department, subject, title) count more, and the most-mentioned
/// organisation wins, so that a stray mention of another one (copied from someone else's document) does not
/// take over. The assessor and a ceremony's venue are never candidates. District and province come only
/// from place words written for the organisation: right after a mention of it, else the most frequent
/// ones in the document that belong to no other organisation nor to a venue.
struct OrganizationFinder: Sendable {
    /// What a pattern names: a local type written in full or abbreviated, or an agency's head word.
    private struct Head: Sendable {
        var word: String
        var type: String?
        var abbreviated: Bool
    }

    private static let heads: [Head] =
        Genre.localGovernmentTypes.map { Head(word: $0.type, type: $0.type, abbreviated: false) }
        + Genre.localGovernmentTypes.map { Head(word: $0.abbreviation, type: $0.type, abbreviated: true) }
        + Genre.agencyHeads.map { Head(word: $0, type: nil, abbreviated: false) }

    private static let headPatterns = PatternSet(heads.map(\.word))
    private static let stopPatterns = PatternSet(Genre.nameStopWords)
    private static let placeStops = Set(Genre.nameStopWords.indices.filter {
        (Genre.districtWords + Genre.provinceWords).contains(Genre.nameStopWords[$0])
    })
    private static let assessors = Genre.assessorNames.map { Array($0.utf8) }
    private static let notNames = Genre.notAgencyNames.map { Array($0.utf8) }
    private static let glue = Genre.nameGlue.map { Array($0.utf8) }
    private static let localHeads = heads.filter { $0.type != nil }.map { Array($0.word.utf8) }
    private static let glossWords = Genre.glossIntroducers.map { Array(($0 + " ").utf8) }
    private static let localAbbreviations = Genre.localGovernmentTypes.map { Array($0.abbreviation.utf8) }
    private static let functionWords = Genre.functionWords.map { Array($0.utf8) }
    private static let venueCues = PatternSet(Genre.venueCues)
    private static let venueEnds = Genre.venueAddressEnds.map { Array($0.utf8) }

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

    /// How a mention writes the name, from the least to the most trusted for the record.
    enum Form: Int, Comparable {
        /// "อบต.โนนสะอาดใต้"
        case abbreviated
        /// "องค์การบริหารส่วนจังหวัด (อบจ.) พังงา": in full, with the abbreviation inserted.
        case inserted
        /// "องค์การบริหารส่วนจังหวัดพังงา"
        case full

        static func < (a: Form, b: Form) -> Bool { a.rawValue < b.rawValue }
    }

    struct Mention {
        /// The name as the record gives it: the full form, or the abbreviation as written.
        var name: String
        /// The local-government type, nil for another agency.
        var type: String?
        /// The name without its type or head word: what tells two mentions of one type apart.
        var local: String
        var form: Form
        var line: Int
        /// Byte offsets of the mention in its line.
        var range: Range<Int>
        var after: Substring
        /// An abbreviation glossed in brackets right after the name ("(กทช.)").
        var gloss: String?

        /// Mentions of one organisation, full or abbreviated, share this.
        var key: String { (type ?? "") + "|" + (type == nil ? name : local) }
    }

    /// The organisation, and another one named in the body (a copy from someone else's document), if any.
    func find(lines: [TextLine], headerText: [String]) -> (organization: Organization, stray: (name: String, line: Location)?) {
        let (organization, winner, mentions) = findWithMentions(lines: lines, headerText: headerText)
        guard let winner, let type = winner.type else { return (organization, nil) }
        let owner = Array(winner.local.unicodeScalars)
        // Spelling variants, and names glued to the words after them ("ม่วงหมุ่มีการจัดทำ"), are the same
        // one: its local name is compared with as many characters of theirs.
        let stray = mentions.first { mention in
            guard let other = mention.type else { return false }
            guard other == type else { return true }
            let theirs = Array(mention.local.unicodeScalars.prefix(owner.count))
            return Similarity.distance(owner, theirs, atMost: max(1, owner.count / 5)) == nil
        }
        return (organization, stray.map { (String(String.UnicodeScalarView($0.name.unicodeScalars.prefix(40))), lines[$0.line].at) })
    }

    private func findWithMentions(lines: [TextLine], headerText: [String]) -> (Organization, Mention?, [Mention]) {
        var weight: [String: Int] = [:]
        var first: [String: (Int, Int)] = [:]
        var best: [String: Mention] = [:]
        var mentions: [Mention] = []
        func count(_ mention: Mention, _ points: Int, at position: (Int, Int)) {
            weight[mention.key, default: 0] += points
            if first[mention.key] == nil { first[mention.key] = position }
            // The clean full name wins over one with an inserted abbreviation, and that over the abbreviation,
            // which is kept only where no full name is given.
            if best[mention.key].map({ $0.form < mention.form }) ?? true { best[mention.key] = mention }
        }
        for (index, line) in lines.enumerated() {
            for mention in self.mentions(in: line.text, line: index) {
                mentions.append(mention)
                count(mention, 1, at: (index, mention.range.lowerBound))
            }
        }
        for text in headerText {
            for mention in self.mentions(in: text, line: -1) { count(mention, 5, at: (-1, mention.range.lowerBound)) }
        }
        // A glossed abbreviation written on its own ("กทช. คว้าอันดับ 2") is a mention of the glossed name.
        var glossed: [String: String] = [:]
        for mention in mentions { if let gloss = mention.gloss, glossed[gloss] == nil { glossed[gloss] = mention.key } }
        for (gloss, key) in glossed {
            let uses = lines.reduce(0) { $0 + Self.tokenCount(gloss, in: $1.text) } - 1
            let headerUses = headerText.reduce(0) { $0 + Self.tokenCount(gloss, in: $1) }
            weight[key, default: 0] += max(0, uses) + 5 * headerUses
        }
        let winner = weight.keys.max { a, b in
            if weight[a]! != weight[b]! { return weight[a]! < weight[b]! }
            // A tie goes to a local administration (the genre's usual subject), then to the first named.
            let (localA, localB) = (best[a]!.type != nil, best[b]!.type != nil)
            if localA != localB { return !localA }
            return first[a]! > first[b]!
        }.flatMap { best[$0] }
        guard let winner else {
            return (Organization(
                name: nil, type: nil, district: place(Genre.districtWords.prefix(1), lines: lines, owner: nil),
                province: place(Genre.provinceWords.prefix(1), lines: lines, owner: nil).map(Self.province)), nil, [])
        }
        var district: String?
        var province: String?
        for mention in mentions where mention.key == winner.key {
            for word in Self.words(Self.beforeVenue(mention.after), upTo: 4) {
                if district == nil { district = Genre.districtWords.lazy.compactMap { value(of: word, prefix: $0) }.first }
                if province == nil { province = Genre.provinceWords.lazy.compactMap { value(of: word, prefix: $0) }.first }
            }
            if district != nil && province != nil { break }
        }
        return (Organization(
            name: winner.name, type: winner.type,
            district: district ?? place(Genre.districtWords.prefix(1), lines: lines, owner: winner.key),
            province: (province ?? place(Genre.provinceWords.prefix(1), lines: lines, owner: winner.key)).map(Self.province)),
            winner, mentions)
    }

    private static let provinces = Set(Genre.provinces)

    /// A province's name cut back to the province it starts with when words after it were glued on
    /// ("กาญจนบุรีที่ได้รับ…", where a line break lost the space); any other name as it is written.
    static func province(_ value: String) -> String {
        if provinces.contains(value) { return value }
        let longest = Genre.provinces.filter { value.unicodeScalars.starts(with: $0.unicodeScalars) }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
        guard let longest, let next = value.unicodeScalars.dropFirst(longest.unicodeScalars.count).first,
            isThaiConsonant(next)
        else { return value }
        return longest
    }

    /// Mentions of organisations in one line; the assessor and venues are left out.
    func mentions(in text: String, line: Int) -> [Mention] {
        let hits = Self.headPatterns.matches(in: text)
        guard !hits.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        let venues = Self.venueCues.matches(in: text).map(\.range)
        var found: [Mention] = []
        var covered = 0
        // Hits come earliest first, the longest head first at one position; a hit inside another is dropped.
        for hit in hits where hit.range.lowerBound >= covered {
            let head = Self.heads[hit.pattern]
            let at = hit.range.lowerBound
            if let assessor = Self.assessors.first(where: { bytes[at...].starts(with: $0) }) {
                covered = at + assessor.count
                continue
            }
            if head.type == nil {
                guard Self.startsName(bytes, at: at), !Self.notNames.contains(where: { bytes[at...].starts(with: $0) }) else { continue }
                // "สำนักงานเทศบาลตำบล…", "โรงเรียนอบต.…": the office or school of a local administration is that one.
                if Self.localHeads.contains(where: { bytes[hit.range.upperBound...].starts(with: $0) }) { continue }
            }
            covered = hit.range.upperBound
            var start = hit.range.upperBound
            var form = head.abbreviated ? Form.abbreviated : .full
            if head.type != nil, !head.abbreviated, let name = Self.afterInsertedAbbreviation(bytes, from: start) {
                start = name
                form = .inserted
            }
            if head.abbreviated {
                while start < bytes.count && bytes[start] == 0x20 { start += 1 }
                // "สำนักปลัด อบจ. หรือ ส่วนราชการอื่น": a word after the space, not a name.
                if start > hit.range.upperBound, Self.functionWords.contains(where: { bytes[start...].starts(with: $0) }) { continue }
            }
            var end = bytes.withUnsafeBufferPointer { Self.nameEnd($0, from: start) }
            var after = end
            let name = String(decoding: bytes[start..<end], as: UTF8.self)
            // A name glued to the words after it ends at the first stop word. One at its start is part of a
            // local name; after an agency's head word it is a generic reference ("โรงพยาบาลยังผ่าน…").
            // An agency's name may hold a place ("สำนักงานสาธารณสุขจังหวัดกระบี่"); a local one is followed by it.
            let stops = Self.stopPatterns.matches(in: name).filter { head.type != nil || !Self.placeStops.contains($0.pattern) }
            if head.type == nil, stops.contains(where: { $0.range.lowerBound == 0 }) { continue }
            if let stop = stops.first(where: { $0.range.lowerBound > 0 }) { end = start + stop.range.lowerBound }
            while end > start, bytes[end - 1] == UInt8(ascii: ".") || (end - start >= 3 && bytes[(end - 3)..<end].elementsEqual([0xE2, 0x80, 0xA6])) {
                end -= bytes[end - 1] == UInt8(ascii: ".") ? 1 : 3
            }
            let local = String(decoding: bytes[start..<end], as: UTF8.self)
            guard local.count >= 2, local.unicodeScalars.first.map(isThaiConsonant) == true,
                !Genre.genericAfterType.contains(where: { local.hasPrefix($0) })
            else { continue }
            if Self.inVenue(at, venues: venues, bytes: bytes) { continue }
            // An abbreviation keeps the space written after it ("อบต. หนองบัว").
            var full = head.abbreviated ? String(decoding: bytes[at..<end], as: UTF8.self) : head.word + local
            if head.type == nil, end == after {
                for suffix in Genre.agencyNameSuffixes {
                    var s = after
                    while s < bytes.count && bytes[s] == 0x20 { s += 1 }
                    if bytes[s...].starts(with: suffix.utf8) {
                        full += " " + suffix
                        after = s + suffix.utf8.count
                    }
                }
            }
            found.append(Mention(
                name: full, type: head.type, local: local, form: form, line: line,
                range: at..<after, after: text[text.utf8.index(text.startIndex, offsetBy: after)...],
                gloss: end == after ? Self.gloss(bytes, from: after) : nil))
        }
        return found
    }

    /// Where the name starts after an abbreviation inserted between a type and its name, "(อบจ.) " in
    /// "องค์การบริหารส่วนจังหวัด (อบจ.) พังงา"; nil when there is none.
    private static func afterInsertedAbbreviation(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count, bytes[i] == 0x28,
            let abbreviation = localAbbreviations.first(where: { bytes[(i + 1)...].starts(with: $0) }),
            i + 1 + abbreviation.count < bytes.count, bytes[i + 1 + abbreviation.count] == 0x29
        else { return nil }
        i += 2 + abbreviation.count
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        return i
    }

    /// Whether an agency's head word at `at` starts a name: at the start, after a space or a bracket or a
    /// quote, or after a word that glues to names ("ปรากฏว่ากรม…").
    private static func startsName(_ bytes: [UInt8], at: Int) -> Bool {
        guard at > 0 else { return true }
        switch bytes[at - 1] {
        case 0x20, 0x09, 0x28, 0x22, 0x27, 0x2C: return true
        case 0x9C where at >= 3 && bytes[at - 3] == 0xE2: return true
        default: return glue.contains { $0.count <= at && bytes[(at - $0.count)..<at].elementsEqual($0) }
        }
    }

    /// An abbreviation given right after a name, in brackets, "(กทช.)" or "(PEX)", or after a word that
    /// introduces one, "หรือ สสร.": short, no space, with a dot or in capitals; not a suffix that is part of
    /// the name, nor a local type's abbreviation.
    private static func gloss(_ bytes: [UInt8], from start: Int) -> String? {
        var s = start
        while s < bytes.count && bytes[s] == 0x20 { s += 1 }
        let inner: String
        if s < bytes.count, bytes[s] == 0x28, let close = bytes[s...].firstIndex(of: 0x29) {
            inner = String(decoding: bytes[(s + 1)..<close], as: UTF8.self)
        } else if let word = glossWords.first(where: { bytes[s...].starts(with: $0) }) {
            let from = s + word.count
            inner = String(decoding: bytes[from..<(bytes[from...].firstIndex(of: 0x20) ?? bytes.count)], as: UTF8.self)
        } else {
            return nil
        }
        guard (2...12).contains(inner.count), !inner.contains(" "),
            inner.contains(".") || inner.allSatisfy({ $0.isASCII && $0.isUppercase }),
            !Genre.localGovernmentTypes.contains(where: { $0.abbreviation == inner })
        else { return nil }
        return inner
    }

    /// How often `token` stands as a word of its own in `text` (spaces, brackets or the ends around it).
    private static func tokenCount(_ token: String, in text: String) -> Int {
        var n = 0
        var start = text.startIndex
        while let range = text.find(token, from: start) {
            start = range.upperBound
            let before = range.lowerBound == text.startIndex ? " " : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? " " : text[range.upperBound]
            if " (“\"".contains(before), " )”\",".contains(after) { n += 1 }
        }
        return n
    }

    /// Whether the text at `at` is part of a venue: within a few words after a venue cue ("ณ ห้อง… โรงแรม…"),
    /// before the word that ends the venue's address.
    private static func inVenue(_ at: Int, venues: [Range<Int>], bytes: [UInt8]) -> Bool {
        // A cue starts a word: the ณ that ends "ปีงบประมาณ" is not one.
        guard let cue = venues.last(where: { $0.lowerBound < at && ($0.lowerBound == 0 || bytes[$0.lowerBound - 1] == 0x20) })
        else { return false }
        var i = cue.upperBound
        var words = 0
        while i < at {
            guard bytes[i] != 0x20 else {
                i += 1
                continue
            }
            let end = bytes[i...].firstIndex(of: 0x20) ?? bytes.count
            if end >= at { return true }
            words += 1
            if words > Genre.venueReach || venueEnds.contains(where: { bytes[i...].starts(with: $0) }) { return false }
            i = end
        }
        return true
    }

    /// The text up to the first venue cue that starts a word: a place after it is the venue's.
    private static func beforeVenue(_ text: Substring) -> Substring {
        let bytes = Array(text.utf8)
        guard let cue = venueCues.matches(in: text).first(where: { $0.range.lowerBound == 0 || bytes[$0.range.lowerBound - 1] == 0x20 })
        else { return text }
        return Substring(text.utf8.prefix(cue.range.lowerBound))
    }

    /// The first `limit` space-separated words (cut on bytes: splitting Thai into Characters is slow).
    private static func words(_ text: Substring, upTo limit: Int) -> [Substring] {
        text.utf8.split(separator: 0x20, maxSplits: limit, omittingEmptySubsequences: true).prefix(limit).map { Substring($0) }
    }

    private func value(of word: Substring, prefix: String) -> String? {
        guard word.utf8.starts(with: prefix.utf8) else { return nil }
        var value = Substring(word.utf8.dropFirst(prefix.utf8.count)).trimmed(".,;:()*")
        // "บ้านแพงจังหวัดนครพนม": the next place word ends the name where a line break lost the space.
        for next in Self.placeWords {
            if let range = value.find(next, from: value.startIndex), range.lowerBound > value.startIndex { value = String(value[..<range.lowerBound]) }
        }
        return value.count >= 2 ? value : nil
    }

    /// The place words written out in full (an abbreviation such as "จ." may end a name's own letters).
    private static let placeWords = (Genre.districtWords + Genre.provinceWords).filter { !$0.hasSuffix(".") }

    /// The most frequent place written with one of `prefixes` ("อำเภอX", "อ.X") in the document, not counting
    /// the จังหวัด inside "องค์การบริหารส่วนจังหวัด", a venue's place, nor the place written right after
    /// another organisation than `owner` (that one is the other organisation's).
    private func place(_ prefixes: some Sequence<String>, lines: [TextLine], owner: String?) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for line in lines {
            let bytes = Array(line.text.utf8)
            let venues = Self.venueCues.matches(in: line.text).map(\.range)
            for prefix in prefixes {
                var start = line.text.startIndex
                while let range = line.text.find(prefix, from: start) {
                    start = range.upperBound
                    let before = line.text[..<range.lowerBound]
                    // Inside "องค์การบริหารส่วนจังหวัด", or the tail of a word ("ตำบล" is not "อ.").
                    if before.utf8.reversed().starts(with: "ส่วน".utf8.reversed()) { continue }
                    if prefix.hasSuffix("."), let last = before.unicodeScalars.last, isThaiConsonant(last) { continue }
                    let offset = before.utf8.count
                    if Self.inVenue(offset, venues: venues, bytes: bytes) { continue }
                    if let other = mentions(in: String(before), line: 0).last, other.key != owner,
                        Self.words(other.after, upTo: 4).count < 4
                    {
                        continue
                    }
                    let rest = line.text[range.upperBound...]
                    let length = Array(rest.utf8).withUnsafeBufferPointer { Self.nameEnd($0, from: 0) }
                    let value = String(decoding: rest.utf8.prefix(length), as: UTF8.self)
                    guard value.count >= 2, value.unicodeScalars.first.map(isThaiConsonant) == true else { continue }
                    if counts[value] == nil { order.append(value) }
                    counts[value, default: 0] += 1
                }
            }
        }
        return order.max { counts[$0]! < counts[$1]! }
    }
}

func isThaiConsonant(_ scalar: Unicode.Scalar) -> Bool {
    (0x0E01...0x0E2E).contains(scalar.value) || (0x0E40...0x0E44).contains(scalar.value)
}
