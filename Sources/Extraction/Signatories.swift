import Foundation
import Genre
import Normalization
import RecordModel
import Segmentation

/// Reads signature blocks: the (ลงชื่อ) line with an optional rank, the name with its title, and the
/// position line(s) under it, with "ตำแหน่ง X ปฏิบัติราชการแทน Y" split into position and `acting_for`.
struct SignatoryParser: Sendable {
    static let signMarker = Genre.signMark

    func parse(_ block: SignatureBlock) -> Signatory? {
        var lines = block.lines.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        var rank: String?
        var nameText: String?
        if let first = lines.first, first.contains(Self.signMarker) {
            lines.removeFirst()
            (nameText, rank) = Self.signLine(first)
        }
        if nameText == nil {
            guard !lines.isEmpty else { return nil }
            nameText = lines.removeFirst()
        }
        guard let written = nameText.map(Self.unparenthesize), !written.isEmpty else { return nil }
        var person = Person(written)
        // A rank alone on its line between (ลงชื่อ) and the name.
        if person.name.isEmpty, person.rank != nil || rank != nil, let next = lines.first, next.hasPrefix("(") {
            let named = Person(Self.unparenthesize(lines.removeFirst()))
            person = Person(name: named.name, title: named.title, rank: person.rank ?? named.rank)
        }
        // The name typed on the (ลงชื่อ) line and printed again in parentheses under it ("( สมศักดิ์ ใจกล้า )"):
        // the second is the same name, not a position.
        if let next = lines.first, next.hasPrefix("("), next.hasSuffix(")") {
            let printed = Person(Self.unparenthesize(next))
            if printed.name.withoutSpaces == person.name.withoutSpaces {
                lines.removeFirst()
                person.title = person.title ?? printed.title
            }
        }
        let (position, actingFor) = Self.position(lines)
        return Signatory(
            name: person.name, title: person.title, rank: rank ?? person.rank, position: position, actingFor: actingFor,
            at: block.at)
    }

    /// The (ลงชื่อ) line after its mark: a name in parentheses ("ลงชื่อ …… (นายสมชาย ใจดี)") with a rank
    /// before it, a name typed in, or a rank alone; the signer's role on the form ("ลงชื่อ……ผู้รายงาน") is
    /// neither.
    static func signLine(_ line: String) -> (name: String?, rank: String?) {
        let rest = line.pieces(separatedBy: signMarker).dropFirst().joined(separator: signMarker).trimmed("() .…_")
        if let open = rest.firstIndex(of: "(") {
            let before = rest[..<open].trimmed(" .…_")
            return (String(rest[open...]), before.isEmpty ? nil : before)
        }
        if rest.isEmpty || Genre.roleLabels.contains(where: rest.hasPrefix) { return (nil, nil) }
        if rest.utf8.contains(0x20) && Person.rank(of: rest)?.rest.isEmpty != true { return (rest, nil) }
        return (nil, rest)
    }

    /// The position lines joined, role labels left out; a leading "ตำแหน่ง" removed; "X ปฏิบัติราชการแทน Y"
    /// (or another acting phrase) split.
    static func position(_ lines: [String]) -> (String?, String?) {
        let text = lines.filter { !isRoleLabel($0) }.map(unparenthesize).joined(separator: " ").trimmed()
        guard !text.isEmpty else { return (nil, nil) }
        var position = text
        if position.hasPrefix(Genre.positionLead) {
            position = String(position.dropFirst(Genre.positionLead.count)).trimmed()
        }
        for marker in Genre.actingWords {
            if let range = position.find(marker) {
                let acting = position[range.upperBound...].trimmed()
                let own = position[..<range.lowerBound].trimmed()
                return (own.isEmpty ? nil : own, acting.isEmpty ? nil : acting)
            }
        }
        return (position.isEmpty ? nil : position, nil)
    }

    /// A line that is only a role label ("ผู้จัดทำ", "ผู้เห็นชอบ:").
    static func isRoleLabel(_ line: String) -> Bool {
        Genre.roleLabels.contains(line.trimmed(" :"))
    }

    static func unparenthesize(_ text: String) -> String {
        var s = text.trimmed()
        if s.hasPrefix("(") { s.removeFirst() }
        if s.hasSuffix(")") { s.removeLast() }
        return s.split(separator: " ").joined(separator: " ")
    }
}

/// A written name read into its parts: a rank, honorifics (dropped), a title, and the name itself.
struct Person: Equatable {
    var name: String
    var title: String?
    var rank: String?

    init(name: String, title: String?, rank: String?) {
        self.name = name
        self.title = title
        self.rank = rank
    }

    /// Reads "ว่าที่ร้อยตรีหญิง…", "ผู้ช่วยศาสตราจารย์ ดร.…", "นายแพทย์…", "นางสาว…" in that order.
    init(_ written: String) {
        var rest = written.trimmed()
        if let found = Self.rank(of: rest) {
            rank = found.rank
            rest = found.rest
        }
        rest = Self.droppingHonorifics(rest)
        if let candidate = Genre.personTitles.first(where: rest.hasPrefix) {
            title = candidate
            rest = String(rest.dropFirst(candidate.count)).trimmed()
        } else if let abbreviation = Genre.personTitleAbbreviations.first(where: { rest.hasPrefix($0.written) }) {
            title = abbreviation.title
            rest = String(rest.dropFirst(abbreviation.written.count)).trimmed()
        }
        name = rest
    }

    /// A rank opening `text`, as written (with "ว่าที่" before it and "หญิง" after it), and the text after it.
    static func rank(of text: String) -> (rank: String, rest: String)? {
        var rest = Substring(text)
        var written = ""
        if rest.hasPrefix(Genre.actingRankPrefix) {
            rest = rest.dropFirst(Genre.actingRankPrefix.count)
            written = Genre.actingRankPrefix
            if rest.hasPrefix(" ") {
                rest = rest.dropFirst()
                written += " "
            }
        }
        guard let rank = Genre.ranks.first(where: rest.hasPrefix) else { return nil }
        rest = rest.dropFirst(rank.count)
        written += rank
        if rest.hasPrefix(Genre.femaleRankSuffix) {
            rest = rest.dropFirst(Genre.femaleRankSuffix.count)
            written += Genre.femaleRankSuffix
        }
        return (written, rest.trimmed())
    }

    /// Academic and medical honorifics are no title: dropped, however many ("ผู้ช่วยศาสตราจารย์ นายแพทย์").
    private static func droppingHonorifics(_ text: String) -> String {
        var rest = text
        while let honorific = Genre.honorifics.first(where: rest.hasPrefix) {
            rest = String(rest.dropFirst(honorific.count)).trimmed()
        }
        return rest
    }
}
