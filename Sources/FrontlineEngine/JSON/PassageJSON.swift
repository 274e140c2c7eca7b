import FrontlineCorpus

/// A passage in Frontline's JSON vocabulary, as `show` lists it: `{"article", "passage",
/// "kind", "language", "text", "sides", "claimants", "actors", "places", "event_dates", "figures"}`
/// (each figure `{"count": {"value", "min", "max", "approximate"}, "category", "item",
/// "subject", "side", "claimants", "text", "period"}`). A search hit
/// (`HitJSON`) has the same fields and more.
public struct PassageJSON: Encodable, Sendable, Equatable {
    public var article: ArticleJSON
    public var passage: Int
    public var kind: String
    /// The passage's language code (`Language`).
    public var language: String
    public var text: String
    public var sides, claimants, actors, places: [String]
    public var eventDates: [String]
    public var figures: [Figure]

    /// The JSON form of `stored`.
    public init(_ stored: StoredPassage) {
        article = ArticleJSON(stored)
        passage = stored.ordinal
        kind = stored.kind
        language = stored.language
        text = stored.text
        sides = stored.sides
        claimants = stored.claimants
        actors = stored.actors
        places = stored.places
        eventDates = stored.eventDates
        figures = stored.figures
    }

    enum CodingKeys: String, CodingKey {
        case article, passage, kind, language, text, sides, claimants, actors, places, eventDates = "event_dates", figures
    }
}
