import FrontlineCorpus

/// A passage in Frontline's JSON vocabulary, as `show` lists it: `{"article", "passage",
/// "kind", "language", "text", "sides", "claimants", "actors", "places", "event_dates", "figures"}`
/// (each figure `{"count": {"value", "min", "max", "approximate"}, "category", "item",
/// "subject", "side", "claimants", "text", "period"}`), each tag facet's ids under its
/// `Facet.plural` (one declared since the first contract, such as `units`, only when the
/// passage has some). A search hit (`HitJSON`) has the same fields and more.
public struct PassageJSON: Encodable, Sendable, Equatable {
    /// The article the passage is from.
    public var article: ArticleJSON
    /// Its 0-based position in the article.
    public var passage: Int
    /// `headline`, `body` or `caption`.
    public var kind: String
    /// The passage's language code (`Language`).
    public var language: String
    /// The cleaned passage text.
    public var text: String
    /// The gazetteer ids of each tag facet it has.
    public var tags: [Facet: [String]]
    /// Dates the passage speaks of, `YYYY-MM-DD`.
    public var eventDates: [String]
    /// The figures it reports.
    public var figures: [Figure]

    /// The JSON form of `stored`.
    public init(_ stored: StoredPassage) {
        article = ArticleJSON(stored)
        passage = stored.ordinal
        kind = stored.kind
        language = stored.language
        text = stored.text
        tags = stored.tags
        eventDates = stored.eventDates
        figures = stored.figures
    }

    enum CodingKeys: String, CodingKey {
        case article, passage, kind, language, text, eventDates = "event_dates", figures
    }

    /// A tag facet's list, by its plural.
    private struct TagKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes the fields of `CodingKeys` and each tag facet's list.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encode(passage, forKey: .passage)
        try container.encode(kind, forKey: .kind)
        try container.encode(language, forKey: .language)
        try container.encode(text, forKey: .text)
        try container.encode(eventDates, forKey: .eventDates)
        try container.encode(figures, forKey: .figures)
        var lists = encoder.container(keyedBy: TagKey.self)
        for facet in Facet.tags {
            let ids = tags[facet] ?? []
            if facet.alwaysListed || !ids.isEmpty { try lists.encode(ids, forKey: TagKey(stringValue: facet.plural)) }
        }
    }
}
