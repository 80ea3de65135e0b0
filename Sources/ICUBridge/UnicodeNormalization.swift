internal import ICUShim

/// Unicode normalization through ICU's NFC normalizer (`unorm2_getNFCInstance`).
///
/// Only NFC is offered on purpose: NFKC would decompose THAI CHARACTER SARA AM (U+0E33) into
/// NIKHAHIT + SARA AA.
public enum UnicodeNormalization {
    /// The NFC form of `s`. Returns `s` itself when ICU's quick check says it is already NFC.
    public static func nfc(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        let units = Array(s.utf16)
        var quick: Int32 = 0
        let qs = units.withUnsafeBufferPointer { icushim_nfc_quick_check($0.baseAddress, Int32($0.count), &quick) }
        if qs <= 0 && quick == 1 { return s }
        var capacity = units.count + 16
        for _ in 0..<4 {
            var status: Int32 = 0
            var length: Int32 = 0
            let out = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                units.withUnsafeBufferPointer { src in
                    status = icushim_nfc(src.baseAddress, Int32(src.count), buffer.baseAddress, Int32(buffer.count), &length)
                }
                count = status <= 0 ? Int(length) : 0
            }
            if status <= 0 { return String(decoding: out, as: UTF16.self) }
            if status != ICUSHIM_BUFFER_OVERFLOW_ERROR { return s }
            capacity = max(Int(length), capacity * 2)
        }
        return s
    }

    /// Whether ICU's NFC quick check says `s` is certainly in NFC.
    public static func isNFC(_ s: String) -> Bool {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        let units = Array(s.utf16)
        var quick: Int32 = 0
        let status = units.withUnsafeBufferPointer { icushim_nfc_quick_check($0.baseAddress, Int32($0.count), &quick) }
        return status <= 0 && quick == 1
    }
}
