internal import ICUShim

/// Byte decoding through ICU converters (`ucnv`), strictly: nothing is ever replaced by U+FFFD.
public enum Charsets {
    /// Decodes `bytes` in `charset` with ICU's STOP callbacks, so the first illegal, truncated or
    /// unmapped byte sequence throws ``ICUError/conversion(charset:byteOffset:)`` with its byte offset.
    ///
    /// Any name ICU knows works ("UTF-8", "UTF-16LE", "ISO-8859-11", …); an unknown one throws
    /// ``ICUError/unsupported(_:)``. The Thai single-byte names get stricter tables than ICU's own:
    ///
    /// - "TIS-620" (also "TIS620", "TIS-620-2533", "tis620.2533"): ICU 72 resolves the alias "TIS-620"
    ///   to its `windows-874-2000` table, which maps the bytes TIS-620 leaves undefined (0xDB–0xDE,
    ///   0xFC–0xFF) to private-use code points. Here TIS-620 is decoded with ICU's
    ///   `iso-8859_11-2001` table (0xDB–0xDE and 0xFC–0xFF unmapped, 0xA0 = NO-BREAK SPACE) and the
    ///   C1 range 0x80–0x9F, which TIS 620-2533 does not define, is rejected too.
    /// - "windows-874" (also "cp874", "MS874", "x-windows-874"): ICU's `windows-874-2000` table
    ///   (0x80 €, 0x85 …, 0x91–0x97 quotes and dashes), but the bytes Microsoft's code page leaves
    ///   undefined are rejected instead of becoming C1 controls (0x81–0x84, 0x86–0x90, 0x98–0x9F) or
    ///   private-use code points (0xDB–0xDE, 0xFC–0xFF).
    ///
    /// A byte order mark is not removed (the normalizer strips a leading one).
    public static func decode(_ bytes: [UInt8], charset: String) throws(ICUError) -> String {
        let spec = ThaiSingleByte.resolve(charset)
        if let rejected = spec.rejected, let offset = bytes.firstIndex(where: { rejected[Int($0)] }) {
            throw .conversion(charset: charset, byteOffset: offset)
        }
        if bytes.isEmpty {
            // Still make sure ICU knows the charset.
            _ = try converterName(spec.icuName, reportedAs: charset)
            return ""
        }
        var capacity = bytes.count + 16
        for _ in 0..<4 {
            var status: Int32 = 0
            var errorOffset: Int32 = -1
            var length: Int32 = 0
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                bytes.withUnsafeBufferPointer { src in
                    status = icushim_decode(
                        spec.icuName, src.baseAddress, Int32(src.count),
                        buffer.baseAddress, Int32(buffer.count), &length, &errorOffset)
                }
                count = status == ICUSHIM_BUFFER_OVERFLOW_ERROR ? 0 : Int(max(0, length))
            }
            switch status {
            case ...0:
                return String(decoding: units, as: UTF16.self)
            case ICUSHIM_BUFFER_OVERFLOW_ERROR:
                capacity = max(Int(length), capacity * 2)
            case ICUSHIM_INVALID_CHAR_FOUND, ICUSHIM_ILLEGAL_CHAR_FOUND, ICUSHIM_TRUNCATED_CHAR_FOUND:
                throw .conversion(charset: charset, byteOffset: Int(errorOffset))
            case ICUSHIM_FILE_ACCESS_ERROR:
                throw .unsupported("charset \(charset)")
            default:
                throw .failure(String(cString: icushim_error_name(status)))
            }
        }
        throw .failure("output buffer kept overflowing")
    }

    /// ICU's canonical converter name for `charset` (after this module's Thai mapping), e.g.
    /// "TIS-620" → "iso-8859_11-2001", "windows-874" → "windows-874-2000", "utf8" → "UTF-8".
    public static func icuConverterName(for charset: String) throws(ICUError) -> String {
        try converterName(ThaiSingleByte.resolve(charset).icuName, reportedAs: charset)
    }

    private static func converterName(_ icuName: String, reportedAs charset: String) throws(ICUError) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let status = icushim_converter_name(icuName, &buffer, Int32(buffer.count))
        if status == ICUSHIM_FILE_ACCESS_ERROR { throw .unsupported("charset \(charset)") }
        if status > 0 { throw .failure(String(cString: icushim_error_name(status))) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// How the Thai single-byte charset names are decoded: which ICU table, and which bytes to refuse
/// before ICU sees them.
private struct ThaiSingleByte {
    var icuName: String
    var rejected: [Bool]?

    static func resolve(_ charset: String) -> ThaiSingleByte {
        let key = String(charset.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        switch key {
        case "tis620", "tis6202533", "tis62025330", "tis62025331":
            return ThaiSingleByte(icuName: "iso-8859_11-2001", rejected: table(0x80...0x9F))
        case "windows874", "cp874", "ms874", "xwindows874", "windows8742000":
            return ThaiSingleByte(
                icuName: "windows-874-2000",
                rejected: table(0x81...0x84, 0x86...0x90, 0x98...0x9F, 0xDB...0xDE, 0xFC...0xFF))
        default:
            return ThaiSingleByte(icuName: charset, rejected: nil)
        }
    }

    private static func table(_ ranges: ClosedRange<Int>...) -> [Bool] {
        var t = [Bool](repeating: false, count: 256)
        for r in ranges { for b in r { t[b] = true } }
        return t
    }
}
