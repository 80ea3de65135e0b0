/// An error from one of the ICU wrappers in this module.
public enum ICUError: Error, Equatable, CustomStringConvertible {
    /// Bytes that are illegal, truncated or unmapped in `charset`, starting at `byteOffset` in the input.
    case conversion(charset: String, byteOffset: Int)
    /// ICU has nothing by this name (a charset, a locale, a pattern).
    case unsupported(String)
    /// Any other ICU failure, described by ICU's error name.
    case failure(String)

    /// A one-line description for messages and logs.
    public var description: String {
        switch self {
        case let .conversion(charset, byteOffset):
            return "cannot decode \(charset): bad byte sequence at byte offset \(byteOffset)"
        case let .unsupported(what):
            return "unsupported by ICU: \(what)"
        case let .failure(message):
            return "ICU failure: \(message)"
        }
    }
}
