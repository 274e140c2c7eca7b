/// What part of an article a piece of text is.
public enum PassageKind: String, Sendable, Codable, CaseIterable {
    /// A heading inside the article (not the title, which is metadata).
    case headline
    /// Article text.
    case body
    /// A photo caption, its credit removed.
    case caption
}

/// A cleaned paragraph of article text.
public struct Paragraph: Sendable, Equatable {
    /// The cleaned text.
    public var text: String
    /// Headline, body or caption.
    public var kind: PassageKind
    /// The 1-based line in the source file where it starts.
    public var line: Int
}
