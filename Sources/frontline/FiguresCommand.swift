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
        discussion: """
        Figures are read from the passages at the time of the request, with the words of
        Corpus/figures.json (--lexicon): a number (digits, number words, "a" before an
        item, "dozens"…) with its bound ("at least", "nearly", "about"), near a word of loss,
        with whom or what it counts and, where the text says, whose losses they are ("Azeri
        servicemen", "its soldiers", "enemy forces"). Dates, years, ages, durations and
        names such as T-72 are not figures. --disputed pairs figures of one category about one
        side, from different claimants, within \(FigureLedger.windowDays) days, whose counts differ
        \(FigureLedger.disputeRatio)-fold or more.

        \(Status.help([.success, .noIndex, .badQuery, .failure, .unreachable, .usage]))
        """
    )

    /// The categories a figure can have.
    enum Category: String, CaseIterable, ExpressibleByArgument {
        case killed, wounded, captured, missing, equipment, attacks
    }

    @Argument(help: "What the passages are about, in the search query language (default: all).")
    var query: [String] = []
    @OptionGroup var index: IndexLocations
    @OptionGroup var filters: Filters
    @Option(help: "Keep figures of this category.")
    var category: Category?
    @Option(help: "How the summary groups the figures.")
    var by = ComparisonAxis.claimant
    @Flag(help: "Show only the figures the parties dispute.")
    var disputed = false
    @Option(help: ArgumentHelp("The figure words (default: Corpus/figures.json).", valueName: "FILE"))
    var lexicon = "Corpus/figures.json"
    @Flag(help: "Print JSON (figures and disputed).")
    var json = false
    @Flag(help: "Print the ledger as CSV.")
    var csv = false

    func run() throws {
        let words: FigureLexicon
        do { words = try FigureLexicon.load(path: lexicon) } catch {
            throw ValidationError("the figure words in \(lexicon) cannot be read (\(FileError.describe(error))); give --lexicon FILE")
        }
        var request = SearchRequest(query: query.joined(separator: " "))
        try filters.apply(to: &request)
        let (ledger, labels) = try reportingFailures { () -> (FigureLedger, Labels) in
            let searcher = try Searcher(locations: index.resolved)
            let extractor = FigureExtractor(lexicon: words, gazetteer: try Gazetteer.load(path: FiguresCommand.gazetteerPath(beside: lexicon)).0)
            return (try searcher.figures(request, extractor: extractor, category: category?.rawValue), searcher.labels)
        }
        if json {
            print(try jsonString(disputed ? FigureLedger(figures: ledger.disputed.flatMap(\.figures), disputed: ledger.disputed) : ledger))
        } else if csv {
            print(FiguresCommand.csv(disputed ? ledger.disputed.flatMap(\.figures) : ledger.figures))
        } else {
            Style(color: false).print(render(ledger, labels: labels))
        }
    }

    /// The gazetteer that names the sides: beside the lexicon, else the shipped one.
    static func gazetteerPath(beside lexicon: String) -> String {
        let beside = ((lexicon as NSString).deletingLastPathComponent as NSString).appendingPathComponent("gazetteer.json")
        return FileManager.default.fileExists(atPath: beside) ? beside : "Corpus/gazetteer.json"
    }

    private func render(_ ledger: FigureLedger, labels: Labels) -> String {
        func name(_ id: String?) -> String { id.map(labels.label) ?? "—" }
        func count(_ c: Figure.Count) -> String {
            c.min == c.max ? "\(c.approximate ? "about " : "")\(c.value)" : "\(c.value) (\(c.min)–\(c.max)\(c.approximate ? ", approximate" : ""))"
        }
        var out: [String] = []
        if disputed {
            out.append("\(counted(ledger.disputed.count, "disputed figure", plural: "disputed figures")):")
            for group in ledger.disputed {
                let claims = group.figures.map { "\(name($0.claimants.first)) says \(count($0.count)) \($0.category)" }.joined(separator: " — ")
                out.append("  \(name(group.side)) losses, \(group.category), \(group.from == group.to ? group.from : group.from + " to " + group.to): \(claims)")
            }
            return out.joined(separator: "\n")
        }
        out.append("\(counted(ledger.figures.count, "figure")) (date · claimant · whose losses · category · count · subject · place · passage)")
        for f in ledger.figures {
            let what = [f.category, f.item].compactMap { $0 }.joined(separator: " ")
            out.append("  \(f.date) · \(f.claimants.map(labels.label).joined(separator: ", ").nonEmpty ?? "—") · \(name(f.side)) · \(what) · \(count(f.count)) · \(f.subject ?? "—") · \(name(f.place)) · \(f.article)#\(f.passage)")
            out.append("      \(f.text)")
        }
        out.append("")
        out.append(by == .claimant ? "What each party claims (its own losses · the other side's):" : "Losses by side (as claimed):")
        for (key, figures) in Dictionary(grouping: ledger.figures, by: { by == .claimant ? ($0.claimants.first ?? "") : ($0.side ?? "") })
            .sorted(by: { $0.key < $1.key }) where !key.isEmpty {
            let own = figures.filter { $0.side == key }, others = figures.filter { $0.side != nil && $0.side != key }
            func totals(_ list: [FigureRecord]) -> String {
                Dictionary(grouping: list, by: \.category).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.reduce(0) { $0 + $1.count.value })" }.joined(separator: ", ").nonEmpty ?? "—"
            }
            out.append(by == .claimant ? "  \(name(key)): own \(totals(own)) · other side's \(totals(others))" : "  \(name(key)): \(totals(figures))")
        }
        return out.joined(separator: "\n")
    }

    static func csv(_ figures: [FigureRecord]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let rows = figures.map { f in
            [f.date, f.claimants.joined(separator: ";"), f.side ?? "", f.category, f.item ?? "", f.subject ?? "", String(f.count.value), String(f.count.min),
             String(f.count.max), String(f.count.approximate), f.place ?? "", f.article, String(f.passage), f.text].map(field).joined(separator: ",")
        }
        return (["date,claimants,side,category,item,subject,value,min,max,approximate,place,article,passage,text"] + rows).joined(separator: "\n")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
