import ArgumentParser
import Foundation
import FrontlineEngine

/// `frontline compare`: what each side (or claimant) says about a subject.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Side by side: the best passages about a subject for each belligerent or claimant.",
        discussion: """
        --by claimant (the default) groups passages by whose statement they report: what each
        party claims. --by side groups them by which belligerent they concern. Each group shows
        its number of matching passages and its best passages, one per article; figures in the
        passages are emphasised, since claims of losses are what such comparisons are about.

        \(Status.help([.success, .noIndex, .badQuery, .failure, .unreachable, .usage]))
        """
    )

    @Argument(help: "The subject, in the search query language.")
    var query: [String]
    @Option(help: "claimant or side.")
    var by = "claimant"
    @Option(parsing: .unconditional, help: "Passages per group (1 to 50).")
    var limit = 3
    @OptionGroup var index: IndexLocations
    @OptionGroup var filters: Filters
    @Flag(help: "Print JSON.")
    var json = false
    @Flag(help: "No colour.")
    var noColor = false

    func validate() throws {
        guard by == "claimant" || by == "side" else { throw ValidationError("--by must be claimant or side") }
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50") }
    }

    struct Group: Encodable {
        var value: String
        var label: String
        var count: Int
        var hits: [SearchOutput.HitOutput]
    }

    struct Output: Encodable {
        var query: String
        var by: String
        var total: Int
        var groups: [Group]
    }

    func run() throws {
        let style = Style.forStandardOutput(disabled: noColor || json)
        var base = SearchRequest(query: query.joined(separator: " "))
        try filters.apply(to: &base)
        base.limit = 0
        base.highlight = json ? ("**", "**") : style.highlight
        base.snippetLength = 1000 // passages are short: show each whole
        let (overall, groups) = try reportingFailures { () -> (SearchResult, [(FacetCount, SearchResult)]) in
            let searcher = try Searcher(locations: index.resolved)
            let overall = try searcher.search(base)
            let counts = overall.facets.first { $0.name == by }?.counts ?? []
            var columns: [FacetCount]
            if by == "side" {
                columns = searcher.labels.sides.map { id in counts.first { $0.value == id } ?? FacetCount(value: id, label: searcher.labels.label(id), count: 0) }
            } else {
                let sides = Set(searcher.labels.sides)
                columns = counts.filter { sides.contains($0.value) } + counts.filter { !sides.contains($0.value) }.prefix(4)
            }
            var groups: [(FacetCount, SearchResult)] = []
            for column in columns {
                var request = base
                request.filters[by, default: []] = [column.value]
                request.limit = limit
                request.perArticle = true
                request.facets = false
                groups.append((column, try searcher.search(request)))
            }
            return (overall, groups)
        }
        if json {
            print(try jsonString(Output(query: overall.query, by: by, total: overall.total, groups: groups.map { column, result in
                Group(value: column.value, label: column.label, count: column.count, hits: SearchOutput(result).hits)
            })))
            return
        }
        let heading = by == "claimant" ? "What each party claims" : "What is said about each side"
        style.print(style.bold("\(heading): \(overall.query)") + style.dim(" — \(counted(overall.total, "matching passage"))"))
        if let corrected = overall.corrected { style.print("Did you mean: \(style.bold(corrected))?") }
        for notice in overall.notices { style.print(style.yellow("note: \(notice)")) }
        if groups.isEmpty { style.print("No passage reports a claim by any party; try --by side.") }
        let widest = groups.map { $0.0.count }.max() ?? 1
        for (column, result) in groups {
            style.print("")
            let bar = String(repeating: "■", count: max(column.count > 0 ? 1 : 0, column.count * 20 / max(1, widest)))
            style.print(style.bold(column.label) + "  " + style.green(bar) + " " + style.dim(counted(column.count, "passage")))
            if result.hits.isEmpty { style.print("    " + style.dim("nothing")) }
            for hit in result.hits {
                let p = hit.passage
                let meta = [p.date, p.source, p.title].filter { !$0.isEmpty }.joined(separator: " · ")
                style.print("  " + style.dim("• \(meta) (\(p.article)#\(p.ordinal))"))
                // Figures are emboldened in the snippet's placeholders form, never inside escape codes.
                style.print("    " + wrap(style.emphasiseNumbers(hit.snippet), width: 100, indent: 4))
            }
        }
    }
}
