/// Words too common to mean anything alone: dropped from queries (not from the index, so
/// phrases with them still match), and refused as gazetteer names, which would otherwise
/// tag every passage.
public enum StopWords {
    /// English stop words (`stop_words` of `en.json`).
    public static let english = Set(LanguageProfile.english.stopWords)
    /// The stop words of every built-in language profile (`stop_words`).
    public static let all = Set(LanguageProfile.builtInStopWords)
}
