import CXapian

/// A Xapian document: opaque data, terms (with within-document frequencies
/// and positions) and values in numbered slots.
///
/// ```swift
/// let doc = try Document()
/// try doc.setData("{\"title\": \"…\"}")
/// try doc.addBooleanTerm("XSIDEarmenia")
/// try doc.addValue(0, slot: 20160402)
/// ```
public final class Document {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    /// A new, empty document.
    public convenience init() throws {
        self.init(handle: try make { cx_document_new($0) })
    }

    deinit { cx_document_free(handle) }

    /// The document id, or 0 if it did not come from a database.
    public var id: Int { Int(cx_document_docid(handle)) }

    /// Sets the document data (what a search shows).
    public func setData(_ data: String) throws {
        try call { err in withBytes(data) { cx_document_set_data(handle, $0, $1, err) } }
    }

    /// The document data as text.
    public func data() throws -> String {
        var length = 0
        let buffer = try call { cx_document_data(handle, &length, $0) }
        return takeString(buffer, length)
    }

    /// Adds `term`, raising its within-document frequency by `wdf`.
    public func addTerm(_ term: String, wdf: Int = 1) throws {
        try call(term) { err in withBytes(term) { cx_document_add_term(handle, $0, $1, UInt32(clamping: wdf), err) } }
    }

    /// Adds a term used only for filtering (wdf 0, does not affect document length).
    public func addBooleanTerm(_ term: String) throws {
        try call(term) { err in withBytes(term) { cx_document_add_boolean_term(handle, $0, $1, err) } }
    }

    /// Stores `value` in `slot`, replacing what was there.
    public func addValue(_ value: String, slot: Int) throws {
        try call { err in withBytes(value) { cx_document_add_value(handle, UInt32(slot), $0, $1, err) } }
    }

    /// The value in `slot` ("" if none).
    public func value(slot: Int) throws -> String {
        var length = 0
        let buffer = try call { cx_document_value(handle, UInt32(slot), &length, $0) }
        return takeString(buffer, length)
    }

    /// All terms of the document, sorted, with their within-document frequencies.
    public func terms() throws -> [(term: String, wdf: Int)] {
        var length = 0
        let buffer = try call { cx_document_terms(handle, &length, $0) }
        return takePacked(buffer, length).map { ($0.0, Int($0.1)) }
    }
}
