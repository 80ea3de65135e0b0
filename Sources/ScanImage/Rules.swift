extension GrayImage {
    /// The white pixels in a row that a border may skip and still be one border.
    static let ruleGap = 3

    /// The ruling lines of the image (runs darker than `threshold`, across or down, at least `minimumRun` pixels long: a
    /// table's borders, which letters are too short to make), and the image with them whitened, so that
    /// OCR sees the space between cells instead of reading a border as a letter or joining the texts of
    /// two cells into one word.
    public func rules(minimumRun: Int, threshold: UInt8 = 128) -> (rules: [Rule], cleaned: GrayImage) {
        var mask = [Bool](repeating: false, count: pixels.count)
        var rules: [Rule] = []
        // Thicker than this (a sixteenth of the shortest border), a dark band is a filled area, not a border,
        // and only its long runs are whitened.
        let maximumThickness = Swift.max(3, minimumRun / 16)
        pixels.withUnsafeBufferPointer { p in
            // Runs of one row (or column) continue a rule of the previous one when they overlap it, so a
            // border a few pixels thick is one rule.
            func scan(lines: Int, length: Int, lineStride: Int, step: Int, horizontal: Bool) {
                @inline(__always) func index(_ line: Int, _ k: Int) -> Int { line &* lineStride &+ k &* step }
                var open: [(first: Int, last: Int, start: Int, end: Int)] = []
                for line in 0..<lines {
                    var next: [(first: Int, last: Int, start: Int, end: Int)] = []
                    var k = 0
                    while k < length {
                        guard p[index(line, k)] < threshold else {
                            k += 1
                            continue
                        }
                        var end = k
                        while end < length {
                            if p[index(line, end)] < threshold {
                                end += 1
                                continue
                            }
                            // A scanned border breaks where noise or a thin print left a pixel or two white.
                            var resume = end + 1
                            while resume < length, resume - end <= Self.ruleGap, p[index(line, resume)] >= threshold { resume += 1 }
                            guard resume < length, resume - end <= Self.ruleGap else { break }
                            end = resume
                        }
                        if end - k >= minimumRun {
                            for m in k..<end {
                                mask[index(line, m)] = true
                                // The border's grey edge, which thresholding leaves as a thin line beside it.
                                for side in [-2, -1, 1, 2] where line + side >= 0 && line + side < lines {
                                    if p[index(line + side, m)] < threshold { mask[index(line + side, m)] = true }
                                }
                            }
                            if let j = open.firstIndex(where: { $0.last == line - 1 && $0.start < end && $0.end > k }) {
                                var run = open.remove(at: j)
                                run.last = line
                                run.start = min(run.start, k)
                                run.end = max(run.end, end)
                                next.append(run)
                            } else {
                                next.append((line, line, k, end))
                            }
                        }
                        k = end
                    }
                    for run in open { close(run) }
                    open = next
                }
                for run in open { close(run) }

                // A border printed or scanned at a slight slant steps from row to row, and leaves the short
                // runs at each step behind: a thin border's whole band is whitened.
                func close(_ run: (first: Int, last: Int, start: Int, end: Int)) {
                    rules.append(Rule(horizontal: horizontal, position: Double(run.first + run.last) / 2,
                                      start: Double(run.start), end: Double(run.end)))
                    guard run.last - run.first < maximumThickness else { return }
                    for line in Swift.max(0, run.first - 2)...Swift.min(lines - 1, run.last + 2) {
                        for m in run.start..<run.end where p[index(line, m)] < threshold { mask[index(line, m)] = true }
                    }
                }
            }
            scan(lines: height, length: width, lineStride: width, step: 1, horizontal: true)
            scan(lines: width, length: height, lineStride: 1, step: width, horizontal: false)

            // A faint border thresholded by a bilevel scanner at a slant is left as dashes, each on a row
            // of its own. Seen three rows at a time, dashes longer than any letter's stroke that follow one
            // another with short gaps and cover half their span or more are a border too, when the band
            // they make is as thin as a border and has paper on both sides.
            func dashes(lines: Int, length: Int, lineStride: Int, step: Int, horizontal: Bool) {
                @inline(__always) func dark(_ line: Int, _ k: Int) -> Bool {
                    let i = line &* lineStride &+ k &* step
                    return p[i] < threshold || p[i - lineStride] < threshold || p[i + lineStride] < threshold
                }
                let dash = minimumRun / 4
                let gap = minimumRun / 2
                var open: [(first: Int, last: Int, start: Int, end: Int)] = []
                var bands: [(first: Int, last: Int, start: Int, end: Int)] = []
                for line in 1..<Swift.max(1, lines - 1) {
                    var chains: [(start: Int, end: Int, ink: Int)] = []
                    var k = 0
                    while k < length {
                        guard dark(line, k) else {
                            k += 1
                            continue
                        }
                        var end = k
                        while end < length, dark(line, end) { end += 1 }
                        if end - k >= dash {
                            if let last = chains.last, k - last.end <= gap {
                                chains[chains.count - 1] = (last.start, end, last.ink + end - k)
                            } else {
                                chains.append((k, end, end - k))
                            }
                        }
                        k = end
                    }
                    var next: [(first: Int, last: Int, start: Int, end: Int)] = []
                    // Letters have ink above and below the row their bars make; a border has paper.
                    let clearance = maximumThickness + 2
                    func isClear(_ c: (start: Int, end: Int, ink: Int)) -> Bool {
                        guard line >= clearance, line + clearance < lines else { return false }
                        var ink = 0
                        for m in c.start..<c.end {
                            if p[(line - clearance) &* lineStride &+ m &* step] < threshold { ink += 1 }
                            if p[(line + clearance) &* lineStride &+ m &* step] < threshold { ink += 1 }
                        }
                        return ink * 10 < c.end - c.start
                    }
                    for c in chains where c.end - c.start >= minimumRun * 3 / 2 && c.ink * 2 >= c.end - c.start && isClear(c) {
                        if let j = open.firstIndex(where: { $0.start < c.end && $0.end > c.start }) {
                            var band = open.remove(at: j)
                            band.last = line
                            band.start = Swift.min(band.start, c.start)
                            band.end = Swift.max(band.end, c.end)
                            next.append(band)
                        } else {
                            next.append((line, line, c.start, c.end))
                        }
                    }
                    bands += open
                    open = next
                }
                bands += open
                for band in bands where band.last - band.first <= maximumThickness / 2 + 2 {
                    let position = Double(band.first + band.last) / 2
                    let known = rules.contains {
                        $0.horizontal == horizontal && abs($0.position - position) <= Double(maximumThickness)
                            && Swift.min($0.end, Double(band.end)) - Swift.max($0.start, Double(band.start)) > Double(band.end - band.start) / 2
                    }
                    if !known {
                        rules.append(Rule(horizontal: horizontal, position: position, start: Double(band.start), end: Double(band.end)))
                    }
                    for line in (band.first - 1)...(band.last + 1) {
                        for m in band.start..<band.end where p[line &* lineStride &+ m &* step] < threshold {
                            mask[line &* lineStride &+ m &* step] = true
                        }
                    }
                }
            }
            dashes(lines: height, length: width, lineStride: width, step: 1, horizontal: true)
            dashes(lines: width, length: height, lineStride: 1, step: width, horizontal: false)
        }
        var cleaned = self
        cleaned.pixels.withUnsafeMutableBufferPointer { c in
            for k in c.indices where mask[k] { c[k] = 255 }
        }
        return (rules, cleaned)
    }
}

/// A ruling line across (`horizontal`) at `position` from `start` to `end`, or down the page: in pixels
/// when found in a page image, in points when a page's drawing gives it.
public struct Rule: Sendable, Equatable {
    public var horizontal: Bool
    public var position: Double
    public var start: Double
    public var end: Double

    public init(horizontal: Bool, position: Double, start: Double, end: Double) {
        self.horizontal = horizontal
        self.position = position
        self.start = start
        self.end = end
    }
}

