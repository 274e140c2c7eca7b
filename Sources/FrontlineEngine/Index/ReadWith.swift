import Foundation

/// What an index's passages were read with: the conflict gazetteer, the world base it
/// extends, the figure lexicon. Kept in every shard (`Schema.readWithKey`), so that an index
/// tagged with the world base alone, or with no figure lexicon, says so in `frontline stats`
/// and in the summary of the run that built it, not only in a warning once.
public struct ReadWith: Codable, Sendable, Equatable {
    /// The conflict gazetteer's path; nil when there was none.
    public var gazetteer: String?
    /// The world base's path; nil when there was none.
    public var worldBase: String?
    /// The figure lexicon's path; nil when there was none (no figures were read).
    public var figures: String?

    /// What `gazetteer`, `worldBase` and `figures` name.
    public init(gazetteer: String?, worldBase: String?, figures: String?) {
        (self.gazetteer, self.worldBase, self.figures) = (gazetteer, worldBase, figures)
    }

    enum CodingKeys: String, CodingKey {
        case gazetteer, worldBase = "world_base", figures
    }

    /// How the passages were tagged, in a few words ("the gazetteer G over the world base B",
    /// "the world base B alone: no conflict gazetteer").
    public var tagging: String {
        switch (gazetteer, worldBase) {
        case let (g?, b?): return "the gazetteer \(g) over the world base \(b)"
        case let (g?, nil): return "the gazetteer \(g) alone: no world base"
        case let (nil, b?): return "the world base \(b) alone: no conflict gazetteer (every state a side; no camps, groups or places)"
        case (nil, nil): return "nothing: no gazetteer and no world base (no sides, claimants, actors or places)"
        }
    }

    /// How figures were read, in a few words.
    public var figureReading: String {
        figures.map { "the figure lexicon \($0)" } ?? "not read: no figure lexicon (no figure facet, ledger or comparisons)"
    }

    /// The stored text (JSON).
    func stored() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// What `text` says, if it is a stored `ReadWith` (nil for an index written before it was kept).
    static func read(stored text: String) -> ReadWith? {
        guard !text.isEmpty else { return nil }
        return try? JSONDecoder().decode(ReadWith.self, from: Data(text.utf8))
    }
}
