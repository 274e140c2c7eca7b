import FrontlineCorpus
import Xapian

/// Writes one shard of the index: decides whether an article changed, turns it
/// into passage documents, and commits in batches.
///
/// `@unchecked Sendable` because it is handed over, never shared: the indexer opens it,
/// its writer thread alone uses it while the corpus is fed, and the indexer takes it
/// back only after that thread has ended (`DispatchGroup.wait` orders the hand-offs).
final class ShardWriter: @unchecked Sendable {
    /// What the reader hands a shard writer.
    enum Work {
        /// Index this article (if it changed).
        case index(Article)
        /// Keep whatever is indexed for this id: the article could not be read this time.
        case keep(String)
    }

    /// What happened to one article.
    enum Outcome {
        case unchanged
        case added(passages: Int)
        case changed(passages: Int, removed: Int)
        case rejected([Diagnostic])
    }

    let number: Int
    let database: WritableDatabase
    private let builder: DocumentBuilder
    private let processor: ArticleProcessor
    private let batching: Batching
    private let fingerprintSeed: String
    private var uncommitted = 0
    private var seen: Set<UInt64> = []
    private let report: @Sendable (Diagnostic) -> Void

    init(number: Int, database: WritableDatabase, processor: ArticleProcessor, batching: Batching, fingerprintSeed: String,
         report: @escaping @Sendable (Diagnostic) -> Void) throws {
        self.report = report
        self.number = number
        self.database = database
        self.processor = processor
        self.batching = batching
        self.fingerprintSeed = fingerprintSeed
        builder = try DocumentBuilder()
    }

    /// Indexes `article` unless its fingerprint is unchanged.
    func index(_ article: Article) throws -> Outcome {
        let key = Schema.articleKey(article.id)
        seen.insert(Fingerprint.hash(key))
        let file = CorpusReader.absolute(article.file)
        let fingerprint = Fingerprint.hex(Fingerprint.hash(Fingerprint.of(article), seed: Fingerprint.hash(fingerprintSeed)))
        let previous = ArticleRecord(parsing: try database.metadata(Schema.articlePrefix + key))
        if let previous, previous.id != article.id {
            // Two long ids with one hash: the second never replaces the first.
            return .rejected([Diagnostic(.error, file: article.file, line: article.line,
                                         "the id \(Excerpt.quoted(article.id)) has the same key as the indexed article \(Excerpt.quoted(previous.id)); give one of them another id")])
        }
        if previous?.fingerprint == fingerprint {
            if previous?.file != file, let previous {
                // Moved, unchanged: remember where it is now.
                try database.setMetadata(Schema.articlePrefix + key, ArticleRecord(fingerprint: fingerprint, passages: previous.passages, file: file, id: article.id).text)
            }
            return .unchanged
        }

        let processed = processor.process(article)
        let errors = processed.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || processed.passages.isEmpty {
            // Keep what an earlier run indexed for this article: nothing indexed is lost to bad input.
            return .rejected(processed.diagnostics)
        }
        processed.diagnostics.forEach(report)
        if previous != nil { try deletePassages(ofKey: key) }
        let lead = processed.passages.first { $0.kind == .body }?.ordinal ?? 0
        for passage in processed.passages {
            try database.add(try builder.document(for: passage, of: processed.article, isLead: passage.ordinal == lead))
        }
        let record = ArticleRecord(fingerprint: fingerprint, passages: processed.passages.count, file: file, id: article.id)
        try database.setMetadata(Schema.articlePrefix + key, record.text)
        // Its copies are found once every shard is written (`StoryResolver`).
        try database.setMetadata(Schema.signaturePrefix + key, StoryRecord(processed.article, passages: processed.passages)?.text ?? "")
        uncommitted += processed.passages.count + (previous?.passages ?? 0)
        try commitIfBatchFull()
        if let previous { return .changed(passages: processed.passages.count, removed: previous.passages) }
        return .added(passages: processed.passages.count)
    }

    /// Marks article `id` as present, so that its indexed version is not removed.
    func keep(_ id: String) {
        seen.insert(Fingerprint.hash(Schema.articleKey(id)))
    }

    /// An indexed article that was not seen in this run.
    struct Unseen {
        /// Its metadata key (`A:<key>`).
        let metadataKey: String
        /// What the index remembers of it (nil if the record cannot be read).
        let record: ArticleRecord?
    }

    /// The articles of this shard not seen in this run, and how many articles the shard holds.
    func unseenArticles() throws -> (unseen: [Unseen], indexed: Int) {
        var unseen: [Unseen] = []
        let keys = try database.metadataKeys(prefix: Schema.articlePrefix)
        for metadataKey in keys {
            let key = String(metadataKey.dropFirst(Schema.articlePrefix.count))
            guard !seen.contains(Fingerprint.hash(key)) else { continue }
            unseen.append(Unseen(metadataKey: metadataKey, record: ArticleRecord(parsing: try database.metadata(metadataKey))))
        }
        return (unseen, keys.count)
    }

    /// Deletes `articles` (found by `unseenArticles`) with their passages.
    func remove(_ articles: [Unseen]) throws -> (articles: Int, passages: Int) {
        var passages = 0
        for article in articles {
            try deletePassages(ofKey: String(article.metadataKey.dropFirst(Schema.articlePrefix.count)))
            try database.setMetadata(article.metadataKey, "")
            try database.setMetadata(Schema.signaturePrefix + article.metadataKey.dropFirst(Schema.articlePrefix.count), "")
            passages += article.record?.passages ?? 0
            uncommitted += article.record?.passages ?? 1
            try commitIfBatchFull()
        }
        return (articles.count, passages)
    }

    /// Deletes an article's passages.
    private func deletePassages(ofKey key: String) throws {
        try database.delete(term: Schema.articleTermPrefix + key)
    }

    /// Commits once the batch holds as many passages as `batching` asks for this shard.
    private func commitIfBatchFull() throws {
        if uncommitted >= batching.limit(shardPassages: try database.documentCount) { try commit() }
    }

    /// Commits what is pending.
    func commit() throws {
        try database.commit()
        uncommitted = 0
    }
}

/// What the index remembers about an article: `fingerprint \t passages \t file \t id`,
/// the file absolute with `%` and tab percent-encoded (an id may hold anything).
struct ArticleRecord: Equatable {
    var fingerprint: String
    var passages: Int
    /// The absolute path of the file the article was read from.
    var file: String
    var id: String

    init(fingerprint: String, passages: Int, file: String, id: String) {
        self.fingerprint = fingerprint
        self.passages = passages
        self.file = file
        self.id = id
    }

    init?(parsing text: String) {
        let parts = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let passages = Int(parts[1]) else { return nil }
        fingerprint = String(parts[0])
        self.passages = passages
        file = parts[2].replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%25", with: "%")
        id = String(parts[3])
    }

    var text: String {
        let encodedFile = file.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09")
        return "\(fingerprint)\t\(passages)\t\(encodedFile)\t\(id)"
    }

    /// True if the article was read from `path` or from a file under the folder `path`.
    func isFrom(_ path: String) -> Bool {
        file == path || file.hasPrefix(path.hasSuffix("/") ? path : path + "/")
    }
}
