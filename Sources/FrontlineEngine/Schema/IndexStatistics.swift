/// What `frontline stats` shows.
public struct IndexStatistics: Sendable {
    /// The schema version stored in the index.
    public var schema: String
    /// Articles indexed.
    public var articles: Int
    /// Passages indexed.
    public var passages: Int
    /// Distinct free-text terms (prefixed terms excluded).
    public var terms: Int
    /// Average passage length in terms.
    public var averagePassageLength: Double
    /// Every facet value with its count over the whole index.
    public var facets: [FacetResult]
    /// What the passages were read with; nil for an index written before it was kept.
    public var readWith: ReadWith? = nil
}
