import CXapian

/// Turns text into terms of a `Document`: words lower-cased, stemmed terms
/// (prefixed `Z`) beside unstemmed ones with positions, and optional stop words.
///
/// ```swift
/// let generator = try TermGenerator(stemmer: Stem("english"))
/// try generator.setDocument(doc)
/// try generator.indexText("Shelling near Talish", prefix: "")
/// ```
public final class TermGenerator {
    let handle: OpaquePointer
    private var stemmer: Stem?
    private var document: Document?

    /// Creates a term generator, optionally with a stemmer.
    public init(stemmer: Stem? = nil) throws {
        handle = try make { cx_termgen_new($0) }
        if let stemmer { try setStemmer(stemmer) }
    }

    deinit { cx_termgen_free(handle) }

    /// Sets the stemmer used for the `Z` terms.
    public func setStemmer(_ stem: Stem) throws {
        try call { cx_termgen_set_stemmer(handle, stem.handle, $0) }
        stemmer = stem
    }

    /// Words that get no stemmed term (they still get positions).
    public func setStopWords(_ words: [String]) throws {
        let joined = words.joined(separator: "\n")
        try call { err in withBytes(joined) { cx_termgen_set_stopper(handle, $0, $1, err) } }
    }

    /// The document that following `indexText` calls add terms to; the position counter restarts.
    public func setDocument(_ document: Document) throws {
        try call { cx_termgen_set_document(handle, document.handle, $0) }
        self.document = document
    }

    /// Indexes `text`: each word's terms get `wdfIncrement`, and `prefix` (e.g. "S" for titles).
    /// - Parameter positions: record word positions (needed for phrase and NEAR queries).
    public func indexText(_ text: String, wdfIncrement: Int = 1, prefix: String = "", positions: Bool = true) throws {
        try call { err in
            withBytes(text) { t, tl in
                withBytes(prefix) { cx_termgen_index_text(handle, t, tl, UInt32(clamping: wdfIncrement), $0, $1, positions ? 1 : 0, err) }
            }
        }
    }
}
