import Foundation

/// The words of one language that tagging and dating read, as data: a file named by
/// the language's code (`ru.json`) in a `languages` folder beside the gazetteer, read
/// with it (`Gazetteer.load`) and hashed with it, so that a changed profile re-reads
/// every article.
///
/// ```json
/// {"claim_words": ["заявили", "сообщает"], "attributions": ["по данным"], "months": {"апреля": 4}}
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

    enum CodingKeys: String, CodingKey {
        case claimWords = "claim_words", attributions, months, speakerHeads = "speaker_heads"
    }

    /// Reads a profile; every key may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        claimWords = try container.decodeIfPresent([String].self, forKey: .claimWords) ?? []
        attributions = try container.decodeIfPresent([String].self, forKey: .attributions) ?? []
        months = try container.decodeIfPresent([String: Int].self, forKey: .months) ?? [:]
        speakerHeads = try container.decodeIfPresent([String].self, forKey: .speakerHeads) ?? []
    }

    /// The largest profile file read.
    static let maximumBytes = 1 << 20

    /// The profiles in the `languages` folder beside `gazetteerPath`, by language; none when
    /// there is no such folder. A profile that cannot be read is a diagnostic and is skipped.
    static func load(besideGazetteer gazetteerPath: String) -> ([Language: LanguageProfile], [Diagnostic]) {
        let folder = (gazetteerPath as NSString).deletingLastPathComponent + "/languages"
        var profiles: [Language: LanguageProfile] = [:]
        var diagnostics: [Diagnostic] = []
        for language in Language.allCases where language != .unknown {
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
                var profile = try JSONDecoder().decode(LanguageProfile.self, from: data)
                profile.claimWords = profile.claimWords.map(ScriptText.lower)
                profile.attributions = profile.attributions.map(ScriptText.lower)
                profile.months = Dictionary(profile.months.map { (ScriptText.lower($0.key), $0.value) }.filter { (1...12).contains($0.1) },
                                            uniquingKeysWith: { first, _ in first })
                profiles[language] = profile
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, line: JSONSyntax.errorLine(in: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()),
                                              "language profile cannot be read (\(FileError.describe(error))); skipped"))
            }
        }
        return (profiles, diagnostics)
    }
}
