import Foundation
import FrontlineCorpus
import Xapian

/// Runs searches over one or more Frontline indexes (local folders or
/// `tcp://host:port` addresses of `xapian-tcpsrv`) as one.
///
/// Not thread-safe: one `Searcher` per thread.
public final class Searcher {
    private var database: Database
    /// The shards, their copies, and which copies answered (see `ShardSet`).
    private let shardSet: ShardSet
    /// What the last open of the shards found: the copies read, the shards missing.
    private var opened: ShardSet.Opened
    /// The database the query parser takes the index's query expansions from (see `Synonyms`).
    private var synonyms: Database?
    /// Which of those expansions are wider words, weighed below the word typed (`ConceptQuery`).
    private var weaker: [String: Set<String>] = [:]
    /// Whether a shard is served by `xapian-tcpsrv`.
    private let hasRemoteShard: Bool
    private let stemmer: Stem
    /// Labels and aliases of the gazetteer the index was tagged with.
    public private(set) var labels: Labels
    /// BM25 parameters: k1 (term frequency saturation) and b (length normalisation).
    public var bm25 = (k1: 0.6, b: 0.25)
    /// Whether the index holds passages in Russian, Armenian or Azerbaijani: only then do
    /// searches look for their names in other scripts (an English index has no such terms).
    private var hasOtherLanguages = false
    /// Whether the index holds syndicated copies (`Story`): only then are they collapsed.
    private var hasCopies = false
    /// The value slots of each facet that hold values in the revision the database is at
    /// (a facet's run of slots is mostly unused); refreshed when the database is reopened.
    private var usedSlots: [Facet: [Int]] = [:]
    /// Names the revision of the index this searcher reads: the stub of each local index
    /// (a publish writes a new one) and the passage count, last passage number and average
    /// length of all shards (every commit that adds, changes or removes a passage moves one
    /// of them, remote shards included). Two searchers over the same locations at the same
    /// revision have the same value; answers kept for one value are never given for another.
    public private(set) var revision = ""

    /// Opens the indexes at `locations`: folders, `tcp://HOST:PORT` addresses, copies of
    /// one shard joined by `|`, or topology files (see `Topology`). A location given twice,
    /// or reached twice (the same shard's UUID), is searched once. A shard none of whose
    /// copies answers is left out (a search reports it, see `SearchRequest.allowPartial`);
    /// opening fails only when no shard answers.
    public init(locations given: [String]) throws {
        let topology = try Topology(locations: given)
        hasRemoteShard = topology.shards.contains { $0.copies.contains { $0.hasPrefix("tcp://") } }
        locations = topology.shards.map(\.name)
        shardSet = ShardSet(topology)
        opened = try Searcher.open(shardSet)
        database = opened.database
        labels = Labels(labels: [:], lookup: [:], sides: [])
        do {
            stemmer = try Schema.stemmer()
            try loadRevision(opened.manifests)
        } catch let error as XapianError {
            throw SearchError.translating(error, at: locations.joined(separator: ", "))
        }
    }

    /// Opens a live copy of every shard of `shards`. An index run that publishes while the
    /// shards are being opened removes the generation the stub named: then the stub has
    /// changed, and the open is tried again.
    private static func open(_ shards: ShardSet) throws -> ShardSet.Opened {
        let locations = shards.topology.shards.flatMap(\.copies)
        for attempt in 0..<3 {
            let stamps = locations.map(IndexLayout.stamp(at:))
            do {
                return try shards.open()
            } catch let error as XapianError {
                if attempt < 2, stamps != locations.map(IndexLayout.stamp(at:)) { continue }
                throw SearchError.translating(error, at: locations.joined(separator: ", "))
            } catch let error as SearchError {
                if attempt < 2, stamps != locations.map(IndexLayout.stamp(at:)) { continue }
                throw error
            }
        }
        throw SearchError.noIndex(locations.joined(separator: ", "))
    }

    /// Opens the shards again (each from a live copy) and reads the revision's data.
    private func reopenShards() throws {
        opened = try Searcher.open(shardSet)
        database = opened.database
        try guarded(failover: false) { try loadRevision(opened.manifests) }
    }

    /// The shards that could not be reached when the index was last opened.
    public var missingShards: [MissingShard] { opened.missing }

    /// The shards searched, once each (a shard's copies joined by `|`).
    public let locations: [String]

    /// The size of the local copies' live shards read, in bytes (a remote shard's is not known here).
    public var localIndexBytes: Int {
        opened.copies.compactMap { $0 }.filter { !$0.hasPrefix("tcp://") }.reduce(0) { $0 + IndexLayout(folder: $1).sizeInBytes() }
    }

    /// Reads what a revision of the index carries beside its passages: each shard's
    /// `ShardManifest`, as `manifests` gives them (read when the shards were opened) or
    /// else read now (one request per shard).
    private func loadRevision(_ manifests: [ShardManifest]? = nil) throws {
        revision = opened.stamps.map { $0 ?? "remote" }.joined(separator: "\u{1}") + "|" + opened.copies.map { $0 ?? "-" }.joined(separator: "\u{1}")
            + "|\(try database.documentCount)|\(try database.lastDocumentID)|\(try database.averageLength)"
        try load(manifests ?? zip(opened.shards, opened.copies.compactMap { $0 }).map { try ShardManifest.read($0, at: $1) })
    }

    /// Takes what the shards' manifests say: the gazetteer's labels and expansions (of the
    /// first shard, as Xapian's metadata of several shards is the first's), which facet
    /// slots hold values and which languages the passages are in (over all shards).
    private func load(_ manifests: [ShardManifest]) throws {
        guard let first = manifests.first else { return }
        labels = Labels.parse(first.labels)
        // Local shards carry the expansions in Xapian's synonym table too (written from the
        // same `Synonyms`); remote shards do not serve it, so there they come from the manifest.
        synonyms = hasRemoteShard ? try Synonyms.database(stored: first.synonyms) : database
        weaker = first.weaker
        let languages = manifests.reduce(into: Set<String>()) { $0.formUnion($1.languages) }
        hasCopies = manifests.contains { $0.copies > 0 }
        hasOtherLanguages = [Language.russian, .armenian, .azerbaijani].contains { languages.contains($0.rawValue) }
        for facet in Facet.filterable {
            usedSlots[facet] = Set(manifests.flatMap { $0.usedSlots[facet] ?? [] }).sorted()
        }
    }

    /// Moves to the index's newest committed revision, if there is a newer one (a long-lived
    /// searcher calls this before each request, so that an index run shows without a
    /// restart). Returns true if it moved.
    @discardableResult
    public func refresh() throws -> Bool {
        // A missing shard is tried again now and then (a black-holed one costs the connect limit).
        if shardSet.published(since: opened) || (!opened.missing.isEmpty && ContinuousClock.now - opened.at > ShardSet.retryInterval) {
            try reopenShards()
            return true
        }
        return try guarded {
            guard try database.reopen() else { return false }
            try loadRevision()
            return true
        }
    }

    /// Runs `request`. A reader that meets a commit in progress reopens and retries; one
    /// whose shard's copy fails moves to another copy. Without `allowPartial`, a shard none
    /// of whose copies answers fails the search, naming it; with it, the answer says which
    /// shards it leaves out and their share of the index.
    public func search(_ request: SearchRequest) throws -> SearchResult {
        try requireComplete(request.allowPartial)
        var result = try guarded { try run(request) }
        try requireComplete(request.allowPartial)
        result.missingShards = opened.missing
        result.notices = opened.notices + opened.missing.map(\.notice) + result.notices
        return result
    }

    /// Throws `.incomplete` when a shard is missing and the caller did not allow it.
    private func requireComplete(_ allowPartial: Bool) throws {
        if !allowPartial, !opened.missing.isEmpty { throw SearchError.incomplete(opened.missing) }
    }

    /// Runs `body` against the current revision, reopening and retrying when a commit
    /// replaced what it was reading, and turning Xapian's errors into `SearchError`s:
    /// the engine's entry points throw nothing else. With `failover`, a network failure
    /// (a copy that died, a connection the shard closed, a call that timed out) opens the
    /// shards again, each from a copy that answers, and runs `body` once more; a shard
    /// that no longer answers is then missing, and named.
    private func guarded<T>(failover: Bool = true, _ body: () throws -> T) throws -> T {
        do {
            for attempt in 0..<5 {
                do {
                    return try body()
                } catch let error as XapianError where error.kind == .databaseModified && attempt < 4 {
                    try database.reopen()
                    try loadRevision()
                } catch let error as XapianError where failover && (error.kind.isKind(of: .network) || error.kind == .databaseClosed) {
                    try reopenShards()
                    return try guarded(failover: false, body)
                }
            }
            return try body()
        } catch let error as XapianError {
            throw SearchError.translating(error, at: database.location)
        }
    }

    /// How deep a page `onePass` serves, and how many matches beyond it it ranks to see the ties at its end.
    static let onePassDepth = 1_000, onePassMargin = 100

    /// The most words a wildcard may expand to.
    static let wildcardLimit = 500

    private func parser() throws -> QueryParser {
        let parser = try QueryParser()
        try parser.setStemmer(stemmer)
        try parser.setStemmingStrategy(.some)
        try parser.setStopWords(Schema.stopWords.sorted())
        if let synonyms { try parser.setDatabase(synonyms) }
        try parser.addPrefix("title", Schema.titlePrefix)
        for facet in Facet.filterable { try parser.addBooleanPrefix(facet.rawValue, Schema.storage(of: facet)!.prefix) }
        try parser.addBooleanPrefix("kind", Schema.kindPrefix)
        try parser.addRange(slot: Schema.dateSlot, prefix: "date:")
        try parser.setMaxWildcardExpansion(Searcher.wildcardLimit)
        return parser
    }

    /// How many passages the matcher expects `request` to match, from the posting lists'
    /// statistics alone (no match is run): what a server weighs before it gives a search
    /// a thread. Only a faceted or per-article search counts every match; any other stops
    /// after its page, so it expects no more than the page. Nil over remote shards, where
    /// the estimate would cost a round trip to each before the search's own.
    public func expectedMatches(_ request: SearchRequest) throws -> Int? {
        if hasRemoteShard { return nil }
        return try guarded {
            guard request.facets || request.perArticle else { return min(try database.documentCount, request.offset + request.limit + 1) }
            var query = try parse(request).query
            if query.isEmpty { query = try Query.matchAll() }
            if let filter = try filterQuery(request) { query = try Query.filter(query, by: filter) }
            let enquire = try Enquire(database: database)
            try enquire.setQuery(query)
            return try enquire.matches(offset: 0, limit: 0, checkAtLeast: 0).estimatedMatches
        }
    }

    /// A request's query as the matcher gets it, and what made it (for a second parse of a correction).
    private struct Parsed {
        let rewritten: QueryRewriter.Rewritten
        let parser: QueryParser
        let flags: QueryParser.Flags
        let concepts: ConceptQuery
        let query: Query
    }

    private func parse(_ request: SearchRequest) throws -> Parsed {
        let rewritten = try QueryRewriter(labels: labels).rewrite(request.query, crossScript: request.crossScript && hasOtherLanguages)
        let parser = try parser()
        var flags: QueryParser.Flags = [.boolean, .phrase, .loveHate, .wildcard, .pureNot]
        // Without cross-script matching, a name finds its own spelling only.
        if synonyms != nil && request.crossScript { flags.insert(.autoSynonyms) }
        let text = rewritten.text
        // A query of several concepts ranks what matches more of them first.
        let concepts = ConceptQuery(parser: parser, flags: flags, synonyms: synonyms, weaker: weaker, documents: try database.documentCount, k1: bm25.k1)
        var query = try concepts.query(text) ?? parser.parse(text, flags: flags)
        if !query.isEmpty, !rewritten.crossScriptTerms.isEmpty {
            // Passages of other scripts naming a query word's place or actor, or whose words
            // transliterate to it. English passages carry neither, so they match and score as before.
            let keys = try rewritten.crossScriptTerms.map { try Query(term: $0) }
            query = try Query.or([query] + keys)
            // The query's own filters hold for the terms added beside it.
            if let filters = QueryRewriter.filters(text) { query = try Query.filter(query, by: try parser.parse(filters, flags: flags)) }
        }
        return Parsed(rewritten: rewritten, parser: parser, flags: flags, concepts: concepts, query: query)
    }

    private func run(_ request: SearchRequest) throws -> SearchResult {
        let parsed = try parse(request)
        let (rewritten, parser, flags, concepts) = (parsed.rewritten, parsed.parser, parsed.flags, parsed.concepts)
        var text = rewritten.text, query = parsed.query
        let filterOnly = QueryRewriter.isFilterOnly(text)
        let (answer, mset) = try match(query, request: request, filterOnly: filterOnly)
        var result = answer
        // The query's own words' frequencies come from the match (no request to a remote shard).
        let corrected = try SpellingCorrector(frequency: mset.termFrequency, database: database, stemmer: stemmer).correct(text)
        if result.total == 0, let corrected, corrected != text {
            // Nothing for the query as written: show the correction's results, and say so.
            text = corrected
            query = try concepts.query(corrected) ?? parser.parse(corrected, flags: flags)
            let (second, _) = try match(query, request: request, filterOnly: false)
            if second.total > 0 {
                result = second
                result.usedCorrection = true
            }
        }
        result.query = request.query
        result.corrected = corrected.map { restoreFieldsOf(request.query, in: $0) }
        result.notices = rewritten.notices + filterNotices(request)
        // Words of other scripts found by a transliteration key are marked as the query's own are.
        let keys = Set(rewritten.crossScriptTerms.compactMap { $0.hasPrefix(Schema.transliterationPrefix) ? String($0.dropFirst(Schema.transliterationPrefix.count)) : nil })
        for i in result.hits.indices where !keys.isEmpty {
            result.hits[i].snippet = CrossScriptHighlight.marked(result.hits[i].snippet, keys: keys, markers: request.highlight)
        }
        return result
    }

    /// Corrections come back in the rewritten form; field values are shown as the user typed them.
    private func restoreFieldsOf(_ original: String, in corrected: String) -> String {
        let originalWords = QueryRewriter.words(original)
        let correctedWords = QueryRewriter.words(corrected)
        guard originalWords.count == correctedWords.count else { return corrected }
        return zip(originalWords, correctedWords).map { $0.contains(":") ? $0 : $1 }.joined(separator: " ")
    }

    /// The notices about filter values the gazetteer does not know (as `side:atlantis` in a query gets).
    private func filterNotices(_ request: SearchRequest) -> [String] {
        Facet.tags.flatMap { facet in
            (request.filters[facet] ?? []).filter { labels.resolve($0, in: facet) == nil }
                .map { labels.unknownValueNotice($0, in: facet) }
        } + (request.filters[.figure] ?? []).compactMap(QueryRewriter.unknownFigureCategory)
    }

    /// The stored value a filter's `value` stands for: a tag's gazetteer id (through its
    /// names and aliases), else the normalised value.
    func filterID(_ value: String, in facet: Facet) -> String {
        if facet == .language { return Language(declared: value)?.rawValue ?? Schema.filterValue(value) }
        return facet.isTag ? (labels.resolve(value, in: facet) ?? Labels.key(value).replacingOccurrences(of: " ", with: "-")) : Schema.filterValue(value)
    }

    private func filterQuery(_ request: SearchRequest) throws -> Query? {
        var clauses: [Query] = []
        for facet in Facet.filterable {
            guard let values = request.filters[facet], !values.isEmpty, let storage = Schema.storage(of: facet) else { continue }
            let terms = try values.map { value -> Query in
                try Query(term: storage.prefix + filterID(value, in: facet))
            }
            clauses.append(try Query.or(terms))
        }
        if let dates = request.dates {
            clauses.append(try Query.valueRange(slot: Schema.dateSlot, from: dates.from?.compact ?? "", to: dates.to?.compact ?? "99999999"))
        }
        if clauses.isEmpty { return nil }
        return clauses.count == 1 ? clauses[0] : try Query.and(clauses)
    }

    /// The page and counts of `parsed` for `request`, with the match whose statistics give the
    /// frequencies of the query's own terms.
    private func match(_ parsed: Query, request: SearchRequest, filterOnly: Bool) throws -> (SearchResult, MSet) {
        // An empty query browses the passages its filters keep; a query that parsed to
        // nothing searchable (only stop words or operators) matches nothing.
        // Wildcards and expansions weigh the same on one shard, several, or remote ones.
        var query = try parsed.shardIndependent(in: database, maxExpansion: Searcher.wildcardLimit)
        if parsed.isEmpty {
            let browsing = request.query.trimmingCharacters(in: .whitespaces).isEmpty
            query = browsing ? try Query.matchAll() : parsed
        }
        if let filter = try filterQuery(request) { query = try Query.filter(query, by: filter) }
        let enquire = try Enquire(database: database)
        try enquire.setQuery(query)
        try enquire.setBM25(k1: bm25.k1, b: bm25.b)
        // Copies fold into one hit: per story with `perArticle`, else per passage they share.
        let collapsesCopies = hasCopies && request.copies == .collapsed
        if request.perArticle {
            try enquire.setCollapseKey(slot: collapsesCopies ? Schema.storySlot : Schema.articleSlot)
        } else if collapsesCopies {
            try enquire.setCollapseKey(slot: Schema.copySlot)
        }
        var sortSlot: (Int, Bool)?
        switch request.sort {
        case .relevance:
            // Filters alone weigh nothing: show their passages as a timeline.
            if filterOnly { sortSlot = (Schema.timelineSlot, false) }
        case .date: sortSlot = (Schema.timelineSlot, false)
        case .dateDescending: sortSlot = (Schema.timelineSlot, true)
        }
        if let (slot, descending) = sortSlot {
            try enquire.sortByValue(slot: slot, descending: descending)
        } else {
            // Equal scores in timeline order, not in document-id order (which depends on
            // the order articles were indexed in): the same index content, the same page.
            try enquire.sortByRelevanceThenValue(slot: Schema.timelineSlot)
        }
        let documents = try database.documentCount
        // Xapian counts in 32 bits: a page beyond that is empty, never an overflow.
        let offset = min(max(request.offset, 0), Int(Int32.max)), limit = min(max(request.limit, 0), SearchRequest.maximumLimit)
        if hasRemoteShard, request.facets, sortSlot == nil, !request.perArticle, !collapsesCopies,
           let answer = try onePass(query, request: request, offset: offset, limit: limit, documents: documents) {
            return answer
        }
        // Xapian 1.4's match spies over-count on remote shards when the match is sorted
        // by anything but relevance alone (ties broken by value included), and with
        // collapsing neither its estimate nor a spy sees every passage; so there the counts
        // come from a pass of their own, ordered by relevance only and not collapsed, which
        // counts every matching passage and, through the article slot, every article.
        let counter: Enquire
        if request.perArticle || collapsesCopies || (request.facets && (sortSlot != nil || hasRemoteShard)) {
            counter = try Enquire(database: database)
            try counter.setQuery(query)
        } else {
            counter = enquire
        }
        let collector = request.facets ? try FacetCollector(usedSlots: usedSlots, bucket: request.dateBucket, labels: labels) : nil
        try collector?.attach(to: counter)
        let articleSpy = request.perArticle ? try ValueCountSpy(slot: Schema.articleSlot) : nil
        if let articleSpy { try counter.add(spy: articleSpy) }
        var counted: Int?
        if counter !== enquire { counted = try counter.matches(offset: 0, limit: 0, checkAtLeast: documents).estimatedMatches }
        // Without facets, one match beyond the page makes the total exact whenever it fits on the page.
        let mset = try enquire.matches(offset: offset, limit: limit,
                                       checkAtLeast: request.facets && counter === enquire ? documents : offset + limit + 1)
        let passages = counted ?? mset.estimatedMatches
        let perArticle = try articleSpy.map { Dictionary(try $0.counts().map { ($0.value, $0.count) }, uniquingKeysWith: +) }
        var result = SearchResult(query: request.query, total: passages, articles: perArticle?.count, corrected: nil,
                                  hits: try HitDecoder(stemmer: stemmer, request: request, passagesPerArticle: perArticle).hits(mset), facets: try collector?.results() ?? [], notices: [])
        result.totalIsExact = request.facets || counted != nil || mset.matchesLowerBound == mset.matchesUpperBound
        return (result, mset)
    }

    /// A faceted search by relevance over remote shards in one match instead of two (a
    /// round trip less per shard): ordered by relevance alone, where Xapian's spies count
    /// right on remote shards, and collapsed on the timeline slot, whose values are unique
    /// (nothing collapses) and come with each match: the matches up to the page and
    /// `onePassMargin` beyond are put in relevance-then-timeline order here, and only the
    /// page's documents are fetched. Nil for a page beyond `onePassDepth` or when a run of
    /// equal weights goes past the margin (two passes are needed then).
    private func onePass(_ query: Query, request: SearchRequest, offset: Int, limit: Int, documents: Int) throws -> (SearchResult, MSet)? {
        guard offset <= Searcher.onePassDepth else { return nil }
        let enquire = try Enquire(database: database)
        try enquire.setQuery(query)
        try enquire.setBM25(k1: bm25.k1, b: bm25.b)
        try enquire.setCollapseKey(slot: Schema.timelineSlot)
        let collector = try FacetCollector(usedSlots: usedSlots, bucket: request.dateBucket, labels: labels)
        try collector.attach(to: enquire)
        let window = offset + limit + Searcher.onePassMargin
        let mset = try enquire.matches(offset: 0, limit: window, checkAtLeast: documents)
        let ranked = try (0..<mset.count).map { (index: $0, weight: try mset.item($0).weight, timeline: try mset.collapseKey($0)) }
        let pageEnd = min(offset + limit, ranked.count)
        if mset.count == window, offset < pageEnd, ranked[pageEnd - 1].weight == ranked[window - 1].weight { return nil }
        let order = ranked.sorted { ($0.weight, $1.timeline) > ($1.weight, $0.timeline) }.map(\.index)
        let page = offset < pageEnd ? Array(order[offset..<pageEnd]) : []
        var result = SearchResult(query: request.query, total: mset.estimatedMatches, articles: nil, corrected: nil,
                                  hits: try HitDecoder(stemmer: stemmer, request: request).hits(mset, at: page, firstRank: offset + 1),
                                  facets: try collector.results(), notices: [])
        result.totalIsExact = true
        return (result, mset)
    }

    /// The index's unprefixed words starting with `prefix`, with how many passages hold each.
    func indexedWords(startingWith prefix: String) throws -> [(term: String, frequency: Int)] {
        try guarded { try database.allTerms(prefix: prefix).filter { $0.term.first?.isLowercase == true } }
    }

    /// Every passage of article `id`, in order (empty if the index has no such article).
    /// Fails when a shard is missing (the article may be in it).
    public func article(_ id: String) throws -> [StoredPassage] {
        try requireComplete(false)
        return try guarded {
            let enquire = try Enquire(database: database)
            try enquire.setQuery(try Query(term: Schema.articleTerm(id)))
            try enquire.sortByValue(slot: Schema.ordinalSlot, descending: false)
            let mset = try enquire.matches(offset: 0, limit: 100_000)
            return try (0..<mset.count).map { try StoredPassage.decode(try mset.document($0).data()) }
        }
    }

    /// Counts and sizes of the index (failing when a shard is missing: they would be short).
    public func statistics() throws -> IndexStatistics {
        try requireComplete(false)
        return try guarded {
            var result = SearchRequest(query: "")
            result.limit = 0
            let (everything, _) = try match(try Query.matchAll(), request: result, filterOnly: true)
            return IndexStatistics(
                schema: try database.metadata(Schema.versionKey),
                articles: try database.allTerms(prefix: Schema.articleTermPrefix).count,
                passages: try database.documentCount,
                terms: try database.allTerms().filter { $0.term.first.map { !$0.isUppercase } ?? false }.count,
                averagePassageLength: try database.averageLength,
                facets: everything.facets,
                readWith: ReadWith.read(stored: try database.metadata(Schema.readWithKey)))
        }
    }
}
