extension Genre {
    /// The line that opens a memo: บันทึกข้อความ, alone on its line.
    public static let memoTitle = "บันทึกข้อความ"

    /// The memo header's field words, with the field each opens (the raw values of the segmenter's
    /// header keys). A word that is the tail of another comes after it: วันที่ before ที่.
    public static let memoFields: [(field: String, word: String)] = [
        ("enclosures", "สิ่งที่ส่งมาด้วย"),
        ("department", "ส่วนราชการ"),
        ("references", "อ้างถึง"),
        ("date", "วันที่"),
        ("subject", "เรื่อง"),
        ("addressee", "เรียน"),
        ("reference", "ที่"),
    ]

    /// What puts a telephone number after the unit on a ส่วนราชการ line ("กองคลัง โทร. 0 4327 4000").
    public static let telephoneMarkers = ["โทรศัพท์", "โทรสาร", "โทร.", "โทร "]

    /// Characters a rule line is drawn with: a line of only these (three or more) under a heading or a
    /// memo subject is a rule, not text ("......", "-----", "______", "……").
    public static let ruleCharacters: Set<Character> = [".", "-", "_", "=", "*", "~", "…", "–", "—", "•", "·"]

    /// Words that open a running sentence, never a heading: a page that opens with one has no heading
    /// ("ตามที่ สำนักงาน ป.ป.ช. ได้ประกาศ…", "ขอแสดงความยินดีกับเทศบาล…", a news lead "วันที่ 12 ส.ค. 67 นาย…").
    public static let sentenceOpeners = [
        "ตามที่", "ตามหนังสือ", "ตามประกาศ", "ตามคำสั่ง", "ขอแสดงความยินดี", "ขอขอบคุณ", "ขอบคุณ",
        "ขอประชาสัมพันธ์", "ขอเชิญ", "ด้วย", "เนื่องด้วย", "เนื่องจาก", "วันที่", "เมื่อวันที่", "ในวันที่", "วันนี้",
        "ทั้งนี้", "อนุสนธิ", "จากการ", "จากผลการ",
    ]

    /// Words that join the clauses of a running sentence or report its result the way a sentence does; a
    /// heading names a thing and rarely has one.
    public static let clauseWords = [
        "ซึ่ง", "นั้น", "ทั้งนี้", "ดังนี้", "เมื่อวันที่", "โดยมี", "จึง", "อย่างไรก็ตาม", "ขณะที่", "รวมทั้ง",
        "เพิ่มขึ้นจาก", "ลดลงจาก", "สูงกว่า", "ต่ำกว่า", "อยู่ในระดับ", "ได้รับแจ้ง", "ปรากฏว่า", "พบว่า", "โดยได้",
        "ขอประชาสัมพันธ์", "ขอแจ้ง", "ขอเชิญ",
    ]

    /// How a running sentence ends; a heading ends on a noun, a year or a score.
    public static let sentenceEndings = [
        "นั้น", "แล้ว", "ต่อไป", "ด้วย", "ครับ", "ค่ะ", "คะ", "นะ", "จ้า", "ดังนี้", "โดยทั่วกัน", "ทุกท่าน", ".",
    ]

    /// How many words after the province of a full address (อำเภอ… จังหวัด…) make the line a sentence going
    /// on after it ("เทศบาล… อำเภอ… จังหวัด… ได้รับแจ้งผล…"); an organisation line under a heading ends there.
    public static let wordsAfterAddress = 2

    /// Cues of a site, breadcrumb, byline or counter line printed above or under a headline: never the
    /// title nor part of it ("หน้าแรก > ข่าว…", "โพสต์เมื่อ … | เข้าชม 812 ครั้ง").
    public static let siteLineCues = [
        " > ", " » ", "›", "หน้าแรก", "หน้าหลัก", "Home", "โพสต์เมื่อ", "เผยแพร่เมื่อ", "ประกาศเมื่อ",
        "อัปเดตล่าสุด", "อัพเดทล่าสุด", "เข้าชม", "ผู้เข้าชม", "ผู้ชม", "views", "ผู้เขียน", "เขียนโดย", "แชร์",
    ]

    /// How a byline or source line starts ("โดย งานประชาสัมพันธ์", "ที่มา : …").
    public static let bylineOpeners = ["โดย ", "ข่าวโดย", "ภาพ/ข่าว", "ภาพข่าว", "ที่มา", "แหล่งข่าว", "อ่าน ", "อ่านต่อ"]

    /// A website's section labels, printed alone on a line above a headline: a site line, not the title.
    public static let sectionLabels = [
        "ข่าวประชาสัมพันธ์", "ข่าวกิจกรรม", "ประชาสัมพันธ์", "ข่าวสาร", "ข่าวล่าสุด", "ข่าวเด่น", "ข่าว",
        "กิจกรรม", "ข่าวสารประชาสัมพันธ์", "ข่าวและกิจกรรม", "ITA",
    ]

    /// Words of a date or time line ("วันที่ 14 / ส.ค. / 2567", "18 ส.ค. 2568 09:45 น."): with the
    /// month names, the only words such a line has.
    public static let dateLineWords = [
        "วันที่", "ณ", "เวลา", "น.", "พ.ศ.", "พ.ศ", "วัน", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์",
        "อาทิตย์", "ที่", "|", "/", "-", ":", ",",
    ]

    /// Thai month names, full and abbreviated, as a date line writes them.
    public static let monthNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
        "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
        "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]

    /// The longest a heading line runs; a longer line is a paragraph of running text.
    public static let headingMaxLength = 200

    /// A line this short standing apart is a heading unless it opens like a sentence.
    public static let headingShortLength = 80

    /// Beyond this many characters a heading line counts one sign of a running sentence.
    public static let headingUsualLength = 120

    /// Phrases that name the fiscal year a title or subject is for, each followed by the year, in the
    /// order they are trusted: "ประจำปีงบประมาณ พ.ศ. 2566", "ปีงบ 67", "ปี 2566", "ปี 66", "ITA 2568".
    public static let fiscalYearPhrases = ["ปีงบประมาณ", "ปีงบ", "ประจำปี", "ปี", "ITA"]

    /// The era word that may stand between a fiscal-year phrase and its year.
    public static let buddhistEra = ["พ.ศ.", "พ.ศ"]

    /// What joins two years into a range ("ปีงบประมาณ 2562 - 2567"): a range names no single fiscal year.
    public static let yearRangeMarks = ["-", "–", "—", "ถึง"]
}
