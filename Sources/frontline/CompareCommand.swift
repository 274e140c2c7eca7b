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

        Exit status: 0 success; 4 no index; 5 the query cannot be understood; 7 other failure.
        """
    )

    @Argument(help: "The subject, in the search query language.")
    var query: [String]
    @Option(help: "claimant or side.")
    var by = "claimant"
    @Option(help: "Passages per group.")
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
        print(style.bold("\(heading): \(overall.query)") + style.dim(" — \(overall.total) matching passages"))
        if let corrected = overall.corrected { print("Did you mean: \(style.bold(corrected))?") }
        if groups.isEmpty { print("No passage reports a claim by any party; try --by side.") }
        let widest = groups.map { $0.0.count }.max() ?? 1
        for (column, result) in groups {
            print("")
            let bar = String(repeating: "■", count: max(column.count > 0 ? 1 : 0, column.count * 20 / max(1, widest)))
            print(style.bold(column.label) + "  " + style.green(bar) + " " + style.dim("\(column.count) passage\(column.count == 1 ? "" : "s")"))
            if result.hits.isEmpty { print("    " + style.dim("nothing")) }
            for hit in result.hits {
                let p = hit.passage
                let meta = [p.date, p.source, p.title].filter { !$0.isEmpty }.joined(separator: " · ")
                print("  " + style.dim("• \(meta) (\(p.article)#\(p.ordinal))"))
                print("    " + wrap(emphasiseFigures(hit.snippet, style), width: 100, indent: 4))
            }
        }
    }

    /// Bolds numbers ("31 of its soldiers", "30,000") so claimed figures stand out.
    private func emphasiseFigures(_ text: String, _ style: Style) -> String {
        guard style.color else { return text }
        var out = ""
        var number = ""
        for c in text {
            if c.isNumber || (!number.isEmpty && c == ",") {
                number.append(c)
            } else {
                if !number.isEmpty { out += style.bold(number); number = "" }
                out.append(c)
            }
        }
        if !number.isEmpty { out += style.bold(number) }
        return out
    }
}
