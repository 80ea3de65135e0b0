import Foundation

/// The shape of one character cut out of an image: its ink scaled into a square grid, and how tall it is
/// against its width.
public struct Shape: Sendable {
    /// The side of the grid the ink is scaled into.
    public static let side = 16
    /// Ink coverage, 0 to 1, row after row (`side` × `side`).
    public var cells: [Float]
    /// Height over width of the ink.
    public var aspect: Float

    /// The shape of the dark pixels (below `threshold`) of `image` inside `box`; `nil` when there is none.
    public init?(_ image: GrayImage, box: PixelBox, threshold: UInt8 = 128) {
        var ink = PixelBox(x0: Int.max, y0: Int.max, x1: Int.min, y1: Int.min)
        for y in box.y0...box.y1 {
            for x in box.x0...box.x1 where image.pixels[y * image.width + x] < threshold {
                ink = PixelBox(x0: min(ink.x0, x), y0: min(ink.y0, y), x1: max(ink.x1, x), y1: max(ink.y1, y))
            }
        }
        guard ink.x0 <= ink.x1 else { return nil }
        self.init(ink: ink) { x, y in image.pixels[y * image.width + x] < threshold }
    }

    /// The shape of the pixels `isInk` says are ink within `ink`, the box that holds them exactly.
    init(ink: PixelBox, isInk: (Int, Int) -> Bool) {
        let w = ink.x1 - ink.x0 + 1
        let h = ink.y1 - ink.y0 + 1
        // The longer side fills the grid; the shorter one is centred, so a "1" stays narrow.
        let scale = Float(Self.side) / Float(max(w, h))
        let offsetX = (Float(Self.side) - Float(w) * scale) / 2
        let offsetY = (Float(Self.side) - Float(h) * scale) / 2
        var cells = [Float](repeating: 0, count: Self.side * Self.side)
        var counts = [Float](repeating: 0, count: Self.side * Self.side)
        for y in 0..<h {
            let gy = min(Self.side - 1, Int(offsetY + (Float(y) + 0.5) * scale))
            for x in 0..<w {
                let gx = min(Self.side - 1, Int(offsetX + (Float(x) + 0.5) * scale))
                counts[gy * Self.side + gx] += 1
                if isInk(ink.x0 + x, ink.y0 + y) { cells[gy * Self.side + gx] += 1 }
            }
        }
        for k in cells.indices where counts[k] > 0 { cells[k] /= counts[k] }
        self.cells = cells
        aspect = Float(h) / Float(w)
    }

    /// How unlike two shapes are: the squared difference of their grids, and of their proportions.
    func distance(to other: Shape) -> Float {
        var sum: Float = 0
        for k in cells.indices {
            let d = cells[k] - other.cells[k]
            sum += d * d
        }
        let a = log(aspect) - log(other.aspect)
        return sum + 8 * a * a
    }
}

/// A rectangle of pixels, both corners inside.
public struct PixelBox: Sendable, Equatable {
    public var x0: Int
    public var y0: Int
    public var x1: Int
    public var y1: Int

    public init(x0: Int, y0: Int, x1: Int, y1: Int) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    var width: Int { x1 - x0 + 1 }
    var height: Int { y1 - y0 + 1 }
}

/// A character's shape as a font draws it: what the number reader compares ink with.
public struct ShapeSample: Sendable {
    public var character: Character
    public var shape: Shape
    /// The face it was drawn in (a font and weight), numbered by the sample's source.
    public var face: Int

    public init(character: Character, shape: Shape, face: Int = 0) {
        self.character = character
        self.shape = shape
        self.face = face
    }
}

/// A word's text with its number read from the ink, and how far the farthest piece of that ink lay from
/// the shape it was taken for (0 is a perfect fit; `NumberReader.farthest` the most allowed).
public struct NumberReading: Sendable, Equatable {
    public var text: String
    public var distance: Float
}

/// Reads numbers again from their ink, character by character, where OCR's language model misreads them.
///
/// Tesseract's Thai model reads Thai digits as other digits with high confidence (๘ as ๕, ๖ as ๐ or ๒),
/// which no threshold on its confidence catches. The digits of a number carry no language to guess from,
/// only shapes; so each piece of ink in a number's box is matched to the nearest of the shapes that fonts
/// draw (Thai and ASCII digits and the marks numbers are written with), and the number is spelled again in
/// one script, the script whose shapes fit better.
public struct NumberReader: Sendable {
    private let samples: [ShapeSample]
    /// See `NumberReader.farthest`.
    private let farthest: Float

    /// Characters a number is written with, besides digits; a piece of ink nearest to another shape means
    /// the box holds more than a number, and it is left as OCR read it.
    static let marks: Set<Character> = [".", ",", "/", "-", "(", ")", ":", "%"]
    /// The largest distance at which a piece of ink is still taken for the shape it is nearest to: digits
    /// of an unseen font lie well within it, a letter or a digit run into a border beyond.
    public static let farthest: Float = 40
    /// The marks as tall as digits; the others are told apart by size.
    static let tallMarks: Set<Character> = ["/", "(", ")", "%"]

    public init(samples: [ShapeSample], farthest: Float = NumberReader.farthest) {
        self.samples = samples
        self.farthest = farthest
    }

    /// The number in OCR's text for a word: the word split into letters before it, the number (digits and
    /// number marks, a digit among them, at the word's end or else at its start) and letters after it;
    /// `nil` when neither end of the word is a number.
    public static func numberPart(of text: String) -> (prefix: String, number: String, suffix: String)? {
        let isPart = { (c: Character) in c.isDigitOfEitherScript || marks.contains(c) }
        let characters = Array(text)
        let hasDigit = { (run: ArraySlice<Character>) in run.contains(where: { $0.isDigitOfEitherScript }) }
        let tail = characters[(characters.lastIndex(where: { !isPart($0) }).map { $0 + 1 } ?? 0)...]
        if hasDigit(tail) { return (String(characters[..<tail.startIndex]), String(tail), "") }
        let head = characters[..<(characters.firstIndex(where: { !isPart($0) }) ?? characters.count)]
        if hasDigit(head) { return ("", String(head), String(characters[head.endIndex...])) }
        return nil
    }

    /// OCR's `text` for the word in `box` of `image` (ink darker than mid-grey) with its number spelled
    /// again from the shapes of the ink; `nil` when the ink does not read as a number where the text has one.
    ///
    /// A word that is all number is read whole. A word with letters before (or after) its number, such as
    /// `พ.ศ.๒๕๖๘`, keeps its letters: the number is the run of digit shapes at its end (or start).
    public func read(_ image: GrayImage, box: PixelBox, text: String) -> NumberReading? {
        guard let part = Self.numberPart(of: text) else { return nil }
        let found = Self.pieces(image, box: box)
        guard let tallest = found.map(\.box.height).max() else { return nil }
        // A hair of a border (a pixel thick) or a speck beside the number is neither a digit nor a point.
        let pieces = found.filter { min($0.box.width, $0.box.height) > 1 && max($0.box.width, $0.box.height) >= 3 }
        var readings = pieces.map { classify($0, tallest: tallest) }
        let isDigitLike = { (r: Reading) in min(r.thai.1, r.ascii.1) <= self.farthest }
        if readings.allSatisfy(isDigitLike) {
            // Every piece of ink is a digit or a mark: the letters OCR saw beside the number were misread digits.
            return spelled(readings)
        }
        if part.prefix.isEmpty != part.suffix.isEmpty {
            // Letters are far from every digit shape: the number ends at the first of them.
            if part.suffix.isEmpty {
                let start = (readings.lastIndex(where: { !isDigitLike($0) }) ?? -1) + 1
                readings = Array(readings[start...])
            } else {
                readings = Array(readings[..<(readings.firstIndex(where: { !isDigitLike($0) }) ?? readings.count)])
            }
            // Points between the letters and the number (พ.ศ.) belong to the letters.
            while let first = readings.first, !first.thai.0.isDigitOfEitherScript, first.thai.0 == first.ascii.0,
                part.prefix.last == first.thai.0 || !part.number.hasPrefix(String(first.thai.0)) {
                readings.removeFirst()
            }
        }
        // A run of as many characters as OCR saw in the number, or the reading is not to be trusted.
        guard readings.count == part.number.count, let number = spelled(readings) else { return nil }
        return NumberReading(text: part.prefix + number.text + part.suffix, distance: number.distance)
    }

    /// OCR's `text` for a question code in `box` ("Ele" for E๒, "in" for i๓, where OCR took the Thai digits
    /// of the code for letters): its first character, the letter, kept, and the ink after the letter read as
    /// one or two digits; `nil` unless every piece after the letter is a digit.
    public func readCode(_ image: GrayImage, box: PixelBox, text: String) -> NumberReading? {
        guard let letter = text.first else { return nil }
        let found = Self.pieces(image, box: box)
        guard let tallest = found.map(\.box.height).max() else { return nil }
        let pieces = found.filter { min($0.box.width, $0.box.height) > 1 && max($0.box.width, $0.box.height) >= 3 }
        guard (2...3).contains(pieces.count) else { return nil }
        let readings = pieces.dropFirst().map { classify($0, tallest: tallest) }
        guard let number = spelled(readings), number.text.allSatisfy(\.isDigitOfEitherScript) else { return nil }
        return NumberReading(text: String(letter) + number.text, distance: number.distance)
    }

    /// The pieces spelled in one script, the one whose shapes fit them better; `nil` without a digit, or
    /// with a piece that fits no shape.
    private func spelled(_ readings: [Reading]) -> NumberReading? {
        let thaiCost = readings.map(\.thai.1).reduce(0, +)
        let asciiCost = readings.map(\.ascii.1).reduce(0, +)
        let chosen = thaiCost <= asciiCost ? readings.map(\.thai) : readings.map(\.ascii)
        guard chosen.contains(where: { $0.0.isDigitOfEitherScript }), chosen.allSatisfy({ $0.1 <= farthest }) else { return nil }
        return NumberReading(text: String(chosen.map(\.0)), distance: chosen.map(\.1).max() ?? 0)
    }

    /// A piece's nearest shape among the Thai digits and among the ASCII ones, marks in both, with distances.
    private typealias Reading = (thai: (Character, Float), ascii: (Character, Float))

    private func classify(_ piece: (box: PixelBox, shape: Shape), tallest: Int) -> Reading {
        // A piece well under the digits' height is a point, a comma or a dash: its width says which.
        if piece.box.height * 2 < tallest {
            let mark: Character = piece.box.width > 2 * piece.box.height ? "-" : "."
            return ((mark, 0), (mark, 0))
        }
        var bestThai: (Character, Float) = (" ", .infinity)
        var bestASCII: (Character, Float) = (" ", .infinity)
        for sample in samples {
            let d = piece.shape.distance(to: sample.shape)
            if sample.character.isThaiDigit {
                if d < bestThai.1 { bestThai = (sample.character, d) }
            } else if sample.character.isASCIIDigit {
                if d < bestASCII.1 { bestASCII = (sample.character, d) }
            } else if Self.tallMarks.contains(sample.character) {
                // Marks are the same in both scripts.
                if d < bestASCII.1 { bestASCII = (sample.character, d) }
                if d < bestThai.1 { bestThai = (sample.character, d) }
            }
        }
        return (bestThai, bestASCII)
    }

    /// The ink of `box` as characters, left to right: groups of touching pixels, those above one another
    /// (a broken stroke, the two points of a colon) taken together. OCR's boxes of Thai words are often a
    /// character or two off, so the word is found again as a run of ink between spaces.
    static func pieces(_ image: GrayImage, box word: PixelBox) -> [(box: PixelBox, shape: Shape)] {
        let box = PixelBox(
            x0: max(0, word.x0 - word.height), y0: max(0, word.y0 - word.height / 4),
            x1: min(image.width - 1, word.x1 + word.height), y1: min(image.height - 1, word.y1 + word.height / 4))
        let w = box.width
        let h = box.height
        guard w > 0, h > 0 else { return [] }
        var label = [Int](repeating: -1, count: w * h)
        var boxes: [PixelBox] = []
        for sy in 0..<h {
            for sx in 0..<w where label[sy * w + sx] < 0 && image.pixels[(box.y0 + sy) * image.width + box.x0 + sx] < 128 {
                let id = boxes.count
                var b = PixelBox(x0: sx, y0: sy, x1: sx, y1: sy)
                var stack = [sy * w + sx]
                label[sy * w + sx] = id
                while let k = stack.popLast() {
                    let (x, y) = (k % w, k / w)
                    b = PixelBox(x0: min(b.x0, x), y0: min(b.y0, y), x1: max(b.x1, x), y1: max(b.y1, y))
                    for ny in max(0, y - 1)...min(h - 1, y + 1) {
                        for nx in max(0, x - 1)...min(w - 1, x + 1) where label[ny * w + nx] < 0
                            && image.pixels[(box.y0 + ny) * image.width + box.x0 + nx] < 128 {
                            label[ny * w + nx] = id
                            stack.append(ny * w + nx)
                        }
                    }
                }
                boxes.append(b)
            }
        }
        // The word is the run of ink, between gaps wider than the space between a number's characters,
        // that the box overlaps most.
        let band = boxes.indices.filter { id in
            let middle = (boxes[id].y0 + boxes[id].y1) / 2 + box.y0
            return middle >= word.y0 && middle <= word.y1
        }.sorted { boxes[$0].x0 < boxes[$1].x0 }
        let heights = band.map { boxes[$0].height }.sorted()
        guard !heights.isEmpty else { return [] }
        let space = max(2, heights[heights.count * 3 / 4] * 9 / 20)
        var runs: [[Int]] = []
        var reach = Int.min
        for id in band {
            if runs.isEmpty || boxes[id].x0 - reach > space { runs.append([id]) } else { runs[runs.count - 1].append(id) }
            reach = max(reach, boxes[id].x1)
        }
        let (left, right) = (word.x0 - box.x0, word.x1 - box.x0)
        func overlap(_ run: [Int]) -> Int {
            run.reduce(0) { $0 + max(0, min(boxes[$1].x1, right) - max(boxes[$1].x0, left) + 1) }
        }
        guard let inside = runs.max(by: { overlap($0) < overlap($1) }), overlap(inside) > 0 else { return [] }
        // Pieces that overlap across most of the narrower one's width are one character.
        var groups: [(box: PixelBox, ids: [Int])] = []
        for (id, b) in inside.map({ ($0, boxes[$0]) }).sorted(by: { $0.1.x0 < $1.1.x0 }) {
            if let last = groups.last {
                let overlap = min(last.box.x1, b.x1) - max(last.box.x0, b.x0) + 1
                if overlap * 2 > min(last.box.width, b.width) {
                    groups[groups.count - 1] = (
                        PixelBox(x0: min(last.box.x0, b.x0), y0: min(last.box.y0, b.y0), x1: max(last.box.x1, b.x1), y1: max(last.box.y1, b.y1)),
                        last.ids + [id])
                    continue
                }
            }
            groups.append((b, [id]))
        }
        return groups.map { group in
            let ids = Set(group.ids)
            let shape = Shape(ink: group.box) { x, y in ids.contains(label[y * w + x]) }
            return (PixelBox(x0: box.x0 + group.box.x0, y0: box.y0 + group.box.y0, x1: box.x0 + group.box.x1, y1: box.y0 + group.box.y1), shape)
        }
    }
}

extension Character {
    var isThaiDigit: Bool { ("๐"..."๙").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isDigitOfEitherScript: Bool { isThaiDigit || isASCIIDigit }
}
