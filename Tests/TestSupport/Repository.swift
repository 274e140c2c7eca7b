import Foundation

/// The repository's folders, found from this file's location.
public enum Repository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    /// The shipped corpus.
    public static let corpus = root + "/Corpus"
    /// The shipped gazetteer.
    public static let gazetteer = corpus + "/gazetteer.json"
    /// The world base every gazetteer extends.
    public static let worldBase = corpus + "/world.json"
    /// The shipped figure lexicon.
    public static let figureLexicon = corpus + "/figures.json"
}
