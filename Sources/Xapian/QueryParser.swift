import CXapian

/// Parses a user's query string into a `Query`, with Xapian's syntax:
/// `"phrases"`, AND / OR / NOT, NEAR, `prefix:term`, wildcards and ranges.
///
/// ```swift
/// let parser = try QueryParser()
/// try parser.setStemmer(Stem("english"))
/// try parser.addBooleanPrefix("side", "XSIDE")
/// let query = try parser.parse("casualties side:armenia")
/// ```
public final class QueryParser {
    let handle: OpaquePointer
    private var retained: [AnyObject] = []

    /// Query syntax features, as Xapian's `QueryParser::feature_flag` (numbered by the shim).
    public struct Flags: OptionSet, Sendable {
        /// The `Xapian::QueryParser::feature_flag` bits.
        public let rawValue: UInt32
        /// Flags from raw `feature_flag` bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        private init(_ flag: CXParserFlag) { rawValue = flag.rawValue }
        /// AND, OR, NOT, XOR and brackets.
        public static let boolean = Flags(CX_FLAG_BOOLEAN)
        /// "Quoted phrases".
        public static let phrase = Flags(CX_FLAG_PHRASE)
        /// +required and -excluded words.
        public static let loveHate = Flags(CX_FLAG_LOVEHATE)
        /// Trailing wildcards: `stepan*`.
        public static let wildcard = Flags(CX_FLAG_WILDCARD)
        /// A query of NOT alone: `NOT word`.
        public static let pureNot = Flags(CX_FLAG_PURE_NOT)
        /// The last word as a prefix (search as you type).
        public static let partial = Flags(CX_FLAG_PARTIAL)
        /// `~word` expands to its synonyms.
        public static let synonym = Flags(CX_FLAG_SYNONYM)
        /// Every word with synonyms expands to them.
        public static let autoSynonyms = Flags(CX_FLAG_AUTO_SYNONYMS)
        /// Xapian's default: boolean, phrase, love/hate.
        public static let `default`: Flags = [.boolean, .phrase, .loveHate]
    }

    /// How query words are stemmed (Xapian's `QueryParser::stem_strategy`, numbered by the shim).
    public enum StemmingStrategy: Sendable {
        /// No stemming.
        case none
        /// Stem words that do not start with a capital and are not in phrases (Xapian's default).
        case some
        /// Stem every word.
        case all
        /// Stem every word and use the `Z` prefix.
        case allZ

        /// The shim's number for the strategy.
        var code: CXStemStrategy {
            switch self {
            case .none: CX_STEM_NONE
            case .some: CX_STEM_SOME
            case .all: CX_STEM_ALL
            case .allZ: CX_STEM_ALL_Z
            }
        }
    }

    /// Creates a parser with Xapian's defaults.
    public init() throws {
        handle = try make { cx_qparser_new($0) }
    }

    deinit { cx_qparser_free(handle) }

    /// Sets the stemmer.
    public func setStemmer(_ stem: Stem) throws {
        try call { cx_qparser_set_stemmer(handle, stem.handle, $0) }
        retained.append(stem)
    }

    /// Sets the stemming strategy.
    public func setStemmingStrategy(_ strategy: StemmingStrategy) throws {
        try call { cx_qparser_set_stemming_strategy(handle, Int32(strategy.code.rawValue), $0) }
    }

    /// Words ignored in queries unless required.
    public func setStopWords(_ words: [String]) throws {
        let joined = words.joined(separator: "\n")
        try call { err in withBytes(joined) { cx_qparser_set_stopper(handle, $0, $1, err) } }
    }

    /// The database whose synonyms `~word` and the synonym flags expand to.
    public func setDatabase(_ database: Database) throws {
        try call(database.location) { cx_qparser_set_database(handle, database.handle, $0) }
        retained.append(database)
    }

    /// Lets users write `field:words`, searched as free text with term prefix `prefix`.
    public func addPrefix(_ field: String, _ prefix: String) throws {
        try call(field) { err in
            withBytes(field) { f, fl in withBytes(prefix) { cx_qparser_add_prefix(handle, f, fl, $0, $1, err) } }
        }
    }

    /// Lets users write `field:value`, a filter on the term `prefix + value`.
    /// - Parameter exclusive: values of the same field OR together (true) or AND (false).
    public func addBooleanPrefix(_ field: String, _ prefix: String, exclusive: Bool = true) throws {
        try call(field) { err in
            withBytes(field) { f, fl in
                withBytes(prefix) { cx_qparser_add_boolean_prefix(handle, f, fl, $0, $1, exclusive ? 1 : 0, err) }
            }
        }
    }

    /// Lets users write `prefix low..high`, a range over the values in `slot` (string order).
    public func addRange(slot: Int, prefix: String) throws {
        try call(prefix) { err in withBytes(prefix) { cx_qparser_add_range(handle, UInt32(slot), $0, $1, err) } }
    }

    /// The most terms a wildcard may expand to (0: no limit).
    public func setMaxWildcardExpansion(_ max: Int) throws {
        try call { cx_qparser_set_max_expansion(handle, UInt32(clamping: max), $0) }
    }

    /// Parses `text`.
    /// - Throws: `.queryParser` with Xapian's message and the query as context.
    public func parse(_ text: String, flags: Flags = .default, defaultPrefix: String = "") throws -> Query {
        let query = try make(text) { err in
            withBytes(text) { t, tl in
                withBytes(defaultPrefix) { cx_qparser_parse(handle, t, tl, flags.rawValue, $0, $1, err) }
            }
        }
        return Query(handle: query)
    }
}
