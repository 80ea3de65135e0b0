extension Genre {
    /// What a word written just before a number says about it, when it is the nearest such word.
    public enum Governor: Sendable, Equatable {
        /// The number is a result: "ได้", "ด้วยคะแนน", "เท่ากับ", "อยู่ที่", "ได้คะแนนเต็ม".
        case score
        /// The number is not a score, for the reason the rule names.
        case refuse(NotScore)
        /// "รวม N": a difference when a difference or threshold word comes before it in the sentence
        /// ("เพิ่มขึ้น … รวม 11.32 คะแนน"), else a total ("ผลคะแนน ITA ปี 65 รวม 86.59 คะแนน").
        case sum
    }

    /// Why a number next to "คะแนน" is not a score (RECORD.md's ruling "What is not a score").
    public enum NotScore: String, Sendable {
        case difference
        case threshold
        case fullMarks = "full_marks"
        case rank
        case count
        case range
        case date
        case address
        case otherBody = "other_body"
    }

    /// A governing word: its text, what it says, and whether it must stand right before the number.
    public struct GoverningWord: Sendable {
        public var text: String
        public var governor: Governor
        /// Only when nothing but spaces stands between it and the number ("จาก 90.10 คะแนน", not
        /// "เพิ่มขึ้นจากปีก่อน 1.04 คะแนน").
        public var adjacent: Bool

        init(_ text: String, _ governor: Governor, adjacent: Bool = false) {
            self.text = text
            self.governor = governor
            self.adjacent = adjacent
        }
    }

    /// The words that decide whether the number after them is a score. The nearest one before the
    /// number decides (a copula, "คือ", "เท่ากับ", "อยู่ที่", "=", decides nothing: "คะแนนเต็ม … คือ 100" is
    /// full marks); where two end at the same place, the longer one ("ได้คะแนนเต็ม" over "คะแนนเต็ม",
    /// "คะแนนรวม" over "รวม").
    public static let governingWords: [GoverningWord] = [
        .init("ได้", .score), .init("ได้รับ", .score), .init("ด้วยคะแนน", .score), .init("คะแนน", .score),
        .init("จาก", .score, adjacent: true), .init("เป็น", .score, adjacent: true),
        .init("ได้คะแนนเต็ม", .score), .init("ได้เต็ม", .score),
        .init("คะแนนรวม", .score), .init("ผลรวม", .score), .init("ภาพรวม", .score),
        .init("เพิ่มขึ้น", .refuse(.difference)), .init("ลดลง", .refuse(.difference)),
        .init("สูงขึ้น", .refuse(.difference)), .init("ต่ำลง", .refuse(.difference)),
        .init("ดีขึ้น", .refuse(.difference)), .init("ผลต่าง", .refuse(.difference)),
        .init("ส่วนต่าง", .refuse(.difference)), .init("เปลี่ยนแปลง", .refuse(.difference)),
        .init("รวม", .sum), .init("จำนวน", .refuse(.count)), .init("คิดเป็น", .refuse(.difference)),
        .init("สูงกว่า", .refuse(.threshold)), .init("ต่ำกว่า", .refuse(.threshold)),
        .init("มากกว่า", .refuse(.threshold)), .init("น้อยกว่า", .refuse(.threshold)),
        .init("ไม่ถึง", .refuse(.threshold)), .init("ไม่เกิน", .refuse(.threshold)),
        .init("เกณฑ์", .refuse(.threshold)), .init("เป้าหมาย", .refuse(.threshold)),
        .init("ขั้นต่ำ", .refuse(.threshold)), .init("ตั้งแต่", .refuse(.threshold)),
        .init("ช่วงคะแนน", .refuse(.range)),
        .init("เต็ม", .refuse(.fullMarks)), .init("คะแนนเต็ม", .refuse(.fullMarks)),
        .init("ลำดับ", .refuse(.rank)), .init("อันดับ", .refuse(.rank)),
        .init("วันที่", .refuse(.date)), .init("เวลา", .refuse(.date)), .init("ปีที่", .refuse(.rank)),
    ]

    /// Words between a governing word and its number that change nothing ("ได้คะแนนสูงสุด 98.07",
    /// "ได้เพียง 83.40", "ได้คะแนน ITA ร้อยละ 72.40").
    public static let transparentWords = [
        "สูงสุด", "ต่ำสุด", "ต่ำที่สุด", "เพียง", "ITA", "ร้อยละ", "ในภาพรวม", "โดยภาพรวม", "(", ")", "“", "”", "\"",
    ]

    /// Words right after a number that make it a count, a rank, a time or an amount, not a score.
    public static let unitsAfterNumber: [(text: String, reason: NotScore)] = [
        ("หน่วยงาน", .count), ("แห่ง", .count), ("ราย", .count), ("ข้อ", .count), ("คน", .count),
        ("ท่าน", .count), ("ครั้ง", .count), ("ฉบับ", .count), ("บาท", .count), ("ช่องทาง", .count),
        ("หมู่บ้าน", .count), ("โหวต", .count), ("โครงการ", .count), ("กิจกรรม", .count), ("แบบ", .count),
        ("วัน", .date), ("เดือน", .date), ("ปี", .date), ("ไตรมาส", .date), ("ชั่วโมง", .date), ("น.", .date),
        ("จาก", .rank), ("ใน ", .rank), ("ของ", .rank),
    ]

    /// Words that name the overall ITA result.
    public static let overallCues = [
        "ผลการประเมิน", "ผลประเมิน", "คะแนนรวม", "คะแนนเฉลี่ย", "คะแนนประเมิน", "คะแนนการประเมิน", "คะแนนในภาพรวม", "ในภาพรวม",
        "โดยภาพรวม", "คะแนน ITA", "คะแนนITA",
    ]
    /// Words that name the overall result only when no indicator or tool was named just before them
    /// ("การเปิดเผยข้อมูล เทศบาล มีผลคะแนน 86.75" is the indicator's score).
    public static let weakOverallCues = ["ค่าคะแนน", "มีคะแนน", "ผลคะแนน"]
    /// Words that make the score after them another body's: national or group averages, the bodies after
    /// the first in a ranking.
    public static let otherBodyCues = [
        "ค่าเฉลี่ยของ", "ค่าเฉลี่ยระดับประเทศ", "ค่าเฉลี่ยทั่วประเทศ", "ภาพรวมระดับประเทศ", "ค่าเฉลี่ยของประเทศ",
        "รองลงมาคือ", "รองลงมา คือ", "ตามด้วย",
    ]

    /// Subjects whose scores the record does not hold: the old model's indices (ดัชนี), other assessments
    /// that share the genre's words (MOIT, องค์กรคุณธรรม).
    public static let unrecordedSubjectCues = ["ดัชนี", "MOIT", "องค์กรคุณธรรม"]

    /// The grades, current and former scales, longest first where one begins another.
    public static let grades = ["ผ่านดีเยี่ยม", "ไม่ผ่าน", "ผ่านดี", "ผ่าน", "AA", "A", "B", "C", "D", "E", "F"]
    /// The five-band scale used until 2561: a grade only after "ระดับ" or alone in a cell, since the same
    /// words are common in prose ("สูงกว่า", "ต่ำ").
    public static let formerGrades = ["สูงมาก", "ปานกลาง", "ต่ำมาก", "สูง", "ต่ำ"]
    /// The word that introduces a grade ("อยู่ในระดับ A", "ระดับB").
    public static let gradeWord = "ระดับ"

    /// Words after which a four-digit Buddhist-era number is an assessment year (an optional "พ.ศ."
    /// between); a year after a month name is a date's, and after a bare พ.ศ. a law's or a plan's.
    public static let yearLeads = ["ปี", "งบประมาณ", "ITA", "ITAS", "คะแนน", "ประเมิน"]
    /// The ten canonical indicators: number, label as RECORD.md gives it, its tool's abbreviation, and the
    /// other ways documents write the label.
    public static let indicators: [(number: Int, label: String, tool: String, variants: [String])] = [
        (1, "การปฏิบัติหน้าที่", "IIT", []),
        (2, "การใช้งบประมาณ", "IIT", ["การใช้จ่ายงบประมาณ"]),
        (3, "การใช้อำนาจ", "IIT", []),
        (4, "การใช้ทรัพย์สินของราชการ", "IIT", ["การใช้ทรัพย์สินของทางราชการ"]),
        (5, "การแก้ไขปัญหาการทุจริต", "IIT", []),
        (6, "คุณภาพการดำเนินงาน", "EIT", []),
        (7, "ประสิทธิภาพการสื่อสาร", "EIT", []),
        (8, "การปรับปรุงการทำงาน", "EIT", ["การปรับปรุงระบบการทำงาน"]),
        (9, "การเปิดเผยข้อมูล", "OIT", []),
        (10, "การป้องกันการทุจริต", "OIT", []),
    ]

    /// How documents name the three tools: the abbreviation, or the Thai name of the tool's form
    /// ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "แบบตรวจการเปิดเผยข้อมูลสาธารณะ").
    public static let toolNames: [(tool: String, name: String)] = [
        ("IIT", "IIT"), ("EIT", "EIT"), ("OIT", "OIT"),
        ("IIT", "ผู้มีส่วนได้ส่วนเสียภายใน"), ("EIT", "ผู้มีส่วนได้ส่วนเสียภายนอก"), ("OIT", "ตรวจการเปิดเผยข้อมูลสาธารณะ"),
    ]

    /// A table column of remarks, whose words say nothing about the row's score ("หมายเหตุ").
    public static let remarkColumnWords = ["หมายเหตุ"]

    /// Words after which two digits are a year of the Buddhist era's 2500s ("ปี 66", "ITA 65").
    public static let shortYearLeads = ["ปีงบประมาณ", "ปี", "ITA"]
    /// Years named relative to the document's own assessment year, with their offset.
    public static let relativeYears: [(text: String, offset: Int)] = [
        ("ปีนี้", 0), ("ปีล่าสุด", 0), ("ปีที่ผ่านมา", -1), ("ปีที่แล้ว", -1), ("ปีก่อน", -1),
    ]
    /// Words after which a year phrase right after a score belongs to it ("90.07 คะแนนเมื่อปี 2567",
    /// "88.10 คะแนน (ปี 2566)").
    public static let trailingYearLeads = ["เมื่อปี", "ในปี", "(ปี"]

    /// Line endings that announce a list whose items state scores ("…มีผลคะแนนดีขึ้นทุกปี ดังนี้").
    public static let listLeadEndings = ["ดังนี้", "ได้แก่", "ดังต่อไปนี้", "ต่อไปนี้", "ดังนี้:", ":"]
}
