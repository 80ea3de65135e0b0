internal import ICUShim

/// Digit values through ICU (`u_charDigitValue`).
public enum ThaiDigits {
    /// The decimal value of a digit scalar (any Unicode decimal digit, so ๐–๙ and 0–9 alike), or nil.
    public static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        let v = icushim_char_digit_value(Int32(bitPattern: scalar.value))
        return v < 0 ? nil : Int(v)
    }
}
