import Foundation

/// The words that signal figures in war reporting, as data (`Corpus/figures.json`):
/// what each category of loss is called, the equipment and the people counted, number
/// words, vague quantities, bounds, and the words that mark traps (durations, months).
public struct FigureLexicon: Decodable, Sendable {
    /// Category (`killed`, `wounded`, `captured`, `missing`, `equipment`, `attacks`) → its cue words.
    public var categories: [String: [String]]
    /// Item (`tank`, `helicopter`…) → the words that name it.
    public var items: [String: [String]]
    /// Subject (`soldiers`, `civilians`…) → the words that name it.
    public var subjects: [String: [String]]
    /// Number words and their values.
    public var numbers: [String: Int]
    /// Vague quantities and the range each stands for.
    public var vague: [String: [Int]]
    /// Bound phrases (`at least`, `nearly`, `about`) → `min`, `max` or `approximate`.
    public var bounds: [String: String]
    /// Words that count one of an item ("a helicopter").
    public var single: [String]
    /// Words that make a figure the claimant's own losses ("its soldiers").
    public var own: [String]
    /// Words that make it the claimant's opponents' losses ("enemy soldiers").
    public var enemy: [String]
    /// Units after which a number is not a count of losses ("four days", "11 hours").
    public var durations: [String]
    /// Month names: a number beside one is a date.
    public var months: [String]
    /// Verbs that make "N times" a count of attacks ("opened fire 127 times"), not a ratio.
    public var attackVerbs: [String]
    /// Words that may follow a bare number of losses ("101 have been wounded", "35 more
    /// wounded"); any other word after it ("20,000 jobs") says it counts something else.
    public var bareFollowers: [String]
    /// Words before a second number that make it part of the first count ("two of his six
    /// children"), not a count of its own.
    public var partitives: [String]
    /// Words that join two counts of one thing ("one Armenian and one Azeri civilian",
    /// "10 to 15 soldiers"): the first shares the second's subject.
    public var coordinators: [String]
    /// Verbs that make a count one of losses avoided, not suffered ("would save 65 lives").
    public var averted: [String]
    /// Vague quantities that count only after "a" ("a few people were hurt", not "few
    /// people know").
    public var afterArticle: [String]

    enum CodingKeys: String, CodingKey {
        case categories, items, subjects, numbers, vague, bounds, single, own, enemy, durations, months
        case attackVerbs = "attack_verbs", bareFollowers = "bare_followers", partitives, coordinators, averted, afterArticle = "after_article"
    }

    /// Reads the lexicon at `path`.
    public static func load(path: String) throws -> FigureLexicon {
        let handle = try FileAccess.openRegularFile(path)
        defer { try? handle.close() }
        return try JSONDecoder().decode(FigureLexicon.self, from: handle.read(upToCount: 1 << 20) ?? Data())
    }
}
