import Foundation

/// A gazetteer file as written (`Corpus/gazetteer.json`), decoded before it is checked
/// (`GazetteerCheck`): every field optional, so that a missing one is reported by the
/// check with its entry, not by the decoder. Encoded, it is a file `GazetteerDraft` writes.
struct GazetteerFile: Codable {
    /// One side, third party, actor or place.
    struct Entry: Codable {
        var id: String?
        var label: String?
        var names: [String]?
        var aliases: [String]?
        /// Actors: the party they act for.
        var affiliation: String?
        /// Places: the party they stand for as the subject of a claim.
        var standsFor: String?
        var heldBy: String?

        enum CodingKeys: String, CodingKey {
            case id, label, names, aliases, affiliation, standsFor = "stands_for", heldBy = "held_by"
        }
    }

    var conflict: String?
    /// The sides that fight together, one list per camp.
    var camps: [[String]]?
    var sides: [Entry]?
    var thirdParties: [Entry]?
    var actors: [Entry]?
    var places: [Entry]?
    var variants: [[String]]?
    var expansions: [String: [String]]?
    /// The entries of each `Gazetteer.Kind.listed`, by kind name (read from its `list` key).
    var named: [String: [Entry]] = [:]

    enum CodingKeys: String, CodingKey {
        case conflict, camps, sides, thirdParties = "third_parties", actors, places, variants, expansions
    }

    /// A key of the file by its text: a listed kind's entries.
    private struct ListKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The fields of `CodingKeys`, then each listed kind's entries.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        conflict = try container.decodeIfPresent(String.self, forKey: .conflict)
        camps = try container.decodeIfPresent([[String]].self, forKey: .camps)
        sides = try container.decodeIfPresent([Entry].self, forKey: .sides)
        thirdParties = try container.decodeIfPresent([Entry].self, forKey: .thirdParties)
        actors = try container.decodeIfPresent([Entry].self, forKey: .actors)
        places = try container.decodeIfPresent([Entry].self, forKey: .places)
        variants = try container.decodeIfPresent([[String]].self, forKey: .variants)
        expansions = try container.decodeIfPresent([String: [String]].self, forKey: .expansions)
        let lists = try decoder.container(keyedBy: ListKey.self)
        for kind in Gazetteer.Kind.listed {
            guard let list = kind.list, let entries = try lists.decodeIfPresent([Entry].self, forKey: ListKey(stringValue: list)) else { continue }
            named[kind.name] = entries
        }
    }

    /// An empty file, filled in by `GazetteerDraft`.
    init() {}

    /// A decoding failure as a diagnostic naming the field and, where it can be found, its line.
    static func diagnostic(for error: DecodingError, path: String, locate: LineLocator) -> Diagnostic {
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .typeMismatch(let type, let c): context = c; problem = "must be \(describe(type))"
        case .valueNotFound(let type, let c): context = c; problem = "must be \(describe(type)), not null"
        case .keyNotFound(let key, let c): context = c; problem = "lacks \"\(key.stringValue)\""
        case .dataCorrupted(let c): context = c; problem = context.codingPath.isEmpty ? "is not valid JSON" : "is malformed"
        @unknown default: return Diagnostic(.error, file: path, line: nil, "gazetteer cannot be read")
        }
        let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        let key = context.codingPath.last { $0.intValue == nil }?.stringValue
        let line = context.codingPath.isEmpty ? JSONSyntax.errorLine(in: Data(locate.text.utf8)) : key.flatMap { locate.line(of: "\"\($0)\"") }
        return Diagnostic(.error, file: path, line: line, field.isEmpty ? "gazetteer \(problem)" : "gazetteer field \(field.dropFirst()) \(problem)")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is [String].Type: return "a list of text"
        case is [[String]].Type: return "a list of lists of text"
        case is [String: [String]].Type: return "an object of lists of text"
        default: return String(describing: type).contains("Array") ? "a list of objects" : "an object"
        }
    }
}
