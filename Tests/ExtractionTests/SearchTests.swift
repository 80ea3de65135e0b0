import Testing

@testable import Extraction

/// Textbook edit distance, to check the banded one against.
private func referenceDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
    }
    return d[a.count][b.count]
}

@Suite struct SearchTests {
    @Test func theBandedDistanceIsExactWithinItsLimitAndNilBeyond() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("กขคงการใช้อำนาจ ".unicodeScalars)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let exact = referenceDistance(a, b)
            let limit = Int.random(in: 0...13, using: &generator)
            #expect(Similarity.distance(a, b, atMost: limit) == (exact <= limit ? exact : nil), "\(a) \(b) \(limit)")
            #expect(Similarity.distance(a, b) == exact)
        }
    }

    @Test func aPatternSetFindsEveryPatternInOnePassLongestFirstAtOnePosition() {
        let set = PatternSet(["เทศบาล", "เทศบาลตำบล", "อบต.", "x"])
        let text = "ที่ เทศบาลตำบลนาแซง และ อบต.เว่อ x"
        let found = set.matches(in: text).map { (set.patterns[$0.pattern], $0.range) }
        let words = found.map { String(decoding: $0.0, as: UTF8.self) }
        #expect(words == ["เทศบาลตำบล", "เทศบาล", "อบต.", "x"])
        let bytes = Array(text.utf8)
        for (pattern, range) in found { #expect(Array(bytes[range]) == pattern) }
        #expect(PatternSet(["ก"]).matches(in: "abc").isEmpty)
    }

    @Test func aSpacedPatternSetAllowsSpacesInsideAMatchOnly() {
        let set = PatternSet(["ประสิทธิภาพการสื่อสาร"], spaced: true)
        let text = "ตัวชี้วัด ประสิทธิภาพ การ สื่อสาร ได้"
        let found = set.matches(in: text)
        #expect(found.count == 1)
        let match = String(decoding: Array(text.utf8)[found[0].range], as: UTF8.self)
        #expect(match == "ประสิทธิภาพ การ สื่อสาร")
        #expect(Indicators.mentions(in: text).map(\.indicator) == [7])
    }
}
