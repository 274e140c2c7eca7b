import Foundation

/// The world base (`Corpus/world.json`, made by `tools/make-world-base.py`): every state as
/// a party, with its names, demonyms, capital and seat of government, and the usual
/// international bodies as third parties. A conflict gazetteer extends it
/// (`Gazetteer.extended(by:)`); with no gazetteer it is used alone (`gazetteer`), every state
/// a side. It holds nothing particular to one conflict: no camps, armed groups or aliases
/// such as "separatists".
public struct WorldBase: Sendable, Equatable {
    /// Every state, as a party (`belligerent` false until a gazetteer says otherwise).
    public var states: [Gazetteer.Party]
    /// International bodies (UN agencies, OSCE, ICRC, NATO, EU…): always third parties.
    public var international: [Gazetteer.Party]

    /// The base's file name, looked for beside a gazetteer and in the shipped `Corpus/`.
    public static let fileName = "world.json"

    /// The base as written: entries like a gazetteer's (`id`, `label`, `names`, `aliases`).
    private struct File: Decodable {
        var states: [GazetteerFile.Entry]
        var international: [GazetteerFile.Entry]
    }

    /// Reads the base at `path`. A file that cannot be used throws a `GazetteerError`
    /// naming it; an entry with no usable id is dropped and reported.
    public static func load(path: String) throws -> (WorldBase, [Diagnostic]) {
        let data: Data
        do {
            let handle = try FileAccess.openRegularFile(path)
            defer { try? handle.close() }
            data = try handle.read(upToCount: Gazetteer.maximumBytes + 1) ?? Data()
        } catch {
            throw GazetteerError(Diagnostic(.error, file: path, line: nil, "world base cannot be read (\(FileError.describe(error)))"))
        }
        guard data.count <= Gazetteer.maximumBytes else {
            throw GazetteerError(Diagnostic(.error, file: path, line: nil, "world base is larger than \(Gazetteer.maximumBytes >> 20) MB"))
        }
        let locate = LineLocator(text: String(decoding: data, as: UTF8.self))
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw GazetteerError(GazetteerFile.diagnostic(for: error, path: path, locate: locate))
        } catch {
            throw GazetteerError(Diagnostic(.error, file: path, line: JSONSyntax.errorLine(in: data), "world base is not valid JSON"))
        }
        var diagnostics: [Diagnostic] = []
        func parties(_ entries: [GazetteerFile.Entry]) -> [Gazetteer.Party] {
            entries.compactMap { entry in
                guard let id = entry.id?.lowercased(), !id.isEmpty,
                      id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
                    diagnostics.append(Diagnostic(.error, file: path, line: locate.line(of: "\"\(entry.label ?? entry.id ?? "?")\""),
                                                  "world base entry \"\(entry.label ?? entry.id ?? "?")\" has no usable \"id\"; ignored"))
                    return nil
                }
                return Gazetteer.Party(id: id, label: entry.label ?? id, belligerent: false, names: entry.names ?? [], aliases: entry.aliases ?? [])
            }
        }
        return (WorldBase(states: parties(file.states), international: parties(file.international)), diagnostics)
    }

    /// The base alone: every state a side (which of them fight is not known), the
    /// international bodies third parties, no camps.
    public var gazetteer: Gazetteer {
        var gazetteer = Gazetteer(conflict: "", parties: states.map { var s = $0; s.belligerent = true; return s } + international,
                                  actors: [], places: [], variants: [])
        gazetteer.dropSharedPhrases()
        return gazetteer
    }
}

extension Gazetteer {
    /// This conflict gazetteer over the world `base`: its own entries first and as written;
    /// a base party it already defines (one of its entries lists the base party's name) gains
    /// the base's names and aliases no entry of the gazetteer uses; every other base party
    /// joins as a third party. A phrase the gazetteer uses keeps the gazetteer's meaning,
    /// silently: the gazetteer is the more particular.
    public func extended(by base: WorldBase) -> Gazetteer {
        var extended = self
        var owner: [String: Int] = [:] // phrase key → index of the gazetteer's party; -1 for an actor or a place
        func key(_ phrase: String) -> String { Tokenizer.tokens(phrase).map(\.lower).joined(separator: " ") }
        for (i, party) in parties.enumerated() { for phrase in party.names + party.aliases { owner[key(phrase)] = i } }
        for entity in actors.map({ $0.names + $0.aliases }) + places.map({ $0.names + $0.aliases }) {
            for phrase in entity { owner[key(phrase)] = owner[key(phrase)] ?? -1 }
        }
        var ids = Set(parties.map(\.id) + actors.map(\.id) + places.map(\.id))
        for party in base.states + base.international {
            // The same party: one that lists one of the base party's names. An id the gazetteer
            // uses for something else ("syria" for the Syrian government) leaves the base party out.
            let same = party.names.lazy.compactMap { owner[key($0)] }.first { $0 >= 0 }
            let free = { (phrases: [String]) in phrases.filter { owner[key($0)] == nil && !key($0).isEmpty } }
            if let same {
                extended.parties[same].aliases += free(party.names + party.aliases)
            } else if !ids.contains(party.id) {
                var added = party
                added.belligerent = false
                (added.names, added.aliases) = (free(party.names), free(party.aliases))
                guard !added.names.isEmpty || !added.aliases.isEmpty else { continue }
                extended.parties.append(added)
                ids.insert(party.id)
            } else {
                continue
            }
            for phrase in party.names + party.aliases where owner[key(phrase)] == nil { owner[key(phrase)] = -2 }
        }
        return extended
    }

    /// Drops every phrase two parties share (the base's own table has none; a base edited by
    /// hand might): a phrase that could mean either stands for neither.
    mutating func dropSharedPhrases() {
        var count: [String: Int] = [:]
        func key(_ phrase: String) -> String { Tokenizer.tokens(phrase).map(\.lower).joined(separator: " ") }
        for party in parties { for phrase in Set((party.names + party.aliases).map(key)) { count[phrase, default: 0] += 1 } }
        for i in parties.indices {
            parties[i].names = parties[i].names.filter { count[key($0)] == 1 }
            parties[i].aliases = parties[i].aliases.filter { count[key($0)] == 1 }
        }
    }
}
