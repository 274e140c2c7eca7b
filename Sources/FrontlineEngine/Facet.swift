/// A field passages are filtered by and counted in: the one name for it in requests,
/// results, labels, the query language (`side:`) and output. `Schema` says how each is
/// stored.
public enum Facet: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable, Comparable {
    /// Belligerents a passage is about.
    case side
    /// Parties whose statements a passage reports.
    case claimant
    /// Actors a passage names.
    case actor
    /// Places a passage names.
    case place
    /// The outlet.
    case source
    /// The categories of the figures a passage reports (`killed`, `equipment`…).
    case figure
    /// The language of a passage (`en`, `ru`, `hy`, `az`, `unknown`; see `Language`).
    case language
    /// The publication date (counted in day, month or year buckets; filtered by range).
    case date

    /// The facets tagged from the gazetteer, whose values are gazetteer ids.
    public static let tags: [Facet] = [.side, .claimant, .actor, .place]
    /// The facets filtered by value (`--side armenia`, `source:"The Moscow Times"`,
    /// `figure:killed`), in output order.
    public static let filterable: [Facet] = tags + [.source, .figure, .language]

    /// Whether its values are gazetteer ids, with labels and aliases.
    public var isTag: Bool { Facet.tags.contains(self) }

    /// Output order: the order of the cases.
    public static func < (a: Facet, b: Facet) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The facet values counted over a whole match set.
public struct FacetResult: Sendable, Equatable {
    /// The facet counted.
    public var facet: Facet
    /// Its values by descending count (`date`: by date).
    public var counts: [FacetCount]

    /// The counts of `facet`.
    public init(facet: Facet, counts: [FacetCount]) {
        self.facet = facet
        self.counts = counts
    }
}

/// A facet value with its count over the whole match set.
public struct FacetCount: Sendable, Equatable {
    /// The facet value (a gazetteer id, an outlet, a date bucket).
    public var value: String
    /// Its display label.
    public var label: String
    /// Matching passages with this value.
    public var count: Int

    /// A count of `value` (shown as `label`).
    public init(value: String, label: String, count: Int) {
        self.value = value
        self.label = label
        self.count = count
    }
}
