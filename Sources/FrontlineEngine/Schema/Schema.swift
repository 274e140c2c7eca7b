import FrontlineCorpus
import Xapian

/// How passages are laid out in Xapian: term prefixes (Omega's conventions,
/// `X…` for Frontline's own fields), value slots, metadata keys. One Xapian
/// document per passage.
public enum Schema {
    /// Bumped whenever the layout changes; an index of another version must be rebuilt.
    public static let version = "frontline-12"

    /// Metadata key holding `version`.
    static let versionKey = "frontline:schema"
    /// Metadata key holding what a search reads when it opens a shard (`ShardManifest`:
    /// used facet slots, languages, labels, expansions), in one value.
    static let manifestKey = "frontline:manifest"
    /// Metadata key holding a hash of the gazetteer the passages were tagged with.
    static let gazetteerHashKey = "frontline:gazetteer-hash"
    /// Metadata key holding the absolute path of that gazetteer ("" for none).
    static let gazetteerPathKey = "frontline:gazetteer-path"
    /// Metadata key holding what the passages were read with (`ReadWith`, JSON; absent from
    /// indexes written before it was kept).
    static let readWithKey = "frontline:read-with"
    /// Metadata key prefix for one article's record: `A:<key>` → `hash\tpassages\tfile\tid` (`ArticleRecord`).
    static let articlePrefix = "A:"
    /// Metadata key prefix for one article's content signature: `D:<key>` → `StoryRecord`.
    static let signaturePrefix = "D:"

    /// The stemmer of indexing and queries alike: by each word's script, the Snowball
    /// stemmer of its language (`Language.stemmer`): Latin words are stemmed as English,
    /// exactly as before, unless they hold a Turkic letter (Azerbaijani).
    static func stemmer() throws -> Stem {
        try Stem(latin: Language.english.stemmer!, cyrillic: Language.russian.stemmer!,
                 armenian: Language.armenian.stemmer!, turkic: Language.azerbaijani.stemmer!)
    }
    /// The prefix of a passage's transliteration keys (`Transliteration`): the Latin key of
    /// each of its Cyrillic, Armenian and Azerbaijani words, for names across scripts.
    static let transliterationPrefix = "XTR"
    /// The prefix of the weighted term a passage in Russian, Armenian or Azerbaijani carries
    /// for each place and actor it names (`XNshusha`), found in whatever inflected form the
    /// tagger met it ("Շուշիի", "Şuşada"): a name searched in any script finds them.
    static let namePrefix = "XN"
    /// The prefix Xapian's term generator and query parser give stemmed terms.
    static let stemPrefix = "Z"
    /// Metadata key holding the query expansions (`Synonyms`) as JSON in the database a
    /// remote search builds for its query parser.
    static let synonymsKey = "frontline:synonyms"

    // Term prefixes.
    static let uniquePrefix = "Q"
    static let articleTermPrefix = "XART:"
    static let titlePrefix = "S"
    static let dayPrefix = "D"
    static let monthPrefix = "M"
    static let yearPrefix = "Y"
    static let kindPrefix = "XKIND"

    /// How much a title word counts in the lead passage's free text, relative to a passage word (1).
    static let titleWeight = 2

    // Value slots.
    static let dateSlot = 0
    static let articleSlot = 1
    static let ordinalSlot = 2
    static let sourceSlot = 3
    /// `YYYYMMDD article-key ordinal`: a total order for timelines and filter-only searches.
    static let timelineSlot = 4
    /// Syndicated copies (`Story`): each passage's story (`StoryValue`) and the key it shares with its copies' passages.
    static let storySlot = 5, copySlot = 6

    /// How a facet is stored: a boolean-term prefix for filtering and a run of value
    /// slots (one per value a passage may carry) for counting with Xapian's built-in
    /// `ValueCountMatchSpy`, which also runs on remote shards. The date is stored in
    /// `dateSlot` and as `D`/`M`/`Y` terms instead.
    struct FacetStorage: Sendable {
        /// The boolean term prefix.
        let prefix: String
        /// The first value slot.
        let firstSlot: Int
        /// How many values per passage are counted (more are still filterable).
        let width: Int
        /// True if the one slot holds all of a passage's values, joined by commas and sorted
        /// in the facet's order (`killed,wounded`): one spy counts the sets, and each value's
        /// count is the sum over the sets holding it — exact, with a spy per slot saved.
        var holdsSets = false

        /// The slots of this facet.
        var slots: Range<Int> { firstSlot..<(firstSlot + width) }
    }

    /// The storage of each facet filtered by value (its declaration, with its slots).
    static func storage(of facet: Facet) -> FacetStorage? {
        guard let slots = facetSlots[facet] else { return nil }
        return FacetStorage(prefix: facet.prefix, firstSlot: slots.lowerBound, width: facet.width, holdsSets: facet.holdsSets)
    }

    /// The slots kept for other values than facets' (date, article, ordinal, timeline…):
    /// below `firstFacetSlot`.
    static let firstFacetSlot = 10

    /// Each facet's run of value slots: its fixed slot, else, in declaration order, the
    /// first multiple of ten at or after the end of the previous run (side 10, claimant 20,
    /// actor 30, place 50, figure 70, language 80…), checked to be disjoint.
    static let facetSlots: [Facet: Range<Int>] = {
        let (slots, problem) = assignSlots(Facet.filterable)
        precondition(problem == nil, problem ?? "")
        return slots
    }()

    /// The slots of `facets` as `facetSlots` assigns them, and what is wrong with them, if
    /// anything: a run overlapping another's or a fixed slot.
    static func assignSlots(_ facets: [Facet]) -> (slots: [Facet: Range<Int>], problem: String?) {
        var slots: [Facet: Range<Int>] = [:], next = firstFacetSlot
        for facet in facets {
            if let fixed = facet.fixedSlot {
                slots[facet] = fixed..<(fixed + facet.width)
            } else {
                slots[facet] = next..<(next + facet.width)
                next = (next + facet.width + 9) / 10 * 10
            }
        }
        let taken = [dateSlot, articleSlot, ordinalSlot, timelineSlot, storySlot, copySlot].map { ("a fixed slot", $0..<($0 + 1)) }
        let runs = taken + facets.compactMap { facet in slots[facet].map { (facet.rawValue, $0) } }
        for (i, (name, run)) in runs.enumerated() {
            if let (other, _) = runs[..<i].first(where: { $0.1.overlaps(run) }) {
                return (slots, "the value slots of \(name) (\(run)) overlap those of \(other)")
            }
        }
        return (slots, nil)
    }

    /// The form of an article id used inside terms and metadata keys: the id itself, or a
    /// hash of it when it is too long for a Xapian term (245 bytes).
    static func articleKey(_ id: String) -> String {
        // An id that starts with '#' is hashed too, so that no id can spell another's hash.
        id.utf8.count <= 160 && !id.hasPrefix("#") ? id : "#" + Fingerprint.hex(Fingerprint.hash(id))
    }

    /// The unique term of a passage.
    static func uniqueTerm(article id: String, ordinal: Int) -> String {
        uniquePrefix + articleKey(id) + "#" + String(ordinal)
    }

    /// The term every passage of an article carries.
    static func articleTerm(_ id: String) -> String { articleTermPrefix + articleKey(id) }

    /// A filter value of a facet that is not a tag: lower case, spaces as hyphens.
    static func filterValue(_ value: String) -> String { sourceValue(value) }

    /// A source name as a filter value: lower case, spaces as hyphens.
    public static func sourceValue(_ source: String) -> String {
        String(source.lowercased().map { $0 == " " ? "-" : $0 }.prefix(100))
    }

    /// The stop words of every language profile, dropped from queries (not from the index,
    /// so phrases still match).
    static let stopWords = StopWords.all
}
