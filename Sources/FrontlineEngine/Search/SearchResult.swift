/// One ranked passage.
public struct Hit: Sendable {
    /// 1-based rank.
    public var rank: Int
    /// BM25 score.
    public var score: Double
    /// The passage with its article's metadata and tags.
    public var passage: StoredPassage
    /// The passage text around the matches, matches highlighted.
    public var snippet: String
    /// With `perArticle`: how many other passages of the article matched (at least).
    public var otherPassages: Int
    /// The key of the story the passage's article is a copy of (its canonical copy's),
    /// when other articles carry it too (`Story`); nil for an article alone.
    public var story: String? = nil
    /// How many other articles carry the story (folded into this hit unless `SearchRequest.copies` is `.all`).
    public var copies = 0
    /// How many outlets carry the story, this one included.
    public var outlets = 1

    /// What the hit says of its story's other copies ("+2 copies in other outlets"), nil if it has none.
    public var copiesNote: String? {
        guard copies > 0 else { return nil }
        return "+\(copies) \(copies == 1 ? "copy" : "copies") in \(outlets == 1 ? "the same outlet" : "other outlets")"
    }
}

/// The answer to a search.
public struct SearchResult: Sendable {
    /// The query as the user wrote it.
    public var query: String
    /// Matching passages (exact when facets were counted).
    public var total: Int
    /// False when `total` is Xapian's estimate (no facets were counted and the matches
    /// run past the page).
    public var totalIsExact = true
    /// With `perArticle`: how many articles have a matching passage.
    public var articles: Int?
    /// The spelling correction of the query, if the index suggests one.
    public var corrected: String?
    /// True when the hits are for `corrected`, because the query as written matched nothing.
    public var usedCorrection = false
    /// The page of ranked passages.
    public var hits: [Hit]
    /// The counts of each facet, in `Facet` order (empty when facets were not asked for).
    public var facets: [FacetResult]
    /// Things the user should know (unknown facet values, shards left out…).
    public var notices: [String]
    /// The shards this answer leaves out because none of their copies answered (only
    /// when the request allowed a partial answer).
    public var missingShards: [MissingShard] = []
}

public extension SearchResult {
    /// The counts of `facet` (empty if it was not counted).
    func counts(of facet: Facet) -> [FacetCount] {
        facets.first { $0.facet == facet }?.counts ?? []
    }
}
