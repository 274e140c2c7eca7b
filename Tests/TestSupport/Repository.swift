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
    /// The article-extraction development pages with their ground truth: `$FRONTLINE_INGEST_DEV`,
    /// else `../shared/ingest-dev` beside the repository. Third-party pages, read where they are
    /// at test time and never copied into the repository.
    public static let ingestDev = ProcessInfo.processInfo.environment["FRONTLINE_INGEST_DEV"] ?? root + "/../shared/ingest-dev"
}
