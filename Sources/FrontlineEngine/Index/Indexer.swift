import Foundation
import FrontlineCorpus
import Xapian

/// Builds or updates a Frontline index from corpus folders: reads and routes
/// articles on one thread, while one writer thread per shard cleans, tags and
/// writes its articles, committing in batches.
///
/// `@unchecked Sendable` because its writer threads share it: the run's `summary` is
/// only touched under `lock`, and everything else is set in `init` and never changed.
public final class Indexer: @unchecked Sendable {
    /// How to run.
    public struct Options {
        /// Corpus files and folders.
        public var paths: [String]
        /// The index folder.
        public var index: String
        /// Discard the index and build it anew.
        public var rebuild = false
        /// Writer threads, and shards of a new index.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// The gazetteer file; nil for none (passages are tagged with `worldBase` alone, if given).
        public var gazetteer: String?
        /// The world base (`world.json`) the gazetteer extends, or that is used alone when
        /// `gazetteer` is nil; nil for none.
        public var worldBase: String?
        /// Allow `gazetteer` to differ from the one the index was tagged with (every article
        /// is then re-tagged). Otherwise such a run fails with `IndexError.gazetteerChanged`.
        public var retag = false
        /// The figure lexicon (`figures.json`); nil for none (no figures are read).
        public var figures: String?
        /// Remove indexed articles even when that would empty a whole input folder or
        /// more than half of the index (otherwise those articles are kept, with an error).
        public var prune = false
        /// When each shard commits.
        public var batching = Batching.growing
        /// Follow symbolic links that lead out of the folders being indexed.
        public var followLinks = false
        /// The most bytes of one article read (nil: each format's own limit, 4 MB of text).
        public var articleByteLimit: Int?

        /// Options for indexing `paths` into `index`.
        public init(paths: [String], index: String) {
            self.paths = paths
            self.index = index
        }
    }

    private let options: Options
    private let layout: IndexLayout
    /// The generation this run writes (see `IndexLayout`).
    private var generation = 0
    private let lock = NSLock()
    private var summary = IndexSummary()
    private let onDiagnostic: @Sendable (Diagnostic) -> Void
    private let onProgress: @Sendable (IndexProgress) -> Void

    /// Prepares a run; `onDiagnostic` and `onProgress` may be called from any thread.
    public init(options: Options, onDiagnostic: @escaping @Sendable (Diagnostic) -> Void,
                onProgress: @escaping @Sendable (IndexProgress) -> Void = { _ in }) {
        self.options = options
        layout = IndexLayout(folder: options.index)
        self.onDiagnostic = onDiagnostic
        self.onProgress = onProgress
    }

    /// How many changesets each shard keeps in a run that updates the index (Xapian's
    /// `XAPIAN_MAX_CHANGESETS`, set by Frontline unless the environment sets it): a replica
    /// kept by `xapian-replicate` that is up to this many commits behind catches up from
    /// them; one further behind is sent a full copy. A first build or `--rebuild` keeps none
    /// (its shards are new, with new UUIDs: a replica is sent them in full anyway, and their
    /// changesets would be 2.5 times the index's size).
    public static let changesetsKept = 10
    /// `XAPIAN_MAX_CHANGESETS` as the environment gave it.
    private static let givenChangesets = ProcessInfo.processInfo.environment["XAPIAN_MAX_CHANGESETS"]

    /// Runs the index build or update.
    public func run() throws -> IndexSummary {
        let started = Date()
        let missing = CorpusReader.missingPaths(options.paths)
        guard missing.isEmpty else { throw IndexError.missingInput(missing) }
        do {
            try FileManager.default.createDirectory(atPath: options.index, withIntermediateDirectories: true)
        } catch {
            throw IndexError.io("cannot create the index folder \(options.index): \(FileError.describe(error))")
        }
        let indexLock: IndexLock?
        do {
            indexLock = try IndexLock(path: layout.lockPath)
        } catch {
            throw IndexError.io("cannot create the lock file \(layout.lockPath): \(FileError.describe(error))")
        }
        guard let indexLock else { throw IndexError.locked(lockFile: layout.lockPath) }
        defer { withExtendedLifetime(indexLock) {} }

        let gazetteer = try loadGazetteer()
        let figures = try loadFigureLexicon()
        summary.readWith = ReadWith(gazetteer: options.gazetteer.map(CorpusReader.absolute), worldBase: options.worldBase.map(CorpusReader.absolute),
                                    figures: figures == nil ? nil : options.figures.map(CorpusReader.absolute))
        do {
            let writers = try openShards(gazetteer: gazetteer, figures: figures)
            try feed(writers, started: started)
            try finish(writers, gazetteer: gazetteer)
        } catch let error as XapianError {
            throw error.kind == .databaseCorrupt ? IndexError.corrupt(folder: options.index, detail: error.message) : IndexError.backend(error.description)
        }
        summary.seconds = Date().timeIntervalSince(started)
        summary.indexBytes = layout.sizeInBytes()
        return summary
    }

    private func report(_ diagnostic: Diagnostic) {
        lock.lock()
        if diagnostic.severity == .error { summary.errors += 1 } else { summary.warnings += 1 }
        lock.unlock()
        onDiagnostic(diagnostic)
    }

    /// The gazetteer over the world base. A problem labelled "error" in either (an entry
    /// dropped, an id defined twice, a phrase two entries share) stops the run before anything
    /// is written: an index tagged with half a gazetteer would look right and be wrong.
    private func loadGazetteer() throws -> Gazetteer {
        func reportAll(_ diagnostics: [Diagnostic], of path: String) throws {
            diagnostics.forEach(report)
            let errors = diagnostics.filter { $0.severity == .error }.count
            if errors > 0 { throw IndexError.gazetteerErrors(path: path, count: errors) }
        }
        do {
            let base = try options.worldBase.map { path in
                let (base, diagnostics) = try WorldBase.load(path: path)
                try reportAll(diagnostics, of: path)
                return base
            }
            guard let path = options.gazetteer else { return base?.gazetteer ?? .empty }
            let (gazetteer, diagnostics) = try Gazetteer.load(path: path)
            try reportAll(diagnostics, of: path)
            return base.map(gazetteer.extended(by:)) ?? gazetteer
        } catch let error as GazetteerError {
            throw IndexError.gazetteer(error.diagnostic)
        }
    }

    /// The figure lexicon and a hash of its text, if one is given.
    private func loadFigureLexicon() throws -> (lexicon: FigureLexicon, hash: String)? {
        guard let path = options.figures else { return nil }
        do {
            let (lexicon, text) = try FigureLexicon.load(path: path)
            return (lexicon, Fingerprint.hex(Fingerprint.hash(text)))
        } catch let error as DecodingError {
            throw IndexError.figureLexicon(path: path, problem: FigureLexicon.describe(error))
        } catch {
            throw IndexError.figureLexicon(path: path, problem: FileError.describe(error))
        }
    }

    /// Opens every shard's writer in a new generation beside the live one: empty for a
    /// rebuild or a new index, else a copy of the live shards (or, after a run that died
    /// before publishing, that run's generation, which is at one of its commits). Readers
    /// keep the live generation until `finish` publishes this one.
    private func openShards(gazetteer: Gazetteer, figures: (lexicon: FigureLexicon, hash: String)?) throws -> [ShardWriter] {
        let live = layout.exists ? layout.liveGeneration : 0
        generation = live + 1
        let updates = layout.exists && !options.rebuild
        // Read by Xapian when a shard is opened for writing, below.
        setenv("XAPIAN_MAX_CHANGESETS", Indexer.givenChangesets ?? (updates ? String(Indexer.changesetsKept) : "0"), 1)
        let resumes = !options.rebuild && FileManager.default.fileExists(atPath: layout.startedPath(generation: generation))
        layout.removeAll(except: live, keeping: resumes ? generation : nil, shards: layout.shardNames().count)
        if updates {
            let first = try Database(path: layout.shardPath(0))
            let found = try first.metadata(Schema.versionKey)
            guard found == Schema.version else { throw IndexError.schemaMismatch(folder: options.index, found: found) }
            let taggedWith = try first.metadata(Schema.gazetteerHashKey)
            if !options.retag, !taggedWith.isEmpty, taggedWith != GazetteerStore.hash(gazetteer) {
                throw IndexError.gazetteerChanged(folder: options.index, was: try first.metadata(Schema.gazetteerPathKey), now: options.gazetteer ?? options.worldBase)
            }
        }
        let shardCount: Int
        if resumes {
            shardCount = layout.shardCount(generation: generation)
        } else {
            shardCount = updates ? layout.shardNames().count : max(1, options.jobs)
            do {
                try layout.prepare(generation: generation, copyingLive: updates)
            } catch {
                throw IndexError.io("cannot prepare \(options.index) for this run: \(FileError.describe(error))")
            }
        }
        summary.shards = shardCount
        let processor = ArticleProcessor(gazetteer: gazetteer, figures: figures?.lexicon)
        // A new gazetteer, figure lexicon or built-in language profile changes every article's fingerprint: all are re-read.
        let seed = Schema.version + GazetteerStore.hash(gazetteer) + (figures.map { "|figures:" + $0.hash } ?? "")
            + "|languages:" + Fingerprint.hex(Fingerprint.hash(LanguageProfile.builtInText))
        var writers: [ShardWriter] = []
        for number in 0..<shardCount {
            let database = try WritableDatabase(path: layout.shardPath(number, generation: generation), mode: .createOrOpen)
            if try database.metadata(Schema.versionKey).isEmpty {
                try database.setMetadata(Schema.versionKey, Schema.version)
                try database.commit()
            }
            writers.append(try ShardWriter(number: number, database: database, processor: processor,
                                           batching: options.batching, fingerprintSeed: seed, report: report))
        }
        do { try layout.markStarted(generation: generation) } catch { throw IndexError.io("cannot write in \(options.index): \(FileError.describe(error))") }
        return writers
    }

    /// Reads the corpus on this thread and hands each article to its shard's writer thread.
    private func feed(_ writers: [ShardWriter], started: Date) throws {
        let queues = writers.map { _ in BoundedQueue<ShardWriter.Work>(capacity: 64) }
        let group = DispatchGroup()
        let failures = FailureList()
        startWriterThreads(writers, queues: queues, group: group, failures: failures)

        let reader = CorpusReader(followLinksOut: options.followLinks, articleByteLimit: options.articleByteLimit)
        var unreadableSources: [String] = []
        func handle(_ event: CorpusReader.Event) {
            switch event {
            case .article(let article):
                articles += 1
                queues[shard(article.id, of: writers.count)].push(.index(article))
            case .diagnostic(let diagnostic):
                report(diagnostic)
                if diagnostic.severity == .error { lock.lock(); summary.articlesRejected += 1; lock.unlock() }
            case .unreadable(let id):
                queues[shard(id, of: writers.count)].push(.keep(id))
            case .unreadableSource(let path):
                unreadableSources.append(path)
            }
        }
        var articles = 0
        let files = reader.files(under: options.paths, handler: handle)
        let emptyRoots = options.paths.filter { root in !files.contains { $0.root == root } }.map(CorpusReader.absolute)
        let sizes = files.map { (try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int) ?? 0 }
        let totalBytes = sizes.reduce(0, +)
        var bytesBefore = 0
        var lastReport = Date.distantPast
        for ((path, root), size) in zip(files, sizes) {
            reader.readFile(path, root: root) { event in
                handle(event)
                if case .article(let article) = event, Date().timeIntervalSince(lastReport) > 0.2 {
                    lastReport = Date()
                    onProgress(IndexProgress(articles: articles, bytesRead: bytesBefore + article.byteEnd, bytesTotal: totalBytes,
                                             seconds: Date().timeIntervalSince(started), phase: "indexing"))
                }
            }
            bytesBefore += size
        }
        onProgress(IndexProgress(articles: articles, bytesRead: totalBytes, bytesTotal: totalBytes,
                                 seconds: Date().timeIntervalSince(started), phase: "committing"))
        lock.lock()
        summary.bytesRead = totalBytes
        lock.unlock()
        queues.forEach { $0.close() }
        group.wait()
        if let failure = failures.first { throw failure }
        try removeUnseen(writers, unreadable: unreadableSources, emptyRoots: emptyRoots)
    }

    /// Starts one thread per shard writer, indexing what its queue hands it until the queue
    /// closes, then committing; a failure is collected and the queue drained.
    private func startWriterThreads(_ writers: [ShardWriter], queues: [BoundedQueue<ShardWriter.Work>], group: DispatchGroup, failures: FailureList) {
        for (writer, queue) in zip(writers, queues) {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                do {
                    while let work = queue.pop() {
                        switch work {
                        case .index(let article): try record(writer.index(article))
                        case .keep(let id): writer.keep(id)
                        }
                    }
                    try writer.commit()
                } catch {
                    failures.append(error)
                    while queue.pop() != nil {} // let the reader finish
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Deletes the indexed articles this run did not see, except those it could not see:
    /// articles from a file or folder that could not be read are kept; so are, unless
    /// `prune` is set, the articles of an input folder that is now empty (an unmounted
    /// disk, a folder emptied by mistake) and all of them when the run would remove more
    /// than half of the index.
    private func removeUnseen(_ writers: [ShardWriter], unreadable: [String], emptyRoots: [String]) throws {
        var candidates: [[ShardWriter.Unseen]] = []
        var indexed = 0
        for writer in writers {
            let (unseen, count) = try writer.unseenArticles()
            indexed += count
            candidates.append(unseen.filter { article in
                guard let record = article.record else { return true }
                return !unreadable.contains(where: record.isFrom)
            })
        }
        if !options.prune {
            for root in emptyRoots {
                let from = candidates.map { $0.filter { $0.record?.isFrom(root) ?? false } }.joined().count
                guard from > 0 else { continue }
                candidates = candidates.map { $0.filter { !($0.record?.isFrom(root) ?? false) } }
                report(Diagnostic(.error, file: root, line: nil,
                                  "has no articles now; the \(from) article\(from == 1 ? "" : "s") indexed from it \(from == 1 ? "is" : "are") kept (run with --prune to remove them)"))
            }
            let removing = candidates.joined().count
            if removing > 0, removing * 2 > indexed {
                report(Diagnostic(.error, file: options.index, line: nil,
                                  "this run would remove \(removing) of the \(indexed) indexed articles, more than half; none was removed (run with --prune to remove them)"))
                candidates = candidates.map { _ in [] }
            }
        }
        for (writer, articles) in zip(writers, candidates) where !articles.isEmpty {
            let removed = try writer.remove(articles)
            summary.articlesRemoved += removed.articles
            summary.passagesRemoved += removed.passages
        }
    }

    /// The shard an article belongs to: a stable hash of its id (`shards` is the count
    /// `openShards` chose, read on the reader thread before any writer thread starts).
    private func shard(_ id: String, of shards: Int) -> Int {
        Int(Fingerprint.hash(Schema.articleKey(id)) % UInt64(shards))
    }

    private func record(_ outcome: ShardWriter.Outcome) {
        lock.lock()
        defer { lock.unlock() }
        switch outcome {
        case .unchanged: summary.articlesUnchanged += 1
        case .added(let passages):
            summary.articlesAdded += 1
            summary.passagesAdded += passages
        case .changed(let passages, let removed):
            summary.articlesChanged += 1
            summary.passagesAdded += passages
            summary.passagesRemoved += removed
        case .rejected(let diagnostics):
            summary.articlesRejected += 1
            lock.unlock()
            diagnostics.forEach(report)
            lock.lock()
        }
    }

    /// Stores what searches need beside the passages (labels, synonyms, the shard's manifest) in every shard,
    /// then publishes the run's generation to readers in one step.
    private func finish(_ writers: [ShardWriter], gazetteer: Gazetteer) throws {
        let store = GazetteerStore(gazetteer: gazetteer)
        let published = Int(Date().timeIntervalSince1970 * 1000)
        let labels = Labels(gazetteer), synonyms = try Synonyms(gazetteer)
        // Copies are resolved over the whole index, whichever shards they are on.
        for writer in writers { try writer.commit() }
        let stories = try StoryResolver(shards: writers.map(\.database)).resolve()
        summary.stories = stories.stories
        summary.storyCopies = stories.articles - stories.stories
        for writer in writers {
            try store.write(to: writer.database, path: options.gazetteer ?? options.worldBase, synonyms: synonyms)
            try writer.database.setMetadata(Schema.readWithKey, (summary.readWith ?? ReadWith(gazetteer: nil, worldBase: nil, figures: nil)).stored())
            try writer.commit()
            summary.passagesTotal += try writer.database.documentCount
        }
        // What a search reads when it opens a shard, from the committed passages: one request.
        let manifest = try ShardManifest(of: writers.map(\.database), labels: labels, synonyms: synonyms,
                                         gazetteerHash: GazetteerStore.hash(gazetteer), published: published).text()
        for writer in writers {
            try writer.database.setMetadata(Schema.manifestKey, manifest)
            try writer.commit()
        }
        do {
            try layout.publish(generation: generation, shards: writers.count)
        } catch {
            throw IndexError.io("cannot publish the index in \(options.index): \(FileError.describe(error))")
        }
    }
}

/// Errors collected from writer threads.
private final class FailureList: Sendable {
    private let errors = Locked<[any Error]>([])

    func append(_ error: any Error) {
        errors.withLock { $0.append(error) }
    }

    var first: (any Error)? { errors.withLock { $0.first } }
}
