import Foundation

/// The JSON settings every record is written and read with, so that files, tests and validation agree.
public enum RecordCoding {
    /// Pretty-printed, keys in the contract's order, slashes and Thai left unescaped.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }
}
