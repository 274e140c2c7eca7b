import Xapian
import FrontlineCorpus

/// Counts every facet's values over a whole match set, Tantivy-collector style: attached
/// to an `Enquire` before it matches, read after. Each facet's run of value slots is
/// counted by Xapian's built-in `ValueCountMatchSpy` (which also runs on remote shards)
/// and summed (a slot of value sets, per member); dates are counted by day and grouped into the requested buckets. Every
/// facet declared in `Facet.all` is counted, in its slots from `Schema.facetSlots`: nothing here changes for a new one.
struct FacetCollector {
    private var spies: [(Facet, [ValueCountSpy])] = []
    private let dateSpy: ValueCountSpy
    private let bucket: DateBucket
    private let labels: Labels

    /// A collector counting the slots in `usedSlots` (per facet), dates in `bucket`s.
    init(usedSlots: [Facet: [Int]], bucket: DateBucket, labels: Labels) throws {
        for facet in Facet.filterable {
            spies.append((facet, try (usedSlots[facet] ?? []).map { try ValueCountSpy(slot: $0) }))
        }
        dateSpy = try ValueCountSpy(slot: Schema.dateSlot)
        self.bucket = bucket
        self.labels = labels
    }

    /// Makes `enquire`'s next match count into this collector.
    func attach(to enquire: Enquire) throws {
        for (_, list) in spies { try list.forEach { try enquire.add(spy: $0) } }
        try enquire.add(spy: dateSpy)
    }

    /// The counts, in `Facet` order: values by descending count (ties by value), dates by date.
    func results() throws -> [FacetResult] {
        var results: [FacetResult] = []
        for (facet, list) in spies {
            var counts: [String: Int] = [:]
            let sets = Schema.storage(of: facet)?.holdsSets ?? false
            for spy in list {
                for (value, count) in try spy.counts() {
                    if sets {
                        for member in value.split(separator: ",") { counts[String(member), default: 0] += count }
                    } else {
                        counts[value, default: 0] += count
                    }
                }
            }
            let sorted = counts.map { FacetCount(value: $0.key, label: facet.isTag ? labels.label($0.key) : facet == .language ? Language(rawValue: $0.key)?.name ?? $0.key : $0.key, count: $0.value) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
            results.append(FacetResult(facet: facet, counts: sorted))
        }
        var buckets: [String: Int] = [:]
        for (value, count) in try dateSpy.counts() { buckets[FacetCollector.bucket(value, bucket), default: 0] += count }
        results.append(FacetResult(facet: .date, counts: buckets.keys.sorted().map { FacetCount(value: $0, label: $0, count: buckets[$0]!) }))
        return results
    }

    /// A `YYYYMMDD` value as its day, month or year bucket (`2016-04-02`, `2016-04`, `2016`).
    static func bucket(_ value: String, _ bucket: DateBucket) -> String {
        guard value.count == 8 else { return value }
        let y = value.prefix(4), m = value.dropFirst(4).prefix(2), d = value.suffix(2)
        switch bucket {
        case .day: return "\(y)-\(m)-\(d)"
        case .month: return "\(y)-\(m)"
        case .year: return String(y)
        }
    }
}

/// Turns a page of Xapian matches into hits: the stored passage decoded, the snippet
/// made with the request's markers.
struct HitDecoder {
    let stemmer: Stem
    let request: SearchRequest
    /// Per article key, how many passages match, counted over the whole match set; for
    /// collapsed searches, where Xapian's own collapse count is only a lower bound that
    /// depends on how far the match ran and on how the shards were split.
    var passagesPerArticle: [String: Int]? = nil

    /// The hits of `mset`, ranked from 1.
    func hits(_ mset: MSet) throws -> [Hit] {
        try (0..<mset.count).map { try hit(mset, $0, document: try mset.document($0)) }
    }

    /// The hits at `indices` of `mset`, in that order, ranked from `firstRank`.
    func hits(_ mset: MSet, at indices: [Int], firstRank: Int) throws -> [Hit] {
        try indices.enumerated().map { position, index in
            var hit = try hit(mset, index, document: try mset.document(index))
            hit.rank = firstRank + position
            return hit
        }
    }

    private func hit(_ mset: MSet, _ index: Int, document: Document) throws -> Hit {
        let item = try mset.item(index)
        let passage = try StoredPassage.decode(try document.data())
        let snippet = try mset.snippet(of: passage.text, length: request.snippetLength, stemmer: stemmer,
                                       highlightStart: request.highlight.0, highlightEnd: request.highlight.1)
        var hit = Hit(rank: item.rank + 1, score: item.weight, passage: passage, snippet: snippet,
                      otherPassages: passagesPerArticle.map { max(($0[Schema.articleKey(passage.article)] ?? 1) - 1, 0) } ?? (request.perArticle ? item.collapseCount : 0)) // a collapse on copies is not one on articles
        if let story = StoryValue(parsing: try document.value(slot: Schema.storySlot)), story.articles > 1 {
            hit.story = story.key
            hit.copies = story.articles - 1
            hit.outlets = story.outlets
        }
        return hit
    }
}
