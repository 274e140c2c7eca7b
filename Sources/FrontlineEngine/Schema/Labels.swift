import Foundation
import FrontlineCorpus

/// The display labels and lookup names of every gazetteer id, as stored in an index.
public struct Labels: Encodable, Sendable {
    /// id → label, for sides, third parties, actors, places and the listed kinds' entries.
    public var labels: [String: String]
    /// Lower-cased name, alias, label or id → id, per tag facet (in every script the
    /// gazetteer writes its names in). Read from an index, it is decoded on first use:
    /// most searches never need it.
    public var lookup: [Facet: [String: String]] {
        get { names.value }
        set { names = LookupNames(newValue) }
    }
    private var names: LookupNames
    /// The belligerent side ids, in gazetteer order.
    public var sides: [String]

    /// Labels made of their parts.
    public init(labels: [String: String], lookup: [Facet: [String: String]], sides: [String]) {
        self.labels = labels
        self.names = LookupNames(lookup)
        self.sides = sides
    }

    private init(labels: [String: String], names: LookupNames, sides: [String]) {
        self.labels = labels
        self.names = names
        self.sides = sides
    }

    init(_ gazetteer: Gazetteer) {
        var labels: [String: String] = [:]
        var parties: [String: String] = [:], sides: [String: String] = [:], actors: [String: String] = [:], places: [String: String] = [:]
        func add(_ map: inout [String: String], _ id: String, _ phrases: [String]) {
            for phrase in phrases + [id] where map[Labels.key(phrase)] == nil { map[Labels.key(phrase)] = id }
        }
        for party in gazetteer.parties {
            labels[party.id] = party.label
            add(&parties, party.id, [party.label] + party.names + party.aliases)
            if party.belligerent { add(&sides, party.id, [party.label] + party.names + party.aliases) }
        }
        for actor in gazetteer.actors {
            labels[actor.id] = actor.label
            add(&actors, actor.id, [actor.label] + actor.names + actor.aliases)
        }
        for place in gazetteer.places {
            labels[place.id] = place.label
            add(&places, place.id, [place.label] + place.names + place.aliases)
        }
        var lookup: [Facet: [String: String]] = [.side: sides, .claimant: parties, .actor: actors, .place: places]
        for facet in Facet.tags {
            guard let kind = facet.kind, let entries = gazetteer.named[kind.name], !entries.isEmpty else { continue }
            var names: [String: String] = [:]
            for entry in entries {
                labels[entry.id] = entry.label
                add(&names, entry.id, [entry.label] + entry.names + entry.aliases)
            }
            lookup[facet] = names
        }
        self.init(labels: labels, lookup: lookup, sides: gazetteer.sides.map(\.id))
    }

    /// The canonical id a user's `value` means in `facet`, or nil if the gazetteer does not know it.
    public func resolve(_ value: String, in facet: Facet) -> String? {
        lookup[facet]?[Labels.key(value)]
    }

    /// What to tell a user whose `value` for `facet` the gazetteer does not know: the
    /// closest known names, else the known values.
    public func unknownValueNotice(_ value: String, in facet: Facet) -> String {
        let field = facet.rawValue
        let names = lookup[facet] ?? [:]
        let wanted = Labels.key(value)
        let close = names.keys.map { ($0, EditDistance.between(wanted, $0)) }
            .filter { $0.1 <= max(1, wanted.count / 3) && $0.1 < wanted.count }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var suggestions: [String] = []
        for (name, _) in close where !suggestions.contains(names[name]!) && suggestions.count < 3 { suggestions.append(names[name]!) }
        let shown = Excerpt.quoted(value)
        if !suggestions.isEmpty { return "unknown \(field) \(shown); did you mean \(suggestions.map { label($0) + " (" + $0 + ")" }.joined(separator: ", "))?" }
        let known = Set(names.values).sorted().prefix(12).joined(separator: ", ")
        return "unknown \(field) \(shown)" + (known.isEmpty ? "" : "; known: \(known)")
    }

    /// The label of `id`, or `id` itself.
    public func label(_ id: String) -> String { labels[id] ?? id }

    static func key(_ phrase: String) -> String {
        phrase.lowercased().replacingOccurrences(of: "’", with: "'").split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey { case labels, lookup, sides }

    /// Encodes the labels and sides, and `lookup` keyed by facet name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labels, forKey: .labels)
        try container.encode(sides, forKey: .sides)
        try container.encode(Labels.byName(lookup), forKey: .lookup)
    }

    private static func byName(_ lookup: [Facet: [String: String]]) -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: lookup.map { ($0.key.rawValue, $0.value) })
    }

    /// The stored form (in `ShardManifest`), three lines read apart: the sides and the
    /// labels as tab-separated fields (`%`, tab and line feed percent-encoded; read without a
    /// JSON parser, which costs a shell search more than its whole match), and the lookup
    /// names (most of the bytes) as sorted-key JSON keyed by facet name, decoded when first used.
    struct Stored {
        /// The side ids, tab-separated.
        var sides: String
        /// id, label, id, label…, tab-separated.
        var labels: String
        /// The lookup names as JSON.
        var lookup: String
    }

    /// The stored form of these labels.
    func stored() throws -> Stored {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Stored(sides: sides.map(Labels.escape).joined(separator: "\t"),
                      labels: labels.sorted { $0.key < $1.key }.flatMap { [Labels.escape($0.key), Labels.escape($0.value)] }.joined(separator: "\t"),
                      lookup: String(decoding: try encoder.encode(Labels.byName(lookup)), as: UTF8.self))
    }

    /// Labels read from their stored form ("" parts give empty labels).
    static func parse(_ stored: Stored) -> Labels {
        let fields = Labels.fields(stored.labels)
        var labels: [String: String] = [:]
        labels.reserveCapacity(fields.count / 2)
        for pair in stride(from: 0, to: fields.count - 1, by: 2) { labels[fields[pair]] = fields[pair + 1] }
        return Labels(labels: labels, names: LookupNames(json: stored.lookup),
                      sides: Labels.fields(stored.sides))
    }

    /// The tab-separated fields of `text`, unescaped, found a byte at a time (a split by
    /// Characters costs more than the rest of the parse).
    private static func fields(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            var fields: [String] = [], start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\t") {
                let field = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                fields.append(field.utf8.contains(UInt8(ascii: "%")) ? unescape(field) : field)
                start = index + 1
            }
            return fields
        }
    }

    private static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }) else { return field }
        return field.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\t", with: "%09").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func unescape(_ field: String) -> String {
        field.replacingOccurrences(of: "%09", with: "\t").replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%25", with: "%")
    }
}

/// The lookup names of `Labels`, decoded from their stored JSON once, when first read.
private final class LookupNames: Sendable {
    private let state: Locked<(json: String?, value: [Facet: [String: String]])>

    init(_ value: [Facet: [String: String]]) { state = Locked((nil, value)) }
    init(json: String) { state = Locked((json, [:])) }

    var value: [Facet: [String: String]] {
        state.withLock { state in
            if let json = state.json {
                let byName = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: [String: String]] ?? [:]
                state = (nil, Dictionary(uniqueKeysWithValues: byName.compactMap { name, names in Facet(rawValue: name).map { ($0, names) } }))
            }
            return state.value
        }
    }
}
