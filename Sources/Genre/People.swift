/// How the genre writes the people who sign a paper: the words around a name, the name's titles and
/// ranks, and the words of the position lines under it.
extension Genre {
    /// The mark that opens a signature line, "(ลงชื่อ)" or "ลงชื่อ……".
    public static let signMark = "ลงชื่อ"

    /// The titles a signatory's `title` takes, longest first: "นางสาว" must not be read as "นาง" + "สาว…".
    public static let personTitles = ["นางสาว", "นาง", "นาย", "ดร."]

    /// Abbreviated titles and the title each stands for.
    public static let personTitleAbbreviations: [(written: String, title: String)] = [
        ("น.ส.", "นางสาว"),
    ]

    /// Academic, medical and professional honorifics outside the title list: written before the name,
    /// dropped from it, and no `title` ("ผู้ช่วยศาสตราจารย์ ดร.วนิดา" keeps only "ดร."). Longest first.
    public static let honorifics = [
        "ผู้ช่วยศาสตราจารย์", "รองศาสตราจารย์", "ศาสตราจารย์", "ทันตแพทย์หญิง", "สัตวแพทย์หญิง", "เภสัชกรหญิง",
        "ทันตแพทย์", "สัตวแพทย์", "นายแพทย์", "แพทย์หญิง", "เภสัชกร", "ทพญ.", "สพญ.", "ผศ.", "รศ.", "นพ.", "พญ.",
        "ทพ.", "สพ.", "ภก.", "ภญ.", "ศ.",
    ]

    /// Military and police ranks written before a name or on the (ลงชื่อ) line, longest first
    /// ("ร.ต.อ." before "ร.ต."). A rank may be preceded by ``actingRankPrefix`` and followed by
    /// ``femaleRankSuffix``.
    public static let ranks = [
        "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พันตำรวจเอก", "พันตำรวจโท", "พันตำรวจตรี", "ร้อยตำรวจเอก",
        "ร้อยตำรวจโท", "ร้อยตำรวจตรี", "ดาบตำรวจ", "จ่าสิบตำรวจ", "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี",
        "นาวาอากาศเอก", "นาวาอากาศโท", "นาวาอากาศตรี", "เรืออากาศเอก", "เรืออากาศโท", "เรืออากาศตรี",
        "พันจ่าอากาศเอก", "จ่าอากาศเอก", "จ่าอากาศโท", "จ่าอากาศตรี", "นาวาเอก", "นาวาโท", "นาวาตรี", "เรือเอก",
        "เรือโท", "เรือตรี", "พันจ่าเอก", "จ่าสิบเอก", "จ่าสิบโท", "จ่าสิบตรี", "พลเอก", "พลโท", "พลตรี", "พันเอก",
        "พันโท", "พันตรี", "ร้อยเอก", "ร้อยโท", "ร้อยตรี", "สิบเอก", "สิบโท", "สิบตรี", "จ่าเอก", "จ่าโท", "จ่าตรี",
        "พลทหาร", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พ.ต.อ.", "พ.ต.ท.", "พ.ต.ต.", "ร.ต.อ.", "ร.ต.ท.", "ร.ต.ต.", "ส.ต.อ.",
        "ส.ต.ท.", "ส.ต.ต.", "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "จ.ส.ต", "พ.จ.อ.", "พล.อ.", "พล.ท.", "พล.ต.", "ด.ต.", "ส.อ.",
        "ส.ท.", "ส.ต.", "จ.อ.", "จ.ท.", "จ.ต.", "น.อ.", "น.ท.", "น.ต.", "ร.อ.", "ร.ท.", "ร.ต.", "พ.อ.", "พ.ท.", "พ.ต.",
    ].sorted { $0.count > $1.count }

    /// Written before a rank for one not yet commissioned ("ว่าที่ร้อยตรี", "ว่าที่ ร.ต.").
    public static let actingRankPrefix = "ว่าที่"

    /// Written after a woman's rank ("ว่าที่ร้อยตรีหญิง").
    public static let femaleRankSuffix = "หญิง"

    /// Openings of a person's name: titles, abbreviated titles, honorifics and ranks, and a monk's "พระ".
    public static let nameOpenings: [String] =
        personTitles + personTitleAbbreviations.map(\.written) + honorifics + ranks + [actingRankPrefix, "พระ"]

    /// The word a position line may start with, dropped from the position ("ตำแหน่ง นิติกร").
    public static let positionLead = "ตำแหน่ง"

    /// Words that say a line is a position or a phrase, never a person's name.
    public static let positionWords = [
        "ตำแหน่ง", "ปลัด", "นายกเทศมนตรี", "นายกองค์การ", "นายก อบ", "นายกอบ", "หัวหน้า", "ผู้อำนวยการ", "ผู้อํานวยการ",
        "ผู้ช่วย", "รองนายก", "รองปลัด", "ชำนาญ", "ปฏิบัติ", "รักษาราชการ", "นักวิ", "นักจัด", "นักทรัพยากร", "นักพัฒนา",
        "นักบริหาร", "นักประชา", "นักสังคม", "นักตรวจสอบ", "นิติกร", "เจ้าพนักงาน", "เจ้าหน้าที่", "พนักงาน", "เทศบาล",
        "องค์การ", "อบต", "อบจ", "สำนัก", "ส่วนราชการ", "ประธาน", "กรรมการ", "เลขานุการ", "ผู้รายงาน", "ผู้จัดทำ",
        "ผู้ตรวจ", "ผู้เสนอ", "ผู้อนุมัติ", "ผู้รับรอง", "ผู้เห็นชอบ", "ผู้ใหญ่บ้าน", "กำนัน", "สมาชิกสภา", "ครู",
        "ผู้อำนวย", "ข้อมูล", "คะแนน", "ประเมิน", "รายงาน", "มาตรการ", "โครงการ", "ตัวชี้วัด", "ฉบับ", "เอกสาร", "สำเนา",
        "งบประมาณ", "จังหวัด", "อำเภอ", "ผอ.", "ป.ป.ช", "ป.ป.ท",
    ]

    /// Openings of a line that reads as a position line under a name ("(" for a parenthesized position).
    public static let positionOpenings = ["ตำแหน่ง", "(", "รอง", "ผู้", "นัก"]

    /// Openings of the positions in a line that holds several side-by-side blocks' positions, where a
    /// position may begin: the heads of an office and the civil-service lines.
    public static let positionHeads = [
        "นายก", "ปลัด", "รองปลัด", "รองนายก", "ผู้อำนวยการ", "ผู้ช่วย", "หัวหน้า", "นัก", "นิติกร", "เจ้าพนักงาน",
        "เจ้าหน้าที่", "ครู", "ประธาน", "กำนัน", "ผู้ใหญ่บ้าน", "รอง", "ผอ.", "ตำแหน่ง",
    ]

    /// Words that say the signer acts for another office: "X ปฏิบัติราชการแทน Y" gives position X and
    /// `acting_for` Y.
    public static let actingWords = ["ปฏิบัติราชการแทน", "รักษาราชการแทน", "ปฏิบัติหน้าที่แทน", "รักษาการแทน"]

    /// The signer's role on the form, as a line of its own above the name ("ผู้จัดทำ") or after the dots
    /// of the (ลงชื่อ) line ("ลงชื่อ……ผู้รายงาน"): neither a position nor part of a name.
    public static let roleLabels = [
        "ผู้จัดทำรายงาน", "ผู้จัดทำแผน", "ผู้จัดทำ", "ผู้เห็นชอบ", "ผู้เสนอแผน", "ผู้เสนอ", "ผู้อนุมัติ", "ผู้รายงาน",
        "ผู้ตรวจสอบ", "ผู้ทบทวน", "ผู้รับรอง", "ผู้สอบทาน", "ผู้บันทึก",
    ]

    /// Lines after which a name without (ลงชื่อ) is a signature: comment headings, closing formulas,
    /// role labels.
    public static let signatureLeads = ["ความเห็น", "/ความเห็น", "จึงเรียน", "ขอแสดงความนับถือ", "เรียน"] + roleLabels

    /// Openings of lines that are never position lines.
    public static let notPositionOpenings = [
        "ความเห็น", "/ความเห็น", "จึงเรียน", "เรียน", "บันทึกข้อความ", "ขอแสดงความนับถือ", "ตามที่", "ทั้งนี้",
    ]
}
