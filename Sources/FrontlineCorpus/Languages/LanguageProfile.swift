import Foundation

/// The words of one language that tagging, dating, cleaning and querying read, as data: a
/// file named by the language's code (`ru.json`, `en.json`) in `Corpus/languages/`.
///
/// The shipped files are compiled into the program (`builtIn`): stop words and chrome
/// markers are read before any gazetteer is (cleaning a page, parsing a query), and
/// English's words are those of its own rules (`Tagger`, `DateFinder`, `Chrome`). The
/// claim words, source phrases, month names and institution words of the other languages
/// are read from the `languages` folder beside the gazetteer (`Gazetteer.load`) and hashed
/// with it, so a gazetteer may bring its own; the built-in texts are hashed into every
/// article's fingerprint (`builtInText`), so a changed profile re-reads every article.
///
/// ```json
/// {"claim_words": ["заявили", "сообщает"], "attributions": ["по данным"], "months": {"апреля": 4},
///  "stop_words": ["и", "в"], "chrome": {"prefixes": ["читайте также"]}}
/// ```
public struct LanguageProfile: Sendable, Equatable, Decodable {
    /// Words that report a statement ("заявили", "сообщает", "հայտնում", "bildirib"), lower
    /// case. The claimant is the party named right after the word ("сообщает пресс-служба
    /// армии обороны Карабаха"), else its subject before it.
    public var claimWords: [String] = []
    /// Phrases naming the source of what follows ("по данным", "со ссылкой на"), lower case.
    public var attributions: [String] = []
    /// Month names in every form a date takes ("апреля": 4, "ապրիլի": 4, "aprel": 4), lower
    /// case; a number before or after makes the day.
    public var months: [String: Int] = [:]
    /// Words that, between a party's name and a claim word, make the party the speaker: its
    /// institutions and officials ("министерство", "nazirliyi"), lower case — as the English
    /// `Tagger.speakerHeads`; any other word there names a speaker the gazetteer does not know.
    public var speakerHeads: [String] = []
    /// Weekday names, lower case, to 0 = Sunday … 6 = Saturday: a passage's "Saturday" is the
    /// nearest one on or before publication.
    public var weekdays: [String: Int] = [:]
    /// Words for a day relative to publication and its offset in days ("yesterday": -1).
    public var relativeDates: [String: Int] = [:]
    /// Words too common to mean anything alone (`StopWords`), lower case.
    public var stopWords: [String] = []
    /// The markers of page chrome in the language (`Chrome`).
    public var chrome = ChromeMarkers()

    /// What marks page chrome, lower case except `inlineCommentMarkers`: lines after which only
    /// comments follow, the same as a page shows them inside a line that runs on, lines that
    /// are chrome as a whole ("share this article") and the starts of chrome lines ("photo:").
    public struct ChromeMarkers: Sendable, Equatable, Decodable {
        /// Lines after which only reader comments and site furniture follow ("leave a reply").
        public var commentMarkers: [String] = []
        /// The comment markers as a page shows them ("Leave a Reply"), found inside a line.
        public var inlineCommentMarkers: [String] = []
        /// Whole lines of chrome ("advertisement", "read more"), without a final "." ":" "!".
        public var lines: [String] = []
        /// Starts of chrome lines ("source:", "read also:", "follow us").
        public var prefixes: [String] = []

        enum CodingKeys: String, CodingKey {
            case commentMarkers = "comment_markers", inlineCommentMarkers = "inline_comment_markers", lines, prefixes
        }

        init() {}

        /// Reads the markers; every key may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            commentMarkers = try container.decodeIfPresent([String].self, forKey: .commentMarkers) ?? []
            inlineCommentMarkers = try container.decodeIfPresent([String].self, forKey: .inlineCommentMarkers) ?? []
            lines = try container.decodeIfPresent([String].self, forKey: .lines) ?? []
            prefixes = try container.decodeIfPresent([String].self, forKey: .prefixes) ?? []
        }
    }

    enum CodingKeys: String, CodingKey {
        case claimWords = "claim_words", attributions, months, speakerHeads = "speaker_heads", weekdays
        case relativeDates = "relative_dates", stopWords = "stop_words", chrome
    }

    /// Reads a profile; every key may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        claimWords = try container.decodeIfPresent([String].self, forKey: .claimWords) ?? []
        attributions = try container.decodeIfPresent([String].self, forKey: .attributions) ?? []
        months = try container.decodeIfPresent([String: Int].self, forKey: .months) ?? [:]
        speakerHeads = try container.decodeIfPresent([String].self, forKey: .speakerHeads) ?? []
        weekdays = try container.decodeIfPresent([String: Int].self, forKey: .weekdays) ?? [:]
        relativeDates = try container.decodeIfPresent([String: Int].self, forKey: .relativeDates) ?? [:]
        stopWords = try container.decodeIfPresent([String].self, forKey: .stopWords) ?? []
        chrome = try container.decodeIfPresent(ChromeMarkers.self, forKey: .chrome) ?? ChromeMarkers()
    }

    /// Reads a profile file's bytes, its words lower-cased as tagging compares them.
    static func decode(_ data: Data) throws -> LanguageProfile {
        var profile = try JSONDecoder().decode(LanguageProfile.self, from: data)
        profile.claimWords = profile.claimWords.map(ScriptText.lower)
        profile.attributions = profile.attributions.map(ScriptText.lower)
        profile.months = Dictionary(profile.months.map { (ScriptText.lower($0.key), $0.value) }.filter { (1...12).contains($0.1) },
                                    uniquingKeysWith: { first, _ in first })
        return profile
    }

    /// The shipped profile files (`Corpus/languages/*.json`) as the program was built with them.
    private static let builtInFiles: [(Language, [UInt8])] = [
        (.english, PackageResources.en_json), (.russian, PackageResources.ru_json),
        (.armenian, PackageResources.hy_json), (.azerbaijani, PackageResources.az_json),
    ]

    /// The shipped profiles, by language. They are part of the program, checked by its tests:
    /// one that cannot be read is a fault of the build, not of any input.
    public static let builtIn: [Language: LanguageProfile] = Dictionary(uniqueKeysWithValues: builtInFiles.map { language, bytes in
        do { return (language, try decode(Data(bytes))) } catch { preconditionFailure("built-in profile \(language.rawValue).json: \(error)") }
    })

    /// English as shipped: the words of the English rules.
    public static let english = builtIn[.english]!

    /// The texts of the built-in profiles, one after another in a fixed order, for fingerprints.
    public static let builtInText: String = builtInFiles.map { "\($0.0.rawValue)=" + String(decoding: $0.1, as: UTF8.self) }.joined(separator: "\u{1}")

    /// Every built-in profile's stop words, English's first, read alone: a search needs no
    /// other word of the profiles, and decoding them all would cost every shell search.
    static let builtInStopWords: [String] = {
        struct StopWordList: Decodable {
            var words: [String]?
            enum CodingKeys: String, CodingKey { case words = "stop_words" }
        }
        var seen: Set<String> = [], all: [String] = []
        for (language, bytes) in builtInFiles {
            let list: StopWordList
            do { list = try JSONDecoder().decode(StopWordList.self, from: Data(bytes)) } catch {
                preconditionFailure("built-in profile \(language.rawValue).json: \(error)")
            }
            for word in list.words ?? [] where seen.insert(word).inserted { all.append(word) }
        }
        return all
    }()

    /// Every built-in profile's values of `list`, English first: the markers read before a
    /// passage's language is known.
    static func allBuiltIn(_ list: (LanguageProfile) -> [String]) -> [String] {
        var seen: Set<String> = [], all: [String] = []
        for (language, _) in builtInFiles { for word in list(builtIn[language]!) where seen.insert(word).inserted { all.append(word) } }
        return all
    }

    /// The largest profile file read.
    static let maximumBytes = 1 << 20

    /// The profiles in the `languages` folder beside `gazetteerPath`, by language; none when
    /// there is no such folder. A profile that cannot be read is a diagnostic and is skipped.
    /// English is not read there: its words are the built-in ones of the English rules.
    static func load(besideGazetteer gazetteerPath: String) -> ([Language: LanguageProfile], [Diagnostic]) {
        let folder = (gazetteerPath as NSString).deletingLastPathComponent + "/languages"
        var profiles: [Language: LanguageProfile] = [:]
        var diagnostics: [Diagnostic] = []
        for language in Language.allCases where language != .unknown && language != .english {
            let path = folder + "/" + language.rawValue + ".json"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            do {
                let handle = try FileAccess.openRegularFile(path)
                defer { try? handle.close() }
                let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
                guard data.count <= maximumBytes else {
                    diagnostics.append(Diagnostic(.error, file: path, line: nil, "language profile is larger than 1 MB; skipped"))
                    continue
                }
                profiles[language] = try decode(data)
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, line: JSONSyntax.errorLine(in: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()),
                                              "language profile cannot be read (\(FileError.describe(error))); skipped"))
            }
        }
        return (profiles, diagnostics)
    }
}
