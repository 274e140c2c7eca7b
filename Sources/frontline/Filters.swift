import ArgumentParser
import Foundation
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
    @Option(name: .customLong("figure"), help: "Keep passages reporting figures of this category: killed, wounded, captured, missing, equipment, attacks (repeat to OR).")
    var figures: [String] = []
    @Option(name: .customLong("language"), help: "Keep passages in this language: en, ru, hy, az or unknown (repeat to OR).")
    var languages: [String] = []
    @Option(help: ArgumentHelp("Published on or after this day, month or year (2016-04-01, 2016-04, 2016).", valueName: "DATE"))
    var from: String?
    @Option(help: ArgumentHelp("Published on or before this day, month or year.", valueName: "DATE"))
    var to: String?

    /// True if no filter is given.
    var isEmpty: Bool {
        [sides, claimants, actors, places, sources, figures, languages].allSatisfy(\.isEmpty) && from == nil && to == nil
    }

    func validate() throws {
        var request = SearchRequest(query: "")
        try apply(to: &request)
    }

    /// Applies the filters to `request`, or throws a validation error naming the bad date.
    func apply(to request: inout SearchRequest) throws {
        request.filters = [.side: sides, .claimant: claimants, .actor: actors, .place: places, .source: sources, .figure: figures, .language: languages]
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
        throw ValidationError("\(option) \(Excerpt.quoted(value)) \(DateRange.problem(with: value) ?? "is not a date")")
    }
}
