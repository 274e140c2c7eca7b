/// How names inflect in Russian, Armenian and Azerbaijani, for tagging: a word of the
/// text matches a name's word when both are one stem with a case ending of their
/// language ("Шуша" / "в Шуше", "Степанакерт" / "Степанакерта", "Şuşa" / "Şuşada",
/// "Ստեփանակերտ" / "Ստեփանակերտում"). English names match as written, as before.
///
/// A stem keeps at least `minimumStem` letters, so short words are never cut to nothing.
public enum Inflection {
    /// Russian noun and adjective case endings (names decline like nouns: Шуша, Шуши,
    /// Шуше, Шушу, Шушой; adjectives in names: Нагорный, Нагорного, Нагорном).
    static let russian: [String] = [
        "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ам", "ям",
        "ами", "ями", "ах", "ях", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому",
        "ему", "ым", "им", "ых", "их", "ую", "юю", "ия", "ии", "ию", "ией", "ья", "ьи", "ье", "ью", "ьей",
    ] + ["", "ин", "ен"].flatMap { infix in russianAdjective.map { infix + "ск" + $0 } }
    /// The endings of an adjective made of a place's name, after its "-ск-" ("Тертерском районе",
    /// "Аскеранского района", "на Физулинском направлении", "шушинский"): the place itself.
    private static let russianAdjective = [
        "ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими",
    ]
    /// Armenian case endings and articles (Ստեփանակերտ-ում, -ի, -ից, -ով, -ը; Շուշի-ի, -ն).
    static let armenian: [String] = [
        "ը", "ն", "ի", "ին", "ու", "ում", "ումը", "ից", "ուց", "ով", "յի", "յին", "յում", "յից", "յով",
        "եր", "երի", "երը", "երում", "երից", "ներ", "ների", "ները", "ներում", "ներից",
    ]
    /// Azerbaijani case, plural and locative-adjective suffixes, with their buffer letters
    /// (Şuşa-da, Şuşa-nın, Şuşa-ya; Xankəndi-də, Azərbaycan-ın, Qarabağ-dakı).
    static let azerbaijani: [String] = [
        "a", "ə", "ya", "yə", "na", "nə", "da", "də", "ta", "tə", "nda", "ndə", "dan", "dən", "tan", "tən",
        "ndan", "ndən", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "ı", "i", "u", "ü", "yı", "yi",
        "yu", "yü", "nı", "ni", "nu", "nü", "la", "lə", "yla", "ylə", "dakı", "dəki", "ndakı", "ndəki",
        "lar", "lər", "ları", "ləri", "ların", "lərin", "lara", "lərə", "larda", "lərdə", "lardan", "lərdən",
        "sı", "si", "su", "sü", "sının", "sinin", "sına", "sinə", "sında", "sində", "sından", "sindən",
    ]

    /// The fewest letters a stem keeps.
    static let minimumStem = 3

    /// Marks a stem key apart from the words in the tagger's trie.
    private static let marker = "\u{1}"

    /// The endings of the language `word` is written in, by its first non-ASCII letter:
    /// Cyrillic, Armenian, or Latin (Azerbaijani). Nil for an ASCII word or another script.
    static func endings(of word: String) -> [String]? {
        guard let scalar = word.unicodeScalars.first(where: { $0.value >= 0x80 }) else { return nil }
        switch ScriptText.script(of: scalar) {
        case .cyrillic: return russian
        case .armenian: return armenian
        case .latin: return azerbaijani
        default: return nil
        }
    }

    /// The keys a word (lower case) is found by in the tagger's trie besides itself: the
    /// word as a stem, and, in an inflecting language, the word less each of its endings.
    /// A name's word and a text's word match when they share a key.
    public static func keys(_ word: String) -> [String] {
        [marker + word] + stems(word).map { marker + $0 }
    }

    /// The stems of a word (lower case) of an inflecting language: the word less each of
    /// its endings that leaves `minimumStem` letters. None for ASCII or other scripts.
    static func stems(_ word: String) -> [String] {
        guard let endings = endings(of: word) else { return [] }
        var stems: [String] = []
        for ending in endings { if let stem = stem(word, less: ending), !stems.contains(stem) { stems.append(stem) } }
        return stems
    }

    private static func stem(_ word: String, less ending: String) -> String? {
        guard word.hasSuffix(ending) else { return nil }
        let stem = word.dropLast(ending.count)
        return stem.count >= minimumStem ? String(stem) : nil
    }
}
