import CXapian

/// Runs a query against a database and returns ranked matches.
///
/// ```swift
/// let enquire = try Enquire(database: db)
/// try enquire.setQuery(query)
/// let sides = try ValueCountSpy(slot: 3)
/// try enquire.add(spy: sides)
/// let matches = try enquire.matches(offset: 0, limit: 10, checkAtLeast: db.documentCount)
/// ```
public final class Enquire {
    let handle: OpaquePointer
    private let database: Database
    private var query: Query?
    private var spies: [ValueCountSpy] = []

    /// Creates an enquire session over `database`.
    public init(database: Database) throws {
        handle = try make(database.location) { cx_enquire_new(database.handle, $0) }
        self.database = database
    }

    deinit { cx_enquire_free(handle) }

    /// Sets the query to run.
    public func setQuery(_ query: Query) throws {
        try call(query.description) { cx_enquire_set_query(handle, query.handle, $0) }
        self.query = query
    }

    /// Ranks with BM25 using these parameters (Xapian's defaults: 1, 0, 1, 0.5, 0.5).
    public func setBM25(k1: Double = 1, k2: Double = 0, k3: Double = 1, b: Double = 0.5, minNormalisedLength: Double = 0.5) throws {
        try call { cx_enquire_set_bm25(handle, k1, k2, k3, b, minNormalisedLength, $0) }
    }

    /// Keeps at most `max` matches per distinct value in `slot` (Xapian's collapse).
    public func setCollapseKey(slot: Int, max: Int = 1) throws {
        try call { cx_enquire_set_collapse_key(handle, UInt32(slot), UInt32(clamping: max), $0) }
    }

    /// Orders matches by the value in `slot` (descending if `descending`) instead of relevance.
    public func sortByValue(slot: Int, descending: Bool) throws {
        try call { cx_enquire_set_sort_by_value(handle, UInt32(slot), descending ? 1 : 0, $0) }
    }

    /// Orders matches by relevance, and matches of equal weight by the value in `slot`, so
    /// that ties come out in the same order whatever the database's document ids are.
    public func sortByRelevanceThenValue(slot: Int, descending: Bool = false) throws {
        try call { cx_enquire_set_sort_by_relevance_then_value(handle, UInt32(slot), descending ? 1 : 0, $0) }
    }

    /// Adds a spy that sees every match Xapian examines.
    public func add(spy: ValueCountSpy) throws {
        try call { cx_enquire_add_spy(handle, spy.handle, $0) }
        spies.append(spy)
    }

    /// Runs the query: `limit` matches from `offset`, examining at least `checkAtLeast`
    /// matches (pass the document count for exact totals and spy counts).
    public func matches(offset: Int = 0, limit: Int = 10, checkAtLeast: Int = 0) throws -> MSet {
        let mset = try make(query?.description) {
            cx_enquire_mset(handle, UInt32(clamping: offset), UInt32(clamping: limit), UInt32(clamping: checkAtLeast), $0)
        }
        return MSet(handle: mset, enquire: self)
    }
}

/// Counts, over every match examined, how many documents hold each value of
/// one slot (`Xapian::ValueCountMatchSpy`). Built into Xapian, so it also
/// counts on remote shards served by `xapian-tcpsrv`.
public final class ValueCountSpy {
    let handle: OpaquePointer
    /// The slot counted.
    public let slot: Int

    /// A spy counting the values in `slot`.
    public init(slot: Int) throws {
        handle = try make { cx_spy_new_value_count(UInt32(slot), $0) }
        self.slot = slot
    }

    deinit { cx_spy_free(handle) }

    /// How many documents the spy saw.
    public var total: Int { Int(cx_spy_total(handle)) }

    /// Each value seen with its count, in value order (empty values excluded).
    public func counts() throws -> [(value: String, count: Int)] {
        var length = 0
        let buffer = try call { cx_spy_values(handle, &length, $0) }
        return takePacked(buffer, length).map { ($0.0, Int($0.1)) }
    }
}
