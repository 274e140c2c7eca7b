import ArgumentParser
import Foundation
import FrontlineEngine
import FrontlineOptions

/// `frontline stats`: what an index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show an index's articles, passages, terms, schema, size and facet values.",
        discussion: Status.help([.success, .noIndex, .failure, .unreachable, .usage])
    )

    @OptionGroup var index: IndexLocations
    @Flag(help: "Print JSON.")
    var json = false

    /// How many values of `facet` the text output lists before "+N more".
    static func shownValues(of facet: Facet) -> Int { facet == .date ? 24 : 12 }

    func run() throws {
        let (stats, bytes) = try reportingFailures { () -> (IndexStatistics, Int) in
            let searcher = try Searcher(locations: index.resolved)
            return (try searcher.statistics(), searcher.localIndexBytes)
        }
        if json {
            print(try jsonString(StatisticsJSON(stats, indexBytes: bytes)))
            return
        }
        let style = Style(color: false)
        style.print("index:     \(index.resolved.joined(separator: ", ")) (\(decimal(Double(bytes) / 1_048_576, places: 1)) MB)")
        style.print("schema:    \(stats.schema)")
        style.print("articles:  \(stats.articles)")
        style.print("passages:  \(stats.passages) (average \(decimal(stats.averagePassageLength, places: 1)) terms)")
        style.print("terms:     \(stats.terms)")
        style.print("tagging:   " + (stats.readWith.map(\.tagging) ?? "not recorded (an index built before it was kept)"))
        style.print("figures:   " + (stats.readWith.map(\.figureReading) ?? "not recorded"))
        for facet in stats.facets where !facet.counts.isEmpty {
            let name = facet.facet.rawValue, counts = facet.counts
            let limit = StatsCommand.shownValues(of: facet.facet)
            let shown = counts.prefix(limit).map { "\($0.label) \($0.count)" }.joined(separator: " · ")
            let more = counts.count > limit ? " · +\(counts.count - limit) more" : ""
            style.print(padded(name, to: 11) + wrap(shown + more, width: 100, indent: 11))
        }
    }
}
