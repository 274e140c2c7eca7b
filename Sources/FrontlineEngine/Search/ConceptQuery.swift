import Foundation
import Xapian

/// A query of several concepts, ranked so that what matches more of them comes first.
///
/// Each plain word of a query is a concept: the word as typed with its equivalents (name
/// variants such as Talish / Talysh, the same word in another language) as one term, and
/// the gazetteer's wider expansions (casualties → killed, wounded), each at
/// `expansionWeight` of what it would weigh typed. Distinct expansions add up: a passage
/// that reports the killed, the wounded and the losses is about casualties even if it never
/// says the word. A capitalised word is a name ("Ceasefire", the organisation):
/// it finds its variants, never the expansions of the common word. A phrase, a wildcard or
/// a `title:` word is a concept as Xapian's parser reads it.
///
/// The concepts are ORed, and each one a passage matches adds `step(…)`, a power of ten
/// above any BM25 score the query can give: a passage matching every concept ranks above
/// one matching fewer, however short, and passages matching as many rank by BM25 (a score
/// of 203.1 is three concepts and 3.1 of BM25). A query with operators (AND, OR, NOT, NEAR),
/// brackets or `+required` words keeps the structure written: `query(_:)` returns nil and
/// the parser's reading is searched. A query of one concept adds no step.
struct ConceptQuery {
    /// What an expansion weighs against the word typed, at the same rarity.
    static let expansionWeight = 0.5

    let parser: QueryParser
    /// The parser's flags for the whole query (`.autoSynonyms` when expansions apply).
    let flags: QueryParser.Flags
    /// Where the synonyms are looked up (the index, or the database built for remote shards).
    let synonyms: Database?
    /// `Synonyms.weaker`, as stored in the index.
    let weaker: [String: Set<String>]
    /// The number of passages searched and BM25's k1, which bound a query's BM25 score.
    let documents: Int
    let k1: Double

    /// The concept query for `text` (rewritten by `QueryRewriter`), or nil when the text is
    /// not a list of concepts (operators, brackets, required words) or has none (filters only).
    func query(_ text: String) throws -> Query? {
        var concepts: [Query] = []
        var seen: Set<String> = []
        var leaves = 0.0
        var excluded: [Query] = []
        let words = QueryRewriter.words(text)
        for word in words {
            if QueryRewriter.filters(word) != nil { continue }
            if word.hasPrefix("+") || word.contains("(") || word.contains(")") || QueryRewriter.operators.contains(word) { return nil }
            let single = flags.subtracting(.autoSynonyms)
            if word.hasPrefix("-") {
                let bare = String(word.dropFirst())
                // With the word's variants: -Russia keeps out "Russian" too.
                if !bare.isEmpty { excluded.append(try parser.parse(bare, flags: flags)) }
                continue
            }
            guard seen.insert(word.lowercased()).inserted else { continue }
            if word.hasPrefix("\"") || word.contains("*") || word.contains(":") {
                // The parser's own reading; a phrase's weight is its words' (each once or more).
                let parsed = try parser.parse(word, flags: flags)
                if parsed.isEmpty { continue }
                concepts.append(parsed)
                leaves += 2 * Double(max(try parsed.terms().count, 1))
                continue
            }
            if Schema.stopWords.contains(word.lowercased()) { continue }
            let parsed = try parser.parse(word, flags: single)
            if parsed.isEmpty { continue }
            let terms = try parsed.terms()
            guard terms.count == 1, flags.contains(.autoSynonyms), let synonyms else {
                concepts.append(parsed)
                leaves += Double(max(terms.count, 1))
                continue
            }
            // Xapian's own order: the word as typed, then (if it has none) its stem.
            var key = word.lowercased()
            var targets = try synonyms.synonyms(of: key)
            if targets.isEmpty, terms[0] != key {
                key = terms[0]
                targets = try synonyms.synonyms(of: key)
            }
            let wider = weaker[key] ?? []
            let equivalents = try targets.filter { !wider.contains($0) }.map { try Query(term: $0) }
            let typed = equivalents.isEmpty ? parsed : try Query.combine(.synonym, [parsed] + equivalents)
            let isName = word.first?.isUppercase == true
            let expansions = isName ? [] : try targets.filter(wider.contains).map { try Query(term: $0) }
            var concept = typed
            leaves += 1
            if !expansions.isEmpty {
                concept = try Query.or([typed, try Query.or(expansions).scaled(by: ConceptQuery.expansionWeight)])
                leaves += ConceptQuery.expansionWeight * Double(expansions.count)
            }
            concepts.append(concept)
        }
        guard !concepts.isEmpty else { return nil }
        var query = concepts[0]
        if concepts.count > 1 {
            let step = try Query.fixedWeight(ConceptQuery.step(leaves: leaves, documents: documents, k1: k1))
            query = try Query.or(concepts + concepts.map { try Query.filter(step, by: $0) })
        }
        if !excluded.isEmpty { query = try Query.andNot(query, excluded.count == 1 ? excluded[0] : try Query.or(excluded)) }
        if let filters = QueryRewriter.filters(text) { query = try Query.filter(query, by: try parser.parse(filters, flags: flags)) }
        return query
    }

    /// The weight each matched concept adds: the power of ten at or above the most that
    /// `leaves` terms can give under BM25 over `documents` passages. A term's BM25 weight is
    /// below log(2N + 1) (its idf with one passage holding it) times k1 + 1 (the most its
    /// frequency in a passage can give), once per time the query holds it.
    static func step(leaves: Double, documents: Int, k1: Double) -> Double {
        let bound = leaves * log(2 * Double(max(documents, 1)) + 1) * (k1 + 1)
        return pow(10, ceil(log10(max(bound, 1))))
    }
}
