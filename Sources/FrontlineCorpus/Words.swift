/// The words of a text as a spelling dictionary wants them: lower case, no
/// digits, at least three bytes long.
public enum Words {
    /// The spelling words among `tokens`.
    static func spelling(_ tokens: [Tokenizer.Token]) -> [String] {
        tokens.compactMap { token in
            guard token.end - token.start >= 3, !token.lower.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
            return token.lower
        }
    }

    /// The spelling words of a passage's text: the same words `ArticleProcessor` gave the
    /// passage, so that an index can take back what a passage added.
    public static func spelling(ofText text: String) -> [String] {
        spelling(Tokenizer.tokens(text))
    }
}
