import ArgumentParser
import Foundation
import FrontlineCorpus
import FrontlineEngine
import FrontlineOptions

/// `frontline figures`: the ledger of who claims how many killed, wounded, captured or
/// destroyed, and where the parties disagree.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "The figures in the matching passages: who claims how many killed, wounded, captured or destroyed, about whose losses.",
        discussion: HelpText.discussion("""
        Figures are read from the passages when they are indexed, with the words of the
        figure lexicon (figures.json beside the gazetteer; see `frontline index --help`): a number
        (digits, number words, "a" before an item, "dozens"…) with its bound ("at least",
        "nearly", "about"), near a word of loss, with whom or what it counts. Its claimant is the
        party of the nearest claim in its sentence ("rubbished claims from Baku that 100…" is
        Baku's); whose losses they are comes from the text ("Azeri servicemen", "its soldiers",
        "enemy forces", "shot down by Armenian forces", "Armenia confirmed losing 18"). Dates,
        years, ages, durations and names such as T-72 are not figures; a historical figure is
        dated to its period ("1990s"). The query and filters choose the passages; --claimant
        also keeps only the figures that party claims, --side only those of that side's losses.
        --disputed groups the figures of one category and subject (or item) about one side,
        within \(FigureLedger.windowDays) days, from two claimants or more, where one claimant's count
        is \(FigureLedger.disputeRatio) times another's or more.
        """, statuses: [.success, .noIndex, .badQuery, .failure, .unreachable, .usage])
    )

    @Argument(help: "What the passages are about, in the search query language (default: all).")
    var query: [String] = []
    @OptionGroup var index: IndexLocations
    @OptionGroup var filters: Filters
    @Option(help: ArgumentHelp("Keep figures of this category.", valueName: "CATEGORY"))
    var category: FigureCategory?
    @Option(help: "How the summary groups the figures.")
    var by = ComparisonAxis.claimant
    @Flag(help: "Show only the figures the parties dispute.")
    var disputed = false
    @Flag(help: "Print JSON (figures and disputed).")
    var json = false
    @Flag(help: "Print the ledger as CSV.")
    var csv = false

    func run() throws {
        var request = SearchRequest(query: query.joined(separator: " "))
        try filters.apply(to: &request)
        let (ledger, labels) = try reportingFailures { () -> (FigureLedger, Labels) in
            let searcher = try Searcher(locations: index.resolved)
            return (try searcher.figures(request, category: category), searcher.labels)
        }
        if json {
            print(try jsonString(disputed ? ledger.disputedOnly : ledger))
        } else if csv {
            print(FiguresCommand.csv((disputed ? ledger.disputedOnly : ledger).figures))
        } else {
            Style(color: false).print(render(ledger, labels: labels))
        }
    }

    private func render(_ ledger: FigureLedger, labels: Labels) -> String {
        func name(_ id: String?) -> String { id.map(labels.label) ?? "—" }
        var out: [String] = []
        if disputed {
            out.append("\(counted(ledger.disputed.count, "dispute")):")
            for group in ledger.disputed {
                let claims = group.claims.map { claim in
                    var said: [String] = []
                    for phrase in claim.figures.map(\.count.phrase) where !said.contains(phrase) { said.append(phrase) }
                    return "\(name(claim.claimant)) says " + said.joined(separator: ", ")
                }.joined(separator: " — ")
                out.append("  \(group.heading(label: labels.label)): \(claims)")
            }
            return out.joined(separator: "\n")
        }
        out.append("\(counted(ledger.figures.count, "figure")) (date · claimant · whose losses · category · count · subject · place · passage)")
        for f in ledger.figures {
            let what = [f.category, f.item].compactMap { $0 }.joined(separator: " ")
            out.append("  \(f.date) · \(f.claimants.map(labels.label).joined(separator: ", ").nonEmpty ?? "—") · \(name(f.side)) · \(what) · \(f.count.phrase) · \(f.subject ?? "—") · \(name(f.place)) · \(f.article)#\(f.passage)")
            out.append("      \(f.text)")
        }
        out.append("")
        out.append(by == .claimant ? "What each party claims (its own losses · the other side's):" : "Losses by side (as claimed):")
        func totals(_ sums: [String: Int]) -> String {
            sums.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ").nonEmpty ?? "—"
        }
        for party in ledger.summary(by: by) {
            if by == .claimant, party.thirdParty {
                out.append("  \(name(party.party)) (not a side): of the sides' losses \(totals(party.others))")
            } else {
                out.append(by == .claimant ? "  \(name(party.party)): own \(totals(party.own)) · other side's \(totals(party.others))" : "  \(name(party.party)): \(totals(party.own))")
            }
        }
        return out.joined(separator: "\n")
    }

    /// The ledger as CSV (`CSV`: the export's writer), without the last row's line end.
    static func csv(_ figures: [FigureRecord]) -> String {
        let header = ["date", "claimants", "side", "category", "item", "subject", "value", "min", "max", "approximate", "place", "article", "passage", "text"]
        let rows = figures.map { f in
            CSV.row([f.date, f.claimants.joined(separator: ";"), f.side ?? "", f.category, f.item ?? "", f.subject ?? "", String(f.count.value), String(f.count.min),
                     f.count.max == Figure.Count.unbounded ? "" : String(f.count.max), String(f.count.approximate), f.place ?? "", f.article, String(f.passage), f.text])
        }
        return String((CSV.row(header) + rows.joined()).dropLast(2))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
