import CXapian

/// A Xapian query tree. Build one from terms and operators, or parse one
/// with `QueryParser`.
///
/// ```swift
/// let q = try Query.and([Query(term: "Ztalish"), Query(term: "XSIDEarmenia")])
/// ```
public final class Query: CustomStringConvertible {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// A query for one term, with within-query frequency `wqf`.
    public convenience init(term: String, wqf: Int = 1) throws {
        self.init(handle: try make(term) { err in withBytes(term) { cx_query_term($0, $1, UInt32(clamping: wqf), err) } })
    }

    deinit { cx_query_free(handle) }

    /// A query matching every document.
    public static func matchAll() throws -> Query {
        Query(handle: try make { cx_query_match_all($0) })
    }

    /// Documents whose value in `slot` lies between `low` and `high` (string order, inclusive).
    public static func valueRange(slot: Int, from low: String, to high: String) throws -> Query {
        let handle = try make("\(low)..\(high)") { err in
            withBytes(low) { l, ll in withBytes(high) { cx_query_value_range(UInt32(slot), l, ll, $0, $1, err) } }
        }
        return Query(handle: handle)
    }

    /// Documents matching all of `queries`.
    public static func and(_ queries: [Query]) throws -> Query { try combine(.and, queries) }
    /// Documents matching any of `queries`, ranked by how many and how well.
    public static func or(_ queries: [Query]) throws -> Query { try combine(.or, queries) }
    /// Documents matching `query` restricted to those matching `filter`, which adds no weight.
    public static func filter(_ query: Query, by filter: Query) throws -> Query { try combine(.filter, [query, filter]) }
    /// Documents matching `query` but not `excluded`.
    public static func andNot(_ query: Query, _ excluded: Query) throws -> Query { try combine(.andNot, [query, excluded]) }
    /// Documents where `queries` occur in order within `window` positions (0: exactly adjacent).
    public static func phrase(_ queries: [Query], window: Int = 0) throws -> Query {
        try combine(.phrase, queries, window: window)
    }

    /// The operators a query can combine sub-queries with (Xapian's `Query::op`, numbered by the shim).
    public enum Operator: Sendable {
        case and, or, andNot, xor, andMaybe, filter, near, phrase, synonym

        /// The shim's number for the operator.
        var code: CXQueryOp {
            switch self {
            case .and: CX_OP_AND
            case .or: CX_OP_OR
            case .andNot: CX_OP_AND_NOT
            case .xor: CX_OP_XOR
            case .andMaybe: CX_OP_AND_MAYBE
            case .filter: CX_OP_FILTER
            case .near: CX_OP_NEAR
            case .phrase: CX_OP_PHRASE
            case .synonym: CX_OP_SYNONYM
            }
        }
    }

    /// Combines `queries` with `op`.
    public static func combine(_ op: Operator, _ queries: [Query], window: Int = 0) throws -> Query {
        let handles: [OpaquePointer?] = queries.map { $0.handle }
        let handle = try handles.withUnsafeBufferPointer { buffer in
            try make { cx_query_combine(Int32(op.code.rawValue), buffer.baseAddress, buffer.count, UInt32(clamping: window), $0) }
        }
        return withExtendedLifetime(queries) { Query(handle: handle) }
    }

    /// This query as it matches and weighs on any split of `database` into shards, local or
    /// remote: its wildcards expanded from `database`'s merged term list (at most
    /// `maxExpansion` terms, else `XapianError.Kind.wildcard`), where Xapian 1.4 expands
    /// them on each shard apart; and its synonyms nested in pairs, in sorted order, where
    /// Xapian 1.4's estimate of a synonym's frequency depends on each shard's own.
    public func shardIndependent(in database: Database, maxExpansion: Int) throws -> Query {
        Query(handle: try make(database.location) { cx_query_shard_independent(handle, database.handle, UInt32(clamping: maxExpansion), $0) })
    }

    /// This query with every weight it gives multiplied by `factor` (0 or more):
    /// `Query.or([word, try expansions.scaled(by: 0.5)])` lets the expansions count half.
    public func scaled(by factor: Double) throws -> Query {
        let handle = try make { cx_query_scale_weight(self.handle, factor, $0) }
        return withExtendedLifetime(self) { Query(handle: handle) }
    }

    /// A query matching every document, each with weight `weight`: filtered by another
    /// query, it adds the same amount to every document that one matches.
    public static func fixedWeight(_ weight: Double) throws -> Query {
        Query(handle: try make { cx_query_fixed_weight(weight, $0) })
    }

    /// The distinct terms of the query, in ascending order.
    public func terms() throws -> [String] {
        var length = 0
        let buffer = try call { cx_query_terms(handle, &length, $0) }
        return takePacked(buffer, length).map(\.0)
    }

    /// True if the query matches nothing (e.g. parsed from an empty string).
    public var isEmpty: Bool { cx_query_empty(handle) != 0 }

    /// Xapian's description of the query tree, e.g. `Query((Ztalish@1 OR Ztalysh@1))`.
    public var description: String {
        var length = 0
        let buffer = try? call { cx_query_description(handle, &length, $0) }
        return takeString(buffer ?? nil, length)
    }
}
