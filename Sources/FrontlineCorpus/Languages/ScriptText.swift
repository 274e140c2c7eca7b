/// Normalisation per script, applied before anything reads words: Frontline's own
/// tokenizer (tagging, claims, dates) and the text Xapian's term generator and query
/// parser see go through the same rules, so a word is the same word on both sides.
///
/// - ё and Ё are written е and Е (Russian text uses both spellings of one word).
/// - The Armenian in-word marks ՞ ՛ ՜ (question, emphasis, exclamation) are removed,
///   and so are stress accents (U+0300, U+0301) in Cyrillic words ("Степана́керт").
/// - In a word with a Turkic letter (ə ı ş ğ İ), I is the capital of ı and İ of i, as in
///   Azerbaijani ("İlham" → "ilham", "BAKI" beside "Bakı"); Swift's `lowercased()`
///   alone turns "İlham" into "i̇lham".
public enum ScriptText {
    /// The writing system of a word, by its letters.
    public enum Script: Sendable, Equatable {
        case latin, cyrillic, armenian
        /// Letters of another script (Georgian, Arabic, Han…).
        case other
        /// No letter at all (digits, symbols).
        case none
    }

    /// The script of a letter, or nil for a character that is not a letter.
    public static func script(of scalar: Unicode.Scalar) -> Script? {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A ? .latin : nil }
        switch v {
        case 0x00C0...0x024F, 0x0259, 0x1E00...0x1EFF: return v == 0x00D7 || v == 0x00F7 ? nil : .latin
        case 0x0400...0x052F: return .cyrillic
        case 0x0531...0x0556, 0x0561...0x0587: return .armenian
        default: return scalar.properties.isAlphabetic ? .other : nil
        }
    }

    /// `text` normalised (case kept). Text with nothing to change is returned as it is,
    /// after one pass over its bytes.
    public static func normalized(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            let turkic = word.contains(where: isTurkic)
            let cyrillic = word.contains { script(of: $0) == .cyrillic }
            for s in word {
                switch s {
                case "\u{300}" where cyrillic, "\u{301}" where cyrillic: break
                case "ё": out.append("е")
                case "Ё": out.append("Е")
                case "\u{55B}", "\u{55C}", "\u{55E}": break
                case "I" where turkic: out.append("ı")
                case "İ": out.append("i")
                default: out.append(s)
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if script(of: s) != nil || s.properties.generalCategory == .nonspacingMark || isArmenianMark(s) {
                word.append(s)
            } else {
                flush()
                out.append(s)
            }
        }
        flush()
        return String(out)
    }

    /// `word` normalised and lower-cased.
    public static func lower(_ word: String) -> String { normalized(word).lowercased() }

    private static func isArmenianMark(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x55B || s.value == 0x55C || s.value == 0x55E
    }

    private static func isTurkic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0259, 0x018F, 0x0131, 0x0130, 0x015F, 0x015E, 0x011F, 0x011E: return true
        default: return false
        }
    }

    /// Whether `text` holds a byte sequence one of the rules changes: ё Ё, an Armenian mark,
    /// a grave or acute accent, a Turkic letter.
    private static func needsWork(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(containsTrigger) ?? Array(text.utf8).withUnsafeBufferPointer(containsTrigger)
    }

    private static func containsTrigger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i + 1 < n {
            let b = bytes[i]
            if b >= 0xC4 {
                let c = bytes[i + 1]
                switch b {
                case 0xD0: if c == 0x81 { return true }
                case 0xD1: if c == 0x91 { return true }
                case 0xCC: if c == 0x80 || c == 0x81 { return true }
                case 0xD5: if c == 0x9B || c == 0x9C || c == 0x9E { return true }
                case 0xC4: if c == 0xB0 || c == 0xB1 || c == 0x9E || c == 0x9F { return true }
                case 0xC5: if c == 0x9E || c == 0x9F { return true }
                case 0xC6: if c == 0x8F { return true }
                case 0xC9: if c == 0x99 { return true }
                default: break
                }
            }
            i += 1
        }
        return false
    }
}
