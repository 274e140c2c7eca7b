/// What a comparison groups passages by.
public enum ComparisonAxis: String, Sendable, CaseIterable {
    /// Whose statement a passage reports: what each party claims.
    case claimant
    /// Which belligerent a passage concerns.
    case side

    /// The facet the groups are values of.
    public var facet: Facet { self == .claimant ? .claimant : .side }
}

/// The best passages about a subject for each party, side by side.
public struct Comparison: Sendable {
    /// The query as the user wrote it.
    public var query: String
    /// What the groups are.
    public var by: ComparisonAxis
    /// Matching passages in all.
    public var total: Int
    /// The spelling correction of the query, if the index suggests one.
    public var corrected: String?
    /// Things the user should know (unknown filter values…).
    public var notices: [String]
    /// One group per party: for sides every belligerent (in gazetteer order), for claimants
    /// the belligerents that make claims, then the `Comparison.thirdParties` most frequent others.
    public var groups: [ComparisonGroup]

    /// How many third parties a comparison by claimant shows after the belligerents.
    public static let thirdParties = 4
}

/// One party's column of a comparison.
public struct ComparisonGroup: Sendable {
    /// The party's gazetteer id.
    public var value: String
    /// Its label.
    public var label: String
    /// Matching passages in this group.
    public var count: Int
    /// Its best passages, one per article.
    public var hits: [Hit]
}

public extension Searcher {
    /// Compares what each party says (`by: .claimant`) or what is said about each side
    /// (`by: .side`) on the subject of `request` (its query and filters), with the best
    /// `limit` passages of each group, one per article, each shown whole.
    func compare(_ request: SearchRequest, by axis: ComparisonAxis, limit: Int) throws -> Comparison {
        var base = request
        base.limit = 0
        base.offset = 0
        base.facets = true
        base.snippetLength = 1000 // passages are short: each is shown whole
        let overall = try search(base)
        let counts = overall.counts(of: axis.facet)
        let columns: [FacetCount]
        switch axis {
        case .side:
            columns = labels.sides.map { id in counts.first { $0.value == id } ?? FacetCount(value: id, label: labels.label(id), count: 0) }
        case .claimant:
            let sides = Set(labels.sides)
            columns = counts.filter { sides.contains($0.value) } + counts.filter { !sides.contains($0.value) }.prefix(Comparison.thirdParties)
        }
        var groups: [ComparisonGroup] = []
        for column in columns {
            var group = base
            group.filters[axis.facet] = [column.value]
            group.limit = limit
            group.perArticle = true
            group.facets = false
            groups.append(ComparisonGroup(value: column.value, label: column.label, count: column.count, hits: try search(group).hits))
        }
        return Comparison(query: overall.query, by: axis, total: overall.total, corrected: overall.corrected, notices: overall.notices, groups: groups)
    }
}
