extension Genre {
    /// The first fiscal year the ITA was run (its pilot round); no ITA result is older.
    ///
    /// The NACC (ป.ป.ช.) piloted the assessment in fiscal 2555; the oldest year the corpus, development
    /// and probe documents name is 2561. A year before 2555 is a misreading.
    public static let firstITAYear = 2555

    /// How an ITA round turned a score (0–100) into its level.
    public struct GradingScale: Sendable {
        /// The fiscal years (BE) the scale was used in; `nil` as the end: still in use.
        public var from: Int
        public var through: Int?
        /// The levels, highest first, each with the lowest score that reaches it.
        public var levels: [(level: String, from: Double)]
        /// Whether a level below the one the score reaches is still a result: the pass scale also sets a
        /// minimum for each tool, so 93.18 with an EIT under 85 is "ผ่าน", not "ผ่านดี".
        public var lowerLevelAllowed: Bool

        public func covers(_ year: Int) -> Bool { year >= from && (through.map { year <= $0 } ?? true) }

        /// The highest level `score` reaches on this scale.
        public func level(of score: Double) -> String? {
            levels.first { score >= $0.from - 0.005 }?.level
        }

        /// The rank of `level` (0 the highest), nil when the scale has no such level.
        public func rank(_ level: String) -> Int? { levels.firstIndex { $0.level == level } }
    }

    /// The grading scales by year.
    ///
    /// Sources:
    /// - seven levels 2562–2565: AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99,
    ///   F 0–49.99, as OSMEP's annual report 2565 gives the NACC's criteria ("Assessment criteria is divided
    ///   into 7 levels", https://sme.go.th/uploads/eBooks/eBook_65/files/basic-html/page80.html); every
    ///   corpus, development and probe document of those years agrees;
    /// - five levels to 2561 (สูงมาก from 80, สูง 60, ปานกลาง 40, ต่ำ 20) and the pass scale from 2566
    ///   (ผ่านดีเยี่ยม from 95, ผ่านดี 90, ผ่าน 85; a minimum per tool besides, so a lower level is a
    ///   result: D11 gives 93.18 "ผ่าน" for an EIT under 85): as the genre's documents state them, all of
    ///   the corpus, development and probe documents agreeing. The NACC's manuals of those years were not
    ///   at hand here; check these rows against them when they are.
    public static let gradingScales: [GradingScale] = [
        GradingScale(from: firstITAYear, through: 2561,
                     levels: [("สูงมาก", 80), ("สูง", 60), ("ปานกลาง", 40), ("ต่ำ", 20), ("ต่ำมาก", 0)],
                     lowerLevelAllowed: false),
        GradingScale(from: 2562, through: 2565,
                     levels: [("AA", 95), ("A", 85), ("B", 75), ("C", 65), ("D", 55), ("E", 50), ("F", 0)],
                     lowerLevelAllowed: false),
        GradingScale(from: 2566, through: nil,
                     levels: [("ผ่านดีเยี่ยม", 95), ("ผ่านดี", 90), ("ผ่าน", 85), ("ไม่ผ่าน", 0)],
                     lowerLevelAllowed: true),
    ]

    /// The first year of the ten-indicator model: its tools, weights and indicator groups hold from then.
    public static let tenIndicatorModelFrom = 2562

    /// The weight of each tool in the overall score, by the years the ten-indicator model used them.
    ///
    /// IIT 30%, EIT 30%, OIT 40%: every corpus, development and probe document that gives the three tool
    /// scores and the overall score of a year (2564–2568) agrees to 0.01. Years outside this row are not
    /// checked.
    public static let toolWeights: [(from: Int, through: Int, weights: [String: Double])] = [
        (tenIndicatorModelFrom, 2568, ["IIT": 0.3, "EIT": 0.3, "OIT": 0.4])
    ]

    /// The indicators each tool's score is the mean of, in the ten-indicator model.
    public static let toolIndicators: [String: ClosedRange<Int>] = ["IIT": 1...5, "EIT": 6...8, "OIT": 9...10]

    /// Digits OCR takes for one another in Thai print (after normalization to ASCII digits): ๘, ๙ and
    /// ๔ read as ๕, ๖ as ๒ or ๐, and back. A number that breaks a rule may have been printed as one of
    /// these readings.
    public static let ocrDigitConfusions: [Character: [Character]] = [
        "8": ["5"], "9": ["5"], "4": ["5"], "5": ["8", "9", "4"], "6": ["2", "0"], "2": ["6"], "0": ["6"],
    ]
}
