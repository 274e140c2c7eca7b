import Xapian

/// Suggests corrections for query words the index does not contain
/// ("Stepanakret" → "stepanakert"), from the index's own words.
///
/// Candidates come from the index's term list, which every backend serves
/// (Xapian's spelling tables are not served by `xapian-tcpsrv`, and its query
/// parser's correction misfires on several shards), so a remote or sharded
/// index corrects exactly like a local one, and a correction can never name a
/// word that an incremental run has deleted.
struct SpellingCorrector {
    /// How many passages hold a term (the database's count, or a match's for its query's terms).
    let frequency: (String) throws -> Int
    let database: Database
    let stemmer: Stem

    init(frequency: ((String) throws -> Int)? = nil, database: Database, stemmer: Stem) {
        self.frequency = frequency ?? database.termFrequency
        self.database = database
        self.stemmer = stemmer
    }

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
        if QueryRewriter.operators.contains(word) || word.contains(":") || word.contains("*") { return word }
        let lead = word.prefix(while: { !$0.isLetter })
        let rest = word.dropFirst(lead.count)
        let core = rest.prefix(while: { $0.isLetter || $0 == "'" })
        let trail = rest.dropFirst(core.count)
        let lower = core.lowercased()
        guard lower.count >= 4, !Schema.stopWords.contains(lower),
              try isUnknown(lower, capitalised: core.first?.isUppercase == true),
              let suggestion = try suggestion(for: lower) else { return word }
        changed = true
        return String(lead) + suggestion + String(trail)
    }

    /// Whether neither `word` nor its stem is indexed. The form the query parser searched
    /// (a capitalised word as written, others stemmed) is asked first: a match knows its frequency.
    private func isUnknown(_ word: String, capitalised: Bool) throws -> Bool {
        let stem = Schema.stemPrefix + (try stemmer.stem(word))
        for term in capitalised ? [word, stem] : [stem, word] where try frequency(term) > 0 { return false }
        return true
    }

    /// The indexed word closest to `word`: the fewest edits (a transposition is one edit;
    /// at most one for words under 6 letters, two otherwise), then the most passages, then
    /// alphabetical order. Candidates start with the word's first letter, or, for a letter
    /// added or lost at the start, its second.
    func suggestion(for word: String) throws -> String? {
        let letters = Array(word)
        let limit = letters.count < 6 ? 1 : 2
        var best: (distance: Int, frequency: Int, term: String)?
        var starts = [String(letters[0])]
        if letters.count > 1, letters[1] != letters[0] { starts.append(String(letters[1])) }
        for start in starts {
            for (term, frequency) in try database.allTerms(prefix: start) {
                guard abs(term.count - letters.count) <= limit, term.allSatisfy({ $0.isLowercase || $0 == "'" }) else { continue }
                let distance = EditDistance.between(word, term, transpositions: true)
                guard distance > 0, distance <= limit else { continue }
                if let current = best, (distance, -frequency, term) >= (current.distance, -current.frequency, current.term) { continue }
                best = (distance, frequency, term)
            }
        }
        return best?.term
    }
}
