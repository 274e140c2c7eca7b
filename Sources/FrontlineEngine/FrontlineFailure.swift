import FrontlineCorpus

/// What a failure means for whoever asked: a front-end turns it into an exit status or an
/// HTTP status, from this category alone.
public enum FailureCategory: Sendable, CaseIterable {
    /// Another index run holds the index.
    case locked
    /// No usable index: missing, of another schema, or corrupt.
    case noIndex
    /// The query cannot be understood.
    case badQuery
    /// The gazetteer cannot be used, or is not the index's.
    case badGazetteer
    /// A remote index cannot be reached.
    case unreachable
    /// The request itself is wrong (a path that does not exist, an address that is not one).
    case usage
    /// The database or the file system failed.
    case failure
}

/// An error of Frontline's engine, the only kind its entry points throw: a message a
/// user can act on (`description`), and what it means (`category`). Xapian's own errors
/// never cross the engine's boundary.
public protocol FrontlineFailure: Error, CustomStringConvertible, Sendable {
    /// What kind of failure it is.
    var category: FailureCategory { get }
}

extension GazetteerError: FrontlineFailure {
    /// A gazetteer that cannot be used.
    public var category: FailureCategory { .badGazetteer }
}
