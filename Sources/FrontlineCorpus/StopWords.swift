/// Words too common to mean anything alone: dropped from queries (not from the index, so
/// phrases with them still match), and refused as gazetteer names, which would otherwise
/// tag every passage.
public enum StopWords {
    /// English stop words.
    public static let english: Set<String> = [
        "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "between", "but", "by", "did", "do", "does", "during", "each", "for", "from", "had", "has",
        "have", "how", "i", "in", "into", "is", "it", "its", "near", "of", "on", "or", "over", "said", "say",
        "says", "some", "than", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "were", "what", "when", "where", "which", "who", "why", "will", "with",
    ]
}
