import SHA256Blocks

/// SHA-256 (FIPS 180-4), for `source.sha256`: small enough to own (the block function is C, see `SHA256Blocks`),
/// and it spares a cryptography dependency.
public enum SHA256 {
    /// Whether the CPU's SHA extensions do the compression (several times faster than plain code).
    static let hardware = sarabun_sha256_hardware_available() == 1

    /// The lowercase hex digest of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes, hardware: hardware)
    }

    /// The digest computed with or without the SHA extensions (tests run both).
    static func hex(_ bytes: [UInt8], hardware: Bool) -> String {
        var state: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
        ]
        let bitLength = UInt64(bytes.count) &* 8
        var tail = Array(bytes[(bytes.count - bytes.count % 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        for body in [bytes, tail] {
            body.withUnsafeBufferPointer { sarabun_sha256_blocks(&state, $0.baseAddress, $0.count / 64, hardware && Self.hardware ? 1 : 0) }
        }
        let digits: [Character] = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(64)
        for word in state {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return out
    }
}
