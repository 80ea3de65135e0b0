extension GrayImage {
    /// Otsu's threshold: the grey level that best splits the image's histogram into ink and paper.
    public func otsuThreshold() -> UInt8 {
        var histogram = [Int](repeating: 0, count: 256)
        histogram.withUnsafeMutableBufferPointer { h in
            pixels.withUnsafeBufferPointer { p in
                for v in p { h[Int(v)] &+= 1 }
            }
        }
        let total = Double(pixels.count)
        let sumAll = histogram.enumerated().reduce(0.0) { $0 + Double($1.offset * $1.element) }
        var (weightBelow, sumBelow) = (0.0, 0.0)
        var best = (level: 128, spread: -1.0)
        for level in 0..<255 {
            weightBelow += Double(histogram[level])
            sumBelow += Double(level * histogram[level])
            let weightAbove = total - weightBelow
            guard weightBelow > 0, weightAbove > 0 else { continue }
            let meanBelow = sumBelow / weightBelow
            let meanAbove = (sumAll - sumBelow) / weightAbove
            let spread = weightBelow * weightAbove * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if spread > best.spread { best = (level + 1, spread) }
        }
        return UInt8(best.level)
    }

    /// Black ink on white paper: each pixel darker than Otsu's threshold black, every other white. A gray
    /// or colour scan's paper tone, JPEG ringing and sensor noise go; what OCR and the rule finder see is
    /// what a bilevel scan gives.
    public func binarized() -> GrayImage {
        let threshold = otsuThreshold()
        var out = pixels
        out.withUnsafeMutableBufferPointer { o in
            for k in o.indices { o[k] = o[k] < threshold ? 0 : 255 }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }

    /// The image with every speck removed: a group of touching black pixels (of a binarized image) of at
    /// most `maximumArea` pixels with no other ink within `clearance` pixels. A tone mark or a decimal
    /// point is larger than dust, and lies next to its letters or digits.
    public func despeckled(maximumArea: Int, clearance: Int) -> GrayImage {
        var out = self
        var seen = [Bool](repeating: false, count: pixels.count)
        var stack: [Int] = []
        var group: [Int] = []
        for start in pixels.indices where pixels[start] == 0 && !seen[start] {
            seen[start] = true
            stack.append(start)
            group.removeAll(keepingCapacity: true)
            var (x0, y0, x1, y1) = (Int.max, Int.max, Int.min, Int.min)
            while let k = stack.popLast() {
                group.append(k)
                let (x, y) = (k % width, k / width)
                (x0, y0, x1, y1) = (Swift.min(x0, x), Swift.min(y0, y), Swift.max(x1, x), Swift.max(y1, y))
                for ny in Swift.max(0, y - 1)...Swift.min(height - 1, y + 1) {
                    for nx in Swift.max(0, x - 1)...Swift.min(width - 1, x + 1) {
                        let n = ny * width + nx
                        if pixels[n] == 0, !seen[n] {
                            seen[n] = true
                            stack.append(n)
                        }
                    }
                }
            }
            guard group.count <= maximumArea, isClear(x0: x0, y0: y0, x1: x1, y1: y1, margin: clearance) else { continue }
            for k in group { out.pixels[k] = 255 }
        }
        return out
    }

    /// No black pixel in the ring of `margin` pixels around the box.
    private func isClear(x0: Int, y0: Int, x1: Int, y1: Int, margin: Int) -> Bool {
        for y in Swift.max(0, y0 - margin)...Swift.min(height - 1, y1 + margin) {
            for x in Swift.max(0, x0 - margin)...Swift.min(width - 1, x1 + margin) {
                if (x < x0 || x > x1 || y < y0 || y > y1), pixels[y * width + x] == 0 { return false }
            }
        }
        return true
    }
}
