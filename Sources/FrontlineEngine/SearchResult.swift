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
