import ArgumentParser
import Foundation
import FrontlineEngine

/// Filters shared by `search` and `compare`: an option per facet filtered by value, named
/// for the facet and held in the property named for its `Facet.plural` (a test checks that
/// every declared facet has its option).
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
    @Option(name: .customLong("unit"), help: "Keep passages naming this military unit (repeat to OR).")
    var units: [String] = []
    @Option(help: ArgumentHelp("Published on or after this day, month or year (2016-04-01, 2016-04, 2016).", valueName: "DATE"))
    var from: String?
    @Option(help: ArgumentHelp("Published on or before this day, month or year.", valueName: "DATE"))
    var to: String?

    /// True if no filter is given.
    var isEmpty: Bool {
        values.values.allSatisfy(\.isEmpty) && from == nil && to == nil
    }

    /// The values given for each facet: those of the option whose property is named for its
    /// `Facet.plural`.
    var values: [Facet: [String]] {
        var values: [Facet: [String]] = [:]
        for child in Mirror(reflecting: self).children {
            guard let option = child.value as? Option<[String]>, let name = child.label?.dropFirst(), // "_sides"
                  let facet = Facet.filterable.first(where: { $0.plural == name }) else { continue }
            values[facet] = option.wrappedValue
        }
        return values
    }

    func validate() throws {
        var request = SearchRequest(query: "")
        try apply(to: &request)
    }

    /// Applies the filters to `request`, or throws a validation error naming the bad date.
    func apply(to request: inout SearchRequest) throws {
        request.filters = values
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
