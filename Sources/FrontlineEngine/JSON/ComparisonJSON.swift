/// A comparison in Frontline's JSON vocabulary: `{"query", "by", "total", "corrected",
/// "notices", "groups": [{"value", "label", "count", "hits": [HitJSON]}]}`.
public struct ComparisonJSON: Encodable, Sendable {
    /// One party's group.
    public struct Group: Encodable, Sendable {
        public var value: String
        public var label: String
        public var count: Int
        public var hits: [HitJSON]
    }

    public var query: String
    public var by: String
    public var total: Int
    public var corrected: String?
    public var notices: [String]
    public var groups: [Group]

    /// The JSON form of `comparison`.
    public init(_ comparison: Comparison) {
        query = comparison.query
        by = comparison.by.rawValue
        total = comparison.total
        corrected = comparison.corrected
        notices = comparison.notices
        groups = comparison.groups.map { Group(value: $0.value, label: $0.label, count: $0.count, hits: $0.hits.map(HitJSON.init)) }
    }

    enum CodingKeys: String, CodingKey { case query, by, total, corrected, notices, groups }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(by, forKey: .by)
        try container.encode(total, forKey: .total)
        try container.encode(corrected, forKey: .corrected)
        try container.encode(notices, forKey: .notices)
        try container.encode(groups, forKey: .groups)
    }
}
