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

/// A facet value with its count over the whole match set.
public struct FacetCount: Sendable, Equatable {
    /// The facet value (a gazetteer id, an outlet, a date bucket).
    public var value: String
    /// Its display label.
    public var label: String
    /// Matching passages with this value.
    public var count: Int

    /// A count of `value` (shown as `label`).
    public init(value: String, label: String, count: Int) {
        self.value = value
        self.label = label
        self.count = count
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
    /// Facet name → values by descending count (`date`: by date).
    public var facets: [(name: String, counts: [FacetCount])]
    /// Things the user should know (unknown facet values…).
    public var notices: [String]
}
