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
    /// A running total (`Figure.cumulative`).
    public var cumulative: Bool = false
    /// The time a rate is per (`Figure.rate`), if it is one.
    public var rate: String?

    enum CodingKeys: String, CodingKey {
        case article, passage, date, claimants, side, category, item, subject, count, place, text, cumulative, rate
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
        try container.encode(cumulative, forKey: .cumulative)
        try container.encode(rate, forKey: .rate)
    }
}

/// Figures of one category (and subject or item) about one side, from different
/// claimants, in a few days' window, whose counts differ markedly.
public struct DisputedFigures: Sendable, Encodable {
    public var category: String
    public var side: String
    /// The item or subject the figures count, if they say.
    public var what: String? { figures.first.flatMap { $0.item ?? $0.subject } }

    /// The figures by claimant, in the order listed: what each party says.
    public var claims: [(claimant: String, figures: [FigureRecord])] {
        var claims: [(claimant: String, figures: [FigureRecord])] = []
        for figure in figures {
            if let i = claims.firstIndex(where: { $0.claimant == figure.claimants[0] }) {
                claims[i].figures.append(figure)
            } else {
                claims.append((figure.claimants[0], [figure]))
            }
        }
        return claims
    }

    /// "Azerbaijan losses, killed soldiers, 2016-04-01 to 2016-04-02", naming the side with `label`.
    public func heading(label: (String) -> String) -> String {
        "\(label(side)) losses, \([category, what].compactMap { $0 }.joined(separator: " ")), \(from == to ? from : from + " to " + to)"
    }
    public var from: String
    public var to: String
    public var figures: [FigureRecord]
}

/// The figures in the passages a search matches, and where the parties contradict each other.
public struct FigureLedger: Sendable, Encodable {
    public var figures: [FigureRecord]
    public var disputed: [DisputedFigures]
    /// The conflict's sides (the gazetteer's belligerents), when known: a claimant that is
    /// not one (the UN, a monitor) has no losses of its own and no "other side".
    public var belligerents: Set<String> = []

    enum CodingKeys: String, CodingKey {
        case figures, disputed
    }

    /// How far apart two claims may be dated and still be about the same events.
    public static let windowDays = 3
    /// How many times larger one count must be than the other to be a dispute.
    public static let disputeRatio = 1.5

    /// What to tell a user who asked for the figure category `value`, which does not exist.
    static func unknownCategory(_ value: String) -> String {
        "no figure category \(Excerpt.quoted(value)); the categories are \(Figure.categories.joined(separator: ", "))"
    }

    /// A ledger of `figures` and `disputed` groups, of a conflict whose sides are `belligerents`.
    public init(figures: [FigureRecord], disputed: [DisputedFigures], belligerents: Set<String> = []) {
        self.figures = figures
        self.disputed = disputed
        self.belligerents = belligerents
    }

    /// True if a figure of a passage naming `sides` and `places` (the gazetteer's) belongs to
    /// the conflict: it has a side, a side claims it, or its passage names a side or a place of
    /// the conflict (else the ledger asks whether its article does). A fire in a church in
    /// Cairo, reported by Egypt's ministry, in an article of its own, does not.
    static func inConflict(_ figure: Figure, passageSides sides: [String], places: [String], belligerents: Set<String>) -> Bool {
        figure.side != nil || figure.claimants.contains(where: belligerents.contains) || !sides.isEmpty || !places.isEmpty
    }

    /// This ledger with only the figures the parties dispute (what `--disputed` and
    /// `disputed=1` show): the disputed groups, and their figures in group order.
    public var disputedOnly: FigureLedger {
        FigureLedger(figures: disputed.flatMap(\.figures), disputed: disputed)
    }
}

public extension Searcher {
    /// The figures stored with every passage `request` matches (its limit and offset are
    /// ignored), in date order, of `category` if given, with the disputed ones. A claimant
    /// filter keeps the figures that party claims, a side filter those of that side's losses.
    func figures(_ request: SearchRequest, category: FigureCategory? = nil) throws -> FigureLedger {
        func ids(_ facet: Facet) -> Set<String>? {
            let values = request.filters[facet] ?? []
            return values.isEmpty ? nil : Set(values.map { filterID($0, in: facet) })
        }
        let claimants = ids(.claimant), sides = ids(.side)
        let belligerents = Set(labels.sides)
        // Whether an article names a side or a place of the conflict in any passage: a figure of
        // a passage that names neither ("That conflict, which killed 30,000 people") is the
        // war's when its article is about the war.
        var articlesInConflict: [String: Bool] = [:]
        func articleInConflict(_ id: String) throws -> Bool {
            if let known = articlesInConflict[id] { return known }
            let known = try article(id).contains { !$0[.side].isEmpty || !$0[.place].isEmpty }
            articlesInConflict[id] = known
            return known
        }
        var page = request
        page.facets = false
        page.limit = 1_000
        page.offset = 0
        page.sort = .date
        // Only passages with figures (of the category) are read.
        if (page.filters[.figure] ?? []).isEmpty { page.filters[.figure] = category.map { [$0.rawValue] } ?? Figure.categories }
        var records: [FigureRecord] = []
        // A figure of a story several outlets carry counts once (the copies' shared passages are folded already).
        var reported: Set<[String]> = []
        while true {
            let hits = try search(page).hits
            for hit in hits {
                let p = hit.passage
                for figure in p.figures where (category == nil || figure.category == category?.rawValue)
                    && claimants.map({ !$0.isDisjoint(with: figure.claimants) }) ?? true
                    && sides.map({ figure.side.map($0.contains) ?? false }) ?? true {
                    guard try FigureLedger.inConflict(figure, passageSides: p[.side], places: p[.place], belligerents: belligerents)
                        || articleInConflict(p.article) else { continue }
                    if let story = hit.story, page.copies == .collapsed,
                       !reported.insert([story, figure.category, String(figure.count.value), figure.side ?? "", figure.item ?? "", figure.subject ?? "",
                                         figure.rate ?? "", String(figure.cumulative)] + figure.claimants).inserted { continue }
                    // A decade, or a year other than the article's, dates a historical figure.
                    let period = figure.period.flatMap { $0.hasSuffix("s") || !p.date.hasPrefix($0) ? $0 : nil }
                    records.append(FigureRecord(article: p.article, passage: p.ordinal, date: period ?? p.eventDates.first ?? p.date,
                                                claimants: figure.claimants, side: figure.side, category: figure.category, item: figure.item,
                                                subject: figure.subject, count: figure.count, place: p[.place].first, text: figure.text,
                                                cumulative: figure.cumulative, rate: figure.rate))
                }
            }
            guard hits.count == page.limit else { break }
            page.offset += page.limit
        }
        return FigureLedger(figures: records, disputed: FigureLedger.disputes(in: records), belligerents: belligerents)
    }
}

/// What one party's figures add up to: with `by: .claimant`, what it claims of its own
/// losses and of the other side's; with `by: .side`, the losses claimed for that side.
public struct FigureSummary: Sendable, Encodable {
    /// The claimant or side.
    public var party: String
    /// Category → the total: the party's own losses (`.claimant`) or all of its losses
    /// (`.side`). Running totals are not added: a category's total is the sum of its
    /// events' figures or its largest running total, whichever is larger; rates are left out.
    public var own: [String: Int]
    /// Category → the total of the losses it claims of others (`.claimant` only), alike; for
    /// a third party (`thirdParty`), of the sides' losses.
    public var others: [String: Int]
    /// True for a claimant that is not a side of the conflict (the UN, a monitor): it has no
    /// losses of its own, and no "other side".
    public var thirdParty = false
}

public extension FigureLedger {
    /// The figures summed per claimant (own and others' losses) or per side, by party id.
    func summary(by axis: ComparisonAxis) -> [FigureSummary] {
        let grouped = Dictionary(grouping: figures, by: { axis == .claimant ? ($0.claimants.first ?? "") : ($0.side ?? "") })
        func totals(_ list: [FigureRecord]) -> [String: Int] {
            Dictionary(grouping: list.filter { $0.rate == nil }, by: \.category).mapValues { figures in
                let events = figures.filter { !$0.cumulative }.reduce(0) { $0 + $1.count.value }
                return Swift.max(events, figures.filter(\.cumulative).map(\.count.value).max() ?? 0)
            }
        }
        return grouped.filter { !$0.key.isEmpty }.sorted { $0.key < $1.key }.map { party, list in
            guard axis == .claimant else { return FigureSummary(party: party, own: totals(list), others: [:]) }
            if !belligerents.isEmpty, !belligerents.contains(party) {
                return FigureSummary(party: party, own: [:], others: totals(list.filter { $0.side != nil }), thirdParty: true)
            }
            return FigureSummary(party: party, own: totals(list.filter { $0.side == party }), others: totals(list.filter { $0.side != nil && $0.side != party }))
        }
    }
}

extension FigureLedger {
    /// The claims the parties dispute: figures of one category about one side (of one
    /// subject or item, both running totals or both events', no rate), dated within `windowDays` of the first of them, from two claimants
    /// or more, where one claimant's count is `disputeRatio` times another's or more. Each
    /// group lists every figure of those claims, by claimant.
    static func disputes(in records: [FigureRecord]) -> [DisputedFigures] {
        // Like with like: a running total is set against totals, one event's toll against
        // events'; a rate against nothing.
        let dated = records.filter { $0.side != nil && $0.rate == nil && $0.date.count == 10 && !$0.claimants.isEmpty && dayNumber($0.date) != nil }
        let byTopic = Dictionary(grouping: dated) { [$0.category, $0.side!, $0.item ?? "", $0.subject ?? "", $0.cumulative ? "total" : "event"] }
        var groups: [DisputedFigures] = []
        for (_, figures) in byTopic {
            var remaining = figures.sorted { ($0.date, $0.article, $0.passage) < ($1.date, $1.article, $1.passage) }
            while let first = remaining.first {
                let start = dayNumber(first.date)!
                let window = remaining.prefix { dayNumber($0.date)! - start <= windowDays }
                remaining.removeFirst(window.count)
                let byClaimant = Dictionary(grouping: window, by: { $0.claimants[0] })
                guard byClaimant.count >= 2 else { continue }
                let ranges = byClaimant.mapValues { list in (list.map(\.count.value).min()!, list.map(\.count.value).max()!) }
                let disputed = ranges.contains { a in
                    ranges.contains { b in a.key != b.key && b.value.0 > 0 && Double(a.value.1) / Double(b.value.0) >= disputeRatio }
                }
                guard disputed else { continue }
                let listed = window.sorted { ($0.claimants[0], $0.date, $0.article, $0.passage) < ($1.claimants[0], $1.date, $1.article, $1.passage) }
                groups.append(DisputedFigures(category: first.category, side: first.side!, from: first.date, to: window.last!.date, figures: Array(listed)))
            }
        }
        return groups.sorted { ($0.from, $0.side, $0.category, $0.what ?? "") < ($1.from, $1.side, $1.category, $1.what ?? "") }
    }

    private static func dayNumber(_ iso: String) -> Int? {
        guard case .date(let date) = CalendarDate.parse(iso) else { return nil }
        return date.dayNumber
    }
}
