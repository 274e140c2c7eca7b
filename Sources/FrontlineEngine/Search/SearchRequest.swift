/// How to order hits.
public enum SortOrder: String, Sendable, CaseIterable {
    case relevance
    case date
    case dateDescending = "-date"
}

/// How the copies of a story that several outlets carry (`Story`) are shown.
public enum CopyDisplay: String, Sendable, CaseIterable {
    /// One hit for the copies: per story with `perArticle`, else per passage they share
    /// (the hit says how many other copies there are).
    case collapsed
    /// Every copy its own hit.
    case all
}

/// How to bucket the date facet.
public enum DateBucket: String, Sendable, CaseIterable {
    case day, month, year
}

/// One search.
public struct SearchRequest: Sendable {
    /// The query in Frontline's query language ("" with filters: every passage matching them).
    public var query: String
    /// The largest page.
    public static let maximumLimit = 10_000
    /// Hits per page (at most `maximumLimit`).
    public var limit = 10
    /// Hits to skip.
    public var offset = 0
    /// Filter values per field (`side`, `claimant`, `actor`, `place`, `source`); values of
    /// one field OR together, fields AND.
    public var filters: [Facet: [String]] = [:]
    /// Publication dates to keep.
    public var dates: DateRange?
    /// Keep the best passage per article.
    public var perArticle = false
    /// Whether copies of a syndicated story fold into one hit.
    public var copies = CopyDisplay.collapsed
    /// The order of hits.
    public var sort = SortOrder.relevance
    /// The buckets of the date facet.
    public var dateBucket = DateBucket.month
    /// Count facets over the whole match set.
    public var facets = true
    /// Markers around matched terms in snippets.
    public var highlight = ("**", "**")
    /// Snippet length in bytes.
    public var snippetLength = 240
    /// Match names across scripts: a word also finds passages in other scripts whose words
    /// transliterate to it (Martuni ↔ Мартуни ↔ Մարտունի).
    public var crossScript = true

    /// Answer from the shards that can be reached when a shard cannot (the answer names
    /// what it leaves out, `SearchResult.missingShards`), instead of failing.
    public var allowPartial = false

    /// A request for `query`.
    public init(query: String) { self.query = query }
}
