/// Facet counts in Frontline's JSON vocabulary: `{"side": [{"value", "label", "count"}], …}`,
/// every facet counted (one declared since the first contract only when it has values), values by descending count; `date` values are buckets and carry no label.
public struct FacetsJSON: Encodable, Sendable {
    /// One value's count.
    public struct Count: Encodable, Sendable, Equatable {
        public var value: String
        public var label: String?
        public var count: Int
    }

    public var counts: [Facet: [Count]]

    /// The JSON form of `results`.
    public init(_ results: [FacetResult]) {
        var counts: [Facet: [Count]] = [:]
        for result in results where result.facet.alwaysListed || !result.counts.isEmpty {
            counts[result.facet] = result.counts.map { Count(value: $0.value, label: result.facet == .date ? nil : $0.label, count: $0.count) }
        }
        self.counts = counts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
