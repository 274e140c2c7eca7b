import Xapian

/// A completion for a search box: a gazetteer name or alias, or an indexed word.
public struct Suggestion: Sendable, Equatable, Encodable {
    /// What to type.
    public var text: String
    /// `side`, `claimant`, `actor` or `place` for a gazetteer name (with `id` and `label`),
    /// `word` for an indexed word.
    public var kind: String
    /// The gazetteer id a name stands for.
    public var id: String?
    /// That id's label.
    public var label: String?
}

public extension Searcher {
    /// Up to `limit` completions of `prefix` (at least two characters): gazetteer names
    /// and aliases first (sides, then claimants, actors, places), then the index's own
    /// words by how many passages hold them.
    func suggest(_ prefix: String, limit: Int = 10) throws -> [Suggestion] {
        let key = Labels.key(prefix)
        guard key.count >= 2, limit > 0 else { return [] }
        var suggestions: [Suggestion] = []
        var seen: Set<String> = []
        for facet in Facet.tags {
            for (name, id) in (labels.lookup[facet] ?? [:]).sorted(by: { $0.key < $1.key }) where name.hasPrefix(key) {
                guard seen.insert(name).inserted, suggestions.count < limit else { continue }
                suggestions.append(Suggestion(text: name, kind: facet.rawValue, id: id, label: labels.label(id)))
            }
        }
        guard suggestions.count < limit, !key.contains(" ") else { return suggestions }
        let words = try indexedWords(startingWith: key)
        for (word, _) in words.sorted(by: { ($0.frequency, $1.term) > ($1.frequency, $0.term) }) where seen.insert(word).inserted {
            suggestions.append(Suggestion(text: word, kind: "word", id: nil, label: nil))
            if suggestions.count == limit { break }
        }
        return suggestions
    }
}
