import Foundation

/// A name written in Cyrillic, Armenian or Latin reduced to one Latin key, so that a
/// name no gazetteer lists still matches across scripts: Мартуни, Մարտունի and Martuni
/// share `martuni`; Талыш, Թալիշ, Talış and Talish share `talis`.
///
/// Cyrillic and Armenian go to Latin by BGN/PCGN (ICU's transforms, through Foundation);
/// the Latin spelling is then folded so that the ways English, Russian, Armenian and
/// Azerbaijani spell one sound agree (kh, x → h; sh, ş → s; y, ı → i; doubled letters once).
public enum Transliteration {
    /// The key of a word of any script, or nil when nothing of it is Latin, Cyrillic or Armenian.
    public static func key(_ word: String) -> String? {
        guard let latin = latin(word) else { return nil }
        let key = fold(latin)
        return key.count >= Inflection.minimumStem ? key : nil
    }

    /// The keys a word of an inflecting language is found by: its own, and those of its
    /// stems ("Мартакерта" → `martakerta`, `martakert`).
    public static func keys(_ word: String) -> [String] {
        let lower = ScriptText.lower(word)
        var keys: [String] = []
        for form in [lower] + Inflection.stems(lower) {
            if let key = key(form), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    /// The keys a query word looks for: its own, and without a final vowel ("Shusha" → `susa`,
    /// `sus`, which "Шуше" also has). A Latin word is also read as the other scripts spell
    /// it: its x as ks ("Interfax" → `interfaks`, as Интерфакс), and, when it starts with an h,
    /// without its h's, as Russian writes Armenian names ("Hovhannisyan" → `ovanisian`, as
    /// Ованнисян; "Harutyunyan" → `arutiunian`, as Арутюнян).
    public static func queryKeys(_ word: String) -> [String] {
        guard let key = key(word) else { return [] }
        var keys: [String] = []
        func add(_ key: String) {
            guard key.count >= Inflection.minimumStem, !keys.contains(key) else { return }
            keys.append(key)
            if let last = key.last, "aeiou".contains(last), key.count > Inflection.minimumStem { keys.append(String(key.dropLast())) }
        }
        add(key)
        let lower = word.lowercased()
        if lower.contains("x"), let spelled = self.key(lower.replacingOccurrences(of: "x", with: "ks")) { add(spelled) }
        if lower.hasPrefix("h") { add(String(key.filter { $0 != "h" })) }
        return keys
    }

    /// The word in Latin letters: Cyrillic and Armenian by BGN/PCGN, Latin as it is.
    static func latin(_ word: String) -> String? {
        var latin = false, cyrillic = false, armenian = false
        for scalar in word.unicodeScalars {
            switch ScriptText.script(of: scalar) {
            case .latin: latin = true
            case .cyrillic: cyrillic = true
            case .armenian: armenian = true
            case .other: return nil
            default: break // not a letter, or no letter of a script (digits)
            }
        }
        guard latin || cyrillic || armenian else { return nil }
        var text = word
        if cyrillic { text = text.applyingTransform(StringTransform("Russian-Latin/BGN"), reverse: false) ?? text }
        if armenian { text = text.applyingTransform(StringTransform("Armenian-Latin/BGN"), reverse: false) ?? text }
        return text
    }

    /// Folds a Latin spelling to its key: letters a–z only (diacritics and apostrophes
    /// dropped, ə as e, ı as i), then, left to right, dzh zh → j, kh x → h, gh → g, sh → s,
    /// ch ts → c, y → i, q → k, w → v, and a doubled letter once.
    static func fold(_ latin: String) -> String {
        var letters: [UInt8] = []
        if latin.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (every English query word): no Unicode tables.
            for b in latin.utf8 where (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { letters.append(b | 0x20) }
        } else {
            for scalar in latin.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch scalar {
                case "a"..."z": letters.append(UInt8(scalar.value))
                case "ə": letters.append(0x65)
                case "ı": letters.append(0x69)
                default: break // marks, apostrophes (T’alish), anything else
                }
            }
        }
        var out: [UInt8] = []
        var i = 0
        func next(_ k: Int) -> UInt8 { i + k < letters.count ? letters[i + k] : 0 }
        while i < letters.count {
            let (a, b, c) = (letters[i], next(1), next(2))
            var folded = a, used = 1
            switch (a, b) {
            case (0x64, 0x7A) where c == 0x68: folded = 0x6A; used = 3 // dzh
            case (0x7A, 0x68): folded = 0x6A; used = 2 // zh
            case (0x6B, 0x68): folded = 0x68; used = 2 // kh
            case (0x67, 0x68): folded = 0x67; used = 2 // gh
            case (0x73, 0x68): folded = 0x73; used = 2 // sh
            case (0x63, 0x68), (0x74, 0x73): folded = 0x63; used = 2 // ch, ts
            case (0x78, _): folded = 0x68 // x
            case (0x79, _): folded = 0x69 // y
            case (0x71, _): folded = 0x6B // q
            case (0x77, _): folded = 0x76 // w
            default: break
            }
            if folded != out.last { out.append(folded) }
            i += used
        }
        return String(decoding: out, as: UTF8.self)
    }
}
