/// Tags passages with the sides they concern, who makes the claims they report,
/// and the actors and places they name, matching every gazetteer name and alias
/// in one pass over the passage's tokens (a trie over normalised words).
public final class Tagger: Sendable {
    /// What a passage is about and who speaks in it, as gazetteer ids.
    public struct Tags: Sendable, Equatable {
        /// Belligerents named directly or through their actors and institutions.
        public var sides: [String] = []
        /// Parties whose statements the passage reports.
        public var claimants: [String] = []
        /// Actors named.
        public var actors: [String] = []
        /// Places named.
        public var places: [String] = []
        /// No tags.
        public init() {}
    }

    private enum Entity: Hashable {
        case party(Int), actor(Int), place(Int)
    }

    private enum CaseRule {
        case any, capitalized, allCaps
    }

    private struct Node {
        var children: [String: Int] = [:]
        var match: (entity: Entity, rule: CaseRule)?
    }

    private struct Mention {
        var start: Int
        var end: Int // exclusive token index
        var entity: Entity
    }

    /// The gazetteer tagged against.
    public let gazetteer: Gazetteer
    /// The ids of the belligerent parties.
    private let belligerents: Set<String>
    /// The trie of every name and alias, built once: read-only afterwards, so one tagger
    /// serves many threads.
    private let nodes: [Node]

    /// Builds the matcher for `gazetteer`.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        belligerents = Set(gazetteer.sides.map(\.id))
        var nodes = [Node()]
        for (i, party) in gazetteer.parties.enumerated() { Tagger.insert(party.names + party.aliases, .party(i), into: &nodes) }
        for (i, actor) in gazetteer.actors.enumerated() { Tagger.insert(actor.names + actor.aliases, .actor(i), into: &nodes) }
        for (i, place) in gazetteer.places.enumerated() { Tagger.insert(place.names + place.aliases, .place(i), into: &nodes) }
        self.nodes = nodes
    }

    private static func insert(_ phrases: [String], _ entity: Entity, into nodes: inout [Node]) {
        for phrase in phrases {
            let tokens = Tokenizer.tokens(phrase)
            guard let first = tokens.first else { continue }
            var node = 0
            for token in tokens {
                if let next = nodes[node].children[token.lower] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].children[token.lower] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            let rule: CaseRule = first.allCaps ? .allCaps : (first.capitalized ? .capitalized : .any)
            if nodes[node].match == nil { nodes[node].match = (entity, rule) }
        }
    }

    /// Verbs and phrases that report a statement.
    static let claimVerbs: Set<String> = [
        "said", "says", "say", "saying", "claimed", "claims", "claim", "claiming", "accused", "accuses", "accuse",
        "accusing", "denied", "denies", "deny", "denying", "insisted", "insists", "insist", "announced", "announces",
        "announce", "told", "tells", "tell", "reported", "reports", "report", "confirmed", "confirms", "confirm",
        "stated", "states", "acknowledged", "acknowledges", "informed", "informs", "alleged", "alleges", "allege",
        "added", "adds", "warned", "warns", "rejected", "rejects", "dismissed", "dismisses", "condemned", "condemns",
        "published", "publishes", "stressed", "asserted", "blamed", "blames", "quoted",
        "wrote", "writes", "tweeted", "posted", "noted", "argued", "estimated", "vowed", "released", "issued", "cited",
    ]

    /// Claim verbs that, followed directly by "by X", make X the claimant even without
    /// an auxiliary: "footage released by Azerbaijan's defence ministry".
    private static let agentVerbs: Set<String> = [
        "released", "published", "reported", "claimed", "announced", "confirmed", "denied", "quoted", "cited",
        "issued", "posted", "dismissed", "rejected", "alleged", "accused",
    ]

    /// Pronouns for a person, resolved to the last actor named before them in the passage.
    private static let personalPronouns: Set<String> = ["he", "she"]
    /// Pronouns for a group, resolved to the last claimant in the passage.
    private static let groupPronouns: Set<String> = ["they", "we"]
    /// Words before a claim word that make it a noun ("the reports", "its claim").
    private static let determiners: Set<String> = [
        "the", "a", "an", "these", "those", "this", "their", "its", "his", "her", "such", "of", "in", "rival",
        "separate", "initial", "media", "press", "news",
    ]
    /// Words that make a claim verb passive ("was dismissed by …").
    private static let passiveAuxiliaries: Set<String> = ["been", "was", "were", "is", "are", "be", "being"]
    /// Words that open a subordinate clause: a subject is not looked for beyond them.
    private static let clauseOpeners: Set<String> = [
        "as", "that", "while", "when", "because", "after", "before", "since", "if", "although", "though",
        "whereas", "but", "so", "whether",
    ]
    /// Words that open a clause set off by commas between a subject and its verb.
    private static let parentheticalOpeners: Set<String> = [
        "which", "who", "whose", "where", "however", "meanwhile", "though", "too", "also", "instead", "then",
        "in", "for", "on", "the", "a", "an", "after", "while", "citing",
    ]

    /// Tags one passage. Pronoun subjects ("He said…", "They claimed…") are
    /// attributed within the passage only: to the last actor named for he/she, to
    /// the last claimant for they/we.
    public func tag(_ text: String) -> Tags {
        tag(tokens: Tokenizer.tokens(text))
    }

    /// Tags a passage already split into tokens.
    func tag(tokens: [Tokenizer.Token]) -> Tags {
        var previousClaimant: String?
        let mentions = findMentions(tokens)
        var tags = Tags()
        var mentionAt = [Int?](repeating: nil, count: tokens.count)
        for (m, mention) in mentions.enumerated() {
            for t in mention.start..<mention.end { mentionAt[t] = m }
            switch mention.entity {
            case .party(let i):
                if gazetteer.parties[i].belligerent { append(&tags.sides, gazetteer.parties[i].id) }
            case .actor(let i):
                append(&tags.actors, gazetteer.actors[i].id)
                let affiliation = gazetteer.actors[i].affiliation
                if belligerents.contains(affiliation) { append(&tags.sides, affiliation) }
            case .place(let i):
                append(&tags.places, gazetteer.places[i].id)
            }
        }
        var sentenceOf = [Int](repeating: 0, count: tokens.count)
        var sentence = 0
        for (i, token) in tokens.enumerated() {
            if i > 0, token.gap.contains(.sentenceEnd) { sentence += 1 }
            sentenceOf[i] = sentence
        }
        for v in tokens.indices where mentionAt[v] == nil {
            let word = tokens[v].lower
            let isAccording = word == "according" && v + 1 < tokens.count && tokens[v + 1].lower == "to"
            guard isAccording || Tagger.claimVerbs.contains(word) else { continue }
            // "claimed the lives of…" reports deaths, not a statement.
            if word.hasPrefix("claim"), v + 1 < tokens.count, ["lives", "life"].contains(tokens[v + 1].lower)
                || (v + 2 < tokens.count && tokens[v + 1].lower == "the" && ["lives", "life"].contains(tokens[v + 2].lower)) { continue }
            if v > 0, Tagger.determiners.contains(tokens[v - 1].lower), !tokens[v].gap.contains(.comma) {
                // A claim as a noun: "claims from Baku", "reports by Armenian media".
                if v + 1 < tokens.count, ["from", "by"].contains(tokens[v + 1].lower),
                   let source = mentionAfter(v + 2, within: 4, mentions, mentionAt, sentenceOf, tokens) {
                    record(source, &tags)
                }
                continue
            }
            var claimant: String?
            let participle = word.hasSuffix("ing") && tokens[v].gap.contains(.comma)
            // "was quoted as saying" keeps its subject as the speaker.
            let passive = (v > 0 && Tagger.passiveAuxiliaries.contains(tokens[v - 1].lower) && word != "quoted")
                || (Tagger.agentVerbs.contains(word) && v + 1 < tokens.count && tokens[v + 1].lower == "by")
            if isAccording {
                claimant = mentionAfter(v + 2, within: 5, mentions, mentionAt, sentenceOf, tokens)
            } else if passive {
                // "was dismissed as nonsense by the Azerbaijani defense ministry": the agent claims.
                if let by = (v + 1..<min(v + 6, tokens.count)).first(where: { tokens[$0].lower == "by" && sentenceOf[$0] == sentenceOf[v] }),
                   let agent = (by + 1..<min(by + 4, tokens.count)).first(where: { mentionAt[$0] != nil }) {
                    claimant = speaker(mentions[mentionAt[agent]!].entity)
                    // "by Paris and Moscow"
                    var next = mentions[mentionAt[agent]!].end
                    while next + 1 < tokens.count, ["and", "or"].contains(tokens[next].lower), let other = mentionAt[next + 1] {
                        if let party = speaker(mentions[other].entity) { record(party, &tags) }
                        next = mentions[other].end
                    }
                }
            } else if participle {
                // ", saying …": the claim belongs to the sentence's subject, its first mention.
                if let first = mentions.first(where: { sentenceOf[$0.start] == sentenceOf[v] && $0.end <= v }) {
                    claimant = speaker(first.entity)
                }
            } else {
                let subjects = subjectBefore(v, mentions, mentionAt, sentenceOf, tokens)
                for subject in subjects.dropFirst() { record(subject, &tags) }
                claimant = subjects.first
                if claimant == nil, tokens[v].gap.contains(.comma) || tokens[v].gap.contains(.quote) {
                    claimant = mentionAfter(v + 1, within: 5, mentions, mentionAt, sentenceOf, tokens)
                }
                if claimant == nil, let pronoun = pronounSubject(v, tokens, mentionAt) {
                    if Tagger.personalPronouns.contains(pronoun) {
                        if let actor = mentions.last(where: { $0.end <= v && { if case .actor = $0.entity { return true } else { return false } }($0) }) {
                            claimant = speaker(actor.entity)
                        }
                    } else {
                        claimant = previousClaimant
                    }
                }
            }
            if let claimant {
                record(claimant, &tags)
                previousClaimant = claimant
            }
        }
        return tags
    }

    private func record(_ claimant: String, _ tags: inout Tags) {
        append(&tags.claimants, claimant)
        if belligerents.contains(claimant) { append(&tags.sides, claimant) }
    }

    private func append(_ list: inout [String], _ id: String) {
        if !list.contains(id) { list.append(id) }
    }

    /// The pronoun right before the verb at `v` ("he said", "they also claimed"), if any.
    private func pronounSubject(_ v: Int, _ tokens: [Tokenizer.Token], _ mentionAt: [Int?]) -> String? {
        for back in 1...2 where v - back >= 0 {
            let word = tokens[v - back].lower
            if Tagger.personalPronouns.contains(word) || Tagger.groupPronouns.contains(word) { return word }
            if mentionAt[v - back] != nil || tokens[v - back + 1].gap.contains(.sentenceEnd) { return nil }
        }
        return nil
    }

    /// The party a mention speaks for, if any.
    private func speaker(_ entity: Entity) -> String? {
        switch entity {
        case .party(let i): return gazetteer.parties[i].id
        case .actor(let i): return gazetteer.actors[i].affiliation
        case .place(let i): return gazetteer.places[i].standsFor
        }
    }

    /// The subjects of the claim verb at `v`: the nearest mention ending shortly before
    /// it in the same clause, skipping a clause set off by commas, with the mentions
    /// coordinated with it ("Armenia and Azerbaijan accused…").
    private func subjectBefore(_ v: Int, _ mentions: [Mention], _ mentionAt: [Int?], _ sentenceOf: [Int], _ tokens: [Tokenizer.Token]) -> [String] {
        var limit = v
        if tokens[v].gap.contains(.comma) {
            var p = v - 1
            while p > max(0, v - 15), !tokens[p].gap.contains(.comma), !tokens[p].gap.contains(.sentenceEnd) { p -= 1 }
            if p >= 0, tokens[p].gap.contains(.comma), Tagger.parentheticalOpeners.contains(tokens[p].lower) { limit = p }
        }
        var t = limit - 1
        while t >= 0, limit - t <= 7, sentenceOf[t] == sentenceOf[v] {
            if let m = mentionAt[t] {
                var subjects = [speaker(mentions[m].entity)].compactMap { $0 }
                var first = mentions[m].start
                // "Armenia and Azerbaijan", "Russia, France and the US"
                while first >= 2, ["and", "or"].contains(tokens[first - 1].lower), let other = mentionAt[first - 2] {
                    subjects += [speaker(mentions[other].entity)].compactMap { $0 }
                    first = mentions[other].start
                }
                return subjects
            }
            let word = tokens[t].lower
            if tokens[t + 1].gap.contains(.quote) || tokens[t + 1].gap.contains(.clauseBreak)
                || Tagger.clauseOpeners.contains(word) || Tagger.claimVerbs.contains(word)
                || Tagger.personalPronouns.contains(word) || Tagger.groupPronouns.contains(word) || word == "it" { break }
            t -= 1
        }
        return []
    }

    private func mentionAfter(_ start: Int, within distance: Int, _ mentions: [Mention], _ mentionAt: [Int?], _ sentenceOf: [Int], _ tokens: [Tokenizer.Token]) -> String? {
        guard start < tokens.count else { return nil }
        let sentence = sentenceOf[max(0, start - 1)]
        for t in start..<min(start + distance, tokens.count) where sentenceOf[t] == sentence {
            if let m = mentionAt[t] { return speaker(mentions[m].entity) }
        }
        return nil
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
                guard let next = nodes[node].children[tokens[j].lower] else { break }
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

    private static func satisfies(_ rule: CaseRule, _ token: Tokenizer.Token) -> Bool {
        switch rule {
        case .any: return true
        case .capitalized: return token.capitalized
        case .allCaps: return token.allCaps
        }
    }
}
