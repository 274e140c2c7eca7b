import ArgumentParser
import Foundation
import FrontlineEngine
import FrontlineOptions

/// `frontline compare`: what each side (or claimant) says about a subject.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Side by side: the best passages about a subject for each belligerent or claimant.",
        discussion: HelpText.discussion("""
        --by claimant (the default) groups passages by whose statement they report: what each
        party claims. --by side groups them by which belligerent they concern. Each group shows
        its number of matching passages and its best passages, one per article; figures in the
        passages are emphasised, since claims of losses are what such comparisons are about.
        """, statuses: [.success, .noIndex, .badQuery, .failure, .unreachable, .usage])
    )

    @Argument(help: "The subject, in the search query language.")
    var query: [String]
    @Option(help: "What the groups are.")
    var by = ComparisonAxis.claimant
    @Option(parsing: .unconditional, help: "Passages per group (1 to 50).")
    var limit = 3
    @OptionGroup var index: IndexLocations
    @OptionGroup var filters: Filters
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (1...50).contains(limit) else { throw ValidationError("--limit must be between 1 and 50") }
    }

    func run() throws {
        let style = output.style
        var request = SearchRequest(query: query.joined(separator: " "))
        try filters.apply(to: &request)
        request.highlight = output.json ? ("**", "**") : style.highlight
        let comparison = try reportingFailures {
            try Searcher(locations: index.resolved).compare(request, by: by, limit: limit)
        }
        if output.json {
            print(try jsonString(ComparisonJSON(comparison)))
        } else {
            style.print(render(comparison, style))
        }
    }

    private func render(_ comparison: Comparison, _ style: Style) -> String {
        let heading = comparison.by == .claimant ? "What each party claims" : "What is said about each side"
        var out = [style.bold("\(heading): \(comparison.query)") + style.dim(" — \(counted(comparison.total, "matching passage"))")]
        if let corrected = comparison.corrected { out.append("Did you mean: \(style.bold(corrected))?") }
        for notice in comparison.notices { out.append(style.yellow("note: \(notice)")) }
        if comparison.groups.isEmpty { out.append("No passage reports a claim by any party; try --by side.") }
        let widest = comparison.groups.map(\.count).max() ?? 1
        for group in comparison.groups {
            out.append("")
            let bar = String(repeating: "■", count: max(group.count > 0 ? 1 : 0, group.count * 20 / max(1, widest)))
            out.append(style.bold(group.label) + "  " + style.green(bar) + " " + style.dim(counted(group.count, "passage")))
            if group.hits.isEmpty { out.append("    " + style.dim("nothing")) }
            for hit in group.hits {
                let p = hit.passage
                let meta = [p.date, p.source, p.title].filter { !$0.isEmpty }.joined(separator: " · ")
                out.append("  " + style.dim("• \(meta) (\(p.article)#\(p.ordinal))"))
                // Figures are emboldened in the snippet's placeholder form, never inside escape codes.
                out.append("    " + wrap(style.emphasiseNumbers(hit.snippet), width: 100, indent: 4))
            }
        }
        return out.joined(separator: "\n")
    }
}
