/// Turns a decoded gazetteer file into a `Gazetteer`, checking it entry by entry: an
/// entry that cannot be used is dropped and reported (`diagnostics`), a file that
/// cannot be used at all throws.
struct GazetteerCheck {
    let path: String
    let locate: LineLocator
    /// What was wrong, in file order where it can be told.
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, locate: LineLocator) {
        self.path = path
        self.locate = locate
    }

    /// The gazetteer `file` describes.
    mutating func gazetteer(from file: GazetteerFile) throws -> Gazetteer {
        var gazetteer = Gazetteer(conflict: file.conflict ?? "", parties: [], actors: [], places: [], variants: file.variants ?? [])
        gazetteer.parties = parties(file.sides ?? [], belligerent: true) + parties(file.thirdParties ?? [], belligerent: false)
        guard !gazetteer.sides.isEmpty else {
            throw GazetteerError(Diagnostic(.error, file: path, line: locate.line(of: "\"sides\""), "gazetteer defines no sides (\"sides\": [...] with at least one entry)"))
        }
        let partyIDs = Set(gazetteer.parties.map(\.id))
        gazetteer.camps = (file.camps ?? []).map { $0.map { $0.lowercased() }.filter(partyIDs.contains) }.filter { !$0.isEmpty }
        gazetteer.actors = actors(file.actors ?? [], parties: partyIDs)
        gazetteer.places = places(file.places ?? [], parties: partyIDs)
        for kind in Gazetteer.Kind.listed {
            if let entries = file.named[kind.name] { gazetteer.named[kind.name] = named(entries, kind: kind) }
        }
        for (word, targets) in file.expansions ?? [:] {
            gazetteer.expansions[word.lowercased()] = targets.map { $0.lowercased() }
        }
        reportDuplicateIDs(gazetteer)
        gazetteer.removeDuplicateAliases(path: path, locate: locate, diagnostics: &diagnostics)
        return gazetteer
    }

    private mutating func parties(_ entries: [GazetteerFile.Entry], belligerent: Bool) -> [Gazetteer.Party] {
        entries.compactMap { entry in
            guard let id = identity(entry, kind: belligerent ? "side" : "third party") else { return nil }
            return Gazetteer.Party(id: id, label: entry.label ?? id, belligerent: belligerent, names: entry.names ?? [], aliases: entry.aliases ?? [])
        }
    }

    private mutating func actors(_ entries: [GazetteerFile.Entry], parties: Set<String>) -> [Gazetteer.Actor] {
        entries.compactMap { entry in
            guard let id = identity(entry, kind: "actor") else { return nil }
            let affiliation = entry.affiliation?.lowercased() ?? ""
            guard parties.contains(affiliation) else {
                report(id, "actor \"\(id)\" is affiliated to \"\(entry.affiliation ?? "")\", which is not a side or third party; actor ignored")
                return nil
            }
            return Gazetteer.Actor(id: id, label: entry.label ?? id, affiliation: affiliation, names: entry.names ?? [], aliases: entry.aliases ?? [])
        }
    }

    private mutating func places(_ entries: [GazetteerFile.Entry], parties: Set<String>) -> [Gazetteer.Place] {
        entries.compactMap { entry in
            guard let id = identity(entry, kind: "place") else { return nil }
            var standsFor = entry.standsFor?.lowercased()
            if let party = standsFor, !parties.contains(party) {
                report(id, "place \"\(id)\" stands for \"\(entry.standsFor ?? "")\", which is not a side or third party; ignored")
                standsFor = nil
            }
            var heldBy = entry.heldBy?.lowercased()
            if let party = heldBy, !parties.contains(party) {
                report(id, "place \"\(id)\" is held by \"\(entry.heldBy ?? "")\", which is not a side or third party; ignored")
                heldBy = nil
            }
            return Gazetteer.Place(id: id, label: entry.label ?? id, names: entry.names ?? [], aliases: entry.aliases ?? [], standsFor: standsFor, heldBy: heldBy)
        }
    }

    private mutating func named(_ entries: [GazetteerFile.Entry], kind: Gazetteer.Kind) -> [Gazetteer.Named] {
        entries.compactMap { entry in
            guard let id = identity(entry, kind: kind.name) else { return nil }
            return Gazetteer.Named(id: id, label: entry.label ?? id, names: entry.names ?? [], aliases: entry.aliases ?? [])
        }
    }

    /// The entry's id: present, and lower-case letters, digits, `-` and `_` only, since it
    /// becomes part of index terms and the query language's `side:ID` (which lower-cases
    /// what it reads). Upper case is lowered, with a warning; anything else drops the entry.
    private mutating func identity(_ entry: GazetteerFile.Entry, kind: String) -> String? {
        guard let written = entry.id, !written.isEmpty else {
            let label = entry.label ?? "?"
            diagnostics.append(Diagnostic(.error, file: path, line: locate.line(of: "\"\(label)\""), "\(kind) \"\(label)\" has no \"id\"; ignored"))
            return nil
        }
        let id = written.lowercased()
        guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            report(written, "\(kind) id \"\(written)\" may hold only letters, digits, - and _; \(kind) ignored", severity: .error)
            return nil
        }
        if id != written { report(written, "\(kind) id \"\(written)\" is used in lower case, as \"\(id)\"", severity: .warning) }
        return id
    }

    private mutating func reportDuplicateIDs(_ gazetteer: Gazetteer) {
        var seen: Set<String> = []
        let named = Gazetteer.Kind.listed.flatMap { (gazetteer.named[$0.name] ?? []).map(\.id) }
        for id in gazetteer.parties.map(\.id) + gazetteer.actors.map(\.id) + gazetteer.places.map(\.id) + named where !seen.insert(id).inserted {
            diagnostics.append(Diagnostic(.error, file: path, line: locate.line(of: "\"\(id)\"", occurrence: 2), "id \"\(id)\" is defined twice"))
        }
    }

    private mutating func report(_ id: String, _ message: String, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, file: path, line: locate.line(of: "\"\(id)\""), message))
    }
}
