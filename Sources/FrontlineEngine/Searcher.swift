import Foundation
import FrontlineCorpus
import Xapian

/// Why a search could not run.
public enum SearchError: Error, CustomStringConvertible {
    /// No index where one was expected.
    case noIndex(String)
    /// An index location that is not a folder or a `tcp://HOST:PORT` address.
    case badLocation(String)
    /// The index at this location is damaged (`detail`: what Xapian or the metadata said).
    case corrupt(String, detail: String)
    /// The index was built by another version of Frontline.
    case schemaMismatch(String, found: String)
    /// The query cannot be understood; `hint` says what to type instead.
    case query(String, hint: String)
    /// A remote index could not be reached.
    case unreachable(String, XapianError)
    /// Xapian failed.
    case xapian(XapianError)

    /// What went wrong and what to do, for the command line.
    public var description: String {
        switch self {
        case .noIndex(let path):
            return "no Frontline index at \(path); build one with 'frontline index --index \(path)'"
        case .badLocation(let location):
            return "\(Excerpt.quoted(location)) is not an index address: write a folder or tcp://HOST:PORT (a port from 1 to 65535)"
        case .corrupt(let path, let detail):
            return "the index at \(path) is corrupt (\(Excerpt.quoted(detail))): run 'frontline index --rebuild --index \(path)'"
        case .schemaMismatch(let path, let found):
            return "the index at \(path) has schema \(found.isEmpty ? "(none)" : Excerpt.quoted(found)), this frontline needs \(Schema.version); run 'frontline index --rebuild --index \(path)'"
        case .query(let problem, let hint):
            return "query error: \(problem); \(hint)"
        case .unreachable(let address, let error):
            return "cannot reach the index at \(address): \(error.message)"
        case .xapian(let error):
            return "Xapian: \(error)"
        }
    }
}

/// How to order hits.
public enum SortOrder: String, Sendable, CaseIterable {
    case relevance
    case date
    case dateDescending = "-date"
}

/// How to bucket the date facet.
public enum DateBucket: String, Sendable, CaseIterable {
    case day, month, year
}

/// One search.
public struct SearchRequest: Sendable {
    /// The query in Frontline's query language ("" with filters: every passage matching them).
    public var query: String
    /// The largest page.
    public static let maximumLimit = 10_000
    /// Hits per page (at most `maximumLimit`).
    public var limit = 10
    /// Hits to skip.
    public var offset = 0
    /// Filter values per field (`side`, `claimant`, `actor`, `place`, `source`); values of
    /// one field OR together, fields AND.
    public var filters: [String: [String]] = [:]
    /// Publication dates to keep.
    public var dates: DateRange?
    /// Keep the best passage per article.
    public var perArticle = false
    /// The order of hits.
    public var sort = SortOrder.relevance
    /// The buckets of the date facet.
    public var dateBucket = DateBucket.month
    /// Count facets over the whole match set.
    public var facets = true
    /// Markers around matched terms in snippets.
    public var highlight = ("**", "**")
    /// Snippet length in bytes.
    public var snippetLength = 240

    /// A request for `query`.
    public init(query: String) { self.query = query }
}

/// One ranked passage.
public struct Hit: Sendable {
    /// 1-based rank.
    public var rank: Int
    /// BM25 score.
    public var score: Double
    /// The passage with its article's metadata and tags.
    public var passage: StoredPassage
    /// The passage text around the matches, matches highlighted.
    public var snippet: String
    /// With `perArticle`: how many other passages of the article matched (at least).
    public var otherPassages: Int
}

/// A facet value with its count over the whole match set.
public struct FacetCount: Sendable, Equatable {
    /// The facet value (a gazetteer id, an outlet, a date bucket).
    public var value: String
    /// Its display label.
    public var label: String
    /// Matching passages with this value.
    public var count: Int

    /// A count of `value` (shown as `label`).
    public init(value: String, label: String, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}

/// The answer to a search.
public struct SearchResult: Sendable {
    /// The query as the user wrote it.
    public var query: String
    /// Matching passages (exact when facets were counted).
    public var total: Int
    /// False when `total` is Xapian's estimate (no facets were counted and the matches
    /// run past the page).
    public var totalIsExact = true
    /// With `perArticle`: how many articles have a matching passage.
    public var articles: Int?
    /// The spelling correction of the query, if the index suggests one.
    public var corrected: String?
    /// True when the hits are for `corrected`, because the query as written matched nothing.
    public var usedCorrection = false
    /// The page of ranked passages.
    public var hits: [Hit]
    /// Facet name → values by descending count (`date`: by date).
    public var facets: [(name: String, counts: [FacetCount])]
    /// Things the user should know (unknown facet values…).
    public var notices: [String]
}

/// Runs searches over one or more Frontline indexes (local folders or
/// `tcp://host:port` addresses of `xapian-tcpsrv`) as one.
///
/// Not thread-safe: one `Searcher` per thread.
public final class Searcher {
    private let database: Database
    /// The query expansions of the index's gazetteer, for the query parser (see `Synonyms`).
    private let synonyms: Database?
    /// Whether a shard is served by `xapian-tcpsrv`.
    private let hasRemoteShard: Bool
    private let stemmer: Stem
    /// Labels and aliases of the gazetteer the index was tagged with.
    public let labels: Labels
    /// BM25 parameters: k1 (term frequency saturation) and b (length normalisation).
    public var bm25 = (k1: 0.6, b: 0.25)
    /// The value slots of each facet that hold values in the revision the database is at
    /// (a facet's run of slots is mostly unused); refreshed when the database is reopened.
    private var usedSlots: [String: [Int]] = [:]

    /// Opens the indexes at `locations` (a location given twice is searched once).
    public init(locations given: [String]) throws {
        var shards: [Database] = []
        var seen: Set<String> = []
        let locations = given.filter { seen.insert($0.hasPrefix("tcp://") ? $0.lowercased() : CorpusReader.absolute($0)).inserted }
        hasRemoteShard = locations.contains { $0.hasPrefix("tcp://") }
        for location in locations {
            if location.hasPrefix("tcp://") {
                let address = location.dropFirst("tcp://".count)
                guard let colon = address.lastIndex(of: ":"), colon > address.startIndex,
                      let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port) else {
                    throw SearchError.badLocation(location)
                }
                do {
                    shards.append(try Database.remote(host: String(address[..<colon]), port: port))
                } catch let error as XapianError {
                    throw SearchError.unreachable(location, error)
                }
            } else {
                guard IndexLayout(folder: location).exists else { throw SearchError.noIndex(location) }
                do {
                    shards.append(try Database(path: location))
                } catch let error as XapianError {
                    if error.kind == .databaseCorrupt { throw SearchError.corrupt(location, detail: error.message) }
                    throw error.kind.isOpeningFailure ? SearchError.noIndex(location) : SearchError.xapian(error)
                }
            }
        }
        do {
            database = shards.count == 1 ? shards[0] : try Database(shards: shards)
            for (shard, location) in zip(shards, locations) {
                let found = try shard.metadata(Schema.versionKey)
                guard found == Schema.version else {
                    // Anything but an earlier "frontline-N" is damage, not an old version.
                    let isVersion = found.isEmpty || (found.hasPrefix("frontline-") && found.count < 20 && Int(found.dropFirst(10)) != nil)
                    throw isVersion ? SearchError.schemaMismatch(location, found: found) : SearchError.corrupt(location, detail: "schema \(found)")
                }
            }
            labels = Labels.parse(try database.metadata(Schema.labelsKey))
            synonyms = try Synonyms.parse(try database.metadata(Schema.synonymsKey)).database()
            stemmer = try Stem(Schema.language)
            try findUsedSlots()
        } catch let error as XapianError {
            if error.kind == .databaseCorrupt { throw SearchError.corrupt(locations.joined(separator: ", "), detail: error.message) }
            throw SearchError.xapian(error)
        }
    }

    /// Runs `request`. A reader that meets a commit in progress reopens and retries.
    public func search(_ request: SearchRequest) throws -> SearchResult {
        do {
            return try retryingOnModification { try run(request) }
        } catch let error as XapianError {
            if error.kind == .queryParser {
                throw SearchError.query(error.message, hint: "AND, OR, NOT and NEAR need a word on each side (write them in lower case to search them as words)")
            }
            if error.kind == .wildcard {
                throw SearchError.query("a wildcard matches too many words (\(error.message))", hint: "give more letters before the *")
            }
            throw SearchError.xapian(error)
        }
    }

    private func retryingOnModification<T>(_ body: () throws -> T) throws -> T {
        for attempt in 0..<5 {
            do {
                return try body()
            } catch let error as XapianError where error.kind == .databaseModified && attempt < 4 {
                try database.reopen()
                try findUsedSlots()
            }
        }
        return try body()
    }

    private func findUsedSlots() throws {
        for facet in Schema.facets {
            usedSlots[facet.name] = try facet.slots.filter { try database.valueFrequency(slot: $0) > 0 }
        }
    }

    private func parser() throws -> QueryParser {
        let parser = try QueryParser()
        try parser.setStemmer(stemmer)
        try parser.setStemmingStrategy(.some)
        try parser.setStopWords(Schema.stopWords.sorted())
        if let synonyms { try parser.setDatabase(synonyms) }
        try parser.addPrefix("title", Schema.titlePrefix)
        for facet in Schema.facets { try parser.addBooleanPrefix(facet.name, facet.prefix) }
        try parser.addBooleanPrefix("kind", Schema.kindPrefix)
        try parser.addRange(slot: Schema.dateSlot, prefix: "date:")
        try parser.setMaxWildcardExpansion(500)
        return parser
    }

    private func run(_ request: SearchRequest) throws -> SearchResult {
        let rewritten = try QueryRewriter(labels: labels).rewrite(request.query)
        let parser = try parser()
        var flags: QueryParser.Flags = [.boolean, .phrase, .loveHate, .wildcard, .pureNot]
        if synonyms != nil { flags.insert(.autoSynonyms) }
        var text = rewritten.text
        var query = try parser.parse(text, flags: flags)
        let corrected = try SpellingCorrector(database: database, stemmer: stemmer).correct(text)
        let filterOnly = QueryRewriter.isFilterOnly(text)
        var result = try match(query, request: request, filterOnly: filterOnly)
        if result.total == 0, let corrected, corrected != text {
            // Nothing for the query as written: show the correction's results, and say so.
            text = corrected
            query = try parser.parse(corrected, flags: flags)
            let second = try match(query, request: request, filterOnly: false)
            if second.total > 0 {
                result = second
                result.usedCorrection = true
            }
        }
        result.query = request.query
        result.corrected = corrected.map { restoreFieldsOf(request.query, in: $0) }
        result.notices = rewritten.notices + filterNotices(request)
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
        Schema.tagFacets.flatMap { facet in
            (request.filters[facet.name] ?? []).filter { labels.resolve($0, field: facet.name) == nil }
                .map { labels.unknownValueNotice($0, field: facet.name) }
        }
    }

    private func filterQuery(_ request: SearchRequest) throws -> Query? {
        var clauses: [Query] = []
        for facet in Schema.facets {
            guard let values = request.filters[facet.name], !values.isEmpty else { continue }
            let terms = try values.map { value -> Query in
                let id = facet.name == "source" ? Schema.sourceValue(value) : (labels.resolve(value, field: facet.name) ?? Labels.key(value).replacingOccurrences(of: " ", with: "-"))
                return try Query(term: facet.prefix + id)
            }
            clauses.append(try Query.or(terms))
        }
        if let dates = request.dates {
            clauses.append(try Query.valueRange(slot: Schema.dateSlot, from: dates.from?.compact ?? "", to: dates.to?.compact ?? "99999999"))
        }
        if clauses.isEmpty { return nil }
        return clauses.count == 1 ? clauses[0] : try Query.and(clauses)
    }

    private func match(_ parsed: Query, request: SearchRequest, filterOnly: Bool) throws -> SearchResult {
        // An empty query browses the passages its filters keep; a query that parsed to
        // nothing searchable (only stop words or operators) matches nothing.
        var query = parsed
        if parsed.isEmpty {
            let browsing = request.query.trimmingCharacters(in: .whitespaces).isEmpty
            query = browsing ? try Query.matchAll() : parsed
        }
        if let filter = try filterQuery(request) { query = try Query.filter(query, by: filter) }
        let enquire = try Enquire(database: database)
        try enquire.setQuery(query)
        try enquire.setBM25(k1: bm25.k1, b: bm25.b)
        if request.perArticle { try enquire.setCollapseKey(slot: Schema.articleSlot) }
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
        // Xapian 1.4's match spies over-count on remote shards when the match is sorted
        // by anything but relevance alone (ties broken by value included), so there the
        // facets are counted in a pass ordered by relevance only.
        let counter: Enquire
        if request.facets && (sortSlot != nil || hasRemoteShard) {
            counter = try Enquire(database: database)
            try counter.setQuery(query)
            if request.perArticle { try counter.setCollapseKey(slot: Schema.articleSlot) }
        } else {
            counter = enquire
        }
        var spies: [(Schema.Facet, [ValueCountSpy])] = []
        var dateSpy: ValueCountSpy?
        if request.facets {
            for facet in Schema.facets {
                let list = try (usedSlots[facet.name] ?? []).map { try ValueCountSpy(slot: $0) }
                try list.forEach { try counter.add(spy: $0) }
                spies.append((facet, list))
            }
            let spy = try ValueCountSpy(slot: Schema.dateSlot)
            try counter.add(spy: spy)
            dateSpy = spy
        }
        var counted: Int?
        if counter !== enquire { counted = try counter.matches(offset: 0, limit: 0, checkAtLeast: documents).estimatedMatches }
        // Xapian counts in 32 bits: a page beyond that is empty, never an overflow.
        let offset = min(max(request.offset, 0), Int(Int32.max)), limit = min(max(request.limit, 0), SearchRequest.maximumLimit)
        // Without facets, one match beyond the page makes the total exact whenever it fits on the page.
        let mset = try enquire.matches(offset: offset, limit: limit,
                                       checkAtLeast: request.facets && counter === enquire ? documents : offset + limit + 1)
        var hits: [Hit] = []
        for index in 0..<mset.count {
            let item = try mset.item(index)
            let passage = try StoredPassage.decode(try mset.document(index).data())
            let snippet = try mset.snippet(of: passage.text, length: request.snippetLength, stemmer: stemmer,
                                           highlightStart: request.highlight.0, highlightEnd: request.highlight.1)
            hits.append(Hit(rank: item.rank + 1, score: item.weight, passage: passage, snippet: snippet, otherPassages: item.collapseCount))
        }
        var facets: [(String, [FacetCount])] = []
        for (facet, list) in spies {
            var counts: [String: Int] = [:]
            for spy in list { for (value, count) in try spy.counts() { counts[value, default: 0] += count } }
            let sorted = counts.map { FacetCount(value: $0.key, label: labels.label($0.key), count: $0.value) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
            facets.append((facet.name, sorted))
        }
        if let dateSpy {
            var buckets: [String: Int] = [:]
            for (value, count) in try dateSpy.counts() { buckets[DateBucketing.bucket(value, request.dateBucket), default: 0] += count }
            facets.append(("date", buckets.keys.sorted().map { FacetCount(value: $0, label: $0, count: buckets[$0]!) }))
        }
        // With collapsing, Xapian's estimate counts articles; the date spy saw every passage.
        let matches = counted ?? mset.estimatedMatches
        let passages = request.perArticle ? (dateSpy?.total ?? matches) : matches
        var result = SearchResult(query: request.query, total: passages, articles: request.perArticle ? matches : nil,
                                  corrected: nil, hits: hits, facets: facets, notices: [])
        result.totalIsExact = request.facets || counted != nil || mset.matchesLowerBound == mset.matchesUpperBound
        return result
    }

    /// Every passage of article `id`, in order (empty if the index has no such article).
    public func article(_ id: String) throws -> [StoredPassage] {
        try retryingOnModification {
            let enquire = try Enquire(database: database)
            try enquire.setQuery(try Query(term: Schema.articleTerm(id)))
            try enquire.sortByValue(slot: Schema.ordinalSlot, descending: false)
            let mset = try enquire.matches(offset: 0, limit: 100_000)
            return try (0..<mset.count).map { try StoredPassage.decode(try mset.document($0).data()) }
        }
    }

    /// Counts and sizes of the index.
    public func statistics() throws -> IndexStatistics {
        try retryingOnModification {
            var result = SearchRequest(query: "")
            result.limit = 0
            let everything = try match(try Query.matchAll(), request: result, filterOnly: true)
            return IndexStatistics(
                schema: try database.metadata(Schema.versionKey),
                articles: try database.allTerms(prefix: Schema.articleTermPrefix).count,
                passages: try database.documentCount,
                terms: try database.allTerms().filter { $0.term.first.map { !$0.isUppercase } ?? false }.count,
                averagePassageLength: try database.averageLength,
                facets: everything.facets.map { ($0.name, $0.counts) })
        }
    }
}

/// What `frontline stats` shows.
public struct IndexStatistics: Sendable {
    /// The schema version stored in the index.
    public var schema: String
    /// Articles indexed.
    public var articles: Int
    /// Passages indexed.
    public var passages: Int
    /// Distinct free-text terms (prefixed terms excluded).
    public var terms: Int
    /// Average passage length in terms.
    public var averagePassageLength: Double
    /// Every facet value with its count over the whole index.
    public var facets: [(name: String, counts: [FacetCount])]
}

/// Turns `YYYYMMDD` values into day, month or year buckets.
enum DateBucketing {
    static func bucket(_ value: String, _ bucket: DateBucket) -> String {
        guard value.count == 8 else { return value }
        let y = value.prefix(4), m = value.dropFirst(4).prefix(2), d = value.suffix(2)
        switch bucket {
        case .day: return "\(y)-\(m)-\(d)"
        case .month: return "\(y)-\(m)"
        case .year: return String(y)
        }
    }
}
