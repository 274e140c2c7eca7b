import ArgumentParser
import Foundation
import FrontlineEngine
import FrontlineOptions

/// `frontline search`: ranked passages with snippets and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the best passages for a query, with facet counts over all matches.",
        discussion: HelpText.discussion("""
        Query language: words (stemmed; name variants such as Talish/Talysh match each other),
        "phrases", AND, OR, NOT, NEAR, word*, and fields: title:, side:, claimant:, actor:,
        place:, source:, figure: (killed, wounded…), kind:, date:2016-04-01..2016-04-07 (also date:2016-04, date:2016).
        Words are ORed and ranked by BM25; +word requires a word, -word excludes it.

        A word after the first that starts with - is part of the query: frontline search
        ceasefire -Talish. (To start a query with an exclusion, use --: frontline search -- -russia.)
        """, statuses: [.success, .noIndex, .badQuery, .failure, .unreachable, .usage])
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
    @Flag(help: "Show every outlet's copy of a syndicated story (default: one hit per story or shared passage, with \"+N copies\").")
    var allCopies = false
    @Flag(help: "Match names as written only: no other scripts (Talish without Талыш, Թալիշ) and no name variants.")
    var noCrossScript = false
    @Option(parsing: .unconditional, help: "relevance, date (oldest first) or -date (newest first).")
    var sort = FrontlineEngine.SortOrder.relevance
    @Option(help: "The buckets of the date facet.")
    var dateBucket = DateBucket.month
    @Flag(help: "Skip facet counting (faster on large indexes).")
    var noFacets = false
    @Flag(help: "When a shard cannot be reached, answer from the others and say which shard is left out (default: fail, naming it).")
    var allowPartial = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...SearchRequest.maximumLimit).contains(limit) else { throw ValidationError("--limit must be between 0 and \(SearchRequest.maximumLimit)") }
        guard (0...SearchCommand.maximumOffset).contains(offset) else { throw ValidationError("--offset must be between 0 and \(SearchCommand.maximumOffset)") }
        let text = query.joined(separator: " ")
        if text.trimmingCharacters(in: .whitespaces).isEmpty && filters.isEmpty {
            throw ValidationError("give a query, e.g. frontline search casualties near Talish (or a filter such as --side armenia)")
        }
    }

    func run() throws {
        let style = output.style
        var request = SearchRequest(query: query.joined(separator: " "))
        request.limit = limit
        request.offset = offset
        request.perArticle = perArticle
        request.copies = allCopies ? .all : .collapsed
        request.crossScript = !noCrossScript
        request.sort = sort
        request.dateBucket = dateBucket
        request.facets = !noFacets
        request.allowPartial = allowPartial
        request.highlight = output.json ? ("**", "**") : style.highlight
        try filters.apply(to: &request)
        let result = try reportingFailures {
            let searcher = try Searcher(locations: index.resolved)
            return try searcher.search(request)
        }
        if output.json {
            print(try jsonString(SearchJSON(result)))
        } else {
            style.print(SearchPrinter(style: style).render(result, offset: offset))
        }
    }
}
