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
    /// `sus`, which "Шуше" also has).
    public static func queryKeys(_ word: String) -> [String] {
        guard let key = key(word) else { return [] }
        var keys = [key]
        if let last = key.last, "aeiou".contains(last), key.count > Inflection.minimumStem { keys.append(String(key.dropLast())) }
        return keys
    }

    /// The word in Latin letters: Cyrillic and Armenian by BGN/PCGN, Latin as it is.
    static func latin(_ word: String) -> String? {
        var scripts: Set<ScriptText.Script> = []
        for scalar in word.unicodeScalars { if let script = ScriptText.script(of: scalar) { scripts.insert(script) } }
        if scripts.contains(.other) || scripts.isEmpty { return nil }
        var text = word
        if scripts.contains(.cyrillic) { text = text.applyingTransform(StringTransform("Russian-Latin/BGN"), reverse: false) ?? text }
        if scripts.contains(.armenian) { text = text.applyingTransform(StringTransform("Armenian-Latin/BGN"), reverse: false) ?? text }
        return text
    }

    /// Folds a Latin spelling to its key.
    static func fold(_ latin: String) -> String {
        var letters = ""
        for scalar in latin.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "a"..."z": letters.unicodeScalars.append(scalar)
            case "ə": letters += "e"
            case "ı": letters += "i"
            default: break // marks, apostrophes (T’alish), anything else
            }
        }
        // Longest spellings first: dzh before zh, and every digraph before its single letters.
        for (from, to) in [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("ts", "c"),
                           ("x", "h"), ("y", "i"), ("q", "k"), ("w", "v")] {
            letters = letters.replacingOccurrences(of: from, with: to)
        }
        var out = ""
        for c in letters where c != out.last { out.append(c) }
        return out
    }
}
