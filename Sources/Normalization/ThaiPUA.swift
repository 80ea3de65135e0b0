/// The private-use glyph code points that pre-OpenType Thai fonts use for positional variants, and
/// the standard Thai code points they stand for. PDFs made with such fonts (and text extracted from
/// them) carry these PUA code points instead of the real characters.
///
/// The variants come from the PUA fallback shaping model (Theppitak Karoonboonyanan's description
/// of Thai shaping, as also implemented by HarfBuzz's Thai fallback shaper); every variant maps back
/// to the character it was made from:
///
/// - SD, shift down: a tone mark or THANTHAKHAT lowered when no upper vowel is present; a below
///   vowel lowered under a consonant with a descender (ฎ ฏ).
/// - SL, shift left: an upper vowel, tone mark, THANTHAKHAT, MAITAIKHU or NIKHAHIT moved left clear
///   of a consonant with an ascender (ป ฝ ฟ).
/// - SDL, shift down and left: both.
/// - RD, remove descender: YO YING (ญ) and THO THAN (ฐ) without the descender, used above a below
///   vowel.
public enum ThaiPUA {
    /// Windows fonts (Tahoma, Microsoft Sans Serif, Cordia, Angsana, Browallia…): U+F700–U+F71A.
    static let windowsBase: UInt32 = 0xF700
    static let windows: [UInt32] = [
        0x0E10, // F700 THO THAN, RD
        0x0E34, // F701 SARA I, SL
        0x0E35, // F702 SARA II, SL
        0x0E36, // F703 SARA UE, SL
        0x0E37, // F704 SARA UEE, SL
        0x0E48, // F705 MAI EK, SDL
        0x0E49, // F706 MAI THO, SDL
        0x0E4A, // F707 MAI TRI, SDL
        0x0E4B, // F708 MAI CHATTAWA, SDL
        0x0E4C, // F709 THANTHAKHAT, SDL
        0x0E48, // F70A MAI EK, SD
        0x0E49, // F70B MAI THO, SD
        0x0E4A, // F70C MAI TRI, SD
        0x0E4B, // F70D MAI CHATTAWA, SD
        0x0E4C, // F70E THANTHAKHAT, SD
        0x0E0D, // F70F YO YING, RD
        0x0E31, // F710 MAI HAN-AKAT, SL
        0x0E4D, // F711 NIKHAHIT, SL
        0x0E47, // F712 MAITAIKHU, SL
        0x0E48, // F713 MAI EK, SL
        0x0E49, // F714 MAI THO, SL
        0x0E4A, // F715 MAI TRI, SL
        0x0E4B, // F716 MAI CHATTAWA, SL
        0x0E4C, // F717 THANTHAKHAT, SL
        0x0E38, // F718 SARA U, SD
        0x0E39, // F719 SARA UU, SD
        0x0E3A, // F71A PHINTHU, SD
    ]

    /// Mac OS fonts (Thonburi, Ayuthaya, Krungthep…): U+F884–U+F89E.
    static let macBase: UInt32 = 0xF884
    static let mac: [UInt32] = [
        0x0E31, // F884 MAI HAN-AKAT, SL
        0x0E34, // F885 SARA I, SL
        0x0E35, // F886 SARA II, SL
        0x0E36, // F887 SARA UE, SL
        0x0E37, // F888 SARA UEE, SL
        0x0E47, // F889 MAITAIKHU, SL
        0x0E48, // F88A MAI EK, SL
        0x0E48, // F88B MAI EK, SD
        0x0E48, // F88C MAI EK, SDL
        0x0E49, // F88D MAI THO, SL
        0x0E49, // F88E MAI THO, SD
        0x0E49, // F88F MAI THO, SDL
        0x0E4A, // F890 MAI TRI, SL
        0x0E4A, // F891 MAI TRI, SD
        0x0E4A, // F892 MAI TRI, SDL
        0x0E4B, // F893 MAI CHATTAWA, SL
        0x0E4B, // F894 MAI CHATTAWA, SD
        0x0E4B, // F895 MAI CHATTAWA, SDL
        0x0E4C, // F896 THANTHAKHAT, SL
        0x0E4C, // F897 THANTHAKHAT, SD
        0x0E4C, // F898 THANTHAKHAT, SDL
        0x0E4D, // F899 NIKHAHIT, SL
        0x0E0D, // F89A YO YING, RD
        0x0E38, // F89B SARA U, SD
        0x0E39, // F89C SARA UU, SD
        0x0E3A, // F89D PHINTHU, SD
        0x0E10, // F89E THO THAN, RD
    ]

    /// `text` with every Thai PUA glyph turned into the character it stands for.
    public static func standardized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { standard($0.value) != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars { out.append(standard(c.value).flatMap(Unicode.Scalar.init) ?? c) }
        return String(out)
    }

    /// The standard code point for a Thai PUA glyph, or nil if `c` is not one.
    @inline(__always)
    static func standard(_ c: UInt32) -> UInt32? {
        if c >= windowsBase && c < windowsBase + UInt32(windows.count) { return windows[Int(c - windowsBase)] }
        if c >= macBase && c < macBase + UInt32(mac.count) { return mac[Int(c - macBase)] }
        return nil
    }
}
