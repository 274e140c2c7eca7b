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
    /// Claim words by which a party reports its own losses ("acknowledged the loss of 30
    /// fighters", "confirmed losing one tank").
    public var admissions: [String]
    /// Cue words whose subject inflicts the loss ("it has destroyed six tanks"): the
    /// losses are its opponents'.
    public var inflicted: [String]
    /// Cue words whose subject suffers the loss ("Armenia lost 18 soldiers").
    public var suffered: [String]
    /// Possessives: after a word of loss, one says what was lost ("lost their jobs").
    public var possessives: [String]
    /// What may follow "lost their" and still be a loss of people ("lost their lives").
    public var lostLives: [String]
    /// Particles that make a word of loss mean something else ("killed off" in a story).
    public var notLosses: [String]
    /// Words for a running count of losses ("the death toll rose to 710").
    public var tolls: [String]
    /// Words right before the number of a toll ("rose to 710", "a toll of 30").
    public var tollLinks: [String]
    /// Words before the party that inflicted a loss ("shot down by Armenian forces",
    /// "rocket fire from Azerbaijan").
    public var agentMarkers: [String]
    /// Nouns after a year that make it the period of a figure ("an early 1990s war").
    public var periodNouns: [String]
    /// Words before a year that make it one too ("in the early 1990s", "from 1991-94").
    public var periodOpeners: [String]
    /// Phrases that refer back to a period named in an earlier passage ("that conflict").
    public var periodReferences: [String]
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
    /// Words before a word of loss that make it what might happen, not what did ("could kill
    /// thousands", "would be killed"). Optional in the file, like the lists after it.
    public var hypothetical: [String] { optionalLists.hypothetical ?? [] }
    /// Words before a count that deny it ("no one was hurt").
    public var negations: [String] { optionalLists.negations ?? [] }
    /// Verbs before "from N to M" that make M a new value, not the top of a range ("rose from 50 to 100").
    public var changes: [String] { optionalLists.changes ?? [] }
    /// Words after a figure that make it a rate, and the time it is per ("daily" → `day`).
    public var rates: [String: String] { optionalLists.rates ?? [:] }
    /// Units after "per", "a", "each", "every" that make a figure a rate ("per day" → `day`).
    public var rateUnits: [String: String] { optionalLists.rateUnits ?? [:] }
    /// Nouns of attack after a side's name that make it the attacker ("Russian shelling", "a Ukrainian drone strike").
    public var attackNouns: [String] { optionalLists.attackNouns ?? [] }
    /// Words near a figure that make it a running total ("in total", "overall", "since the start").
    public var cumulativeMarkers: [String] { optionalLists.cumulativeMarkers ?? [] }
    /// Words between a person and a word of loss ("a journalist has been killed", "were also among the dead").
    public var lossAuxiliaries: [String] { optionalLists.lossAuxiliaries ?? [] }

    /// The lists a lexicon written before them may lack.
    private struct OptionalLists: Decodable, Sendable {
        var hypothetical: [String]?, negations: [String]?, changes: [String]?
        var rates: [String: String]?, rateUnits: [String: String]?, lossAuxiliaries: [String]?, attackNouns: [String]?
        var cumulativeMarkers: [String]?
        enum CodingKeys: String, CodingKey {
            case hypothetical, negations, changes, rates, rateUnits = "rate_units", lossAuxiliaries = "loss_auxiliaries", attackNouns = "attack_nouns"
            case cumulativeMarkers = "cumulative_markers"
        }
    }
    private var optionalLists: OptionalLists

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        categories = try c.decode([String: [String]].self, forKey: .categories)
        items = try c.decode([String: [String]].self, forKey: .items)
        subjects = try c.decode([String: [String]].self, forKey: .subjects)
        numbers = try c.decode([String: Int].self, forKey: .numbers)
        vague = try c.decode([String: [Int]].self, forKey: .vague)
        bounds = try c.decode([String: String].self, forKey: .bounds)
        single = try c.decode([String].self, forKey: .single)
        own = try c.decode([String].self, forKey: .own)
        enemy = try c.decode([String].self, forKey: .enemy)
        admissions = try c.decode([String].self, forKey: .admissions)
        inflicted = try c.decode([String].self, forKey: .inflicted)
        suffered = try c.decode([String].self, forKey: .suffered)
        possessives = try c.decode([String].self, forKey: .possessives)
        durations = try c.decode([String].self, forKey: .durations)
        months = try c.decode([String].self, forKey: .months)
        lostLives = try c.decode([String].self, forKey: .lostLives)
        notLosses = try c.decode([String].self, forKey: .notLosses)
        tolls = try c.decode([String].self, forKey: .tolls)
        tollLinks = try c.decode([String].self, forKey: .tollLinks)
        agentMarkers = try c.decode([String].self, forKey: .agentMarkers)
        periodNouns = try c.decode([String].self, forKey: .periodNouns)
        periodOpeners = try c.decode([String].self, forKey: .periodOpeners)
        periodReferences = try c.decode([String].self, forKey: .periodReferences)
        attackVerbs = try c.decode([String].self, forKey: .attackVerbs)
        bareFollowers = try c.decode([String].self, forKey: .bareFollowers)
        partitives = try c.decode([String].self, forKey: .partitives)
        coordinators = try c.decode([String].self, forKey: .coordinators)
        averted = try c.decode([String].self, forKey: .averted)
        afterArticle = try c.decode([String].self, forKey: .afterArticle)
        optionalLists = try OptionalLists(from: decoder)
    }

    enum CodingKeys: String, CodingKey {
        case categories, items, subjects, numbers, vague, bounds, single, own, enemy, admissions, inflicted, suffered, possessives, durations, months
        case lostLives = "lost_lives", notLosses = "not_losses", tolls, tollLinks = "toll_links"
        case agentMarkers = "agent_markers", periodNouns = "period_nouns", periodOpeners = "period_openers", periodReferences = "period_references"
        case attackVerbs = "attack_verbs", bareFollowers = "bare_followers", partitives, coordinators, averted, afterArticle = "after_article"
    }

    /// Where a gazetteer's figure lexicon is by default: `figures.json` in its folder.
    public static func path(besideGazetteer gazetteer: String) -> String {
        ((gazetteer as NSString).deletingLastPathComponent as NSString).appendingPathComponent("figures.json")
    }

    /// Reads the lexicon at `path` (at most 1 MB), with its text.
    public static func load(path: String) throws -> (FigureLexicon, text: String) {
        let handle = try FileAccess.openRegularFile(path)
        defer { try? handle.close() }
        let data = try handle.read(upToCount: 1 << 20) ?? Data()
        let lexicon: FigureLexicon
        do {
            lexicon = try JSONDecoder().decode(FigureLexicon.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            let line = JSONSyntax.errorLine(in: data).map { "line \($0): " } ?? ""
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: line + "it is not valid JSON"))
        }
        if let problem = lexicon.problem {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem))
        }
        return (lexicon, String(decoding: data, as: UTF8.self))
    }

    /// What makes a decoded lexicon unusable, if anything: a category that is not one of
    /// `Figure.categories`, a vague quantity that is not a range, a bound of an unknown kind.
    var problem: String? {
        if let unknown = categories.keys.sorted().first(where: { !Figure.categories.contains($0) }) {
            return "the category \"\(unknown)\" is not one of \(Figure.categories.joined(separator: ", "))"
        }
        if let (word, range) = vague.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count != 2 || $0.value[0] > $0.value[1] || $0.value[0] < 0 }) {
            return "vague.\(word) must be [low, high] with 0 ≤ low ≤ high, not \(range)"
        }
        if let (phrase, kind) = bounds.sorted(by: { $0.key < $1.key }).first(where: { !["min", "max", "approximate"].contains($0.value) }) {
            return "bounds.\"\(phrase)\" is \"\(kind)\"; a bound is min, max or approximate"
        }
        return nil
    }

    /// What is wrong with a lexicon, in words: the key path of the field and the problem.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "the key \"\(key.stringValue)\" is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(context.debugDescription)\(path(context))"
        case .dataCorrupted(let context):
            return context.underlyingError.map { "it is not valid JSON (\($0))" } ?? context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
