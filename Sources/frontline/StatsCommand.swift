import ArgumentParser
import Foundation
import FrontlineEngine

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

    struct Output: Encodable {
        var schema: String
        var articles, passages, terms: Int
        var average_passage_length: Double
        var index_bytes: Int
        var facets: [String: [SearchOutput.FacetOutput]]
    }

    /// How many values of facet `name` the text output lists before "+N more".
    static func shownValues(of name: String) -> Int { name == "date" ? 24 : 12 }

    func run() throws {
        let stats = try reportingFailures { try Searcher(locations: index.resolved).statistics() }
        let bytes = index.resolved.filter { !$0.hasPrefix("tcp://") }.reduce(0) { $0 + IndexLayout(folder: $1).sizeInBytes() }
        if json {
            var facets: [String: [SearchOutput.FacetOutput]] = [:]
            for (name, counts) in stats.facets {
                facets[name] = counts.map { .init(value: $0.value, label: name == "date" ? nil : $0.label, count: $0.count) }
            }
            print(try jsonString(Output(schema: stats.schema, articles: stats.articles, passages: stats.passages, terms: stats.terms,
                                        average_passage_length: (stats.averagePassageLength * 10).rounded() / 10,
                                        index_bytes: bytes, facets: facets)))
            return
        }
        let style = Style(color: false)
        style.print("index:     \(index.resolved.joined(separator: ", ")) (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MB)")
        style.print("schema:    \(stats.schema)")
        style.print("articles:  \(stats.articles)")
        style.print("passages:  \(stats.passages) (average \(String(format: "%.1f", stats.averagePassageLength)) terms)")
        style.print("terms:     \(stats.terms)")
        for (name, counts) in stats.facets where !counts.isEmpty {
            let limit = StatsCommand.shownValues(of: name)
            let shown = counts.prefix(limit).map { "\($0.label) \($0.count)" }.joined(separator: " · ")
            let more = counts.count > limit ? " · +\(counts.count - limit) more" : ""
            style.print(name.padding(toLength: 11, withPad: " ", startingAt: 0) + wrap(shown + more, width: 100, indent: 11))
        }
    }
}
