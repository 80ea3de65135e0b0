import RecordModel

extension JSONValue {
    /// The value as it would be written in a message: short JSON for scalars, a noun for containers.
    var brief: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let n): return JSONWriter.format(n)
        case .string(let s): return s.count > 80 ? "\"\(s.prefix(77))…\"" : "\"\(s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

