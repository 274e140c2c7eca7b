import Foundation
import FrontlineCorpus
import Xapian

/// The query expansions of a gazetteer as Xapian synonym entries: each name variant
/// finds the others (Talish ↔ Talysh, both as typed and stemmed), and each one-way
/// expansion finds its targets (casualties → killed, wounded…).
///
/// An index stores them in its metadata, which every backend serves, remote shards
/// included (Xapian 1.4's `xapian-tcpsrv` serves no synonym table). A search gives its
/// query parser a small database holding them (`database()`), so local, sharded and
/// remote indexes expand a query the same way.
struct Synonyms: Equatable {
    /// A term as the query parser produces it (`talish`, `Ztalish`) → the terms it also finds.
    var entries: [String: [String]]
    /// The part of `entries` that is a wider word, not another form of the same one: a
    /// gazetteer expansion in the index's own script (casualties → killed, ceasefire → truce).
    /// A search weighs these below the word typed (`ConceptQuery`); name variants and the
    /// same word in another language weigh as the word.
    var weaker: [String: [String]]

    /// The expansions of `gazetteer`.
    init(_ gazetteer: Gazetteer) throws {
        let stemmer = try Schema.stemmer()
        func stemmed(_ word: String) throws -> String { Schema.stemPrefix + (try stemmer.stem(word)) }
        var equivalent: [String: Set<String>] = [:]
        var wider: [String: Set<String>] = [:]
        for group in gazetteer.searchVariantGroups {
            let stems = try group.map(stemmed)
            for (word, stem) in zip(group, stems) {
                for other in stems where other != stem {
                    equivalent[word, default: []].insert(other)
                    equivalent[stem, default: []].insert(other)
                }
            }
        }
        for (word, targets) in gazetteer.expansions {
            let key = try stemmed(word)
            // A word of another language (not ASCII: перемирие, հրադադար, atəşkəs) is an
            // equivalent, not a narrower word: it finds the word and its other equivalents.
            let equivalents = targets.filter { $0.utf8.contains { $0 >= 0x80 } }
            for target in targets {
                let term = try stemmed(target)
                if equivalents.contains(target) {
                    equivalent[word, default: []].insert(term)
                    equivalent[key, default: []].insert(term)
                } else {
                    wider[word, default: []].insert(term)
                    wider[key, default: []].insert(term)
                }
            }
            for target in equivalents {
                let term = try stemmed(target)
                for other in [word] + equivalents where other != target {
                    equivalent[target, default: []].insert(try stemmed(other))
                    equivalent[term, default: []].insert(try stemmed(other))
                }
            }
        }
        var all = equivalent
        for (term, targets) in wider { all[term, default: []].formUnion(targets) }
        self.entries = all.mapValues { $0.sorted() }
        // A term that is both (a variant also listed as an expansion) is an equivalent.
        self.weaker = Dictionary(uniqueKeysWithValues: wider.compactMap { term, targets in
            let only = targets.subtracting(equivalent[term] ?? [])
            return only.isEmpty ? nil : (term, only.sorted())
        })
    }

    private init(entries: [String: [String]]) {
        self.entries = entries
        self.weaker = [:]
    }

    /// Sorted-key JSON of `entries`, for the index metadata.
    func json() throws -> String { try Synonyms.json(entries) }

    /// Sorted-key JSON of `map` (`entries` or `weaker`), for the index metadata.
    static func json(_ map: [String: [String]]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(map), as: UTF8.self)
    }

    /// The wider expansions stored in a shard's manifest as `json` (`Synonyms.json(weaker)`):
    /// none when the index was built before they were stored, or the text is unreadable.
    static func weaker(stored json: String) -> [String: Set<String>] {
        guard !json.isEmpty, let map = try? JSONDecoder().decode([String: [String]].self, from: Data(json.utf8)) else { return [:] }
        return map.mapValues(Set.init)
    }

    /// The expansions stored in an index's metadata ("" or unreadable: none).
    static func parse(_ json: String) -> Synonyms {
        guard !json.isEmpty, let entries = try? JSONDecoder().decode([String: [String]].self, from: Data(json.utf8)) else {
            return Synonyms(entries: [:])
        }
        return Synonyms(entries: entries)
    }

    /// A database holding the synonyms stored in an index's metadata as `json` (see
    /// `json()`), for a query parser, or nil when there are none. It is built once per
    /// distinct set of expansions in the system's temporary folder (Xapian's in-memory
    /// backend has no synonyms) and reused by later searches, which only hash the text.
    static func database(stored json: String) throws -> Database? {
        guard !json.isEmpty else { return nil }
        let hash = Fingerprint.hex(Fingerprint.hash(json))
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("frontline-synonyms-\(Schema.version)-\(hash)")
        if let cached = try? Database(path: folder), (try? cached.metadata(Schema.synonymsKey)) == json { return cached }
        let entries = parse(json).entries
        guard !entries.isEmpty else { return nil }
        try? FileManager.default.removeItem(atPath: folder)
        let building = folder + ".\(getpid()).\(UUID().uuidString)"
        do {
            let writer = try WritableDatabase(path: building, mode: .createOrOverwrite)
            for (term, targets) in entries {
                for target in targets { try writer.addSynonym(target, for: term) }
            }
            try writer.setMetadata(Schema.synonymsKey, json)
            try writer.commit()
            try writer.close()
        } catch {
            try? FileManager.default.removeItem(atPath: building)
            throw error
        }
        if rename(building, folder) != 0 { try? FileManager.default.removeItem(atPath: building) } // another search built it first
        return try Database(path: folder)
    }
}
