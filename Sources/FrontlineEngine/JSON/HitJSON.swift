/// A ranked passage in Frontline's JSON vocabulary: the fields of `PassageJSON` with
/// `rank`, `score` (three decimals), `snippet` (matches between `**`) and
/// `other_passages` (with per-article grouping, how many more of the article matched), and,
/// only for an article other articles carry too (syndicated copies), `story` (the key of the
/// story's canonical copy), `copies` (how many other articles carry it) and `outlets` (how
/// many outlets, this one included).
public struct HitJSON: Encodable, Sendable {
    public var rank: Int
    public var score: Double
    public var snippet: String
    public var otherPassages: Int
    public var passage: PassageJSON
    public var story: String?
    public var copies: Int
    public var outlets: Int

    /// The JSON form of `hit`.
    public init(_ hit: Hit) {
        rank = hit.rank
        score = (hit.score * 1000).rounded() / 1000
        snippet = hit.snippet
        otherPassages = hit.otherPassages
        passage = PassageJSON(hit.passage)
        story = hit.story
        copies = hit.copies
        outlets = hit.outlets
    }

    enum CodingKeys: String, CodingKey {
        case rank, score, snippet, otherPassages = "other_passages", story, copies, outlets
    }

    public func encode(to encoder: any Encoder) throws {
        try passage.encode(to: encoder) // the passage's fields, flat, then the hit's own
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(score, forKey: .score)
        try container.encode(snippet, forKey: .snippet)
        try container.encode(otherPassages, forKey: .otherPassages)
        if let story { // absent for an article alone, so that an index without copies answers as before
            try container.encode(story, forKey: .story)
            try container.encode(copies, forKey: .copies)
            try container.encode(outlets, forKey: .outlets)
        }
    }
}
