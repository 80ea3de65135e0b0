extension Genre {
    /// Words that the header cells of the genre's tables are made of: a first row made of them names the
    /// columns.
    public static let tableHeaderWords = [
        "มาตรการ", "ตัวชี้วัด", "คะแนน", "รับผิดชอบ", "ระยะเวลา", "ขั้นตอน", "วิธีการ", "แนวทาง",
        "หัวข้อ", "ลำดับ", "อันดับ", "ประเด็น", "รายละเอียด", "ผลการ", "สรุปผล", "ผลลัพธ์", "ความสำเร็จ",
        "กำกับ", "ติดตาม", "หน่วยงาน", "เครื่องมือ", "คำถาม", "สถานะ", "ดำเนินการ", "ดำเนินงาน",
        "เปลี่ยนแปลง", "ผลต่าง", "ระดับ", "หมายเหตุ", "โครงการ", "กิจกรรม", "งบประมาณ", "เป้าหมาย",
        "ปรับปรุง", "ปี", "ชื่อ", "ตำแหน่ง", "รายการ", "จำนวน", "ร้อยละ", "เกณฑ์", "ประเภท", "วันที่",
        "เดือน", "ผลงาน", "วิเคราะห์", "การประเมิน", "แบบวัด", "ส่วนที่", "ด้าน",
        "ITA", "IIT", "EIT", "OIT", "No.",
    ]

    /// The word of every score ("คะแนน"): in headers, in prose, in the genre's compounds.
    public static let scoreWord = "คะแนน"
    /// Header words of a change column in a year-comparison table.
    public static let changeColumnWords = ["ผลต่าง", "เปลี่ยนแปลง", "ส่วนต่าง", "เพิ่ม/ลด", "เพิ่มขึ้น/ลดลง"]
    /// A weight ("ค่าน้ำหนัก") or a weighted score ("คะแนนถ่วงน้ำหนัก") column: a share of the overall score.
    public static let weightColumnWord = "น้ำหนัก"
    /// The header of a tool column ("เครื่องมือ"); with the score word, the tools' scores.
    public static let toolColumnWord = "เครื่องมือ"
    /// Row labels of an overall row ("คะแนนรวม", "คะแนนเฉลี่ย", "ภาพรวม", "ผลคะแนน ITA")…
    public static let summaryRowWords = ["เฉลี่ย", "คะแนนรวม", "รวม", "ภาพรวม", "ITA"]
    /// …or a label that is only the score word, under year columns ("คะแนน | 95.81 | 92.33").
    public static let scoreRowLabels = ["คะแนน", "ผลคะแนน", "คะแนนที่ได้", "ผลการประเมิน", "คะแนนการประเมิน"]
    /// …unless they name the highest or lowest of the rows ("คะแนนสูงสุด").
    public static let extremeRowWords = ["สูงสุด", "ต่ำสุด"]
    /// Headers of a column that prints each row's number.
    public static let numberColumnHeaders = ["ลำดับ", "ลำดับที่", "อันดับ", "อันดับที่", "ตัวชี้วัดที่", "ที่"]
    /// What a year cell may say before its year ("ปีงบประมาณ พ.ศ. 2566").
    public static let yearCellPrefixes = ["ปีงบประมาณ", "ปี", "พ.ศ.", "พ.ศ"]
    /// The Buddhist era's marker, written between a year's lead word and its digits.
    public static let eraMarkers = ["พ.ศ.", "พ.ศ"]
    /// "ตัวชี้วัดที่ N": the indicator number the document printed; "ตัวชี้วัด": the indicator word.
    public static let indicatorNumberMarker = "ตัวชี้วัดที่"
    public static let indicatorWord = "ตัวชี้วัด"
    /// Where an indicator's label ends in prose ("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร ได้ …").
    public static let labelEndWords = ["ได้", "(", "=", "คะแนน", "มี"]
    /// "ข้อ i1": the word before a question's code.
    public static let questionWord = "ข้อ"
    /// The letter a question's code starts with, by tool ("i1" is the IIT's first question), in either case.
    public static let questionCodeLetters: [Character: String] = ["i": "IIT", "e": "EIT", "o": "OIT"]
    /// What a code's letter is written or read as instead: a zero typed for o, and OCR's readings of the
    /// letters in print ("(2" for i2, "61" for e1, "c7" for e7). Such a code takes its letter from its block
    /// (the indicator row above it, the tool column, the heading), when the block's letter is one of these.
    public static let questionLetterMisreadings: [Character: [Character]] = [
        "0": ["o"], "(": ["i"], ")": ["i"], "l": ["i"], "|": ["i"], "!": ["i"], "6": ["e"], "c": ["e"],
    ]
    /// The letter a misreading stands for when the block names none: a zero before a number is o ("017").
    public static let questionLetterDefaults: [Character: Character] = ["0": "o"]
    /// The question word as OCR reads it too: its tone mark is small and often lost ("ขอ 012").
    public static let questionWordReadings = [questionWord, "ขอ"]
    /// Headers of a column of question codes, where a bare number is a code without its letter.
    public static let questionColumnHeaders = ["ข้อ", "ข้อที่", "ข้อคำถามที่"]
    /// "EIT ส่วนที่ 1": the word before a tool's part.
    public static let toolPartWord = "ส่วนที่"
    /// "N คะแนน จาก M": what a score is out of.
    public static let outOfWord = "จาก"
    /// "ร้อยละ N": a percentage, a score when the sentence's score word governs it.
    public static let percentWord = "ร้อยละ"
    /// Words before a relative year that tie it to the score before ("… ในปีนี้").
    public static let relativeYearTies = ["ใน", "เมื่อ"]
    /// What may stand between a grade and the year it is tied to ("“ผ่านดี” ในปี 2567").
    public static let gradeYearTies = ["ในปี", "ในปี พ.ศ.", "ใน", "ปี"]
    /// "ระดับผลการประเมิน AA": words between the grade word and the grade on a grade's own line.
    public static let gradeLineFillers = ["ผลการประเมิน"]
    /// "ปีงบประมาณ" between a trailing year's lead and its digits ("เมื่อปีงบประมาณ 2566").
    public static let budgetWord = "งบประมาณ"

    /// Words between a score word and its number that say only "is" ("คะแนนรวม คือ 94.50", "= 92.51").
    public static let copulas = ["=", ":", "เท่ากับ", "อยู่ที่", "คือ"]
}
