import ArgumentParser
import Foundation
import FrontlineCorpus
import FrontlineEngine

/// Filters shared by `search` and `compare`.
struct Filters: ParsableArguments {
    @Option(name: .customLong("side"), help: "Keep passages about this side (id or alias; repeat to OR).")
    var sides: [String] = []
    @Option(name: .customLong("claimant"), help: "Keep passages reporting this party's claims (repeat to OR).")
    var claimants: [String] = []
    @Option(name: .customLong("actor"), help: "Keep passages naming this actor (repeat to OR).")
    var actors: [String] = []
    @Option(name: .customLong("place"), help: "Keep passages naming this place (repeat to OR).")
    var places: [String] = []
    @Option(name: .customLong("source"), help: "Keep passages from this outlet (repeat to OR).")
    var sources: [String] = []
    @Option(help: ArgumentHelp("Published on or after this day, month or year (2016-04-01, 2016-04, 2016).", valueName: "DATE"))
    var from: String?
    @Option(help: ArgumentHelp("Published on or before this day, month or year.", valueName: "DATE"))
    var to: String?

    func validate() throws {
        var request = SearchRequest(query: "")
        try apply(to: &request)
    }

    /// Applies the filters to `request`, or throws a validation error naming the bad date.
    func apply(to request: inout SearchRequest) throws {
        request.filters = ["side": sides, "claimant": claimants, "actor": actors, "place": places, "source": sources]
        if from != nil || to != nil {
            let low = try from.map { try Filters.day($0, option: "--from") }?.from
            let high = try to.map { try Filters.day($0, option: "--to") }?.to
            if let low, let high, low > high { throw ValidationError("--from \(from!) is after --to \(to!)") }
            request.dates = DateRange(from: low, to: high)
        }
    }

    /// The days `value` of `option` covers, or a validation error saying what to write.
    private static func day(_ value: String, option: String) throws -> DateRange {
        if let range = DateRange.bounds(value) { return range }
        let shape = value.split(separator: "-", omittingEmptySubsequences: false)
        let looksLikeADate = (1...3).contains(shape.count) && shape.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && shape[0].count == 4
        let problem = looksLikeADate ? "is not a day of the calendar" : "is not a date"
        throw ValidationError("\(option) \(Excerpt.quoted(value)) \(problem): write a day, a month or a year, as in 2016-04-01, 2016-04 or 2016")
    }
}

/// `frontline search`: ranked passages with snippets and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the best passages for a query, with facet counts over all matches.",
        discussion: """
        Query language: words (stemmed; name variants such as Talish/Talysh match each other),
        "phrases", AND, OR, NOT, NEAR, word*, and fields: title:, side:, claimant:, actor:,
        place:, source:, kind:, date:2016-04-01..2016-04-07 (also date:2016-04, date:2016).
        Words are ORed and ranked by BM25; +word requires a word, -word excludes it.

        A word after the first that starts with - is part of the query: frontline search
        ceasefire -Talish. (To start a query with an exclusion, use --: frontline search -- -russia.)

        \(Status.help([.success, .noIndex, .badQuery, .failure, .unreachable, .usage]))
        """
    )

    /// The deepest page: Xapian counts matches in 32 bits.
    static let maximumOffset = 1_000_000_000

    @Argument(help: "The query.")
    var query: [String] = []
    @OptionGroup var index: IndexLocations
    @OptionGroup var filters: Filters
    @Option(parsing: .unconditional, help: "How many hits to show (0 to \(SearchRequest.maximumLimit)).")
    var limit = 10
    @Option(parsing: .unconditional, help: "How many hits to skip (0 to \(SearchCommand.maximumOffset)).")
    var offset = 0
    @Flag(help: "Show only the best passage of each article.")
    var perArticle = false
    @Option(parsing: .unconditional, help: "relevance, date (oldest first) or -date (newest first).")
    var sort = "relevance"
    @Option(help: "day, month or year: the buckets of the date facet.")
    var dateBucket = "month"
    @Flag(help: "Skip facet counting (faster on large indexes).")
    var noFacets = false
    @Flag(help: "Print JSON (the contract in README.md).")
    var json = false
    @Flag(help: "No colour.")
    var noColor = false

    func validate() throws {
        guard (0...SearchRequest.maximumLimit).contains(limit) else { throw ValidationError("--limit must be between 0 and \(SearchRequest.maximumLimit)") }
        guard (0...SearchCommand.maximumOffset).contains(offset) else { throw ValidationError("--offset must be between 0 and \(SearchCommand.maximumOffset)") }
        guard SortOrder(rawValue: sort) != nil else { throw ValidationError("--sort must be relevance, date or -date") }
        guard DateBucket(rawValue: dateBucket) != nil else { throw ValidationError("--date-bucket must be day, month or year") }
        let text = query.joined(separator: " ")
        let hasFilter = [filters.sides, filters.claimants, filters.actors, filters.places, filters.sources].contains { !$0.isEmpty }
            || filters.from != nil || filters.to != nil
        if text.trimmingCharacters(in: .whitespaces).isEmpty && !hasFilter {
            throw ValidationError("give a query, e.g. frontline search casualties near Talish (or a filter such as --side armenia)")
        }
    }

    func run() throws {
        let style = Style.forStandardOutput(disabled: noColor || json)
        var request = SearchRequest(query: query.joined(separator: " "))
        request.limit = limit
        request.offset = offset
        request.perArticle = perArticle
        request.sort = SortOrder(rawValue: sort)!
        request.dateBucket = DateBucket(rawValue: dateBucket)!
        request.facets = !noFacets
        request.highlight = json ? ("**", "**") : style.highlight
        try filters.apply(to: &request)
        let result = try reportingFailures {
            let searcher = try Searcher(locations: index.resolved)
            return try searcher.search(request)
        }
        if json {
            print(try jsonString(SearchOutput(result)))
        } else {
            style.print(SearchPrinter(style: style).render(result, offset: offset))
        }
    }
}

/// Renders a search result for a person.
struct SearchPrinter {
    let style: Style
    var width: Int { 100 }

    func render(_ result: SearchResult, offset: Int) -> String {
        var out: [String] = []
        if let corrected = result.corrected {
            out.append(result.usedCorrection
                       ? "No passages match \"\(result.query)\"; showing results for \(style.bold(corrected))."
                       : "Did you mean: \(style.bold(corrected))?")
        }
        for notice in result.notices { out.append(style.yellow("note: \(notice)")) }
        let shown = result.hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + result.hits.count))"
        let inArticles = result.articles.map { " in " + counted($0, "article") } ?? ""
        let about = result.totalIsExact ? "" : "about "
        out.append(style.bold("\(about)\(counted(result.total, "passage")) match\(result.total == 1 ? "es" : "")\(inArticles)") + shown)
        for hit in result.hits {
            out.append("")
            out.append(hitLines(hit).joined(separator: "\n"))
        }
        out.append(contentsOf: facetLines(result))
        return out.joined(separator: "\n")
    }

    func hitLines(_ hit: Hit) -> [String] {
        let p = hit.passage
        let title = p.title.isEmpty ? p.article : p.title
        let meta = [p.date, p.source].filter { !$0.isEmpty }.joined(separator: ", ")
        var lines = ["\(style.dim(String(format: "%3d.", hit.rank))) \(style.bold(title))\(meta.isEmpty ? "" : style.dim(" — " + meta))"]
        var tags = ["\(p.article)#\(p.ordinal)", p.kind]
        if hit.score > 0 { tags.append(String(format: "score %.2f", hit.score)) }
        if !p.sides.isEmpty { tags.append("sides: " + p.sides.joined(separator: ", ")) }
        if !p.claimants.isEmpty { tags.append("claimants: " + p.claimants.joined(separator: ", ")) }
        if hit.otherPassages > 0 { tags.append("+\(hit.otherPassages) more in this article") }
        lines.append("     " + style.cyan(tags.joined(separator: " · ")))
        lines.append("     " + wrap(hit.snippet, width: width, indent: 5))
        return lines
    }

    func facetLines(_ result: SearchResult) -> [String] {
        guard result.total > 0, !result.facets.isEmpty else { return [] }
        var out = ["", style.bold(result.total == 1 ? "Facets (the one match)" : "Facets (all \(result.total) matches)")]
        for (name, counts) in result.facets where !counts.isEmpty {
            if name == "date" {
                let first = counts.first!.value, last = counts.last!.value
                let line = "\(sparkline(counts.map(\.count))) \(first)\(first == last ? "" : " … " + last)"
                let detail = counts.map { "\($0.value) \($0.count)" }.joined(separator: " · ")
                out.append("  " + name.padding(toLength: 9, withPad: " ", startingAt: 0) + line)
                out.append("           " + style.dim(wrap(detail, width: width, indent: 11)))
            } else {
                let shown = counts.prefix(8).map { "\($0.label) \(style.bold(String($0.count)))" }.joined(separator: " · ")
                let more = counts.count > 8 ? style.dim(" · +\(counts.count - 8) more") : ""
                out.append("  " + name.padding(toLength: 9, withPad: " ", startingAt: 0) + wrap(shown + more, width: width, indent: 11))
            }
        }
        return out
    }
}

/// The JSON contract of `frontline search --json` (documented in README.md).
struct SearchOutput: Encodable {
    struct ArticleInfo: Encodable { var id, title, date, source, url: String }
    struct HitOutput: Encodable {
        var rank: Int
        var score: Double
        var article: ArticleInfo
        var passage: Int
        var kind: String
        var text: String
        var snippet: String
        var sides, claimants, actors, places: [String]
        var event_dates: [String]
        var other_passages: Int
    }
    struct FacetOutput: Encodable {
        var value: String
        var label: String?
        var count: Int
    }

    var query: String
    var total: Int
    var articles: Int?
    var corrected: String?
    var used_correction: Bool
    var hits: [HitOutput]
    var facets: [String: [FacetOutput]]
    var notices: [String]

    init(_ result: SearchResult) {
        query = result.query
        total = result.total
        articles = result.articles
        corrected = result.corrected
        used_correction = result.usedCorrection
        notices = result.notices
        hits = result.hits.map { hit in
            let p = hit.passage
            return HitOutput(rank: hit.rank, score: (hit.score * 1000).rounded() / 1000,
                             article: ArticleInfo(id: p.article, title: p.title, date: p.date, source: p.source, url: p.url),
                             passage: p.ordinal, kind: p.kind, text: p.text, snippet: hit.snippet,
                             sides: p.sides, claimants: p.claimants, actors: p.actors, places: p.places,
                             event_dates: p.eventDates, other_passages: hit.otherPassages)
        }
        var facets: [String: [FacetOutput]] = [:]
        for (name, counts) in result.facets {
            facets[name] = counts.map { FacetOutput(value: $0.value, label: name == "date" ? nil : $0.label, count: $0.count) }
        }
        self.facets = facets
    }

    enum CodingKeys: String, CodingKey {
        case query, total, articles, corrected, used_correction, hits, facets, notices
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(total, forKey: .total)
        try c.encodeIfPresent(articles, forKey: .articles) // with --per-article only
        try c.encode(corrected, forKey: .corrected) // null when there is no correction
        try c.encode(used_correction, forKey: .used_correction)
        try c.encode(hits, forKey: .hits)
        try c.encode(facets, forKey: .facets)
        try c.encode(notices, forKey: .notices)
    }
}
