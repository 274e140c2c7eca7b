import FrontlineCorpus

/// A field passages are filtered by and counted in: the one name for it in requests,
/// results, labels, the query language (`side:`) and output, and, declared once here,
/// how it is stored (`Schema` assigns its value slots) and what it is read from. Every
/// renderer (the CLI's filters, `show`, `inspect` and hit lines, the page's chips, the
/// export's columns, the JSON) lists the declared facets.
///
/// A new tag facet is a `Gazetteer.Kind`, a line in `all` below and a CLI option line
/// in `Filters`; it goes at the end of the slotted facets (before `date`), so that the
/// slots of those declared before it stay where they are.
public struct Facet: Sendable, Hashable, Comparable, Encodable, CodingKeyRepresentable, CustomStringConvertible {
    /// What a facet's values are read from.
    public enum Source: Sendable, Equatable {
        /// The ids the tagger gives a passage for a gazetteer kind: values are gazetteer
        /// ids, with labels and aliases.
        case gazetteer(Gazetteer.Kind)
        /// The article's outlet.
        case articleSource
        /// The categories of the passage's figures.
        case figureCategories
        /// The passage's language.
        case language
        /// The publication date (counted in day, month or year buckets; filtered by range).
        case date
    }

    /// The facet's name (`side`): the query field, the filter option, the page's parameter.
    public let rawValue: String
    /// What its values are read from.
    public let source: Source
    /// The name of its values together (`sides`): a tag facet's list in a passage's JSON,
    /// `show`, `inspect` and the export; the property of its CLI filter.
    public let plural: String
    /// A tag facet's key in the stored passage (`sd`).
    let storedKey: String
    /// The boolean term prefix (`XSIDE`); empty for `date`.
    let prefix: String
    /// How many values per passage are counted in value slots (more are still filterable).
    let width: Int
    /// The value slot it must have (`source` shares its slot with display); nil: assigned by `Schema`.
    let fixedSlot: Int?
    /// True if its one slot holds all of a passage's values as a set (`Schema.FacetStorage.holdsSets`).
    let holdsSets: Bool
    /// True if its list is in a passage's and a search's JSON even when empty (the facets of the
    /// first JSON contract); a facet declared since is there only when it has values, so that
    /// output without them is as before.
    public let alwaysListed: Bool
    /// True if a search hit's line names its values (the sides and claimants: who a passage
    /// is about and who speaks; `show` lists every tag).
    public let onHitLine: Bool

    /// A facet as declared below (internal: tests declare clashing ones).
    init(_ name: String, source: Source, plural: String = "", storedKey: String = "", prefix: String, width: Int,
                 fixedSlot: Int? = nil, holdsSets: Bool = false, alwaysListed: Bool = true, onHitLine: Bool = false) {
        rawValue = name
        self.source = source
        self.plural = plural
        self.storedKey = storedKey
        self.prefix = prefix
        self.width = width
        self.fixedSlot = fixedSlot
        self.holdsSets = holdsSets
        self.alwaysListed = alwaysListed
        self.onHitLine = onHitLine
    }

    /// A facet of the gazetteer's `kind`, named as the kind.
    private init(_ kind: Gazetteer.Kind, plural: String, storedKey: String, prefix: String, width: Int,
                 alwaysListed: Bool = true, onHitLine: Bool = false) {
        self.init(kind.name, source: .gazetteer(kind), plural: plural, storedKey: storedKey, prefix: prefix, width: width,
                  alwaysListed: alwaysListed, onHitLine: onHitLine)
    }

    /// Belligerents a passage is about.
    public static let side = Facet(.side, plural: "sides", storedKey: "sd", prefix: "XSIDE", width: 8, onHitLine: true)
    /// Parties whose statements a passage reports.
    public static let claimant = Facet(.claimant, plural: "claimants", storedKey: "cl", prefix: "XCLAIM", width: 8, onHitLine: true)
    /// Actors a passage names.
    public static let actor = Facet(.actor, plural: "actors", storedKey: "ac", prefix: "XACTOR", width: 16)
    /// Places a passage names.
    public static let place = Facet(.place, plural: "places", storedKey: "pl", prefix: "XPLACE", width: 16)
    /// The outlet.
    public static let source = Facet("source", source: .articleSource, plural: "sources", prefix: "XSOURCE", width: 1, fixedSlot: Schema.sourceSlot)
    /// The categories of the figures a passage reports (`killed`, `equipment`…).
    public static let figure = Facet("figure", source: .figureCategories, plural: "figures", prefix: "XFIG", width: 1, holdsSets: true)
    /// The language of a passage (`en`, `ru`, `hy`, `az`, `unknown`; see `Language`).
    public static let language = Facet("language", source: .language, plural: "languages", prefix: "XLANG", width: 1)
    /// Military units a passage names.
    public static let unit = Facet(.unit, plural: "units", storedKey: "un", prefix: "XUNIT", width: 8, alwaysListed: false)
    /// The publication date (counted in day, month or year buckets; filtered by range).
    public static let date = Facet("date", source: .date, plural: "dates", prefix: "", width: 0)

    /// Every facet, in output order; value slots are assigned in this order.
    public static let all: [Facet] = [.side, .claimant, .actor, .place, .source, .figure, .language, .unit, .date]
    /// The facets tagged from the gazetteer, whose values are gazetteer ids.
    public static let tags: [Facet] = all.filter(\.isTag)
    /// The facets filtered by value (`--side armenia`, `source:"The Moscow Times"`,
    /// `figure:killed`), in output order.
    public static let filterable: [Facet] = all.filter { $0.source != .date }

    /// The declared facet named `rawValue`, if any.
    public init?(rawValue: String) {
        guard let facet = Facet.all.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = facet
    }

    /// Whether its values are gazetteer ids, with labels and aliases.
    public var isTag: Bool { kind != nil }
    /// The gazetteer kind it is tagged from, if it is a tag.
    public var kind: Gazetteer.Kind? {
        if case .gazetteer(let kind) = source { return kind }
        return nil
    }

    /// Its name.
    public var description: String { rawValue }

    /// Output order: the order of `all`.
    public static func < (a: Facet, b: Facet) -> Bool {
        (all.firstIndex(of: a) ?? all.count) < (all.firstIndex(of: b) ?? all.count)
    }

    /// Facets are the same if they have the same name.
    public static func == (a: Facet, b: Facet) -> Bool { a.rawValue == b.rawValue }
    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The name as a dictionary key.
    public var codingKey: any CodingKey { FacetKey(stringValue: rawValue) }

    /// The declared facet a dictionary key names.
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }

    private struct FacetKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
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
