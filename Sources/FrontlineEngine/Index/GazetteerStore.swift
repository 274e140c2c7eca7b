import Foundation
import FrontlineCorpus
import Xapian

/// What an index keeps of its gazetteer: its hash and path, and the query expansions
/// (`Synonyms`) so that Talish finds Talysh, in Xapian's synonym table; the labels search
/// output shows and the aliases that `side:` / `actor:` … accept are in `ShardManifest`.
struct GazetteerStore {
    let gazetteer: Gazetteer

    /// A stable hash of everything in the gazetteer that affects tagging.
    static func hash(_ gazetteer: Gazetteer) -> String {
        var text = gazetteer.conflict
        for p in gazetteer.parties { text += "|p:\(p.id):\(p.label):\(p.belligerent):\(p.names):\(p.aliases)" }
        for a in gazetteer.actors { text += "|a:\(a.id):\(a.label):\(a.affiliation):\(a.names):\(a.aliases)" }
        for p in gazetteer.places { text += "|l:\(p.id):\(p.label):\(p.names):\(p.aliases):\(p.standsFor ?? "")" + (p.heldBy.map { ":held:" + $0 } ?? "") }
        // Listed kinds (units…): none leaves the hash as it was.
        for kind in Gazetteer.Kind.listed {
            for n in gazetteer.named[kind.name] ?? [] { text += "|\(kind.name):\(n.id):\(n.label):\(n.names):\(n.aliases)" }
        }
        text += "|v:\(gazetteer.variants)|e:\(gazetteer.expansions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
        // Language profiles: none leaves the hash of a gazetteer without them as it was.
        for (language, p) in gazetteer.profiles.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "|lang:\(language.rawValue):\(p.claimWords):\(p.attributions):\(p.months.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })"
        }
        return Fingerprint.hex(Fingerprint.hash(text))
    }

    /// Writes the gazetteer's hash and path and Xapian's synonym table of `synonyms` (its
    /// expansions) into `database` (uncommitted), replacing those of an earlier gazetteer;
    /// `path` is where the gazetteer was read from. Labels and expansions as searches read
    /// them go into the shard's manifest (`ShardManifest`).
    func write(to database: WritableDatabase, path: String?, synonyms: Synonyms) throws {
        try database.setMetadata(Schema.gazetteerHashKey, GazetteerStore.hash(gazetteer))
        try database.setMetadata(Schema.gazetteerPathKey, path.map(CorpusReader.absolute) ?? "")
        // The same expansions in Xapian's own synonym table, for local searches and other Xapian tools (quest).
        for key in try database.synonymKeys() { try database.clearSynonyms(for: key) }
        for (term, targets) in synonyms.entries {
            for target in targets { try database.addSynonym(target, for: term) }
        }
    }
}
