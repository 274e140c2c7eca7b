import Foundation
import FrontlineCorpus

/// What a passage document's data holds: everything search output shows, so a
/// search needs no other lookup. Stored as compact JSON with short keys.
public struct StoredPassage: Sendable, Equatable {
    /// Article id.
    public var article: String
    /// The article title ("" if unknown).
    public var title: String
    /// Publication date, `YYYY-MM-DD` ("" if unknown).
    public var date: String
    /// The outlet.
    public var source: String
    /// Where the article was published.
    public var url: String
    /// 0-based position in the article.
    public var ordinal: Int
    /// `headline`, `body` or `caption`.
    public var kind: String
    /// The cleaned passage text.
    public var text: String
    /// The gazetteer ids of each tag facet it has (sides it is about, parties whose
    /// statements it reports, actors, places…); a facet with none is absent.
    public var tags: [Facet: [String]]
    /// Dates the passage speaks of, `YYYY-MM-DD`.
    public var eventDates: [String]
    /// The figures it reports.
    public var figures: [Figure]
    /// Its language code (`en`, `ru`, `hy`, `az`, `unknown`; see `Language`).
    public var language: String

    enum CodingKeys: String, CodingKey {
        case article = "a", title = "t", date = "d", source = "s", url = "u", ordinal = "o", kind = "k", text = "x"
        case eventDates = "ev", figures = "fg", language = "ln"
    }
    // Each tag facet is stored under its `Facet.storedKey`.

    /// The ids of tag `facet`.
    public subscript(facet: Facet) -> [String] { tags[facet] ?? [] }

    /// The keys of a stored figure.
    private enum FigureKey: String {
        case category = "c", value = "v", min = "n", max = "m", approximate = "ap", item = "i", subject = "s", side = "sd"
        case claimants = "cl", text = "t", period = "p", rate = "r", cumulative = "cu"
    }

    /// The stored form of `passage` of `article`.
    init(_ passage: Passage, of article: Article) {
        self.article = article.id
        title = article.title
        date = article.date?.iso ?? ""
        source = article.source
        url = article.url
        ordinal = passage.ordinal
        kind = passage.kind.rawValue
        text = passage.text
        tags = [:]
        for facet in Facet.tags {
            if let kind = facet.kind, case let ids = passage.tags[kind], !ids.isEmpty { tags[facet] = ids }
        }
        eventDates = passage.eventDates.map(\.iso)
        figures = passage.figures
        language = passage.language.rawValue
    }

    /// Encodes as compact JSON (hand-written: this runs once per passage while indexing).
    func json() -> String {
        var out = "{"
        func field(_ key: CodingKeys, _ value: String) { out += "\"\(key.rawValue)\":"; JSONText.append(value, to: &out); out += "," }
        func list(_ key: String, _ values: [String]) {
            out += "\"\(key)\":["
            for (i, v) in values.enumerated() { if i > 0 { out += "," }; JSONText.append(v, to: &out) }
            out += "],"
        }
        field(.article, article)
        field(.title, title)
        field(.date, date)
        field(.source, source)
        field(.url, url)
        out += "\"o\":\(ordinal),"
        field(.kind, kind)
        field(.language, language)
        field(.text, text)
        for facet in Facet.tags {
            let ids = self[facet]
            if facet.alwaysListed || !ids.isEmpty { list(facet.storedKey, ids) }
        }
        list(CodingKeys.eventDates.rawValue, eventDates)
        if !figures.isEmpty {
            out += "\"\(CodingKeys.figures.rawValue)\":["
            for (i, figure) in figures.enumerated() {
                if i > 0 { out += "," }
                StoredPassage.append(figure, to: &out)
            }
            out += "],"
        }
        out.removeLast()
        out += "}"
        return out
    }

    private static func append(_ figure: Figure, to out: inout String) {
        func key(_ key: FigureKey) { out += "\"\(key.rawValue)\":" }
        func optional(_ k: FigureKey, _ value: String?) { if let value { out += ","; key(k); JSONText.append(value, to: &out) } }
        out += "{"
        key(.category); JSONText.append(figure.category, to: &out)
        out += ","; key(.value); out += String(figure.count.value)
        out += ","; key(.min); out += String(figure.count.min)
        out += ","; key(.max); out += String(figure.count.max)
        if figure.count.approximate { out += ","; key(.approximate); out += "true" }
        optional(.item, figure.item)
        optional(.subject, figure.subject)
        optional(.side, figure.side)
        out += ","; key(.claimants); out += "["
        for (i, c) in figure.claimants.enumerated() { if i > 0 { out += "," }; JSONText.append(c, to: &out) }
        out += "]"
        optional(.text, figure.text)
        optional(.period, figure.period)
        optional(.rate, figure.rate)
        if figure.cumulative { out += ","; key(.cumulative); out += "true" }
        out += "}"
    }

    private static func figure(_ record: [String: Any]) -> Figure? {
        func text(_ key: FigureKey) -> String? { record[key.rawValue] as? String }
        func number(_ key: FigureKey) -> Int? { (record[key.rawValue] as? NSNumber)?.intValue }
        guard let category = text(.category), let value = number(.value) else { return nil }
        let count = Figure.Count(value: value, min: number(.min) ?? value, max: number(.max) ?? value,
                                 approximate: (record[FigureKey.approximate.rawValue] as? NSNumber)?.boolValue ?? false)
        return Figure(count: count, category: category, item: text(.item), subject: text(.subject), side: text(.side),
                      claimants: record[FigureKey.claimants.rawValue] as? [String] ?? [], text: text(.text) ?? "", period: text(.period),
                      rate: text(.rate), cumulative: (record[FigureKey.cumulative.rawValue] as? NSNumber)?.boolValue ?? false)
    }

    /// Decodes document data written by `json()`. Read with `JSONSerialization` rather than
    /// `JSONDecoder`: a search decodes a page of these in a fresh process, and the Codable
    /// path's type lookups cost more than the parsing.
    static func decode(_ data: String) throws -> StoredPassage {
        guard let record = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a passage record is not a JSON object"))
        }
        return StoredPassage(record: record)
    }

    private init(record: [String: Any]) {
        func text(_ key: CodingKeys) -> String { record[key.rawValue] as? String ?? "" }
        func list(_ key: CodingKeys) -> [String] { record[key.rawValue] as? [String] ?? [] }
        article = text(.article)
        title = text(.title)
        date = text(.date)
        source = text(.source)
        url = text(.url)
        ordinal = (record[CodingKeys.ordinal.rawValue] as? NSNumber)?.intValue ?? 0
        kind = text(.kind)
        language = record[CodingKeys.language.rawValue] as? String ?? Language.unknown.rawValue
        self.text = text(.text)
        tags = [:]
        for facet in Facet.tags {
            if let ids = record[facet.storedKey] as? [String], !ids.isEmpty { tags[facet] = ids }
        }
        eventDates = list(.eventDates)
        figures = (record[CodingKeys.figures.rawValue] as? [[String: Any]] ?? []).compactMap(StoredPassage.figure)
    }
}

/// JSON string escaping.
enum JSONText {
    /// Appends `value` as a quoted JSON string.
    static func append(_ value: String, to out: inout String) {
        out += "\""
        var plainStart = value.startIndex
        for index in value.unicodeScalars.indices {
            let scalar = value.unicodeScalars[index]
            let escaped: String?
            switch scalar {
            case "\"": escaped = "\\\""
            case "\\": escaped = "\\\\"
            case "\n": escaped = "\\n"
            case "\r": escaped = "\\r"
            case "\t": escaped = "\\t"
            default: escaped = scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
            if let escaped {
                out += value[plainStart..<index]
                out += escaped
                plainStart = value.unicodeScalars.index(after: index)
            }
        }
        out += value[plainStart...]
        out += "\""
    }
}
