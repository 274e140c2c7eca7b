import CXapian

/// One page of ranked matches, with estimates of the whole match set.
public final class MSet {
    let handle: OpaquePointer
    private let enquire: Enquire

    init(handle: OpaquePointer, enquire: Enquire) {
        self.handle = handle
        self.enquire = enquire
    }

    deinit { cx_mset_free(handle) }

    /// One ranked match.
    public struct Item {
        /// The document id.
        public let documentID: Int
        /// The relevance weight (BM25 score).
        public let weight: Double
        /// The 0-based rank in the whole match set.
        public let rank: Int
        /// How many other matches were collapsed into this one (a lower bound).
        public let collapseCount: Int
    }

    /// The number of matches on this page.
    public var count: Int { Int(cx_mset_size(handle)) }
    /// Xapian's estimate of the total number of matches (exact when every match was checked).
    public var estimatedMatches: Int { Int(cx_mset_estimated(handle)) }
    /// A lower bound on the total number of matches.
    public var matchesLowerBound: Int { Int(cx_mset_lower_bound(handle)) }
    /// An upper bound on the total number of matches.
    public var matchesUpperBound: Int { Int(cx_mset_upper_bound(handle)) }

    /// The match at `index` on this page (0-based).
    public func item(_ index: Int) throws -> Item {
        var docid: UInt32 = 0, weight = 0.0, rank: UInt32 = 0, collapsed: UInt32 = 0
        try call { cx_mset_item(handle, UInt32(clamping: index), &docid, &weight, &rank, &collapsed, $0) }
        return Item(documentID: Int(docid), weight: weight, rank: Int(rank), collapseCount: Int(collapsed))
    }

    /// Every match on this page, in rank order.
    public func items() throws -> [Item] { try (0..<count).map(item) }

    /// The document of the match at `index`.
    public func document(_ index: Int) throws -> Document {
        Document(handle: try make { cx_mset_document(handle, UInt32(clamping: index), $0) })
    }

    /// The collapse key of the match at `index`: its value in the slot the enquire collapsed on
    /// (it comes with the match, also from a remote shard, where a document is one more request).
    public func collapseKey(_ index: Int) throws -> String {
        var length = 0
        let buffer = try call { cx_mset_collapse_key(handle, UInt32(clamping: index), &length, $0) }
        return takeString(buffer, length)
    }

    /// How many documents index `term`: for a term of the query, from the statistics the
    /// match gathered (no request to a remote shard); else from the database.
    public func termFrequency(_ term: String) throws -> Int {
        Int(try call { err in withBytes(term) { cx_mset_termfreq(handle, $0, $1, err) } })
    }

    /// Extracts the best `length`-byte stretch of `text` for this query, with matched
    /// terms (stemmed with `stemmer`) between `highlightStart` and `highlightEnd`.
    public func snippet(of text: String, length: Int = 300, stemmer: Stem,
                        highlightStart: String = "**", highlightEnd: String = "**",
                        omit: String = "…", exhaustive: Bool = true) throws -> String {
        var out = 0
        let flags: UInt32 = exhaustive ? CX_SNIPPET_EXHAUSTIVE.rawValue : 0
        let buffer = try call { err in
            withBytes(text) { t, tl in
                withBytes(highlightStart) { hs, hsl in
                    withBytes(highlightEnd) { he, hel in
                        withBytes(omit) { cx_mset_snippet(handle, t, tl, UInt32(clamping: length), stemmer.handle, flags, hs, hsl, he, hel, $0, $1, &out, err) }
                    }
                }
            }
        }
        return takeString(buffer, out)
    }
}
