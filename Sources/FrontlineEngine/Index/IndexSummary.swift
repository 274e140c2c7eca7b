/// What an index run did.
public struct IndexSummary: Codable, Sendable {
    /// Articles new to the index.
    public var articlesAdded = 0
    /// Articles whose content or metadata changed, re-indexed.
    public var articlesChanged = 0
    /// Articles left as they were.
    public var articlesUnchanged = 0
    /// Articles no longer in the input, deleted.
    public var articlesRemoved = 0
    /// Articles or lines rejected as bad input (reported as errors).
    public var articlesRejected = 0
    /// Passages written.
    public var passagesAdded = 0
    /// Passages deleted (of changed and removed articles).
    public var passagesRemoved = 0
    /// Passages in the index after the run.
    public var passagesTotal = 0
    /// Diagnostics reported, by severity.
    public var warnings = 0
    /// Errors reported (each rejected something).
    public var errors = 0
    /// Shards in the index.
    public var shards = 0
    /// Bytes of input read.
    public var bytesRead = 0
    /// Wall time of the run.
    public var seconds = 0.0
    /// Size of the index files after the run.
    public var indexBytes = 0
    /// What the passages were read with (gazetteer, world base, figure lexicon).
    public var readWith: ReadWith?
    /// Stories the index holds in several copies (syndicated articles, `Story`), after the run.
    public var stories = 0
    /// Articles that are another's copy (beyond each story's canonical one), after the run.
    public var storyCopies = 0

    enum CodingKeys: String, CodingKey {
        case articlesAdded = "articles_added", articlesChanged = "articles_changed"
        case articlesUnchanged = "articles_unchanged", articlesRemoved = "articles_removed"
        case articlesRejected = "articles_rejected", passagesAdded = "passages_added"
        case passagesRemoved = "passages_removed", passagesTotal = "passages_total"
        case warnings, errors, shards, bytesRead = "bytes_read", seconds, indexBytes = "index_bytes", readWith = "read_with"
        case stories, storyCopies = "story_copies"
    }
}
