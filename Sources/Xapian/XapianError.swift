import CXapian

/// An error raised by Xapian, carrying everything a user needs to act on it.
///
/// ```swift
/// do { _ = try WritableDatabase(path: "/tmp/db") }
/// catch let error as XapianError where error.kind == .databaseLock { print(error) }
/// ```
public struct XapianError: Error, CustomStringConvertible, Equatable {
    /// The Xapian exception class the failure came from.
    public enum Kind: String, Sendable {
        case assertion = "AssertionError"
        case invalidArgument = "InvalidArgumentError"
        case invalidOperation = "InvalidOperationError"
        case unimplemented = "UnimplementedError"
        case database = "DatabaseError"
        case databaseCorrupt = "DatabaseCorruptError"
        case databaseCreate = "DatabaseCreateError"
        case databaseLock = "DatabaseLockError"
        case databaseModified = "DatabaseModifiedError"
        case databaseOpening = "DatabaseOpeningError"
        case databaseVersion = "DatabaseVersionError"
        case databaseNotFound = "DatabaseNotFoundError"
        case databaseClosed = "DatabaseClosedError"
        case docNotFound = "DocNotFoundError"
        case featureUnavailable = "FeatureUnavailableError"
        case `internal` = "InternalError"
        case network = "NetworkError"
        case networkTimeout = "NetworkTimeoutError"
        case queryParser = "QueryParserError"
        case serialisation = "SerialisationError"
        case range = "RangeError"
        case wildcard = "WildcardError"
        case outOfMemory = "OutOfMemory"
        case other = "Error"

        init(code: Int32) {
            switch code {
            case 1: self = .assertion
            case 2: self = .invalidArgument
            case 3: self = .invalidOperation
            case 4: self = .unimplemented
            case 5: self = .database
            case 6: self = .databaseCorrupt
            case 7: self = .databaseCreate
            case 8: self = .databaseLock
            case 9: self = .databaseModified
            case 10: self = .databaseOpening
            case 11: self = .databaseVersion
            case 12: self = .databaseNotFound
            case 13: self = .databaseClosed
            case 14: self = .docNotFound
            case 15: self = .featureUnavailable
            case 16: self = .internal
            case 17: self = .network
            case 18: self = .networkTimeout
            case 19: self = .queryParser
            case 20: self = .serialisation
            case 21: self = .range
            case 22: self = .wildcard
            case 23: self = .outOfMemory
            default: self = .other
            }
        }

        /// True for the errors that mean "the database could not be opened"
        /// (missing, unreadable, or not a Xapian database).
        public var isOpeningFailure: Bool {
            self == .databaseOpening || self == .databaseNotFound || self == .databaseVersion
        }
    }

    /// The Xapian exception class.
    public let kind: Kind
    /// Xapian's own message.
    public let message: String
    /// The path, address or query the failing call was working on, if any.
    public let context: String?

    /// Creates an error; Frontline code normally receives these rather than making them.
    public init(kind: Kind, message: String, context: String? = nil) {
        self.kind = kind
        self.message = message
        self.context = context
    }

    /// `Kind: message [context]`.
    public var description: String {
        if let context { return "\(kind.rawValue): \(message) [\(context)]" }
        return "\(kind.rawValue): \(message)"
    }
}

/// Runs a shim call with a fresh error slot and throws what it reports.
@inline(__always)
func call<T>(_ context: @autoclosure () -> String? = nil,
             _ body: (UnsafeMutablePointer<CXError>) -> T) throws -> T {
    var error = CXError(kind: 0, message: nil)
    let result = body(&error)
    if error.kind != 0 {
        let message = error.message.map { String(cString: $0) } ?? ""
        cx_free(error.message)
        throw XapianError(kind: .init(code: error.kind), message: message, context: context())
    }
    return result
}
