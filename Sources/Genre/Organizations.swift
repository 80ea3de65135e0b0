extension Genre {
    /// The five local-government types, with the abbreviation each is written with before a name
    /// ("อบต.โนนสะอาดใต้", "ทน.พนมรุ้ง"). The type is the full form.
    public static let localGovernmentTypes: [(type: String, abbreviation: String)] = [
        ("องค์การบริหารส่วนจังหวัด", "อบจ."),
        ("องค์การบริหารส่วนตำบล", "อบต."),
        ("เทศบาลนคร", "ทน."),
        ("เทศบาลเมือง", "ทม."),
        ("เทศบาลตำบล", "ทต."),
    ]

    /// Head words of agencies that are not local government (their type is null): universities,
    /// hospitals, schools, departments, ministries, state enterprises, public organisations and offices. The
    /// name is the head word and the words glued to it ("มหาวิทยาลัยราชภัฏลุ่มน้ำโขง").
    public static let agencyHeads = [
        "มหาวิทยาลัย", "โรงพยาบาล", "โรงเรียน", "กรม", "กระทรวง", "สถาบัน", "สำนักงาน", "องค์การ", "การท่าเรือ",
        "การประปา", "การไฟฟ้า", "การรถไฟ", "การทางพิเศษ", "การเคหะ", "การยาสูบ", "การนิคมอุตสาหกรรม",
        "การกีฬา", "ท่าอากาศยาน", "วิทยาลัย",
    ]

    /// What follows an agency's name as part of it, after a space: "สถาบันส่งเสริม… (องค์การมหาชน)".
    public static let agencyNameSuffixes = ["(องค์การมหาชน)"]

    /// Words that make a head word the start of something other than an agency's name: a unit inside
    /// an organisation (สำนักงานปลัด), a misspelt องค์กรปกครอง, the public-organisation suffix itself, a
    /// back-reference (กรมฯ).
    public static let notAgencyNames = [
        "สำนักงานปลัด", "สำนักงานเลขานุการ", "องค์การมหาชน", "องค์การปกครอง", "สำนักงานฯ", "กรมฯ",
    ]

    /// Words before a head word that still leave it the start of a name ("ปรากฏว่ากรม…", "ของมหาวิทยาลัย…"):
    /// agency head words are recognised only after a space, a bracket or one of these.
    public static let nameGlue = ["ว่า", "ของ", "จาก", "ที่", "กับ", "ให้", "โดย", "และ", "ใน", "แก่", "ยินดีกับ"]

    /// Words that introduce an abbreviation after a full name ("สถาบัน… (องค์การมหาชน) หรือ สสร."); the
    /// other form is the abbreviation in brackets.
    public static let glossIntroducers = ["หรือ"]

    /// The office that runs the assessment: named on almost every page, never the organisation. A mention
    /// that starts with one of these names is skipped whole.
    public static let assessorNames = [
        "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ", "คณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ",
        "สำนักงาน ป.ป.ช.", "สำนักงานป.ป.ช.",
    ]

    /// Place words written for an organisation, the full form first, then its abbreviation:
    /// "อำเภอเมืองยโสธร" / "อ.โพนพิสัย", "จังหวัดยโสธร" / "จ.หนองคาย". The value is the text glued to the
    /// word. Away from a mention of the organisation only the full form is trusted ("จ." also starts ranks).
    public static let districtWords = ["อำเภอ", "อ."]
    public static let provinceWords = ["จังหวัด", "จ."]

    /// Words that introduce a venue ("ณ ห้องแกรนด์บอลรูม โรงแรม… อำเภอเมืองนนทบุรี"): an organisation or a
    /// place named right after one is the venue's, not the document's.
    public static let venueCues = ["ณ ", "ณห้อง", "ณ ห้อง", "โรงแรม", "หอประชุม", "ศูนย์ประชุม", "ศูนย์การประชุม"]

    /// Words that end a venue's address ("… เขตคลองเตย กรุงเทพมหานคร", "… จังหวัดนนทบุรี"): what comes
    /// after them is the sentence again.
    public static let venueAddressEnds = ["กรุงเทพมหานคร", "จังหวัด", "จ."]

    /// How many words after a venue cue still belong to the venue.
    public static let venueReach = 6

    /// Words that end an organisation's name glued to the text after it
    /// ("องค์การตลาดกลางสินค้าเกษตรได้คะแนน").
    public static let nameStopWords = [
        "อำเภอ", "จังหวัด", "ประจำปี", "ปีงบประมาณ", "ได้", "ซึ่ง", "โดย", "เพื่อ", "ควร", "ดังนี้",
        "พบว่า", "มีผล", "มีค่า", "มีคะแนน", "อ.", "จ.", "เข้ารับ", "ผ่านการ", "ผ่านเกณฑ์", "ยังผ่าน", "ตั้งอยู่",
        "ย้อนหลัง", "แจ้งผล", "คว้า", "รับโล่",
    ]

    /// Words that, glued to a type, make it a generic reference rather than a name: "เทศบาลนครทั่วประเทศ",
    /// "องค์การบริหารส่วนจังหวัดเพียง 7 แห่ง", "อบต.จึงจะเร่งปรับปรุง". Short words that start real place
    /// names (จะนะ, มีชัย, ในเมือง) are left out.
    public static let genericAfterType = [
        "ทั่วประเทศ", "ทั่ว", "ทั้ง", "เพียง", "จึง", "ทุก", "อื่น", "ต่าง", "ดังกล่าว", "นั้น", "นี้", "ซึ่ง", "และ",
        "หรือ", "ได้", "ก็", "เป็น", "แห่ง", "ของ",
    ]

    /// Words that follow an abbreviation and a space without being a name ("สำนักปลัด อบจ. หรือ …").
    public static let functionWords = ["หรือ", "และ", "ได้", "ซึ่ง", "โดย", "เพื่อ", "จะ", "ก็", "ทั้ง", "ของ", "ที่"]
}
