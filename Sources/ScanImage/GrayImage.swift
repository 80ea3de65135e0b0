import Foundation

/// An 8-bit grey image of a page: rendered from a PDF, or a scan.
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    /// Row after row, one byte a pixel, 0 black to 255 white.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a grey image has one byte a pixel")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The image as a binary PGM file, which tesseract reads.
    public func pgm() -> Data {
        var data = Data("P5\n\(width) \(height)\n255\n".utf8)
        data.append(contentsOf: pixels)
        return data
    }
}
