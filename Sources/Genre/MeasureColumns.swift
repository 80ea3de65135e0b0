/// How the genre heads the columns of a measure table, writes a measure's status, and writes its period.
extension Genre {
    /// The field a measure table's column fills.
    public enum MeasureField: Sendable, Equatable {
        case title, indicator, issue, approach, steps, responsible, period, monitoring, result, outcome
        /// A status column: its cells say the status in words, or mark (✓) the column of `progress`.
        case status(Progress?)
        /// A column whose text goes nowhere: a KPI target, a row number, a header no row names.
        case ignored
    }

    /// How far a measure has got.
    public enum Progress: Sendable, Equatable {
        case notStarted, inProgress, done
    }

    /// Words of a column header: found anywhere in it, or opening it (spaces ignored).
    public struct HeaderWords: Sendable {
        public let field: MeasureField
        public let anywhere: [String]
        public let opening: [String]

        init(_ field: MeasureField, _ anywhere: [String], opening: [String] = []) {
            self.field = field
            self.anywhere = anywhere
            self.opening = opening
        }
    }

    /// Words that say how far a measure has got, in a status cell or a status column's header. The first
    /// row that matches decides: "ยังไม่ดำเนินการ" before "ดำเนินการแล้ว".
    public static let progressWords: [(progress: Progress, anywhere: [String], opening: [String])] = [
        (.notStarted, ["ยังไม่ดำเนินการ", "ยังไม่ได้ดำเนินการ", "ยังไม่เริ่ม"], []),
        (.inProgress, ["อยู่ระหว่าง", "กำลังดำเนินการ"], []),
        (.done, ["เสร็จ", "เรียบร้อย"], ["ดำเนินการแล้ว"]),
    ]

    /// Marks that tick one of several status columns.
    public static let statusMarks = ["/", "✓", "✔", "√"]

    /// Measure table headers by field, checked from the most specific words to the most general: a
    /// header naming a status (``progressWords``) is that status's column; "ตัวชี้วัดความสำเร็จ" (a KPI
    /// target) goes nowhere before "ความสำเร็จ" is an outcome; "แนวทางการปฏิบัติ" is an approach before
    /// "แนวทาง" is a title; "สรุปผลการดำเนินการ" a result before "ระยะเวลาดำเนินการ" a period.
    public static let measureColumns: [HeaderWords] =
        progressWords.map { HeaderWords(.status($0.progress), $0.anywhere, opening: $0.opening) } + [
        HeaderWords(.status(nil), ["สถานะ"]),
        HeaderWords(.ignored, ["ตัวชี้วัดความสำเร็จ", "ตัวชี้วัดผลสำเร็จ", "ค่าเป้าหมาย", "KPI"]),
        HeaderWords(.outcome, ["ผลลัพธ์", "ความสำเร็จ"]),
        HeaderWords(.result, ["สรุปผล"], opening: ["ผลการดำเนิน"]),
        HeaderWords(.period, ["ระยะเวลา", "ห้วงเวลา", "ช่วงเวลา"]),
        HeaderWords(.responsible, ["ผู้รับผิดชอบ", "รับผิดชอบ"], opening: ["หน่วยงาน"]),
        HeaderWords(.monitoring, ["กำกับ", "ติดตาม"]),
        HeaderWords(.approach, ["วิธีการนำผล", "แนวทางการปฏิบัติ", "แนวทางการดำเนิน"]),
        HeaderWords(.steps, ["ขั้นตอน", "วิธีการปฏิบัติ", "วิธีการดำเนิน", "วิธีดำเนิน"]),
        HeaderWords(.issue, ["ประเด็น"]),
        HeaderWords(.indicator, ["ตัวชี้วัด"]),
        HeaderWords(.title, ["มาตรการ", "หัวข้อ", "กิจกรรม", "โครงการ", "แนวทาง"]),
    ]

    /// Header words of a score column: a table with one holds scores, not measures, even with a title column.
    public static let scoreColumnWords = ["คะแนน"]

    /// Words before an indicator's number in a ตัวชี้วัด cell that names no label ("ตัวชี้วัดที่ 8").
    public static let indicatorNumberLeads = ["ตัวชี้วัดที่", "ตัวชี้วัด"]

    /// Words that make a period a deadline: "ภายในเดือนมีนาคม 2568" ends in March and gives no start.
    public static let periodDeadlineLeads = ["ภายในเดือน", "ภายในวันที่", "ภายใน", "ไม่เกินเดือน", "ไม่เกิน"]

    /// Words before a single month or date of a period ("เดือนเมษายน 2568").
    public static let periodMonthLeads = ["เดือน"]

    /// Words between a period's two ends, tried in turn; a period uses exactly one.
    public static let periodSeparators = [" ถึง ", "ถึง", " - ", "- ", " -", "-", "–", " จนถึง "]
}
