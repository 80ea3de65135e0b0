import ICUBridge

/// Why a file's bytes could not be turned into text.
public enum ReadError: Error, Equatable, CustomStringConvertible {
    case empty
    case binary(byteOffset: Int)
    case truncated(byteOffset: Int)
    case invalidUTF8(byteOffset: Int)
    case undecodable(charset: String, byteOffset: Int)
    case unreadable(String)
    case unsupported(String)
    /// A PDF that cannot be read, with the reason.
    case pdf(String)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let at): "binary data, not text (NUL or control byte at byte \(at))"
        case .truncated(let at): "truncated: the file ends inside a UTF-8 character (byte \(at))"
        case .invalidUTF8(let at): "not valid UTF-8 (byte \(at)) and not a Thai legacy encoding"
        case .undecodable(let charset, let at): "undecodable as \(charset) (byte \(at))"
        case .unreadable(let reason): "cannot read: \(reason)"
        case .unsupported(let what): "unsupported input: \(what)"
        case .pdf(let reason): reason
        }
    }
}

/// The text of a file and the encoding it was decoded from.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    /// "UTF-8", "TIS-620" or "windows-874".
    public var encoding: String
}

/// Decodes the bytes of a text file: UTF-8 (with or without BOM), else the Thai legacy encodings
/// TIS-620 / windows-874 through ICU's converters, refusing anything that is not text.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8]) throws(ReadError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if let at = firstControlByte(bytes) { throw .binary(byteOffset: at) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library's check is the fast one; ours runs only to say what is wrong.
        if let text = String(validating: body, as: UTF8.self) {
            guard !body.isEmpty else { throw .empty }
            return DecodedText(text: text, encoding: "UTF-8")
        }
        switch diagnoseUTF8(bytes) {
        case .truncated(let at):
            throw .truncated(byteOffset: at)
        case .invalid(let at, let thaiSequences):
            // Damaged UTF-8 Thai still has most of its high bytes in Thai sequences; in TIS-620 such
            // byte triples occur only by accident.
            let highBytes = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
            if thaiSequences * 3 * 2 >= highBytes { throw .invalidUTF8(byteOffset: at) }
        }
        // TIS-620 is windows-874 without the 0x80–0x9F extras (curly quotes, dashes, ellipsis).
        let charset = bytes.contains(where: { (0x80...0x9F).contains($0) }) ? "windows-874" : "TIS-620"
        do {
            let text = try Charsets.decode(bytes, charset: charset)
            return DecodedText(text: text, encoding: charset)
        } catch {
            if case .conversion(_, let offset) = error { throw .undecodable(charset: charset, byteOffset: offset) }
            throw .undecodable(charset: charset, byteOffset: 0)
        }
    }

    /// Control bytes other than TAB, LF, VT, FF, CR and ESC never occur in text.
    private static func firstControlByte(_ bytes: [UInt8]) -> Int? {
        bytes.firstIndex { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0B && $0 != 0x0C && $0 != 0x0D }
    }

    enum UTF8Problem: Equatable {
        case truncated(at: Int)
        case invalid(at: Int, thaiSequences: Int)
    }

    /// What is wrong with bytes that are not UTF-8: an incomplete sequence at the very end (truncation),
    /// or the first bad byte, with the count of Thai sequences in the whole file, which tell damaged UTF-8
    /// from a legacy encoding.
    static func diagnoseUTF8(_ bytes: [UInt8]) -> UTF8Problem {
        var i = 0
        var thaiSequences = 0
        var firstInvalid: Int?
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            var valid = length > 0
            if valid {
                for k in 1..<length {
                    guard i + k < n else {
                        if firstInvalid == nil { return .truncated(at: i) }
                        valid = false
                        break
                    }
                    let c = bytes[i + k]
                    let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    if c < lo || c > hi { valid = false; break }
                }
            }
            guard valid else {
                if firstInvalid == nil { firstInvalid = i }
                i += 1
                continue
            }
            if length == 3 && b == 0xE0 && (bytes[i + 1] == 0xB8 || bytes[i + 1] == 0xB9) { thaiSequences += 1 }
            i += length
        }
        // Only called on bytes the standard library refused, so a bad byte was found.
        return .invalid(at: firstInvalid ?? n, thaiSequences: thaiSequences)
    }
}
