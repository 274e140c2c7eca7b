/// The languages Frontline reads, declared once: the code stored per passage and shown
/// in output (`ru`), the name shown to people, and the Snowball stemmer of each.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case russian = "ru"
    case armenian = "hy"
    case azerbaijani = "az"
    /// A passage whose language could not be told (too short, an unknown script, mixed).
    case unknown

    /// The name shown to people.
    public var name: String {
        switch self {
        case .english: return "English"
        case .russian: return "Russian"
        case .armenian: return "Armenian"
        case .azerbaijani: return "Azerbaijani"
        case .unknown: return "unknown"
        }
    }

    /// The Snowball stemmer Xapian uses for the language's words. Azerbaijani has none of
    /// its own: Turkish is the nearest, with ə read as e (see `Schema.stemmer`).
    public var stemmer: String? {
        switch self {
        case .english: return "english"
        case .russian: return "russian"
        case .armenian: return "armenian"
        case .azerbaijani: return "turkish"
        case .unknown: return nil
        }
    }

    /// The language a metadata value names: a code (`ru`, `rus`, `ru-RU`), or a name in
    /// English or in the language itself (`Russian`, `русский`). Nil for anything else.
    public init?(declared value: String) {
        var code = value.trimmingWhitespace().lowercased()
        if let cut = code.firstIndex(where: { $0 == "-" || $0 == "_" }) { code = String(code[..<cut]) }
        switch code {
        case "en", "eng", "english": self = .english
        case "ru", "rus", "russian", "русский": self = .russian
        case "hy", "hye", "arm", "armenian", "հայերեն": self = .armenian
        case "az", "aze", "azerbaijani", "azərbaycan", "azərbaycanca": self = .azerbaijani
        default: return nil
        }
    }
}
