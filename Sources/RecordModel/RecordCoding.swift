import Foundation

/// The JSON settings every record is written and read with, so that files, tests and validation agree.
public enum RecordCoding {
    /// Pretty-printed with sorted keys (Foundation on Linux writes keys in hash order, so files would differ
    /// from run to run), slashes and Thai left unescaped.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }
}
