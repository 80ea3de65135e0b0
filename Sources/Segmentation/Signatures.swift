import Normalization
import RecordModel

/// Signature and endorsement blocks.
extension LineBytes {
    private static let signMark = Array("ลงชื่อ".utf8)
    private static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

    /// Words that mark a position or a phrase, never a person's name.
    private static let positionWords: [[UInt8]] = [
        "ตำแหน่ง", "ปลัด", "นายกเทศมนตรี", "นายกองค์การ", "นายก อบ", "นายกอบ", "หัวหน้า", "ผู้อำนวยการ",
        "ผู้อํานวยการ", "ผู้ช่วย", "รองนายก", "รองปลัด", "ชำนาญ", "ปฏิบัติ", "รักษาราชการ", "นักวิ",
        "นักจัด", "นักทรัพยากร", "นักพัฒนา", "นักบริหาร", "นักประชา", "นักสังคม", "นักตรวจสอบ", "นิติกร",
        "เจ้าพนักงาน", "เจ้าหน้าที่", "พนักงาน", "เทศบาล", "องค์การ", "อบต", "อบจ", "สำนัก", "ส่วนราชการ",
        "ประธาน", "กรรมการ", "เลขานุการ", "ผู้รายงาน", "ผู้จัดทำ", "ผู้ตรวจ", "ผู้เสนอ", "ผู้อนุมัติ",
        "ผู้รับรอง", "ผู้ใหญ่บ้าน", "กำนัน", "สมาชิกสภา", "ครู", "ผู้อำนวย", "ข้อมูล", "คะแนน", "ประเมิน",
        "รายงาน", "มาตรการ", "โครงการ", "ตัวชี้วัด", "ฉบับ", "เอกสาร", "สำเนา", "งบประมาณ", "จังหวัด", "อำเภอ",
        "ผู้อำนวยการกอง", "ผอ.", "ป.ป.ช", "ป.ป.ท",
    ].map { Array($0.utf8) }

    /// Honorifics and ranks that open a person's name.
    private static let honorifics: [[UInt8]] = [
        "นาย", "นาง", "น.ส.", "ดร.", "ว่าที่", "ร้อย", "พัน", "พล", "สิบ", "จ่า", "จำเอก", "ดาบ", "นาวา",
        "เรือ", "ส.อ.", "ส.ท.", "ส.ต.", "จ.ส.", "ร.ต.", "ร.ท.", "ร.อ.", "พ.ต.", "พ.ท.", "พ.อ.", "ด.ต.",
        "ผศ.", "รศ.", "ศ.", "พระ",
    ].map { Array($0.utf8) }

    /// Lines after which a name without (ลงชื่อ) is a signature: comment headings, closing formulas.
    private static let signatureLeads: [[UInt8]] = [
        "ความเห็น", "/ความเห็น", "จึงเรียน", "ขอแสดงความนับถือ", "เรียน",
    ].map { Array($0.utf8) }

    /// Openings of lines that are never position lines.
    private static let notPositionStarts: [[UInt8]] = [
        "ความเห็น", "/ความเห็น", "จึงเรียน", "เรียน", "บันทึกข้อความ", "ขอแสดงความนับถือ", "ตามที่", "ทั้งนี้",
    ].map { Array($0.utf8) }

    private static let positionStarts: [[UInt8]] = ["ตำแหน่ง", "(", "รอง", "ผู้", "นัก"].map { Array($0.utf8) }
    private static let actingSuffix = Array("แทน".utf8)

    private func containsAny(_ b: [UInt8], from: Int, to: Int, _ words: [[UInt8]]) -> Bool {
        for w in words where Bytes.find(b, w, from: from, to: to) != nil { return true }
        return false
    }

    private func startsWithAny(_ i: Int, _ words: [[UInt8]]) -> Bool {
        for w in words where starts(i, with: w) { return true }
        return false
    }

    /// For a `(ลงชื่อ)` line (also `ลงชื่อ` without parentheses, followed by nothing, a space,
    /// dots or a parenthesis), the index after the mark.
    func signMarkEnd(_ i: Int) -> Int? {
        guard !isBlank(i), !innerTab[i] else { return nil }
        let b = bytes[i]
        var k = lo[i]
        let z = hi[i]
        if b[k] == UInt8(ascii: "(") {
            k += 1
            while k < z, b[k] == 0x20 { k += 1 }
            guard Bytes.hasPrefix(b, from: k, to: z, Self.signMark) else { return nil }
            k += Self.signMark.count
            while k < z, b[k] == 0x20 { k += 1 }
            if k < z, b[k] == UInt8(ascii: ")") { k += 1 }
            return k
        }
        guard Bytes.hasPrefix(b, from: k, to: z, Self.signMark) else { return nil }
        k += Self.signMark.count
        if k == z { return k }
        let c = b[k]
        if c == 0x20 || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "(") || c == UInt8(ascii: ":")
            || Bytes.hasPrefix(b, from: k, to: z, Self.ellipsis) {
            return k
        }
        return nil
    }

    /// The inner bounds of a line that is wholly one parenthesized phrase, or nil.
    private func parenthesized(_ i: Int) -> (Int, Int)? {
        guard !isBlank(i), !innerTab[i] else { return nil }
        let b = bytes[i]
        guard b[lo[i]] == UInt8(ascii: "("), b[hi[i] - 1] == UInt8(ascii: ")"), hi[i] - lo[i] >= 3 else { return nil }
        var a = lo[i] + 1
        var z = hi[i] - 1
        while a < z, b[a] == 0x20 { a += 1 }
        while z > a, b[z - 1] == 0x20 { z -= 1 }
        guard a < z else { return nil }
        for k in a..<z where b[k] == UInt8(ascii: "(") || b[k] == UInt8(ascii: ")") { return nil }
        return (a, z)
    }

    /// A person's name in parentheses: 2–5 words (1–6 when `relaxed`, i.e. right after a
    /// (ลงชื่อ) line), no digits, no Latin letters, no ASCII punctuation but "." and "-", no
    /// position words.
    func isParenthesizedName(_ i: Int, relaxed: Bool = false) -> Bool {
        guard let (a, z) = parenthesized(i) else { return false }
        let b = bytes[i]
        guard Bytes.scalarCount(b, from: a, to: z) <= 60 else { return false }
        for k in a..<z {
            let c = b[k]
            if c < 0x80, c != 0x20, c != UInt8(ascii: "."), c != UInt8(ascii: "-") { return false }
        }
        if Bytes.hasDigit(b, from: a, to: z) { return false }
        // "(ลงชื่อ)" opens the next block; it is never a name.
        if containsAny(b, from: a, to: z, [Array("ลงชื่อ".utf8)]) { return false }
        let words = Bytes.wordCount(b, from: a, to: z)
        guard relaxed ? (1...6).contains(words) : (2...5).contains(words) else { return false }
        return !containsAny(b, from: a, to: z, Self.positionWords)
    }

    private func hasHonorific(_ i: Int) -> Bool {
        guard let (a, z) = parenthesized(i) else { return false }
        for h in Self.honorifics where Bytes.hasPrefix(bytes[i], from: a, to: z, h) { return true }
        return false
    }

    /// A name without parentheses: an honorific first, 2–5 words, no digits, no position words.
    private func isPlainName(_ i: Int) -> Bool {
        guard !isBlank(i), !innerTab[i], length(i) <= 180, bytes[i][lo[i]] != UInt8(ascii: "(") else { return false }
        let b = bytes[i]
        guard Self.honorifics.contains(where: { Bytes.hasPrefix(b, from: lo[i], to: hi[i], $0) }) else { return false }
        guard (2...5).contains(Bytes.wordCount(b, from: lo[i], to: hi[i])) else { return false }
        return !Bytes.hasDigit(b, from: lo[i], to: hi[i]) && !containsAny(b, from: lo[i], to: hi[i], Self.positionWords)
    }

    private func isDotted(_ i: Int) -> Bool {
        guard !isBlank(i) else { return false }
        return ends(i, with: Array("...".utf8)) || ends(i, with: Self.ellipsis)
    }

    /// A line that can be a position line under a name.
    func isPositionLike(_ i: Int) -> Bool {
        guard !isBlank(i), !innerTab[i], length(i) <= 300 else { return false }
        guard !isPipeTableStart(i), signMarkEnd(i) == nil else { return false }
        if isParenthesizedName(i) && hasHonorific(i) { return false }
        if startsWithAny(i, Self.notPositionStarts) { return false }
        if Bytes.listMarker(bytes[i], from: lo[i], to: hi[i]) != nil { return false }
        if bytes[i][lo[i]..<hi[i]].allSatisfy({ $0 == UInt8(ascii: ".") || $0 == 0x20 || $0 == UInt8(ascii: "-") }) {
            return false
        }
        return Bytes.wordCount(bytes[i], from: lo[i], to: hi[i]) <= 12
    }

    /// A position line that says so: starts with ตำแหน่ง / a parenthesis, or names a position.
    private func isPositionLine(_ i: Int) -> Bool {
        guard isPositionLike(i) else { return false }
        return startsWithAny(i, Self.positionStarts) || containsAny(bytes[i], from: lo[i], to: hi[i], Self.positionWords)
    }

    /// A name line that starts a block without (ลงชื่อ): a parenthesized name that has an
    /// honorific, or follows a comment heading / closing formula / dotted line, or has a
    /// position line under it.
    func isNameStart(_ i: Int) -> Bool {
        guard isParenthesizedName(i) else { return false }
        if hasHonorific(i) { return true }
        if let p = previousNonBlank(before: i, maxBlank: 4), startsWithAny(p, Self.signatureLeads) || isDotted(p) {
            return true
        }
        if let k = nextNonBlank(from: i + 1, maxBlank: 2), isPositionLine(k) { return true }
        return false
    }

    /// Whether a signature block starts at line `i`.
    func isSignatureStart(_ i: Int) -> Bool {
        signMarkEnd(i) != nil || isNameStart(i)
    }

    /// Parses the signature block starting at `i`; returns it and the index after it.
    func parseSignature(at i: Int) -> (SignatureBlock, Int)? {
        var taken: [Int] = []
        let nameLine: Int
        if let markEnd = signMarkEnd(i) {
            taken = [i]
            let next = nextNonBlank(from: i + 1, maxBlank: 3)
            let afterNext = next.flatMap { nextNonBlank(from: $0 + 1, maxBlank: 2) }
            // Text after the mark other than dots / underscores: a rank or the name itself.
            var inline = false
            for k in markEnd..<hi[i] where bytes[i][k] == 0xE0 || CellText.isASCIILetter(bytes[i][k]) {
                inline = true
                break
            }
            // "ลงชื่อ …… (นายสมชาย ใจดี)": a name in parentheses on the sign line itself ends the search.
            let inlineName = inline && bytes[i][markEnd..<hi[i]].contains(UInt8(ascii: "("))
            if inlineName {
                nameLine = i
            } else if let k = next, isParenthesizedName(k, relaxed: true) {
                taken.append(k)
                nameLine = k
            } else if let k = next, let k2 = afterNext, !innerTab[k], Bytes.wordCount(bytes[k], from: lo[k], to: hi[k]) <= 2,
                      length(k) <= 60, !Bytes.hasDigit(bytes[k], from: lo[k], to: hi[k]),
                      isParenthesizedName(k2, relaxed: true) {
                // A rank on its own line between (ลงชื่อ) and the name.
                taken += [k, k2]
                nameLine = k2
            } else if inline {
                nameLine = i
            } else if let k = next, isPlainName(k) {
                taken.append(k)
                nameLine = k
            } else {
                return (SignatureBlock(lines: [lines[i]], at: lines[i].at), i + 1)
            }
        } else if isNameStart(i) {
            taken = [i]
            nameLine = i
        } else {
            return nil
        }

        // Position lines: the lines right under the name, or — after blank lines — a short group
        // that reads as a position.
        var end = nameLine + 1
        if end < count, !isBlank(end) {
            var p = end
            while p < count, p - end < 3, !isBlank(p), isPositionLike(p) {
                taken.append(p)
                p += 1
            }
            end = p
        } else if let k = nextNonBlank(from: end, maxBlank: 3), isPositionLine(k) {
            var q = k
            var group: [Int] = []
            while q < count, group.count < 4, !isBlank(q), isPositionLike(q) {
                group.append(q)
                q += 1
            }
            if group.count <= 3, q >= count || isBlank(q) {
                taken += group
                end = q
            }
        }
        // "ตำแหน่ง X ปฏิบัติราชการแทน" continued after a blank line by "Y".
        if let last = taken.last, last > nameLine, ends(last, with: Self.actingSuffix),
           let k = nextNonBlank(from: end, maxBlank: 2), isPositionLike(k), !isSignatureStart(k),
           k + 1 >= count || isBlank(k + 1) {
            taken.append(k)
            end = k + 1
        }
        return (SignatureBlock(lines: taken.map { lines[$0] }, at: lines[taken[0]].at), end)
    }
}
