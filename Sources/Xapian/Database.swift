import CXapian

/// A Xapian database opened for reading: one local database, a stub file or
/// directory listing shards, a remote database served by `xapian-tcpsrv`, or
/// several of these searched as one.
///
/// Not thread-safe: use one `Database` per thread.
///
/// ```swift
/// let db = try Database(path: "Index")
/// print(db.documentCount)
/// ```
public class Database {
    let handle: OpaquePointer
    /// The path or address this database was opened from, used in error messages.
    public let location: String

    init(handle: OpaquePointer, location: String) {
        self.handle = handle
        self.location = location
    }

    /// Opens the database at `path` (a database directory, or a stub database file).
    /// - Throws: `XapianError` (`.databaseOpening`, `.databaseNotFound`, …) naming the path.
    public convenience init(path: String) throws {
        let handle = try make(path) { err in withBytes(path) { cx_database_open($0, $1, err) } }
        self.init(handle: handle, location: path)
    }

    /// Opens several databases as one; searches run over all of them and rank as one.
    /// - Parameter shards: already opened databases (local or remote).
    public convenience init(shards: [Database]) throws {
        let handle = try make("shards") { cx_database_new_empty($0) }
        self.init(handle: handle, location: shards.map(\.location).joined(separator: ","))
        for shard in shards { try add(shard) }
    }

    /// Opens a database served by Xapian's `xapian-tcpsrv` at `host:port`.
    /// - Parameters:
    ///   - timeoutMilliseconds: bound on each remote call.
    ///   - connectMilliseconds: bound on connecting (`timeoutMilliseconds` unless given).
    public static func remote(host: String, port: Int, timeoutMilliseconds: Int = 10_000, connectMilliseconds: Int? = nil) throws -> Database {
        let address = "tcp://\(host):\(port)"
        guard (1...65535).contains(port) else {
            throw XapianError(kind: .invalidArgument, message: "port \(port) is out of range", context: address)
        }
        let handle = try make(address) { err in
            withBytes(host) { cx_database_open_remote($0, $1, UInt32(port), UInt32(connectMilliseconds ?? timeoutMilliseconds), UInt32(timeoutMilliseconds), err) }
        }
        return Database(handle: handle, location: address)
    }

    deinit { cx_database_free(handle) }

    /// Adds the shards of `other` to this database.
    public func add(_ other: Database) throws {
        try call(other.location) { cx_database_add_database(handle, other.handle, $0) }
    }

    /// Moves to the latest committed revision; returns true if it changed.
    @discardableResult
    public func reopen() throws -> Bool {
        try call(location) { cx_database_reopen(handle, $0) } != 0
    }

    /// Closes the database; later calls fail with `.databaseClosed`.
    public func close() throws {
        try call(location) { cx_database_close(handle, $0) }
    }

    /// The database's UUID: replicas of one database share it (made by Xapian's replication
    /// or by copying its files), other databases never do. Several shards' UUIDs are
    /// joined by ":"; empty if the backend has none.
    public var uuid: String {
        get throws {
            var length = 0
            let buffer = try call(location) { cx_database_uuid(handle, &length, $0) }
            return takeString(buffer, length)
        }
    }

    /// The committed revision of a database of exactly one shard (each commit increases it).
    /// - Throws: `.invalidOperation` for a database of several shards.
    public var revision: Int {
        get throws { Int(try call(location) { cx_database_revision(handle, $0) }) }
    }

    /// The number of documents.
    public var documentCount: Int {
        get throws { Int(try call(location) { cx_database_doccount(handle, $0) }) }
    }

    /// The highest document id in use.
    public var lastDocumentID: Int {
        get throws { Int(try call(location) { cx_database_lastdocid(handle, $0) }) }
    }

    /// The average document length in terms.
    public var averageLength: Double {
        get throws { try call(location) { cx_database_avlength(handle, $0) } }
    }

    /// How many documents index `term`.
    public func termFrequency(_ term: String) throws -> Int {
        Int(try call(location) { err in withBytes(term) { cx_database_termfreq(handle, $0, $1, err) } })
    }

    /// How many documents have a value in `slot`.
    public func valueFrequency(slot: Int) throws -> Int {
        Int(try call(location) { cx_database_value_freq(handle, UInt32(slot), $0) })
    }

    /// Every term starting with `prefix`, in sorted order, with its term frequency.
    public func allTerms(prefix: String = "") throws -> [(term: String, frequency: Int)] {
        var length = 0
        let buffer = try call(location) { err in
            withBytes(prefix) { cx_database_allterms(handle, $0, $1, &length, err) }
        }
        return takePacked(buffer, length).map { ($0.0, Int($0.1)) }
    }

    /// Fetches the document with id `id`.
    /// - Throws: `.docNotFound` if there is none.
    public func document(_ id: Int) throws -> Document {
        Document(handle: try make(location) { cx_database_document(handle, UInt32(clamping: id), $0) })
    }

    /// The metadata value stored under `key` ("" if none).
    public func metadata(_ key: String) throws -> String {
        var length = 0
        let buffer = try call(location) { err in
            withBytes(key) { cx_database_metadata(handle, $0, $1, &length, err) }
        }
        return takeString(buffer, length)
    }

    /// The metadata keys starting with `prefix`, sorted.
    public func metadataKeys(prefix: String = "") throws -> [String] {
        var length = 0
        let buffer = try call(location) { err in
            withBytes(prefix) { cx_database_metadata_keys(handle, $0, $1, &length, err) }
        }
        return takePacked(buffer, length).map(\.0)
    }

    /// The terms (or space-joined groups of terms) that have synonyms, starting with `prefix`.
    public func synonymKeys(prefix: String = "") throws -> [String] {
        var length = 0
        let buffer = try call(location) { err in
            withBytes(prefix) { cx_database_synonym_keys(handle, $0, $1, &length, err) }
        }
        return takePacked(buffer, length).map(\.0)
    }

    /// The synonyms stored for `term` (a term or space-joined group of terms).
    public func synonyms(of term: String) throws -> [String] {
        var length = 0
        let buffer = try call(location) { err in
            withBytes(term) { cx_database_synonyms(handle, $0, $1, &length, err) }
        }
        return takePacked(buffer, length).map(\.0)
    }

    /// Merges every shard of this database into one new, compact database at `output`
    /// (`Xapian::Database::compact`). Document ids are renumbered.
    public func compact(to output: String) throws {
        try call(output) { err in withBytes(output) { cx_database_compact(handle, $0, $1, 0, err) } }
    }
}
