/// An index's statistics in Frontline's JSON vocabulary: `{"schema", "articles",
/// "passages", "terms", "average_passage_length", "index_bytes", "facets"}`.
public struct StatisticsJSON: Encodable, Sendable {
    public var schema: String
    public var articles, passages, terms: Int
    public var averagePassageLength: Double
    public var indexBytes: Int
    public var facets: FacetsJSON
    /// What the passages were read with (absent for an index written before it was kept).
    public var readWith: ReadWith?

    /// The JSON form of `statistics`, with the size of the index's local folders.
    public init(_ statistics: IndexStatistics, indexBytes: Int) {
        schema = statistics.schema
        articles = statistics.articles
        passages = statistics.passages
        terms = statistics.terms
        averagePassageLength = (statistics.averagePassageLength * 10).rounded() / 10
        self.indexBytes = indexBytes
        facets = FacetsJSON(statistics.facets)
        readWith = statistics.readWith
    }

    enum CodingKeys: String, CodingKey {
        case schema, articles, passages, terms, averagePassageLength = "average_passage_length", indexBytes = "index_bytes", facets, readWith = "read_with"
    }
}
