/// One passage being tagged: its tokens, the gazetteer mentions found in them, and the
/// tags gathered so far, with one method per rule that attributes a claim to a party
/// (a subject before a claim verb, "according to X", a passive agent, ", saying",
/// a claim as a noun, a pronoun).
struct PassageAnalysis {
    typealias Token = Tokenizer.Token

    private let tagger: Tagger
    private let tokens: [Token]
    private let mentions: [Tagger.Mention]
    /// The mention each token belongs to, if any.
    private var mentionAt: [Int?]
    /// The sentence number of each token.
    private var sentenceOf: [Int]
    private var result = Tagger.Tags()
    /// The last claimant found, for "they said", "it said", "the ministry said".
    private var previousClaimant: String?
    /// What earlier passages of the article leave for this one to resolve references to.
    private(set) var context: Tagger.Context
    /// Whether the passage has a word in the letters of a language profile (Cyrillic,
    /// Armenian, Turkic Latin): English passages skip the profiles' words.
    private let readsProfiles: Bool

    init(tagger: Tagger, tokens: [Token], mentions: [Tagger.Mention], context: Tagger.Context = Tagger.Context()) {
        self.tagger = tagger
        self.tokens = tokens
        self.mentions = mentions
        self.context = context
        readsProfiles = !tagger.profileClaimWords.isEmpty && tokens.contains { $0.lower.utf8.contains { $0 >= 0xC4 && $0 <= 0xD6 } }
        mentionAt = [Int?](repeating: nil, count: tokens.count)
        for (m, mention) in mentions.enumerated() {
            for t in mention.start..<mention.end { mentionAt[t] = m }
        }
        sentenceOf = [Int](repeating: 0, count: tokens.count)
        var sentence = 0
        for (i, token) in tokens.enumerated() {
            if i > 0, token.gap.contains(.sentenceEnd) { sentence += 1 }
            sentenceOf[i] = sentence
        }
    }

    /// The passage's tags: what its mentions name, then whose claims it reports. Afterwards
    /// `context` holds the last claimant and the last actor's party, for the next passage.
    mutating func tags() -> Tagger.Tags {
        tagMentions()
        for v in tokens.indices where mentionAt[v] == nil {
            if let claimant = claimant(at: v) {
                record(claimant, at: v)
                previousClaimant = claimant
                context.lastClaimant = claimant
            }
        }
        let lastActor = mentions.last { if case .actor = $0.entity { return true } else { return false } }
        if let lastActor { context.lastActorParty = speaker(lastActor.entity) }
        // A person the gazetteer does not know, named after the last actor ("Olga Smirnova, a
        // ballerina"), is whom a later "she" means: not the actor's party.
        if namesUnknownPerson(from: lastActor?.end ?? 0, before: tokens.count) { context.lastActorParty = nil }
        return result
    }

    /// Sides, actors, places and listed kinds named (an actor also names its side).
    private mutating func tagMentions() {
        let gazetteer = tagger.gazetteer
        for mention in mentions {
            switch mention.entity {
            case .party(let i):
                if gazetteer.parties[i].belligerent { Self.append(&result.sides, gazetteer.parties[i].id) }
            case .actor(let i):
                Self.append(&result.actors, gazetteer.actors[i].id)
                let affiliation = gazetteer.actors[i].affiliation
                if tagger.belligerents.contains(affiliation) { Self.append(&result.sides, affiliation) }
            case .place(let i):
                Self.append(&result.places, gazetteer.places[i].id)
            case .named(let k, let i):
                let kind = Gazetteer.Kind.listed[k]
                if let id = gazetteer.named[kind.name]?[i].id { Self.append(&result[kind], id) }
            }
        }
    }

    /// The party making the claim whose word is at `v`, if the word reports a claim.
    private mutating func claimant(at v: Int) -> String? {
        let word = tokens[v].lower
        // A language profile's words: the party named after the word ("заявили в Минобороны
        // Азербайджана", "հայտնում է Արցախի պաշտպանության բանակը"), else its subject.
        if readsProfiles {
            if tagger.profileClaimWords.contains(word) { return mentionAfter(v + 1, within: 6) ?? subjectClaimant(v) }
            if let length = tagger.attributionLength(tokens, at: v) { return mentionAfter(v + length, within: 5) }
        }
        let attribution = Tagger.attributions.first { phrase in
            phrase[0] == word && v + phrase.count <= tokens.count && phrase.indices.allSatisfy { tokens[v + $0].lower == phrase[$0] }
        }
        let isAccording = attribution != nil
        guard isAccording || Tagger.claimVerbs.contains(word), !claimsLives(v) else { return nil }
        // "the claims", and "claims from Baku" after any word ("rubbished claims from Baku").
        let fromSource = ["claims", "reports"].contains(word) && v + 1 < tokens.count && ["from", "by"].contains(tokens[v + 1].lower)
            && mentionAfter(v + 2, within: 4) != nil
        if fromSource || (v > 0 && Tagger.determiners.contains(tokens[v - 1].lower) && !tokens[v].gap.contains(.comma)) {
            claimAsNoun(v)
            return nil
        }
        if let attribution { return mentionAfter(v + attribution.count, within: 5) }
        // "was quoted as saying" keeps its subject as the speaker.
        let passive = (v > 0 && Tagger.passiveAuxiliaries.contains(tokens[v - 1].lower) && word != "quoted")
            || (Tagger.agentVerbs.contains(word) && v + 1 < tokens.count && tokens[v + 1].lower == "by")
        if passive { return passiveAgent(v) }
        if word.hasSuffix("ing") && tokens[v].gap.contains(.comma) { return participleSubject(v) }
        return subjectClaimant(v)
    }

    /// "claimed the lives of…" reports deaths, not a statement.
    private func claimsLives(_ v: Int) -> Bool {
        guard tokens[v].lower.hasPrefix("claim") else { return false }
        return v + 1 < tokens.count && ["lives", "life"].contains(tokens[v + 1].lower)
            || (v + 2 < tokens.count && tokens[v + 1].lower == "the" && ["lives", "life"].contains(tokens[v + 2].lower))
    }

    /// A claim as a noun: "claims from Baku", "reports by Armenian media".
    private mutating func claimAsNoun(_ v: Int) {
        if v + 1 < tokens.count, ["from", "by"].contains(tokens[v + 1].lower), let source = mentionAfter(v + 2, within: 4) {
            record(source, at: v)
        }
    }

    /// "was dismissed as nonsense by the Azerbaijani defense ministry": the agent claims,
    /// with those coordinated with it ("by Paris and Moscow").
    private mutating func passiveAgent(_ v: Int) -> String? {
        guard let by = (v + 1..<min(v + 6, tokens.count)).first(where: { tokens[$0].lower == "by" && sentenceOf[$0] == sentenceOf[v] }),
              let agent = (by + 1..<min(by + 4, tokens.count)).first(where: { mentionAt[$0] != nil }) else { return nil }
        var next = mentions[mentionAt[agent]!].end
        while next + 1 < tokens.count, ["and", "or"].contains(tokens[next].lower), let other = mentionAt[next + 1] {
            if let party = speaker(mentions[other].entity) { record(party, at: v) }
            next = mentions[other].end
        }
        return speaker(mentions[mentionAt[agent]!].entity)
    }

    /// ", saying …": the claim belongs to the sentence's subject, its first mention.
    private func participleSubject(_ v: Int) -> String? {
        mentions.first { sentenceOf[$0.start] == sentenceOf[v] && $0.end <= v }.flatMap { speaker($0.entity) }
    }

    /// The subject before the verb (with those coordinated with it), else a mention right
    /// after a quotation ("…," Armenia said), else a pronoun or a reference such as "the
    /// ministry", resolved within the passage or, failing that, to the article's last
    /// claimant (or, for he/she, the last actor's party) in earlier passages.
    private mutating func subjectClaimant(_ v: Int) -> String? {
        let subjects = subjectBefore(v)
        for subject in subjects.dropFirst() { record(subject, at: v) }
        if let first = subjects.first { return first }
        if let holder = localOfficials(v) { return holder }
        // "Russian authorities declared …, and said one person was killed": a verb joined to
        // the sentence's own, whose subject is the sentence's first party.
        if v > 0, ["and", "but"].contains(tokens[v - 1].lower), let subject = participleSubject(v) { return subject }
        // "…," Armenia said; "…, said the ministry": not the party of what is said after
        // "that" ("Dimyanov, said that 250 Ukrainian soldiers…": an unknown speaker).
        if tokens[v].gap.contains(.comma) || tokens[v].gap.contains(.quote), v + 1 < tokens.count, tokens[v + 1].lower != "that",
           let after = mentionAfter(v + 1, within: 5) { return after }
        guard let pronoun = pronounSubject(v) else { return nil }
        guard Tagger.personalPronouns.contains(pronoun) else { return previousClaimant ?? context.lastClaimant }
        let actor = mentions.last { mention in
            guard mention.end <= v, case .actor = mention.entity else { return false }
            return true
        }
        if let actor { return speaker(actor.entity) }
        // "He" of an earlier passage's actor, unless this passage names someone the
        // gazetteer does not know ("Dmitry Pisarenko … He added"), who is then the speaker.
        return namesUnknownPerson(before: v) ? nil : context.lastActorParty
    }

    /// True if two capitalised words in a row, in one sentence, that are not a gazetteer
    /// name (a person the gazetteer does not know) come before token `v`.
    private func namesUnknownPerson(from first: Int = 0, before v: Int) -> Bool {
        guard v > first + 1 else { return false }
        return (first..<(v - 1)).contains { t in
            mentionAt[t] == nil && mentionAt[t + 1] == nil && tokens[t].capitalized && tokens[t + 1].capitalized
                && !tokens[t + 1].gap.contains(.sentenceEnd)
        }
    }

    /// The subjects of the claim verb at `v`: the nearest mention ending shortly before
    /// it in the same clause, skipping a clause set off by commas, with the mentions
    /// coordinated with it ("Armenia and Azerbaijan accused…").
    private func subjectBefore(_ v: Int) -> [String] {
        var limit = v
        if tokens[v].gap.contains(.comma) {
            var p = v - 1
            while p > max(0, v - 15), !tokens[p].gap.contains(.comma), !tokens[p].gap.contains(.sentenceEnd) { p -= 1 }
            if p >= 0, tokens[p].gap.contains(.comma), Tagger.parentheticalOpeners.contains(tokens[p].lower) {
                limit = p
                // "Dmytro Zhyvytskyi, the governor of Sumy Oblast, stated": the aside names the speaker's office.
                if let office = mentions.indices.first(where: { m in
                    guard mentions[m].start >= p, mentions[m].end <= v, case .place = mentions[m].entity else { return false }
                    return claimSpeaker(m) != nil
                }) { return [claimSpeaker(office)!] }
            }
        }
        var t = limit - 1
        while t >= 0, limit - t <= 7, sentenceOf[t] == sentenceOf[v] {
            if let m = mentionAt[t] { return namesUnknownSpeaker(after: m, before: limit, titled: isPlaceOffice(m)) ? [] : coordinated(from: m) }
            let word = tokens[t].lower
            // A comma between the verb and a mention ends the search: "…, officials said" has a
            // subject the gazetteer does not know, not the last party named before the comma.
            if tokens[t + 1].gap.contains(.quote) || tokens[t + 1].gap.contains(.clauseBreak)
                || (t + 1 < limit && tokens[t + 1].gap.contains(.comma))
                || Tagger.clauseOpeners.contains(word) || Tagger.claimVerbs.contains(word)
                || Tagger.personalPronouns.contains(word) || Tagger.groupPronouns.contains(word) { break }
            t -= 1
        }
        return []
    }

    /// True if the words between mention `m` and the claim verb at `v` make the mention a
    /// modifier of a speaker the gazetteer does not know ("the Syrian Observatory for Human
    /// Rights said", "a Ukrainian ballerina says"), not the party's own institution or official
    /// ("Ukrainian officials said", "Ukrainian President Volodymyr Zelenskyy said": a name
    /// after a title is the official's). `v` is the verb, or the start of a clause set off by
    /// commas before it.
    private func namesUnknownSpeaker(after m: Int, before v: Int, titled: Bool = false) -> Bool {
        // "Governor of Kherson Oblast Yaroslav Yanushevych informed": the name after the place is its official's.
        var afterTitle = titled
        for t in mentions[m].end..<v {
            let word = tokens[t].lower
            if Tagger.speakerHeads.contains(word) || tagger.profileSpeakerHeads.contains(word) { afterTitle = true; continue }
            if Tagger.betweenSubjectAndVerb.contains(word) { continue }
            if afterTitle, tokens[t].capitalized { continue }
            return true
        }
        return false
    }

    /// The party of mention `m` and of those joined to it before by "and"/"or" or a comma
    /// ("Armenia and Azerbaijan", "Russia, France and the US").
    private func coordinated(from m: Int) -> [String] {
        var subjects = [claimSpeaker(m)].compactMap { $0 }
        var first = mentions[m].start
        var listed = false // joined by "and"/"or": a comma before may list more ("Russia, France and …")
        while first >= 1 {
            // "and the United States": the article may stand between.
            let joint = first >= 2 && tokens[first - 1].lower == "the" && !tokens[first - 1].gap.contains(.sentenceEnd) ? first - 1 : first
            let other: Int?
            if joint >= 2, ["and", "or"].contains(tokens[joint - 1].lower) {
                other = mentionAt[joint - 2]
                listed = true
            } else if listed, tokens[joint].gap.contains(.comma), !tokens[joint].gap.contains(.quote) {
                other = mentionAt[joint - 1] // "Russia, France and the United States"
            } else {
                other = nil
            }
            guard let other else { break }
            subjects += [claimSpeaker(other)].compactMap { $0 }
            first = mentions[other].start
        }
        return subjects
    }

    /// The pronoun or reference right before the verb at `v` ("he said", "they also claimed",
    /// "It said", "The military claims", "the ministry has said"), if any; a reference is
    /// returned as the group pronoun "it". Only at the start of a clause: "the report it
    /// said…" is not a subject.
    private func pronounSubject(_ v: Int) -> String? {
        for back in 1...3 where v - back >= 0 {
            let word = tokens[v - back].lower
            if Tagger.personalPronouns.contains(word) || Tagger.groupPronouns.contains(word) { return word }
            // "the ministry", or with one word between ("the defence ministry").
            if Tagger.referenceNouns.contains(word) {
                for the in [v - back - 1, v - back - 2] where the >= 0 && tokens[the].lower == "the" {
                    if the == 0 || tokens[the].gap.contains(.sentenceEnd) || tokens[the].gap.contains(.comma) { return "it" }
                }
            }
            if mentionAt[v - back] != nil || tokens[v - back + 1].gap.contains(.sentenceEnd) { return nil }
        }
        return nil
    }

    /// The party of the first mention within `distance` tokens from `start`, in its sentence.
    private func mentionAfter(_ start: Int, within distance: Int) -> String? {
        guard start < tokens.count else { return nil }
        let sentence = sentenceOf[max(0, start - 1)]
        for t in start..<min(start + distance, tokens.count) where sentenceOf[t] == sentence {
            if let m = mentionAt[t] { return claimSpeaker(m) }
        }
        return nil
    }

    /// The party mention `m` speaks for as the subject or source of a claim: its own (see
    /// `speaker`), else, for a place the gazetteer says a party holds, that party when the
    /// place's officials speak: "the governor of Sumy Oblast", "Kharkiv mayor Ihor Terekhov",
    /// "the Mykolaiv regional administration" (a word of `Tagger.speakerHeads` before "of"
    /// or "in" ahead of the place, or right after it).
    private func claimSpeaker(_ m: Int) -> String? {
        let mention = mentions[m]
        if let own = speaker(mention.entity) { return own }
        guard case .place(let i) = mention.entity, let holder = tagger.gazetteer.places[i].heldBy else { return nil }
        let before = mention.start >= 2 && ["of", "in"].contains(tokens[mention.start - 1].lower)
            && Tagger.speakerHeads.contains(tokens[mention.start - 2].lower) && !tokens[mention.start].gap.contains(.sentenceEnd)
        let after = mention.end < tokens.count && Tagger.speakerHeads.contains(tokens[mention.end].lower)
            && tokens[mention.end].gap.isEmpty
        return before || after ? holder : nil
    }

    /// True if mention `m` is a held place after an office ("the governor of Sumy Oblast").
    private func isPlaceOffice(_ m: Int) -> Bool {
        guard case .place = mentions[m].entity, mentions[m].start >= 2 else { return false }
        return ["of", "in"].contains(tokens[mentions[m].start - 1].lower) && Tagger.speakerHeads.contains(tokens[mentions[m].start - 2].lower)
            && claimSpeaker(m) != nil
    }

    /// "…, local officials said", "the regional administration said": a local body the
    /// gazetteer does not name, speaking for the party holding the place the sentence names
    /// (the nearest one before the verb, else after it), if the gazetteer says who holds it.
    private func localOfficials(_ v: Int) -> String? {
        var t = v - 1, local = false
        while t >= 0, v - t <= 4, Tagger.speakerHeads.contains(tokens[t].lower) || tokens[t].lower == "the" {
            if Tagger.localBodies.contains(tokens[t].lower) { local = true }
            if tokens[t].gap.contains(.sentenceEnd) || tokens[t].gap.contains(.comma) || tokens[t].gap.contains(.quote) { break }
            t -= 1
        }
        guard local else { return nil }
        let held = { (m: Int) -> String? in
            guard self.sentenceOf[self.mentions[m].start] == self.sentenceOf[v], case .place(let i) = self.mentions[m].entity else { return nil }
            return self.tagger.gazetteer.places[i].heldBy
        }
        let before = mentions.indices.filter { mentions[$0].end <= v }.reversed().lazy.compactMap(held).first
        return before ?? mentions.indices.filter { mentions[$0].start > v }.lazy.compactMap(held).first
    }

    /// The party a mention speaks for, if any.
    private func speaker(_ entity: Tagger.Entity) -> String? {
        switch entity {
        case .party(let i): return tagger.gazetteer.parties[i].id
        case .actor(let i): return tagger.gazetteer.actors[i].affiliation
        case .place(let i): return tagger.gazetteer.places[i].standsFor
        case .named: return nil
        }
    }

    /// Records `claimant` as making the claim reported at token `v`.
    private mutating func record(_ claimant: String, at v: Int) {
        Self.append(&result.claimants, claimant)
        result.claims.append(Tagger.Claim(offset: tokens[v].start, claimant: claimant))
        if tagger.belligerents.contains(claimant) { Self.append(&result.sides, claimant) }
    }

    private static func append(_ list: inout [String], _ id: String) {
        if !list.contains(id) { list.append(id) }
    }
}
