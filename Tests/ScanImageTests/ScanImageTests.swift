import Testing

@testable import ScanImage

/// A white page with rows of dark "words" (bars with gaps), as a page of text looks from afar.
func textPage(width: Int = 600, height: Int = 500, lines: Int = 12) -> GrayImage {
    var image = GrayImage(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height))
    for line in 0..<lines {
        let top = 40 + line * 36
        for x in 50..<(width - 50) where (x / 29) % 4 != 3 {
            for y in top..<(top + 14) { image.pixels[y * width + x] = 20 }
        }
    }
    return image
}

@Suite struct DeskewTests {
    @Test(arguments: [-0.9, 0.4])
    func theSkewOfATurnedPageIsFoundAndTakenOut(degrees: Double) {
        let turned = textPage().rotated(by: -degrees)
        let found = turned.skewAngle()
        #expect(abs(found - degrees) < 0.06, "found \(found)° for \(degrees)°")
        let (level, angle) = turned.deskewed()
        #expect(angle == found)
        #expect(abs(level.skewAngle()) < 0.06)
    }

    @Test func aStraightPageIsLeftAsItIs() {
        let page = textPage()
        let (level, angle) = page.deskewed()
        #expect(angle == 0)
        #expect(level.pixels == page.pixels)
    }
}

@Suite struct CleanupTests {
    @Test func otsuSplitsInkFromPaperAndBinarizingKeepsOnlyBlackAndWhite() {
        var image = GrayImage(width: 100, height: 10, pixels: [UInt8](repeating: 230, count: 1000))
        for k in 0..<300 { image.pixels[k] = 40 }
        let split = image.otsuThreshold()
        #expect(split > 40 && split <= 230)
        let binary = image.binarized()
        #expect(Set(binary.pixels) == [0, 255])
        #expect(binary.pixels[0] == 0 && binary.pixels[999] == 255)
    }

    @Test func specksGoAndAPointBesideADigitStays() {
        var image = GrayImage(width: 80, height: 40, pixels: [UInt8](repeating: 255, count: 3200))
        func fill(_ x: Range<Int>, _ y: Range<Int>) {
            for j in y { for i in x { image.pixels[j * 80 + i] = 0 } }
        }
        fill(5..<7, 5..<7)  // a speck alone
        fill(30..<40, 10..<30)  // a digit
        fill(42..<45, 26..<29)  // a point beside it, as small as the speck
        let clean = image.despeckled(maximumArea: 6, clearance: 6)
        #expect(clean.pixels[5 * 80 + 5] == 255)
        #expect(clean.pixels[27 * 80 + 43] == 0)
        #expect(clean.pixels[20 * 80 + 35] == 0)
    }
}

@Suite struct RuleTests {
    @Test func tableBordersAreFoundAndWhitenedLettersStay() {
        // A 200 × 100 white image: a border across at y 10–11, one down at x 50, and a short "letter" stroke.
        var image = GrayImage(width: 200, height: 100, pixels: [UInt8](repeating: 255, count: 200 * 100))
        for x in 5..<195 { image.pixels[10 * 200 + x] = 0; image.pixels[11 * 200 + x] = 0 }
        for y in 5..<95 { image.pixels[y * 200 + 50] = 0 }
        for y in 40..<60 { image.pixels[y * 200 + 120] = 0 }
        let (rules, cleaned) = image.rules(minimumRun: 60)
        #expect(rules.contains { $0.horizontal && $0.position == 10.5 && $0.start == 5 && $0.end == 195 })
        #expect(rules.contains { !$0.horizontal && $0.position == 50 && $0.start == 5 && $0.end == 95 })
        #expect(rules.count == 2)
        #expect(cleaned.pixels[10 * 200 + 100] == 255 && cleaned.pixels[50 * 200 + 50] == 255)
        #expect(cleaned.pixels[50 * 200 + 120] == 0)
    }
}

@Suite struct ScanRuleTests {
    /// A faint border a bilevel scan left as dashes, each a row lower than the last, under a line of text.
    @Test func aDashedBorderIsFoundAndWhitenedAndTextIsNot() {
        let width = 700
        var image = GrayImage(width: width, height: 200, pixels: [UInt8](repeating: 255, count: width * 200))
        for x in 20..<680 where x % 60 < 45 { image.pixels[(120 + x / 240) * width + x] = 0 }
        // Text: letters 20 pixels wide with 5 between, their top bars on one row.
        for x in 20..<680 where x % 25 < 20 {
            for y in 40..<44 { image.pixels[y * width + x] = 0 }
            for y in 44..<70 where x % 25 < 4 { image.pixels[y * width + x] = 0 }
        }
        let (rules, cleaned) = image.rules(minimumRun: 100)
        #expect(rules.contains { $0.horizontal && abs($0.position - 121) <= 2 && $0.end - $0.start > 500 })
        #expect(!rules.contains { $0.horizontal && $0.position < 100 })
        // The last dash is shorter than a dash can be: it stays.
        #expect((20..<660).allSatisfy { x in (118..<125).allSatisfy { cleaned.pixels[$0 * width + x] == 255 } })
        #expect(cleaned.pixels[41 * width + 30] == 0)
    }
}
