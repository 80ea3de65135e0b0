import Foundation
import Normalization
import RecordModel
import Segmentation

/// Reads signature blocks: the (ลงชื่อ) line with an optional rank, the name with its title, and the
/// position line(s) under it, with "ตำแหน่ง X ปฏิบัติราชการแทน Y" split into position and `acting_for`.
struct SignatoryParser: Sendable {
    /// Titles, longest first: นางสาว must not be read as นาง + สาว….
    static let titles = ["นางสาว", "นาง", "นาย", "ดร."]

    /// Military and police ranks written before a name, longest first ("ร.ต.อ." before "ร.ต.").
    static let ranks = [
        "ว่าที่ร้อยตรี", "ว่าที่ร้อยโท", "ว่าที่ร้อยเอก", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "จ่าสิบเอก", "จ่าสิบโท", "จ่าสิบตรี",
        "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี", "ร้อยตำรวจเอก", "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "ดาบตำรวจ",
        "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี", "พันเอก", "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี",
        "สิบเอก", "สิบโท", "สิบตรี", "จ่าเอก", "จ่าโท", "จ่าตรี", "พลทหาร", "จ.ส.อ.", "ส.อ.", "ส.ท.", "ส.ต.", "ร.ต.", "ร.ท.",
        "ร.อ.", "พ.ต.", "พ.ท.", "พ.อ.", "ด.ต.", "ร.ต.อ.", "พ.ต.อ.",
    ].sorted { $0.count > $1.count }

    static let signMarker = "ลงชื่อ"

    func parse(_ block: SignatureBlock) -> Signatory? {
        var lines = block.lines.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
        var rank: String?
        var nameText: String?
        if let first = lines.first, first.contains(Self.signMarker) {
            lines.removeFirst()
            var rest = first.pieces(separatedBy: Self.signMarker).dropFirst().joined(separator: Self.signMarker)
            rest = rest.trimmed("() .…_")
            if let open = rest.firstIndex(of: "(") {
                // "ลงชื่อ ........ (นายสมชาย ใจดี)": the name sits on the same line.
                nameText = String(rest[open...])
                let before = rest[..<open].trimmed(" .…_")
                if !before.isEmpty { rank = before }
            } else if rest.hasPrefix("ผู้") {
                // "ลงชื่อ.......ผู้รายงาน": the signer's role on the form (ผู้รายงาน, ผู้ตรวจ, …), not a rank or a name.
            } else if !rest.isEmpty {
                if rest.utf8.contains(0x20) && !Self.ranks.contains(rest) {
                    nameText = rest
                } else {
                    rank = rest
                }
            }
        }
        if nameText == nil {
            guard !lines.isEmpty else { return nil }
            nameText = lines.removeFirst()
        }
        guard var name = nameText.map(Self.unparenthesize), !name.isEmpty else { return nil }

        for candidate in Self.ranks where name.hasPrefix(candidate) {
            var written = candidate
            // A woman's rank ends in หญิง ("ว่าที่ร้อยตรีหญิง").
            if name.dropFirst(candidate.count).hasPrefix("หญิง") { written += "หญิง" }
            rank = rank ?? written
            name = String(name.dropFirst(written.count)).trimmed()
            break
        }
        // A rank alone on its line between (ลงชื่อ) and the name.
        if name.isEmpty, rank != nil, let next = lines.first, next.hasPrefix("(") {
            name = Self.unparenthesize(lines.removeFirst())
        }
        var title: String?
        for candidate in Self.titles where name.hasPrefix(candidate) {
            title = candidate
            name = String(name.dropFirst(candidate.count)).trimmed()
            break
        }
        // The name typed on the (ลงชื่อ) line and printed again in parentheses under it ("( สมศักดิ์ ใจกล้า )"):
        // the second is the same name, not a position.
        if let next = lines.first, next.hasPrefix("("), next.hasSuffix(")") {
            var printed = Self.unparenthesize(next)
            for candidate in Self.ranks + Self.titles where printed.hasPrefix(candidate) {
                printed = String(printed.dropFirst(candidate.count)).trimmed()
            }
            if printed.withoutSpaces == name.withoutSpaces {
                let full = Self.unparenthesize(lines.removeFirst())
                title = title ?? Self.titles.first { full.hasPrefix($0) }
            }
        }
        let (position, actingFor) = Self.position(lines)
        return Signatory(name: name, title: title, rank: rank, position: position, actingFor: actingFor, at: block.at)
    }

    /// The position lines joined; "ตำแหน่ง" removed; "X ปฏิบัติราชการแทน Y" split.
    static func position(_ lines: [String]) -> (String?, String?) {
        let text = lines.map(unparenthesize).joined(separator: " ").trimmed()
        guard !text.isEmpty else { return (nil, nil) }
        var position = text
        if position.hasPrefix("ตำแหน่ง") {
            position = String(position.dropFirst("ตำแหน่ง".count)).trimmed()
        }
        for marker in ["ปฏิบัติราชการแทน", "รักษาราชการแทน"] {
            if let range = position.find(marker) {
                let acting = position[range.upperBound...].trimmed()
                let own = position[..<range.lowerBound].trimmed()
                return (own.isEmpty ? nil : own, acting.isEmpty ? nil : acting)
            }
        }
        return (position.isEmpty ? nil : position, nil)
    }

    static func unparenthesize(_ text: String) -> String {
        var s = text.trimmed()
        if s.hasPrefix("(") { s.removeFirst() }
        if s.hasSuffix(")") { s.removeLast() }
        return s.split(separator: " ").joined(separator: " ")
    }
}
