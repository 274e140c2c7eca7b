/// An article's metadata in Frontline's JSON vocabulary: `{"id", "title", "date", "source", "url"}`.
public struct ArticleJSON: Encodable, Sendable, Equatable {
    public var id, title, date, source, url: String

    /// The metadata of the article `passage` belongs to.
    public init(_ passage: StoredPassage) {
        id = passage.article
        title = passage.title
        date = passage.date
        source = passage.source
        url = passage.url
    }
}
