import CXapian

/// A local Xapian database opened for writing. Only one writer may hold a
/// database at a time; a second gets `XapianError.Kind.databaseLock`.
///
/// Changes become visible to readers at `commit()`; a process killed before
/// then leaves the database at its last commit.
///
/// ```swift
/// let db = try WritableDatabase(path: dir, mode: .createOrOpen)
/// try db.add(document)
/// try db.commit()
/// ```
public final class WritableDatabase: Database {
    /// What to do when opening (Xapian's `DB_CREATE_OR_OPEN`…, numbered by the shim).
    public enum Mode: Sendable {
        /// Open an existing database, or create a new one.
        case createOrOpen
        /// Replace any existing database with an empty one.
        case createOrOverwrite
        /// Create a new database; fail if one exists.
        case create
        /// Open an existing database; fail if there is none.
        case open

        /// The shim's number for the mode.
        var action: CXDatabaseAction {
            switch self {
            case .createOrOpen: CX_DB_CREATE_OR_OPEN
            case .createOrOverwrite: CX_DB_CREATE_OR_OVERWRITE
            case .create: CX_DB_CREATE
            case .open: CX_DB_OPEN
            }
        }
    }

    /// Opens (or creates) the database at `path` for writing.
    /// - Throws: `.databaseLock` if another writer holds it, `.databaseOpening` / `.databaseCreate`
    ///   if the path cannot be used; the error's context is the path.
    public init(path: String, mode: Mode = .createOrOpen) throws {
        let handle = try make(path) { err in
            withBytes(path) { cx_writable_open($0, $1, Int32(mode.action.rawValue), err) }
        }
        super.init(handle: handle, location: path)
    }

    /// Adds a document and returns its id.
    @discardableResult
    public func add(_ document: Document) throws -> Int {
        Int(try call(location) { cx_writable_add_document(handle, document.handle, $0) })
    }

    /// Replaces every document indexed by `uniqueTerm` with `document` (adds it if none).
    @discardableResult
    public func replace(uniqueTerm: String, with document: Document) throws -> Int {
        Int(try call(location) { err in
            withBytes(uniqueTerm) { cx_writable_replace_document_by_term(handle, $0, $1, document.handle, err) }
        })
    }

    /// Deletes every document indexed by `term`.
    public func delete(term: String) throws {
        try call(location) { err in withBytes(term) { cx_writable_delete_document_by_term(handle, $0, $1, err) } }
    }

    /// Makes all changes so far durable and visible to readers, atomically.
    public func commit() throws {
        try call(location) { cx_writable_commit(handle, $0) }
    }

    /// Runs `body` as one transaction: all its changes are applied, or none.
    /// - Parameter flushed: commit at the end of the transaction (the usual choice).
    @discardableResult
    public func transaction<T>(flushed: Bool = true, _ body: () throws -> T) throws -> T {
        try call(location) { cx_writable_begin_transaction(handle, flushed ? 1 : 0, $0) }
        do {
            let result = try body()
            try call(location) { cx_writable_commit_transaction(handle, $0) }
            return result
        } catch {
            _ = try? call(location) { cx_writable_cancel_transaction(handle, $0) }
            throw error
        }
    }

    /// Stores `value` under `key` in the database's metadata ("" deletes it).
    public func setMetadata(_ key: String, _ value: String) throws {
        try call(location) { err in
            withBytes(key) { k, kl in withBytes(value) { cx_writable_set_metadata(handle, k, kl, $0, $1, err) } }
        }
    }

    /// Records `synonym` as a synonym of `term` (terms as the query parser produces them,
    /// e.g. `talysh` or the stemmed `Ztalysh`).
    public func addSynonym(_ synonym: String, for term: String) throws {
        try call(location) { err in
            withBytes(term) { t, tl in withBytes(synonym) { cx_writable_add_synonym(handle, t, tl, $0, $1, err) } }
        }
    }

    /// Removes all synonyms of `term`.
    public func clearSynonyms(for term: String) throws {
        try call(location) { err in withBytes(term) { cx_writable_clear_synonyms(handle, $0, $1, err) } }
    }
}
