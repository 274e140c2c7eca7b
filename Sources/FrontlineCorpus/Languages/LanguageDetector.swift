/// Tells the language of a passage from its letters and words: the script first
/// (Cyrillic is Russian unless it has the letters of another Cyrillic language, Armenian
/// is Armenian), then, inside Latin, Azerbaijani by ə or by its own words beside its
/// Turkic letters, and English by its common words in text with no foreign letter.
/// Anything it is unsure of is `.unknown`, never English by default.
public enum LanguageDetector {
    /// The language of a passage already split into `tokens`.
    static func language(of text: String, tokens: [Tokenizer.Token]) -> Language {
        let letters = Letters(text)
        let total = letters.latin + letters.cyrillic + letters.armenian + letters.other
        guard total >= minimumLetters else { return .unknown }
        // One script must hold most letters: "NATO" in a Russian passage is fine, half and half is not.
        let share = 0.7 * Double(total)
        if Double(letters.cyrillic) >= share { return letters.otherCyrillic ? .unknown : .russian }
        if Double(letters.armenian) >= share { return .armenian }
        guard Double(letters.latin) >= share else { return .unknown }
        if letters.schwa { return .azerbaijani }
        var english = 0, azerbaijani = 0, words = 0
        for token in tokens.prefix(wordsRead) {
            guard let first = token.lower.utf8.first, first >= 0x61 else { continue } // a word, not a number
            words += 1
            if englishWords.contains(token.lower) { english += 1 } else if letters.turkic, azerbaijaniWords.contains(token.lower) { azerbaijani += 1 }
            if english == 3 && !letters.turkic { break } // enough for any length read (see `needed`)
        }
        if letters.turkic { return azerbaijani > 0 ? .azerbaijani : .unknown }
        // A French or Turkish name in an English report is fine; text of such letters is not English.
        if letters.foreign * 30 > letters.latin || words == 0 { return .unknown }
        // A headline of three or four words may hold one common word; running text holds many.
        let needed = words < 8 ? 1 : max(2, words / 8)
        return english >= needed && english > azerbaijani ? .english : .unknown
    }

    /// The language of `text` on its own (a passage, a headline, a caption).
    public static func language(of text: String) -> Language {
        language(of: text, tokens: Tokenizer.tokens(text))
    }

    /// Fewer letters than this tell nothing.
    static let minimumLetters = 4
    /// Words looked at for the common words of a Latin-script language.
    static let wordsRead = 24

    /// Common English words (function words and the commonest words of war reports).
    static let englishWords: Set<String> = [
        "the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "by", "said", "at", "from",
        "as", "has", "have", "had", "are", "were", "it", "its", "an", "be", "been", "not", "this", "they", "their",
        "he", "she", "his", "her", "we", "who", "which", "will", "would", "after", "over", "into", "but", "or",
        "says", "say", "than", "more", "new", "two", "three", "one", "killed", "dead", "war", "army", "troops",
        "forces", "attack", "attacks", "fighting", "clashes", "village", "villages", "border", "ceasefire",
        "minister", "ministry", "defence", "defense", "president", "talks", "peace", "soldiers", "shelling",
        "wounded", "claims", "accuses", "denies", "reports", "report", "news", "against", "between", "near",
        "during", "since", "about", "up", "out", "off", "all", "no", "so", "if", "also", "there", "these",
        "those", "what", "when", "where", "how", "why", "may", "can", "could", "should", "must", "our", "you",
        "i", "my", "me", "us", "them", "some", "many", "most", "other", "such", "only", "just", "very",
        "year", "years", "day", "days", "people", "government", "country", "region", "city", "says", "told",
        "under", "amid", "across", "down", "back", "still", "now", "then", "first", "last", "police",
    ]

    /// Common Azerbaijani words, for Latin text without ə.
    static let azerbaijaniWords: Set<String> = [
        "və", "bu", "ilə", "üçün", "olan", "olub", "edib", "bildirib", "qeyd", "isə", "ki", "da", "də", "bir",
        "onun", "artıq", "tərəfindən", "nazirliyi", "müdafiə", "ordusu", "ermənistan", "azərbaycan", "qarabağ",
    ]

    /// The letters of a text by script, read on its UTF-8 bytes.
    struct Letters {
        var latin = 0, cyrillic = 0, armenian = 0, other = 0
        /// ə or Ə: Azerbaijani alone among the languages written in Latin.
        var schwa = false
        /// ı ğ ş İ: Turkic letters (Azerbaijani or Turkish).
        var turkic = false
        /// Latin letters with a diacritic that English and Azerbaijani do not use.
        var foreign = 0
        /// A letter of a Cyrillic language other than Russian (і ї є ґ ў ђ ј љ њ ћ џ ә қ ң ө ү һ…).
        var otherCyrillic = false

        /// The letters of `text`.
        init(_ text: String) {
            if text.utf8.withContiguousStorageIfAvailable({ count($0) }) == nil {
                Array(text.utf8).withUnsafeBufferPointer { count($0) }
            }
        }

        private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { latin += 1 }
                    i += 1
                    continue
                }
                let c = i + 1 < n ? bytes[i + 1] : 0
                switch b {
                case 0xC3:
                    if c != 0x97 && c != 0xB7 { latin += 1 }
                    // ç ö ü (C3 A7, B6, BC and capitals) are Azerbaijani; other accents are not.
                    if ![0xA7, 0xB6, 0xBC, 0x87, 0x96, 0x9C].contains(c) { foreign += 1 }
                case 0xC4, 0xC5, 0xC6, 0xC7, 0xC8:
                    latin += 1
                    let code = (UInt32(b & 0x1F) << 6) | UInt32(c & 0x3F)
                    switch code {
                    case 0x0131, 0x0130, 0x011F, 0x011E, 0x015F, 0x015E: turkic = true
                    case 0x018F: schwa = true
                    default: foreign += 1
                    }
                case 0xC9:
                    latin += 1
                    if c == 0x99 { schwa = true } else { foreign += 1 }
                case 0xD0, 0xD1, 0xD2, 0xD3:
                    cyrillic += 1
                    let code = (UInt32(b & 0x1F) << 6) | UInt32(c & 0x3F)
                    // Russian uses А-я and ё/Ё only.
                    if !(0x0410...0x044F).contains(code) && code != 0x0401 && code != 0x0451 { otherCyrillic = true }
                case 0xD4:
                    if c >= 0xB1 { armenian += 1 } else { cyrillic += 1; otherCyrillic = true }
                case 0xD5:
                    // U+0559-U+055F are Armenian punctuation and marks.
                    if !(0x99...0x9F).contains(c) { armenian += 1 }
                case 0xD6:
                    if c <= 0x87 { armenian += 1 }
                case 0xCA:
                    latin += 1; foreign += 1 // IPA
                case 0xCB, 0xCC:
                    break // modifier letters (ʼ), combining marks
                case 0xCD:
                    if c >= 0xB0 { other += 1 } // Greek from U+0370; below, combining marks
                case 0xCE, 0xCF, 0xD7...0xDF:
                    other += 1
                case 0xE1:
                    // U+1E00-U+1EFF: Latin with diacritics (Vietnamese, Welsh…); else other scripts.
                    if c == 0xB8 || c == 0xB9 || c == 0xBA || c == 0xBB { latin += 1; foreign += 1 } else { other += 1 }
                case 0xE3...0xEF:
                    other += 1
                default:
                    break // punctuation (C2, E2), emoji and symbols (F0…), continuation bytes
                }
                i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            }
        }
    }
}

extension LanguageDetector {
    /// Whether `text` is written in the script of `language` with nothing against it:
    /// what lets a headline take its article's language.
    static func fits(_ text: String, _ language: Language) -> Bool {
        let letters = Letters(text)
        let total = letters.latin + letters.cyrillic + letters.armenian + letters.other
        guard total > 0 else { return false }
        switch language {
        case .russian: return letters.cyrillic * 10 >= total * 7 && !letters.otherCyrillic
        case .armenian: return letters.armenian * 10 >= total * 7
        case .azerbaijani: return letters.latin * 10 >= total * 7 && letters.foreign * 30 <= letters.latin
        case .english: return letters.latin * 10 >= total * 7 && !letters.schwa && !letters.turkic && letters.foreign * 30 <= letters.latin
        case .unknown: return false
        }
    }
}
