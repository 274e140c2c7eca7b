import CXapian

/// A Snowball stemmer, e.g. `try Stem("english").stem("claimed") == "claim"`.
public final class Stem {
    let handle: OpaquePointer
    /// The language name it was created with.
    public let language: String

    /// Creates a stemmer for `language` ("english", "en", "none", …).
    /// - Throws: `.invalidArgument` for an unknown language.
    public init(_ language: String) throws {
        handle = try make(language) { err in withBytes(language) { cx_stem_new($0, $1, err) } }
        self.language = language
    }

    /// Creates a stemmer that chooses its Snowball language by each word's script:
    /// `cyrillic` for a word with a Cyrillic letter, `armenian` for one with an Armenian
    /// letter, `turkic` for a Latin word with one of ə ı ş ğ (ə stemmed as e), and
    /// `latin` for every other word, which it stems exactly as `Stem(latin)` does.
    ///
    /// ```swift
    /// let stem = try Stem(latin: "english", cyrillic: "russian", armenian: "armenian", turkic: "turkish")
    /// try stem.stem("шуше") == "шуш"
    /// ```
    /// - Throws: `.invalidArgument` for an unknown language.
    public init(latin: String, cyrillic: String, armenian: String, turkic: String) throws {
        handle = try make(latin) { err in
            withBytes(latin) { l, ll in
                withBytes(cyrillic) { c, cl in
                    withBytes(armenian) { a, al in
                        withBytes(turkic) { cx_stem_new_by_script(l, ll, c, cl, a, al, $0, $1, err) }
                    }
                }
            }
        }
        language = [latin, cyrillic, armenian, turkic].joined(separator: ",")
    }

    deinit { cx_stem_free(handle) }

    /// The stem of `word` (expects lower case).
    public func stem(_ word: String) throws -> String {
        var length = 0
        let buffer = try call(word) { err in withBytes(word) { cx_stem_apply(handle, $0, $1, &length, err) } }
        return takeString(buffer, length)
    }
}
