import FrontlineCorpus
import Xapian

/// Writes one shard of the index: decides whether an article changed, turns it
/// into passage documents, and commits in batches. Owned by one thread.
final class ShardWriter {
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
    private let batchPassages: Int
    private let fingerprintSeed: String
    private var uncommitted = 0
    private var spelling = SpellingBatch()
    private var seen: Set<UInt64> = []
    private let report: (Diagnostic) -> Void

    init(number: Int, database: WritableDatabase, processor: ArticleProcessor, batchPassages: Int, fingerprintSeed: String,
         report: @escaping (Diagnostic) -> Void) throws {
        self.report = report
        self.number = number
        self.database = database
        self.processor = processor
        self.batchPassages = batchPassages
        self.fingerprintSeed = fingerprintSeed
        builder = try DocumentBuilder()
    }

    /// Indexes `article` unless its fingerprint is unchanged.
    func index(_ article: Article) throws -> Outcome {
        let key = Schema.articleKey(article.id)
        seen.insert(Fingerprint.hash(key))
        let fingerprint = Fingerprint.hex(Fingerprint.hash(Fingerprint.of(article), seed: Fingerprint.hash(fingerprintSeed)))
        let previous = ArticleRecord(parsing: try database.metadata(Schema.articlePrefix + key))
        if previous?.fingerprint == fingerprint { return .unchanged }

        let processed = processor.process(article)
        let errors = processed.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || processed.passages.isEmpty {
            // Keep what an earlier run indexed for this article: nothing indexed is lost to bad input.
            return .rejected(processed.diagnostics)
        }
        processed.diagnostics.forEach(report)
        if previous != nil { try database.delete(term: Schema.articleTerm(article.id)) }
        let lead = processed.passages.first { $0.kind == .body }?.ordinal ?? 0
        for passage in processed.passages {
            try database.add(try builder.document(for: passage, of: processed.article, isLead: passage.ordinal == lead))
            spelling.add(passage.spellingWords)
        }
        let record = ArticleRecord(fingerprint: fingerprint, passages: processed.passages.count, id: article.id)
        try database.setMetadata(Schema.articlePrefix + key, record.text)
        uncommitted += processed.passages.count + (previous?.passages ?? 0)
        if uncommitted >= batchPassages { try commit() }
        if let previous { return .changed(passages: processed.passages.count, removed: previous.passages) }
        return .added(passages: processed.passages.count)
    }

    /// Marks article `id` as present, so that its indexed version is not removed.
    func keep(_ id: String) {
        seen.insert(Fingerprint.hash(Schema.articleKey(id)))
    }

    /// Deletes the articles of this shard that were not seen in this run.
    func removeUnseen() throws -> (articles: Int, passages: Int) {
        var articles = 0, passages = 0
        for metadataKey in try database.metadataKeys(prefix: Schema.articlePrefix) {
            let key = String(metadataKey.dropFirst(Schema.articlePrefix.count))
            guard !seen.contains(Fingerprint.hash(key)) else { continue }
            let record = ArticleRecord(parsing: try database.metadata(metadataKey))
            try database.delete(term: Schema.articleTermPrefix + key)
            try database.setMetadata(metadataKey, "")
            articles += 1
            passages += record?.passages ?? 0
            uncommitted += record?.passages ?? 1
            if uncommitted >= batchPassages { try commit() }
        }
        return (articles, passages)
    }

    /// Commits what is pending, with the batch's spelling data.
    func commit() throws {
        try spelling.write(to: database)
        try database.commit()
        uncommitted = 0
    }
}

/// What the index remembers about an article: `fingerprint \t passages \t id`.
struct ArticleRecord: Equatable {
    var fingerprint: String
    var passages: Int
    var id: String

    init(fingerprint: String, passages: Int, id: String) {
        self.fingerprint = fingerprint
        self.passages = passages
        self.id = id
    }

    init?(parsing text: String) {
        let parts = text.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let passages = Int(parts[1]) else { return nil }
        fingerprint = String(parts[0])
        self.passages = passages
        id = String(parts[2])
    }

    var text: String { "\(fingerprint)\t\(passages)\t\(id)" }
}

/// Words seen since the last commit, counted in Swift and handed to Xapian's
/// spelling dictionary once per distinct word at commit: far cheaper than a
/// dictionary update per word occurrence (TermGenerator's spelling flag).
struct SpellingBatch {
    private var counts: [String: Int] = [:]

    /// Counts `words`.
    mutating func add(_ words: [String]) {
        for word in words { counts[word, default: 0] += 1 }
    }

    /// Adds the counted words to `database`'s spelling dictionary and starts a new batch.
    mutating func write(to database: WritableDatabase) throws {
        for (word, count) in counts { try database.addSpelling(word, frequency: count) }
        counts.removeAll(keepingCapacity: true)
    }
}
