/// Tags passages with the sides they concern, who makes the claims they report,
/// and the actors and places they name, matching every gazetteer name and alias
/// in one pass over the passage's tokens (a trie over normalised words).
public final class Tagger: Sendable {
    /// What a passage is about and who speaks in it, as gazetteer ids.
    public struct Tags: Sendable, Equatable {
        /// The ids of each `Gazetteer.Kind` the passage has, by kind name, in the order found.
        public var values: [String: [String]] = [:]
        /// Belligerents named directly or through their actors and institutions.
        public var sides: [String] { get { self[.side] } set { self[.side] = newValue } }
        /// Parties whose statements the passage reports.
        public var claimants: [String] { get { self[.claimant] } set { self[.claimant] = newValue } }
        /// Actors named.
        public var actors: [String] { get { self[.actor] } set { self[.actor] = newValue } }
        /// Places named.
        public var places: [String] { get { self[.place] } set { self[.place] = newValue } }
        /// Each attribution of a claim, where its word is: what a figure's own sentence
        /// says of who claims it ("Armenia rubbished claims from Baku that 100…").
        public var claims: [Claim] = []
        /// No tags.
        public init() {}

        /// The ids of `kind` (none: empty; set empty, the kind is dropped).
        public subscript(kind: Gazetteer.Kind) -> [String] {
            get { values[kind.name] ?? [] }
            set { values[kind.name] = newValue.isEmpty ? nil : newValue }
        }
    }

    /// A claim attributed to a party at a word of the passage.
    public struct Claim: Sendable, Equatable {
        /// The UTF-8 offset of the word that reports the claim ("said", "according", "claims").
        public var offset: Int
        /// The party making it.
        public var claimant: String
    }

    enum Entity: Hashable {
        /// A party, actor or place, by its index; `named(k, i)`: entry `i` of `Gazetteer.Kind.listed[k]`.
        case party(Int), actor(Int), place(Int), named(Int, Int)
    }

    private enum CaseRule {
        case any, capitalized, allCaps
    }

    private struct Node {
        var children: [String: Int] = [:]
        var match: (entity: Entity, rule: CaseRule)?
    }

    struct Mention {
        var start: Int
        var end: Int // exclusive token index
        var entity: Entity
    }

    /// The gazetteer tagged against.
    public let gazetteer: Gazetteer
    /// The ids of the belligerent parties.
    let belligerents: Set<String>
    /// The trie of every name and alias, built once: read-only afterwards, so one tagger
    /// serves many threads.
    private let nodes: [Node]

    /// The claim words of the gazetteer's language profiles.
    let profileClaimWords: Set<String>
    /// The language profiles' institution and official words (see `LanguageProfile.speakerHeads`).
    let profileSpeakerHeads: Set<String>
    /// Their source phrases ("по данным") as words, by first word.
    let profileAttributions: [String: [[String]]]

    /// Builds the matcher for `gazetteer`.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        let profiles = gazetteer.profiles.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        profileClaimWords = Set(profiles.flatMap(\.claimWords))
        profileSpeakerHeads = Set(profiles.flatMap(\.speakerHeads))
        profileAttributions = Dictionary(grouping: profiles.flatMap(\.attributions).map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty },
                                         by: { $0[0] })
        belligerents = Set(gazetteer.sides.map(\.id))
        var nodes = [Node()]
        for (i, party) in gazetteer.parties.enumerated() { Tagger.insert(party.names + party.aliases, .party(i), into: &nodes) }
        for (i, actor) in gazetteer.actors.enumerated() { Tagger.insert(actor.names + actor.aliases, .actor(i), into: &nodes) }
        for (i, place) in gazetteer.places.enumerated() { Tagger.insert(place.names + place.aliases, .place(i), into: &nodes) }
        for (k, kind) in Gazetteer.Kind.listed.enumerated() {
            for (i, entry) in (gazetteer.named[kind.name] ?? []).enumerated() { Tagger.insert(entry.names + entry.aliases, .named(k, i), into: &nodes) }
        }
        self.nodes = nodes
    }

    private static func insert(_ phrases: [String], _ entity: Entity, into nodes: inout [Node]) {
        for phrase in phrases {
            let tokens = Tokenizer.tokens(phrase)
            guard let first = tokens.first else { continue }
            var node = 0
            for token in tokens {
                let parent = node
                if let next = nodes[node].children[token.lower] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].children[token.lower] = nodes.count - 1
                    node = nodes.count - 1
                }
                // The word's inflected forms lead to the same node (first name wins a stem).
                for key in Inflection.keys(token.lower) where nodes[parent].children[key] == nil {
                    nodes[parent].children[key] = node
                }
            }
            let rule: CaseRule = first.allCaps ? .allCaps : (first.capitalized ? .capitalized : .any)
            if nodes[node].match == nil { nodes[node].match = (entity, rule) }
        }
    }

    /// Verbs and nouns that report a statement (`claim_words` of `en.json`).
    static let claimVerbs = Set(LanguageProfile.english.claimWords)

    /// Claim verbs that, followed directly by "by X", make X the claimant even without
    /// an auxiliary: "footage released by Azerbaijan's defence ministry".
    static let agentVerbs: Set<String> = [
        "released", "published", "reported", "claimed", "announced", "confirmed", "denied", "quoted", "cited",
        "issued", "posted", "dismissed", "rejected", "alleged", "accused",
    ]

    /// Pronouns for a person, resolved to the last actor named before them in the passage.
    static let personalPronouns: Set<String> = ["he", "she"]
    /// Pronouns for a group or a body, resolved to the last claimant in the passage, else in the article.
    static let groupPronouns: Set<String> = ["they", "we", "it"]
    /// Nouns that, after "the" at the start of a clause, refer back to a party named before
    /// ("the ministry said", "The military claims").
    static let referenceNouns: Set<String> = [
        "ministry", "military", "army", "statement", "government", "spokesman", "spokeswoman", "command", "authorities", "office",
    ]
    /// Words that, between a party's name and a claim verb, make the party the speaker:
    /// its institutions, officials, media and accounts ("Ukrainian officials said", "Russia's
    /// defence ministry said", "Syrian state TV said", "the Armenian version of the story
    /// states"), with the words that may come between a
    /// subject and its verb ("Russia also said", "Baku on Sunday said"). Any other word there
    /// names a speaker the gazetteer does not know ("the Syrian Observatory said", "a
    /// Ukrainian ballerina says"): the claim is then not the party's. (`speaker_heads` of `en.json`.)
    static let speakerHeads = Set(LanguageProfile.english.speakerHeads)

    /// Speaker words that make a body local ("local officials", "the regional administration",
    /// "city authorities"): it speaks for the party holding the place named with it.
    static let localBodies: Set<String> = ["local", "regional", "city", "municipal", "mayor", "governor", "oblast", "district"]
    /// Words that may stand between a subject and its claim verb without being the subject's noun.
    static let betweenSubjectAndVerb: Set<String> = [
        "also", "has", "have", "had", "was", "were", "is", "are", "on", "in", "at", "earlier", "later", "then", "already",
        "previously", "today", "yesterday", "tonight", "repeatedly", "further", "again", "officially", "meanwhile", "itself",
        "separately", "would", "will", "could", "may", "might", "did", "does", "do", "not", "never", "of", "the", "and", "a",
        "an", "both", "jointly", "publicly", "immediately", "reportedly", "subsequently", "still", "just", "recently", "late",
        "early", "this", "last", "morning", "evening", "night", "afternoon", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "s", "for", "its", "their", "own", "first", "top", "senior", "chief", "new",
    ]

    /// Words before a claim word that make it a noun ("the reports", "its claim").
    static let determiners: Set<String> = [
        "the", "a", "an", "these", "those", "this", "their", "its", "his", "her", "such", "of", "in", "rival",
        "separate", "initial", "media", "press", "news",
    ]
    /// Words that make a claim verb passive ("was dismissed by …").
    static let passiveAuxiliaries: Set<String> = ["been", "was", "were", "is", "are", "be", "being"]
    /// Words that open a subordinate clause: a subject is not looked for beyond them.
    static let clauseOpeners: Set<String> = [
        "as", "that", "while", "when", "because", "after", "before", "since", "if", "although", "though",
        "whereas", "but", "so", "whether",
    ]
    /// Words that open a clause set off by commas between a subject and its verb.
    static let parentheticalOpeners: Set<String> = [
        "which", "who", "whose", "where", "however", "meanwhile", "though", "too", "also", "instead", "then",
        "in", "for", "on", "the", "a", "an", "after", "while", "citing",
    ]

    /// The English phrases naming the source of what follows ("according to"), as words.
    static let attributions: [[String]] = LanguageProfile.english.attributions.map { Tokenizer.tokens($0).map(\.lower) }.filter { !$0.isEmpty }

    /// The number of words of a profile's source phrase starting at token `v`, if one does.
    func attributionLength(_ tokens: [Tokenizer.Token], at v: Int) -> Int? {
        profileAttributions[tokens[v].lower]?.first { phrase in
            v + phrase.count <= tokens.count && phrase.indices.allSatisfy { tokens[v + $0].lower == phrase[$0] }
        }?.count
    }

    /// Tags one passage. Pronoun subjects ("He said…", "They claimed…") are
    /// attributed within the passage only: to the last actor named for he/she, to
    /// the last claimant for they/we.
    public func tag(_ text: String) -> Tags {
        tag(tokens: Tokenizer.tokens(text))
    }

    /// What one passage leaves for the next of the same article: whom "it", "the ministry"
    /// or "he" may refer to there.
    public struct Context: Sendable, Equatable {
        /// The last party a claim was attributed to.
        public var lastClaimant: String?
        /// The party of the last actor named.
        public var lastActorParty: String?
        /// No earlier passage.
        public init() {}
    }

    /// Tags a passage already split into tokens.
    func tag(tokens: [Tokenizer.Token]) -> Tags {
        var context = Context()
        return tag(tokens: tokens, context: &context)
    }

    /// Tags a passage of an article whose earlier passages left `context`, and updates it.
    func tag(tokens: [Tokenizer.Token], context: inout Context) -> Tags {
        var analysis = PassageAnalysis(tagger: self, tokens: tokens, mentions: findMentions(tokens), context: context)
        let tags = analysis.tags()
        context = analysis.context
        return tags
    }

    /// Leftmost-longest matches of every gazetteer phrase, respecting case rules.
    private func findMentions(_ tokens: [Tokenizer.Token]) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        while i < tokens.count {
            var node = 0
            var best: Mention?
            var j = i
            while j < tokens.count {
                if j > i, !tokens[j].gap.isEmpty { break }
                guard let next = child(of: node, tokens[j]) else { break }
                node = next
                j += 1
                if let match = nodes[node].match, Tagger.satisfies(match.rule, tokens[i]) {
                    best = Mention(start: i, end: j, entity: match.entity)
                }
            }
            if let best {
                mentions.append(best)
                i = best.end
            } else {
                i += 1
            }
        }
        return mentions
    }

    /// The node a token leads to from `node`: by the word itself, else, for a word of an
    /// inflecting language, by a stem it shares with a name ("Шуше" → "Шуша").
    @inline(__always)
    private func child(of node: Int, _ token: Tokenizer.Token) -> Int? {
        let children = nodes[node].children
        if let next = children[token.lower] { return next }
        guard token.lower.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        for key in Inflection.keys(token.lower) { if let next = children[key] { return next } }
        return nil
    }

    private static func satisfies(_ rule: CaseRule, _ token: Tokenizer.Token) -> Bool {
        switch rule {
        case .any: return true
        case .capitalized: return token.capitalized
        case .allCaps: return token.allCaps
        }
    }
}
