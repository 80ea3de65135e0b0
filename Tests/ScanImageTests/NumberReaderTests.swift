import Testing

@testable import ScanImage

@Suite struct NumberReaderTests {
    @Test(arguments: [
        ("๒๕๖๘", "", "๒๕๖๘", ""), ("พ.ศ.๒๕๖๘", "พ.ศ", ".๒๕๖๘", ""), ("88.42", "", "88.42", ""),
        ("๑๙ก", "", "๑๙", "ก"), ("(IIT)", nil, nil, nil), ("ก๑ข", nil, nil, nil), ("ข้อ", nil, nil, nil),
    ] as [(String, String?, String?, String?)])
    func theNumberOfAWordIsItsDigitsAtOneEnd(text: String, prefix: String?, number: String?, suffix: String?) {
        let part = NumberReader.numberPart(of: text)
        #expect(part?.prefix == prefix && part?.number == number && part?.suffix == suffix)
    }

    /// Bars for shapes: a "1" is a tall bar, a "-" a short wide one; the reader knows only these two
    /// digits, and spells what it sees whatever OCR read.
    @Test func aNumberIsSpelledFromItsInk() {
        func bar(_ w: Int, _ h: Int) -> Shape {
            Shape(ink: PixelBox(x0: 0, y0: 0, x1: w - 1, y1: h - 1)) { _, _ in true }
        }
        func ring(_ s: Int) -> Shape {
            Shape(ink: PixelBox(x0: 0, y0: 0, x1: s - 1, y1: s - 1)) { x, y in x < 3 || y < 3 || x >= s - 3 || y >= s - 3 }
        }
        let reader = NumberReader(samples: [
            ShapeSample(character: "1", shape: bar(6, 30)), ShapeSample(character: "0", shape: ring(30)),
        ])
        var image = GrayImage(width: 120, height: 50, pixels: [UInt8](repeating: 255, count: 6000))
        for y in 10..<40 {
            for x in 10..<16 { image.pixels[y * 120 + x] = 0 }
            for x in 22..<52 where x < 25 || x >= 49 || y < 13 || y >= 37 { image.pixels[y * 120 + x] = 0 }
        }
        let box = PixelBox(x0: 12, y0: 9, x1: 50, y1: 40)
        #expect(reader.read(image, box: box, text: "17")?.text == "10")
        #expect(reader.read(image, box: box, text: "IIT") == nil)
    }

    /// A code is its letter and digits: the first piece is kept as OCR read it, the others must be digits.
    @Test func aCodesDigitsAreReadAfterItsLetter() {
        func bar(_ w: Int, _ h: Int) -> Shape {
            Shape(ink: PixelBox(x0: 0, y0: 0, x1: w - 1, y1: h - 1)) { _, _ in true }
        }
        let reader = NumberReader(samples: [ShapeSample(character: "๑", shape: bar(6, 30))])
        var image = GrayImage(width: 120, height: 50, pixels: [UInt8](repeating: 255, count: 6000))
        // A "T"-like letter, then one bar, then (for the second word) a solid square that is no digit.
        for y in 10..<40 {
            for x in 10..<30 where y < 14 || (x >= 18 && x < 22) { image.pixels[y * 120 + x] = 0 }
            for x in 34..<40 { image.pixels[y * 120 + x] = 0 }
        }
        let code = PixelBox(x0: 10, y0: 9, x1: 40, y1: 40)
        #expect(reader.readCode(image, box: code, text: "Ele")?.text == "E๑")
        for y in 10..<40 { for x in 44..<74 { image.pixels[y * 120 + x] = 0 } }
        #expect(reader.readCode(image, box: PixelBox(x0: 10, y0: 9, x1: 74, y1: 40), text: "Ele") == nil)
    }
}
