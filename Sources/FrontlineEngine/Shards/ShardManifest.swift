import Foundation
import Xapian

/// Everything a searcher reads of a shard when it opens it, written by `frontline index`
/// into every shard when a run finishes (`Schema.manifestKey`), so that opening a shard is one metadata
/// request — over a link to `xapian-tcpsrv`, one round trip instead of one per facet slot
/// and per key.
///
/// Stored as six lines, each read without a JSON parser but the last three: a header
/// (`frontline-12 languages=en,ru copies=0 side=10,11 claimant=20 …`: the schema version, the
/// languages of the index's passages, the facet slots that hold values), the sides and the
/// labels (`Labels.stored`), the lookup names of the labels as JSON (decoded only when a
/// search needs them), the query expansions as JSON (`Synonyms`, read only where a
/// remote shard needs them), and which of them are wider words (`Synonyms.weaker`, JSON).
struct ShardManifest {
    /// The schema version the shard was written with.
    var schema: String
    /// Per facet, the value slots that hold a value in at least one passage of the index.
    var usedSlots: [Facet: [Int]]
    /// The language codes of the index's passages (`Facet.language` values).
    var languages: Set<String>
    /// The labels, as `Labels.stored` writes them.
    var labels: Labels.Stored
    /// The query expansions, as JSON (see `Synonyms.json`).
    var synonyms: String
    /// The expansions that are wider words, weighed below the word typed (`Synonyms.weaker`).
    var weaker: [String: Set<String>]
    /// The hash of the gazetteer the shard was tagged with (`GazetteerStore.hash`): shards
    /// searched together must have the same.
    var gazetteerHash: String
    /// When the index run that wrote the shard published it, in milliseconds since 1970
    /// (nil if not known): copies of one shard at different revisions are told apart by it,
    /// as Xapian does not serve a database's revision remotely.
    var published: Int?
    /// How many passages of the index share a copy key with another article's (`Story`);
    /// searches collapse copies only when there are some.
    var copies = 0

    /// The manifest of an index whose shards are `shards` as they are now (their committed
    /// passages), with `labels` and `synonyms`. Every shard gets the same one: a search of
    /// the index folder reads the first shard's (Xapian's metadata of several shards is the
    /// first's), one of its shards served alone its own.
    init(of shards: [Database], labels: Labels, synonyms: Synonyms, gazetteerHash: String, published: Int) throws {
        schema = Schema.version
        self.gazetteerHash = gazetteerHash
        self.published = published
        var slots: [Facet: [Int]] = [:]
        for facet in Facet.filterable {
            slots[facet] = try Schema.storage(of: facet)!.slots.filter { slot in try shards.contains { try $0.valueFrequency(slot: slot) > 0 } }
        }
        usedSlots = slots
        let prefix = Schema.storage(of: .language)!.prefix
        languages = Set(try shards.flatMap { try $0.allTerms(prefix: prefix) }.map { String($0.term.dropFirst(prefix.count)) })
        self.labels = try labels.stored()
        self.synonyms = try synonyms.json()
        weaker = synonyms.weaker.mapValues(Set.init)
        copies = try shards.reduce(0) { $0 + (try $1.valueFrequency(slot: Schema.copySlot)) }
    }

    /// The stored text.
    func text() -> String {
        let header = ([schema, "gazetteer=" + gazetteerHash, "published=" + (published.map(String.init) ?? ""),
                       "languages=" + languages.sorted().joined(separator: ","), "copies=\(copies)"]
            + Facet.filterable.filter { $0.alwaysListed || !(usedSlots[$0] ?? []).isEmpty }
                .map { "\($0.rawValue)=" + (usedSlots[$0] ?? []).map(String.init).joined(separator: ",") })
        return [header.joined(separator: " "), labels.sides, labels.labels, labels.lookup, synonyms, (try? Synonyms.json(weaker.mapValues { $0.sorted() })) ?? "{}"].joined(separator: "\n")
    }

    private init(schema: String, usedSlots: [Facet: [Int]], languages: Set<String>, labels: Labels.Stored, synonyms: String, weaker: [String: Set<String>],
                 gazetteerHash: String, published: Int?) {
        self.schema = schema
        self.usedSlots = usedSlots
        self.languages = languages
        self.labels = labels
        self.synonyms = synonyms
        self.weaker = weaker
        self.gazetteerHash = gazetteerHash
        self.published = published
    }

    /// Reads the manifest of the shard `database` opened from `location`.
    /// - Throws: `SearchError.schemaMismatch` for an index of another schema version
    ///   (which has no manifest, or another one), `.corrupt` for anything else unreadable.
    static func read(_ database: Database, at location: String) throws -> ShardManifest {
        let text = try database.metadata(Schema.manifestKey)
        guard !text.isEmpty else {
            // An index of an earlier version has none: say which version it is.
            let found = try database.metadata(Schema.versionKey)
            throw isVersion(found) && found != Schema.version ? SearchError.schemaMismatch(location, found: found)
                : SearchError.corrupt(location, detail: found == Schema.version ? "no shard manifest" : "schema \(found)")
        }
        let lines = ShardManifest.lines(text, count: 6)
        let header = lines[0].split(separator: " ")
        guard lines.count == 6, let schema = header.first.map(String.init) else {
            throw SearchError.corrupt(location, detail: "unreadable shard manifest")
        }
        guard schema == Schema.version else {
            throw isVersion(schema) ? SearchError.schemaMismatch(location, found: schema) : SearchError.corrupt(location, detail: "schema \(schema)")
        }
        var slots: [Facet: [Int]] = [:], languages: Set<String> = [], gazetteerHash = "", published: Int?, copies = 0
        for field in header.dropFirst() {
            guard let equals = field.firstIndex(of: "=") else { throw SearchError.corrupt(location, detail: "unreadable shard manifest") }
            let name = field[..<equals], values = field[field.index(after: equals)...].split(separator: ",")
            if name == "languages" {
                languages = Set(values.map(String.init))
            } else if name == "gazetteer" {
                gazetteerHash = String(field[field.index(after: equals)...])
            } else if name == "published" {
                published = Int(field[field.index(after: equals)...])
            } else if name == "copies" {
                copies = Int(field[field.index(after: equals)...]) ?? 0
            } else if let facet = Facet(rawValue: String(name)) {
                slots[facet] = values.compactMap { Int($0) }
            }
        }
        var manifest = ShardManifest(schema: schema, usedSlots: slots, languages: languages,
                                     labels: Labels.Stored(sides: lines[1], labels: lines[2], lookup: lines[3]), synonyms: lines[4], weaker: Synonyms.weaker(stored: lines[5]),
                                     gazetteerHash: gazetteerHash, published: published)
        manifest.copies = copies
        return manifest
    }

    /// The text's first `count` lines (the last running to the end), found with `memchr`:
    /// a split by Characters, or by a generic walk of the bytes, costs a shell search ~0.2 ms
    /// over the manifest's 100 KB.
    static func lines(_ text: String, count: Int) -> [String] {
        var text = text
        let cuts: [Int] = text.withUTF8 { bytes in
            var cuts: [Int] = [], from = 0
            while cuts.count < count - 1, from < bytes.count,
                  let found = memchr(bytes.baseAddress! + from, Int32(UInt8(ascii: "\n")), bytes.count - from) {
                let offset = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                cuts.append(offset)
                from = offset + 1
            }
            return cuts
        }
        let utf8 = text.utf8
        var lines: [String] = [], start = 0
        for cut in cuts + [utf8.count] {
            lines.append(String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: cut)]))
            start = cut + 1
        }
        return lines
    }

    /// Whether `found` is a schema version ("" or "frontline-N"), not damage.
    private static func isVersion(_ found: String) -> Bool {
        found.isEmpty || (found.hasPrefix("frontline-") && found.count < 20 && Int(found.dropFirst(10)) != nil)
    }
}
