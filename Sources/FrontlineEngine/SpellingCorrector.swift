import Xapian

/// Suggests corrections for query words the index does not contain, from the
/// index's spelling dictionary ("Stepanakret" → "stepanakert").
///
/// Xapian's own QueryParser correction misfires on an index of several shards
/// (it "corrects" words that one shard lacks but another has), so each word is
/// checked against the whole index first.
struct SpellingCorrector {
    let database: Database
    let stemmer: Stem

    /// Words the query language uses as operators.
    private static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]

    /// The query with every unknown word replaced by its suggestion, or nil if none was replaced.
    func correct(_ query: String) throws -> String? {
        var changed = false
        var words: [String] = []
        for word in QueryRewriter.words(query) {
            words.append(try correctWord(word, changed: &changed))
        }
        return changed ? words.joined(separator: " ") : nil
    }

    private func correctWord(_ word: String, changed: inout Bool) throws -> String {
        if SpellingCorrector.operators.contains(word) || word.contains(":") || word.contains("*") { return word }
        let lead = word.prefix(while: { !$0.isLetter })
        let rest = word.dropFirst(lead.count)
        let core = rest.prefix(while: { $0.isLetter || $0 == "'" })
        let trail = rest.dropFirst(core.count)
        let lower = core.lowercased()
        guard lower.count >= 4, !Schema.stopWords.contains(lower),
              try database.termFrequency(lower) == 0,
              try database.termFrequency("Z" + stemmer.stem(lower)) == 0,
              let suggestion = try database.spellingSuggestion(for: lower) else { return word }
        changed = true
        return String(lead) + suggestion + String(trail)
    }
}
