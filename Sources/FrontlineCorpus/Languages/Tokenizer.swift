/// Splits text into word tokens on its UTF-8 bytes, for gazetteer matching and
/// claim analysis. Possessive `'s` is dropped, hyphens split words, and each
/// token records the punctuation that came before it.
struct Tokenizer {
    /// Punctuation seen between the previous token and this one.
    struct Gap: OptionSet {
        let rawValue: UInt8
        static let comma = Gap(rawValue: 1)
        static let quote = Gap(rawValue: 2)
        static let sentenceEnd = Gap(rawValue: 4)
        static let clauseBreak = Gap(rawValue: 8) // ; : ( ) — –
    }

    /// One word.
    struct Token {
        /// Lower-cased text.
        var lower: String
        /// Byte range in the source.
        var start: Int
        var end: Int
        /// First letter upper case.
        var capitalized: Bool
        /// Every letter upper case (an acronym such as US, EU, NKR).
        var allCaps: Bool
        /// Punctuation between the previous token and this one.
        var gap: Gap
    }

    /// The tokens of `text`.
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var i = 0
        var gap: Gap = .sentenceEnd
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if isWordByte(b), separator(bytes, i) == nil {
                let start = i
                var hasLower = false, hasUpper = false, ascii = true
                while i < n, isWordByte(bytes[i]), bytes[i] < 0x80 || separator(bytes, i) == nil {
                    let c = bytes[i]
                    if c >= 0x80 { ascii = false }
                    if c >= 97 && c <= 122 { hasLower = true }
                    if c >= 65 && c <= 90 { hasUpper = true }
                    i += 1
                }
                var end = i
                // Possessive: word's / words'
                if i + 1 < n, bytes[i] == 39, (bytes[i + 1] == 115 || bytes[i + 1] == 83), i + 2 >= n || !isWordByte(bytes[i + 2]) {
                    i += 2
                } else if i < n, bytes[i] == 39, end > start, bytes[end - 1] == 115 {
                    i += 1
                }
                end = min(end, n)
                let slice = bytes[start..<end]
                let lower: String
                if ascii {
                    lower = String(decoding: slice.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
                } else {
                    let original = String(decoding: slice, as: UTF8.self)
                    lower = ScriptText.lower(original)
                    hasUpper = hasUpper || original.contains(where: \.isUppercase)
                    hasLower = hasLower || original.contains(where: \.isLowercase)
                }
                let first = bytes[start]
                let capitalized = (first >= 65 && first <= 90) || (!ascii && first >= 0x80 && hasUpper)
                tokens.append(Token(lower: lower, start: start, end: end, capitalized: capitalized,
                                    allCaps: hasUpper && !hasLower && end - start >= 2, gap: gap))
                gap = []
            } else {
                switch b {
                case 44: gap.insert(.comma)
                case 34: gap.insert(.quote)
                case 46, 33, 63:
                    // A full stop after a one-letter word or a known abbreviation does not end a sentence.
                    if b != 46 || !isAbbreviation(tokens.last) { gap.insert(.sentenceEnd) }
                case 59, 58, 40, 41: gap.insert(.clauseBreak)
                case 0xC2, 0xD5, 0xD6:
                    // The two-byte separators (see `separator`); other bytes here lead letters.
                    if let kind = separator(bytes, i) { gap.formUnion(kind) }
                    i += 1
                case 0xE2:
                    if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 { gap.insert(.clauseBreak) }
                    i += 2
                default: break
                }
                i += 1
            }
        }
        return tokens
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        // 0xE2 leads the general-punctuation block (dashes, ellipsis), never a letter we match.
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || (b >= 0x80 && b != 0xE2)
    }

    /// What the two-byte character at `i` separates, if it is one of the punctuation marks
    /// and spaces that share lead bytes with letters: a no-break space, « and » (quotes),
    /// the Armenian full stop ։ (a sentence end) and comma ՝.
    @inline(__always)
    static func separator(_ bytes: [UInt8], _ i: Int) -> Gap? {
        guard i + 1 < bytes.count else { return nil }
        switch (bytes[i], bytes[i + 1]) {
        case (0xC2, 0xA0): return []
        case (0xC2, 0xAB), (0xC2, 0xBB): return .quote
        case (0xD6, 0x89): return .sentenceEnd
        case (0xD5, 0x9D): return .comma
        default: return nil
        }
    }

    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "prof", "gov", "sen",
        "rep", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u", "s", "maj", "brig", "adm", "pres", "rev", "mt", "ft",
    ]

    private static func isAbbreviation(_ token: Token?) -> Bool {
        guard let token else { return false }
        return token.end - token.start == 1 && token.capitalized || abbreviations.contains(token.lower)
    }
}
