import Foundation

/// How every record (and every other JSON file Sarabun writes) is written and read, so that files, tests
/// and validation agree.
public enum RecordCoding {
    /// The value's JSON: pretty-printed, members in the order its `encode(to:)` writes them (a record's in
    /// contract order), slashes and Thai unescaped. Throws `EncodingError.invalidValue` for a non-finite number.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(JSONWriter.bytes(try JSONTreeEncoder().encode(value)))
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }
}
