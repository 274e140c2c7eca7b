import FrontlineCorpus

/// A figure with where it was reported and who claims it.
public struct FigureRecord: Sendable, Encodable {
    public var article: String
    public var passage: Int
    /// The day the passage speaks of, else the article's date, or the period of a
    /// historical figure ("1990s").
    public var date: String
    public var claimants: [String]
    public var side: String?
    public var category: String
    public var item: String?
    public var subject: String?
    public var count: Figure.Count
    public var place: String?
    public var text: String

    enum CodingKeys: String, CodingKey {
        case article, passage, date, claimants, side, category, item, subject, count, place, text
    }

    /// Every key present, `null` where the text does not say (whose, what item, whom, where).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(article, forKey: .article)
        try container.encode(passage, forKey: .passage)
        try container.encode(date, forKey: .date)
        try container.encode(claimants, forKey: .claimants)
        try container.encode(side, forKey: .side)
        try container.encode(category, forKey: .category)
        try container.encode(item, forKey: .item)
        try container.encode(subject, forKey: .subject)
        try container.encode(count, forKey: .count)
        try container.encode(place, forKey: .place)
        try container.encode(text, forKey: .text)
    }
}

/// Figures of one category (and subject or item) about one side, from different
/// claimants, in a few days' window, whose counts differ markedly.
public struct DisputedFigures: Sendable, Encodable {
    public var category: String
    public var side: String
    public var from: String
    public var to: String
    public var figures: [FigureRecord]
}

/// The figures in the passages a search matches, and where the parties contradict each other.
public struct FigureLedger: Sendable, Encodable {
    public var figures: [FigureRecord]
    public var disputed: [DisputedFigures]

    /// How far apart two claims may be dated and still be about the same events.
    public static let windowDays = 3
    /// How many times larger one count must be than the other to be a dispute.
    public static let disputeRatio = 1.5

    /// A ledger of `figures` and `disputed` groups.
    public init(figures: [FigureRecord], disputed: [DisputedFigures]) {
        self.figures = figures
        self.disputed = disputed
    }
}

public extension Searcher {
    /// The figures read by `extractor` from every passage `request` matches (its limit and
    /// offset are ignored), in date order, of `category` if given, with the disputed ones.
    func figures(_ request: SearchRequest, extractor: FigureExtractor, category: String? = nil) throws -> FigureLedger {
        var page = request
        page.facets = false
        page.limit = 1_000
        page.offset = 0
        page.sort = .date
        var records: [FigureRecord] = []
        while true {
            let hits = try search(page).hits
            for hit in hits {
                let p = hit.passage
                for figure in extractor.figures(in: p.text, claimants: p.claimants) where category == nil || figure.category == category {
                    // A decade, or a year other than the article's, dates a historical figure.
                    let period = figure.period.flatMap { $0.hasSuffix("s") || !p.date.hasPrefix($0) ? $0 : nil }
                    records.append(FigureRecord(article: p.article, passage: p.ordinal, date: period ?? p.eventDates.first ?? p.date,
                                                claimants: p.claimants, side: figure.side, category: figure.category, item: figure.item,
                                                subject: figure.subject, count: figure.count, place: p.places.first, text: figure.text))
                }
            }
            guard hits.count == page.limit else { break }
            page.offset += page.limit
        }
        return FigureLedger(figures: records, disputed: FigureLedger.disputes(in: records))
    }
}

extension FigureLedger {
    /// Pairs of figures of the same category about the same side, dated within
    /// `windowDays` of each other, claimed by different parties, counts `disputeRatio`
    /// apart or more; each group lists the figures of both claims.
    static func disputes(in records: [FigureRecord]) -> [DisputedFigures] {
        let dated = records.filter { $0.side != nil && $0.date.count == 10 && !$0.claimants.isEmpty }
        var groups: [DisputedFigures] = []
        var paired: Set<String> = []
        for (i, a) in dated.enumerated() {
            for b in dated[(i + 1)...] where a.category == b.category && a.side == b.side && a.claimants.first != b.claimants.first
                && (a.subject == nil || b.subject == nil || a.subject == b.subject) && a.item == b.item {
                guard let da = FigureLedger.dayNumber(a.date), let db = FigureLedger.dayNumber(b.date), abs(da - db) <= windowDays else { continue }
                let low = Double(Swift.min(a.count.value, b.count.value)), high = Double(Swift.max(a.count.value, b.count.value))
                guard low > 0, high / low >= disputeRatio else { continue }
                let key = "\(a.article)#\(a.passage)|\(b.article)#\(b.passage)|\(a.category)"
                guard paired.insert(key).inserted else { continue }
                groups.append(DisputedFigures(category: a.category, side: a.side!, from: Swift.min(a.date, b.date), to: Swift.max(a.date, b.date), figures: [a, b]))
            }
        }
        return groups
    }

    private static func dayNumber(_ iso: String) -> Int? {
        guard case .date(let date) = CalendarDate.parse(iso) else { return nil }
        return date.dayNumber
    }
}
