import Testing
import ICUBridge

@Suite struct CalendarDateParserTests {
    typealias YMD = (year: Int, month: Int, day: Int)

    static func same(_ a: YMD?, _ b: YMD?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y
        default: return false
        }
    }

    @Test func buddhistFullDate() {
        let p = CalendarDateParser(pattern: "d MMMM y")
        #expect(Self.same(p.parse("19 เมษายน 2566"), (2023, 4, 19)))
        #expect(Self.same(p.parse("๑๙ เมษายน ๒๕๖๖"), (2023, 4, 19)))
        #expect(Self.same(p.parse("30 กันยายน 2567"), (2024, 9, 30)))
        #expect(Self.same(p.parse("29 กุมภาพันธ์ 2567"), (2024, 2, 29)))
    }

    @Test func strictParsingRejectsImpossibleDates() {
        let p = CalendarDateParser(pattern: "d MMMM y")
        #expect(p.parse("31 กุมภาพันธ์ 2566") == nil)
        #expect(p.parse("29 กุมภาพันธ์ 2566") == nil)
        #expect(p.parse("31 เมษายน 2566") == nil)
    }

    @Test func wholeTextMustBeConsumed() {
        let p = CalendarDateParser(pattern: "d MMMM y")
        #expect(p.parse("19 เมษายน 2566 ") == nil)
        #expect(p.parse("19 เมษายน 2566 เป็นต้นไป") == nil)
        #expect(p.parse("วันที่ 19 เมษายน 2566") == nil)
        #expect(p.parse("") == nil)
    }

    @Test func monthAndYear() {
        let p = CalendarDateParser(pattern: "MMMM y")
        let r = p.parse("มกราคม 2565")
        #expect(r?.year == 2022)
        #expect(r?.month == 1)
    }

    @Test func abbreviatedMonthAndTwoDigitYear() {
        let p = CalendarDateParser(pattern: "MMM yy")
        #expect(Self.same(p.parse("เม.ย. 66"), (2023, 4, 1)))
        #expect(Self.same(p.parse("ต.ค. ๖๖"), (2023, 10, 1)))
        let q = CalendarDateParser(pattern: "d MMM yy")
        #expect(Self.same(q.parse("19 เม.ย. 66"), (2023, 4, 19)))
    }

    @Test func gregorianLocale() {
        let p = CalendarDateParser(pattern: "d MMMM y", locale: "en_US")
        #expect(Self.same(p.parse("19 April 2023"), (2023, 4, 19)))
    }

    @Test func gregorianYearInBuddhistPatternIsAnOldDate() {
        // The trap PLATFORM.md warns about: callers must check the year range.
        let r = CalendarDateParser(pattern: "d MMMM y").parse("19 เมษายน 2023")
        #expect(r?.year == 1480)
    }

    @Test func sharedAcrossTasks() async {
        let p = CalendarDateParser(pattern: "d MMMM y")
        let results = await withTaskGroup(of: Int?.self) { group in
            for day in 1...28 {
                group.addTask { p.parse("\(day) มีนาคม 2566")?.day }
            }
            var all: [Int] = []
            for await r in group { if let r { all.append(r) } }
            return all.sorted()
        }
        #expect(results == Array(1...28))
    }
}
