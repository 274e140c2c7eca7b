/// The words of a text as a spelling dictionary wants them: lower case, no
/// digits, at least three bytes long.
enum Words {
    /// The spelling words among `tokens`.
    static func spelling(_ tokens: [Tokenizer.Token]) -> [String] {
        tokens.compactMap { token in
            guard token.end - token.start >= 3, !token.lower.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
            return token.lower
        }
    }
}
