import Foundation

/// The conflict's named things, as data: belligerent sides, third parties,
/// actors and places, with the names and aliases that refer to them. Another
/// conflict is another file.
///
/// `names` are the entity's own names and spellings; they match each other at
/// search time (Talish / Talysh). `aliases` are other ways the text refers to the
/// entity (a capital, an institution, a title); they are used for tagging only.
public struct Gazetteer: Sendable {
    /// A side in the fighting or a third party (a state or organisation).
    public struct Party: Sendable, Equatable {
        /// The id used in tags, filters and output (`armenia`).
        public var id: String
        /// The name shown to people.
        public var label: String
        /// True for the belligerents; false for third parties such as mediators.
        public var belligerent: Bool
        /// Own names and spellings; they match each other in searches.
        public var names: [String]
        /// Other references (capitals, institutions, titles), for tagging.
        public var aliases: [String]
    }

    /// A person or body acting for a party.
    public struct Actor: Sendable, Equatable {
        /// The id used in tags, filters and output (`lavrov`).
        public var id: String
        /// The name shown to people.
        public var label: String
        /// The id of the party the actor speaks for.
        public var affiliation: String
        /// Own names and spellings; they match each other in searches.
        public var names: [String]
        /// Other references (titles such as "Kremlin spokesman"), for tagging.
        public var aliases: [String]
    }

    /// A place, with its spellings. `standsFor` names the party a place stands for
    /// when it is the subject of a claim ("Karabakh has acknowledged…").
    public struct Place: Sendable, Equatable {
        /// The id used in tags, filters and output (`talish`).
        public var id: String
        /// The name shown to people.
        public var label: String
        /// Spellings (Talish, Talysh); they match each other in searches.
        public var names: [String]
        /// Other references, for tagging.
        public var aliases: [String]
        /// The party the place stands for as the subject of a claim, if any.
        public var standsFor: String?
        /// The party that holds the place, if the gazetteer says: its officials (the mayor,
        /// the governor, the local administration) speak for that party.
        public var heldBy: String? = nil
    }

    /// A thing of a `Kind` with a list of its own (a military unit): tagged where it is named,
    /// and nothing more (no side, no claim).
    public struct Named: Sendable, Equatable {
        /// The id used in tags, filters and output (`15th-brigade`).
        public var id: String
        /// The name shown to people.
        public var label: String
        /// Own names and spellings; they match each other in searches.
        public var names: [String]
        /// Other references, for tagging.
        public var aliases: [String]
    }

    /// A kind of thing passages are tagged with from the gazetteer; `Tagger.Tags` holds the
    /// ids of each by its `name`. Sides, claimants, actors and places come from the tagger's
    /// reading of parties, actors and places; a kind with a `list` of its own is tagged
    /// where one of its entries is named. A new kind is one line here (and in `listed`).
    public struct Kind: Sendable, Hashable {
        /// The tag's name (`side`), which is also its facet's.
        public let name: String
        /// The key of its entries in the gazetteer file (`units`), for a kind tagged by mention alone.
        public let list: String?

        /// Belligerents a passage is about.
        public static let side = Kind(name: "side", list: nil)
        /// Parties whose statements a passage reports.
        public static let claimant = Kind(name: "claimant", list: nil)
        /// Actors a passage names.
        public static let actor = Kind(name: "actor", list: nil)
        /// Places a passage names.
        public static let place = Kind(name: "place", list: nil)
        /// Military units a passage names (`units` in the file).
        public static let unit = Kind(name: "unit", list: "units")

        /// The kinds with a list of their own, in tagging order (the first of two that
        /// share a name gets it).
        public static let listed: [Kind] = [.unit]
    }

    /// The conflict's name.
    public var conflict: String
    /// Belligerents first, then third parties.
    public var parties: [Party]
    /// People and bodies acting for a party.
    public var actors: [Actor]
    /// Places, with their spellings.
    public var places: [Place]
    /// The entries of each `Kind.listed`, by kind name.
    public var named: [String: [Named]] = [:]
    /// Extra spelling or transliteration groups that match each other at search time.
    public var variants: [[String]]
    /// One-way search expansions: a query word and the words it also finds
    /// ("casualties" also finds "killed", "wounded"…, not the other way round).
    public var expansions: [String: [String]] = [:]

    /// The sides that fight together, one list of ids per camp (empty if not given).
    public var camps: [[String]] = []

    /// The words of each language tagging and dating read beyond English (`LanguageProfile`).
    public var profiles: [Language: LanguageProfile] = [:]

    /// The belligerent sides.
    public var sides: [Party] { parties.filter(\.belligerent) }

    /// The sides fighting `side`: those of the other camp, or, without camps, the other
    /// side. None when there are several (a war of three camps, the world base's states):
    /// which of them it fights is not known.
    public func opponents(of side: String) -> [String] {
        if let camp = camps.first(where: { $0.contains(side) }) {
            let others = camps.filter { $0 != camp }
            return others.count == 1 ? others[0] : []
        }
        let others = sides.map(\.id).filter { $0 != side }
        return others.count == 1 ? others : []
    }

    /// A gazetteer that knows nothing: passages get no tags.
    public static let empty = Gazetteer(conflict: "", parties: [], actors: [], places: [], variants: [])

    /// Groups of single words that should match each other in searches: each entity's
    /// one-word names, and the variant groups. Lower case.
    public var searchVariantGroups: [[String]] {
        var groups: [[String]] = []
        func add(_ names: [String]) {
            var words: [String] = []
            for name in names {
                let tokens = Tokenizer.tokens(name)
                if tokens.count == 1, !words.contains(tokens[0].lower) { words.append(tokens[0].lower) }
            }
            if words.count > 1 { groups.append(words) }
        }
        for party in parties { add(party.names) }
        for actor in actors { add(actor.names) }
        for place in places { add(place.names) }
        for kind in Kind.listed { for entry in named[kind.name] ?? [] { add(entry.names) } }
        for group in variants { add(group) }
        return groups
    }

    /// Reads a gazetteer from JSON, validating it. Problems that can be worked around
    /// (a duplicate alias, an actor tied to an unknown side) are returned as
    /// diagnostics and the offending entry is dropped; a file that cannot be used
    /// at all throws a diagnostic.
    public static func load(path: String) throws -> (Gazetteer, [Diagnostic]) {
        var (gazetteer, diagnostics) = try parse(try data(path: path), path: path)
        let (profiles, problems) = LanguageProfile.load(besideGazetteer: path)
        gazetteer.profiles = profiles
        return (gazetteer, diagnostics + problems)
    }

    /// The bytes of the gazetteer file at `path`, read as `load(path:)` reads them; a file
    /// that cannot be read, or is too large for a gazetteer, throws a `GazetteerError`.
    public static func data(path: String) throws -> Data {
        let data: Data
        do {
            // A regular file only (a FIFO would block), and of a gazetteer's size.
            let handle = try FileAccess.openRegularFile(path)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw GazetteerError(Diagnostic(.error, file: path, line: nil, "gazetteer cannot be read (\(FileError.describe(error)))"))
        }
        guard data.count <= maximumBytes else {
            throw GazetteerError(Diagnostic(.error, file: path, line: nil, "gazetteer is larger than \(maximumBytes >> 20) MB; a gazetteer lists names, not articles"))
        }
        return data
    }

    /// The largest gazetteer file read.
    public static let maximumBytes = 32 << 20

    /// Parses gazetteer JSON (see `load(path:)`); `path` names it in diagnostics.
    public static func parse(_ data: Data, path: String) throws -> (Gazetteer, [Diagnostic]) {
        let locate = LineLocator(text: String(decoding: data, as: UTF8.self))
        let file: GazetteerFile
        do {
            file = try JSONDecoder().decode(GazetteerFile.self, from: data)
        } catch let error as DecodingError {
            throw GazetteerError(GazetteerFile.diagnostic(for: error, path: path, locate: locate))
        } catch {
            throw GazetteerError(Diagnostic(.error, file: path, line: JSONSyntax.errorLine(in: data), "gazetteer is not valid JSON"))
        }
        var check = GazetteerCheck(path: path, locate: locate)
        let gazetteer = try check.gazetteer(from: file)
        return (gazetteer, check.diagnostics)
    }

    /// Drops every alias or name already used by an earlier entity, reporting each.
    mutating func removeDuplicateAliases(path: String, locate: LineLocator, diagnostics: inout [Diagnostic]) {
        var owner: [String: String] = [:]
        func claim(_ phrases: [String], for id: String) -> [String] {
            phrases.filter { phrase in
                let words = Tokenizer.tokens(phrase).map(\.lower)
                guard !words.isEmpty else { return false }
                guard !words.allSatisfy(StopWords.all.contains) else {
                    diagnostics.append(Diagnostic(.error, file: path, line: locate.line(of: "\"\(phrase)\""),
                                                  "name \"\(phrase)\" of \"\(id)\" is only common words and would tag nearly every passage; ignored"))
                    return false
                }
                let key = words.joined(separator: " ")
                if let first = owner[key] {
                    if first != id {
                        diagnostics.append(Diagnostic(.error, file: path, line: locate.line(of: "\"\(phrase)\"", occurrence: 2),
                                                      "alias \"\(phrase)\" of \"\(id)\" already refers to \"\(first)\"; kept for \"\(first)\" only"))
                    }
                    return false
                }
                owner[key] = id
                return true
            }
        }
        for i in parties.indices {
            parties[i].names = claim(parties[i].names, for: parties[i].id)
            parties[i].aliases = claim(parties[i].aliases, for: parties[i].id)
        }
        for i in actors.indices {
            actors[i].names = claim(actors[i].names, for: actors[i].id)
            actors[i].aliases = claim(actors[i].aliases, for: actors[i].id)
        }
        for i in places.indices {
            places[i].names = claim(places[i].names, for: places[i].id)
            places[i].aliases = claim(places[i].aliases, for: places[i].id)
        }
        for kind in Kind.listed {
            guard var entries = named[kind.name] else { continue }
            for i in entries.indices {
                entries[i].names = claim(entries[i].names, for: entries[i].id)
                entries[i].aliases = claim(entries[i].aliases, for: entries[i].id)
            }
            named[kind.name] = entries
        }
    }
}

/// The error thrown when a gazetteer cannot be used at all.
public struct GazetteerError: Error, CustomStringConvertible {
    /// What is wrong and where.
    public let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    /// The diagnostic, as `file:line: error: message`.
    public var description: String { diagnostic.description }
}
