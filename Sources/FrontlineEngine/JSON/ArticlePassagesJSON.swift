/// An article's passages in Frontline's JSON vocabulary, as `show` prints them:
/// `{"article": ArticleJSON, "marked": passage number or null, "passages": [PassageJSON]}`.
public struct ArticlePassagesJSON: Encodable, Sendable {
    public var article: ArticleJSON
    public var marked: Int?
    public var passages: [PassageJSON]

    /// The JSON form of `passages` (all of one article, at least one), `marked` the one asked for.
    public init(_ passages: [StoredPassage], marked: Int?) {
        article = ArticleJSON(passages[0])
        self.marked = marked
        self.passages = passages.map(PassageJSON.init)
    }

    enum CodingKeys: String, CodingKey { case article, marked, passages }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encode(marked, forKey: .marked)
        try container.encode(passages, forKey: .passages)
    }
}
