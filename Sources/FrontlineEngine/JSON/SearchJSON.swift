/// A search's answer in Frontline's JSON vocabulary, the contract of `frontline search
/// --json` and of the HTTP API (documented in README.md): `{"query", "total", "articles"
/// (with per-article grouping only), "corrected" (null when none), "used_correction",
/// "hits", "facets", "notices", "missing_shards" (only when a partial answer leaves shards
/// out: `[{"location", "share"}]`)}`.
public struct SearchJSON: Encodable, Sendable {
    public var query: String
    public var total: Int
    public var articles: Int?
    public var corrected: String?
    public var usedCorrection: Bool
    public var hits: [HitJSON]
    public var facets: FacetsJSON
    public var notices: [String]
    public var missingShards: [MissingShard]

    /// The JSON form of `result`.
    public init(_ result: SearchResult) {
        query = result.query
        total = result.total
        articles = result.articles
        corrected = result.corrected
        usedCorrection = result.usedCorrection
        hits = result.hits.map(HitJSON.init)
        facets = FacetsJSON(result.facets)
        notices = result.notices
        missingShards = result.missingShards
    }

    enum CodingKeys: String, CodingKey {
        case query, total, articles, corrected, usedCorrection = "used_correction", hits, facets, notices, missingShards = "missing_shards"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(total, forKey: .total)
        try container.encodeIfPresent(articles, forKey: .articles)
        try container.encode(corrected, forKey: .corrected) // null, not absent
        try container.encode(usedCorrection, forKey: .usedCorrection)
        try container.encode(hits, forKey: .hits)
        try container.encode(facets, forKey: .facets)
        try container.encode(notices, forKey: .notices)
        if !missingShards.isEmpty { try container.encode(missingShards, forKey: .missingShards) }
    }
}
