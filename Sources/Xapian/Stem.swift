import CXapian

/// A Snowball stemmer, e.g. `try Stem("english").stem("claimed") == "claim"`.
public final class Stem {
    let handle: OpaquePointer
    /// The language name it was created with.
    public let language: String

    /// Creates a stemmer for `language` ("english", "en", "none", …).
    /// - Throws: `.invalidArgument` for an unknown language.
    public init(_ language: String) throws {
        handle = try call(language) { err in withBytes(language) { cx_stem_new($0, $1, err) } }!
        self.language = language
    }

    deinit { cx_stem_free(handle) }

    /// The stem of `word` (expects lower case).
    public func stem(_ word: String) throws -> String {
        var length = 0
        let buffer = try call(word) { err in withBytes(word) { cx_stem_apply(handle, $0, $1, &length, err) } }
        return takeString(buffer, length)
    }
}
