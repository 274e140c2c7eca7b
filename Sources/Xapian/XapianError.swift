import CXapian

/// An error raised by Xapian, carrying everything a user needs to act on it.
///
/// ```swift
/// do { _ = try WritableDatabase(path: "/tmp/db") }
/// catch let error as XapianError where error.kind == .databaseLock { print(error) }
/// ```
public struct XapianError: Error, CustomStringConvertible, Equatable {
    /// The Xapian exception class the failure came from, by its Xapian name. The shim's
    /// `CXapianErrors.def` lists every class with its parent; the constants here name those
    /// Swift code tells apart, and `isKind(of:)` asks the list, so a subclass Xapian adds
    /// (as `NetworkTimeoutError` is a `NetworkError`) is caught where its parent is.
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

        /// The class this one derives from in Xapian's tree ("NetworkError" for
        /// "NetworkTimeoutError"), or nil for `Error` itself and kinds outside the tree.
        public var parent: Kind? {
            rawValue.withCString { cx_error_parent_name($0) }.map { Kind(rawValue: String(cString: $0)) }
        }

        /// True if this kind is `ancestor` or derives from it, as a C++ `catch` of
        /// `ancestor` would catch it: `.networkTimeout.isKind(of: .network)`.
        public func isKind(of ancestor: Kind) -> Bool {
            var kind: Kind? = self
            while let current = kind {
                if current == ancestor { return true }
                kind = current.parent
            }
            return false
        }

        /// True for the errors that mean "the database could not be opened"
        /// (missing, unreadable, or not a Xapian database): `DatabaseOpeningError` and its kinds.
        public var isOpeningFailure: Bool { isKind(of: .databaseOpening) }
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

/// Runs a shim call that makes an object, and returns its handle or throws: a call that
/// reports no error yet makes nothing is an error too.
@inline(__always)
func make(_ context: @autoclosure () -> String? = nil,
          _ body: (UnsafeMutablePointer<CXError>) -> OpaquePointer?) throws -> OpaquePointer {
    guard let handle = try call(context(), body) else {
        throw XapianError(kind: XapianError.Kind(rawValue: "Error"), message: "the shim made no object", context: context())
    }
    return handle
}
