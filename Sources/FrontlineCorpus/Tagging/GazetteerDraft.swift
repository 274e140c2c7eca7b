import Foundation

/// A starting conflict gazetteer drawn from a corpus, for a person to edit: the states the
/// corpus names most as guessed sides (their labels say so), the unknown speakers and names
/// (`GazetteerCoverage`) as actors of an "unassigned" third party, and the unknown places as
/// places. Encoded, it is valid against `Corpus/gazetteer.schema.json` and loads as a `Gazetteer`.
public struct GazetteerDraft: Encodable, Sendable {
    private let file: GazetteerFile
    /// The guessed sides' ids (or a placeholder's, when no state is named).
    public var sides: [String] { file.sides?.compactMap(\.id) ?? [] }
    /// How many actors and places were drafted.
    public var actorCount: Int { file.actors?.count ?? 0 }
    /// See `actorCount`.
    public var placeCount: Int { file.places?.count ?? 0 }

    /// Encodes the gazetteer file.
    public func encode(to encoder: Encoder) throws { try file.encode(to: encoder) }

    /// The id of the third party the drafted actors belong to until someone assigns them.
    public static let unassigned = "unassigned"

    /// The draft from `coverage`, which must have been counted with the world `base` alone
    /// (`WorldBase.gazetteer`), so that its sides are the states named; the `sides` most
    /// named become the guessed sides, and up to `limit` candidates of each kind are listed.
    public init(coverage: GazetteerCoverage, base: WorldBase, sides: Int = 2, limit: Int = 20) {
        let states = Dictionary(base.states.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let named = coverage.sidePassages.filter { states[$0.key] != nil }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(sides)
        var ids: Set<String> = [Self.unassigned]
        var phrases: Set<String> = []
        func claim(_ phrase: String) -> Bool {
            let key = Tokenizer.tokens(phrase).map(\.lower).joined(separator: " ")
            return !key.isEmpty && phrases.insert(key).inserted
        }
        func newID(_ text: String) -> String {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            var slug = String(folded.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
            while slug.contains("--") { slug = slug.replacingOccurrences(of: "--", with: "-") }
            slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            if slug.isEmpty { slug = "entry" }
            var id = slug, n = 2
            while ids.contains(id) { id = "\(slug)-\(n)"; n += 1 }
            ids.insert(id)
            return id
        }
        var file = GazetteerFile()
        file.conflict = "DRAFT from \(coverage.articles) articles: the sides are guessed from the states the corpus names most; every actor belongs to \"\(Self.unassigned)\" until edited"
        file.sides = named.map { id, count in
            let state = states[id]!
            ids.insert(id)
            state.names.forEach { _ = claim($0) }
            return GazetteerFile.Entry(id: id, label: "\(state.label) (guessed side: named in \(count) passages)", names: [state.names.first ?? state.label])
        }
        if file.sides?.isEmpty ?? true {
            file.sides = [GazetteerFile.Entry(id: newID("side-a"), label: "Side A (draft: no state is named; rename and give its names)", names: [])]
        }
        file.thirdParties = [GazetteerFile.Entry(id: Self.unassigned, label: "Unassigned (draft: give each actor its party's id)", names: [])]
        let places = coverage.unknown(.places, limit: limit)
        let placeKeys = Set(places.map { $0.text.lowercased() })
        file.places = places.compactMap { candidate in
            claim(candidate.text) ? GazetteerFile.Entry(id: newID(candidate.text), label: candidate.text, names: [candidate.text]) : nil
        }
        let people = coverage.unknown(.speakers, limit: limit) + coverage.unknown(.names, limit: limit) + coverage.unknown(.demonyms, limit: limit)
        file.actors = people.compactMap { candidate in
            guard !placeKeys.contains(candidate.text.lowercased()), claim(candidate.text) else { return nil }
            return GazetteerFile.Entry(id: newID(candidate.text), label: candidate.text, names: [candidate.text], affiliation: Self.unassigned)
        }
        self.file = file
    }
}
