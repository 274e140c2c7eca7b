import CXapian

/// An error raised by Xapian, carrying everything a user needs to act on it.
///
/// ```swift
/// do { _ = try WritableDatabase(path: "/tmp/db") }
/// catch let error as XapianError where error.kind == .databaseLock { print(error) }
/// ```
public struct XapianError: Error, CustomStringConvertible, Equatable {
    /// The Xapian exception class the failure came from, by its Xapian name. The shim's
    /// `CXapianErrors.def` lists every class; the constants here name those Swift code
    /// tells apart.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// Xapian's class name ("DatabaseLockError"), "OutOfMemory" or "Error".
        public let rawValue: String

        /// The kind named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The kind a shim call reported.
        init(code: Int32) { rawValue = String(cString: cx_error_kind_name(code)) }

        public static let invalidArgument = Kind(rawValue: "InvalidArgumentError")
        public static let database = Kind(rawValue: "DatabaseError")
        public static let databaseCorrupt = Kind(rawValue: "DatabaseCorruptError")
        public static let databaseLock = Kind(rawValue: "DatabaseLockError")
        public static let databaseModified = Kind(rawValue: "DatabaseModifiedError")
        public static let databaseOpening = Kind(rawValue: "DatabaseOpeningError")
        public static let databaseVersion = Kind(rawValue: "DatabaseVersionError")
        public static let databaseNotFound = Kind(rawValue: "DatabaseNotFoundError")
        public static let databaseClosed = Kind(rawValue: "DatabaseClosedError")
        public static let network = Kind(rawValue: "NetworkError")
        public static let networkTimeout = Kind(rawValue: "NetworkTimeoutError")
        public static let queryParser = Kind(rawValue: "QueryParserError")
        public static let wildcard = Kind(rawValue: "WildcardError")

        public var description: String { rawValue }

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
