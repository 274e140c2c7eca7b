import Foundation
import FrontlineCorpus

/// Prepares a user's query for Xapian's QueryParser: expands date ranges into
/// the `YYYYMMDD` values the index stores, maps `side:` / `actor:` … values
/// through the gazetteer's aliases to canonical ids, splits hyphenated words so
/// that name variants match, drops control characters, and keeps XOR a word.
struct QueryRewriter {
    let labels: Labels

    /// The words the query language uses as operators (upper case; lower case they are words).
    static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]

    /// The longest query accepted, in characters.
    static let maximumLength = 2000

    /// The rewritten query and anything the user should be told about it.
    struct Rewritten {
        var text: String
        var notices: [String]
        /// Terms that find the query's names in every script: transliteration keys
        /// (`Transliteration`) and the names of places and actors (`Schema.namePrefix`).
        var crossScriptTerms: [String] = []
    }

    /// Rewrites `query`, or throws `SearchError.query` with what to type instead. With
    /// `crossScript`, it also gathers the terms that find its names in other scripts.
    func rewrite(_ query: String, crossScript: Bool = false) throws -> Rewritten {
        guard query.count <= QueryRewriter.maximumLength else {
            throw SearchError.query("the query is \(query.count) characters long; the limit is \(QueryRewriter.maximumLength)",
                                    hint: "search for the few words that matter")
        }
        let cleaned = ScriptText.normalized(String(query.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) }))
        var notices: [String] = []
        var words: [String] = []
        var keys: [String] = []
        let plain = crossScript ? QueryRewriter.words(cleaned).map { QueryRewriter.transliterationKeys(of: $0).isEmpty ? "" : $0 } : []
        for (i, word) in plain.enumerated() where !word.isEmpty {
            // A place or actor named by a word or two, in any of its scripts.
            for phrase in [word] + (i + 1 < plain.count && !plain[i + 1].isEmpty ? [word + " " + plain[i + 1]] : []) {
                let bare = String(phrase.filter { $0 != "+" && $0 != "(" && $0 != ")" })
                for facet in [Facet.place, .actor] {
                    if let id = name(bare, in: facet) ?? inflectedName(bare, in: facet) { keys.append(Schema.namePrefix + id) }
                }
            }
        }
        for word in QueryRewriter.words(cleaned) {
            // Xapian 1.4.22 crashes (SIGSEGV) matching `a XOR NOT b`, so XOR is not an
            // operator in Frontline's query language: it is searched as a word.
            words.append(word == "XOR" ? "xor" : try rewriteWord(word, notices: &notices))
            if crossScript { keys += QueryRewriter.transliterationKeys(of: word).map { Schema.transliterationPrefix + $0 } }
        }
        return Rewritten(text: words.joined(separator: " "), notices: notices, crossScriptTerms: keys)
    }

    /// True if `query` (rewritten) has only filters and operators, nothing that weighs.
    static func isFilterOnly(_ query: String) -> Bool {
        words(query).allSatisfy { word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: "()+-"))
            return bare.isEmpty || operators.contains(bare) || isFilter(bare)
        }
    }

    /// The filter words of `query` (rewritten: `language:az`, `-side:armenia`), with
    /// their signs and without brackets, or nil if it has none.
    static func filters(_ query: String) -> String? {
        let found = words(query).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()")) }
            .filter { isFilter($0.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))) }
        return found.isEmpty ? nil : found.joined(separator: " ")
    }

    /// Whether a word without signs or brackets is a boolean field (`side:…`, `date:…`).
    private static func isFilter(_ bare: String) -> Bool {
        guard let colon = bare.firstIndex(of: ":") else { return false }
        return booleanFields.contains(bare[..<colon].lowercased())
    }

    private static let booleanFields = Set(Facet.all.map(\.rawValue) + ["kind"])

    /// Splits on spaces, keeping quoted stretches (even `field:"two words"`) whole.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private func rewriteWord(_ word: String, notices: inout [String]) throws -> String {
        // Keep leading operators and brackets: +side:armenia, -place:talish, (actor:putin
        let lead = word.prefix(while: { "+-(".contains($0) })
        var body = word.dropFirst(lead.count)
        var trail = ""
        while body.last == ")" && body.filter({ $0 == "(" }).count < body.filter({ $0 == ")" }).count {
            trail.append(")")
            body = body.dropLast()
        }
        guard let colon = body.firstIndex(of: ":") else {
            if word.hasPrefix("\"") || word.contains("*") { return word }
            // A capitalised word is left unstemmed (Xapian's STEM_SOME), which suits English
            // names; names in the inflecting languages are written lower case, so that
            // "Шуша" finds "в Шуше".
            return String(lead) + splitHyphens(QueryRewriter.inflects(body) ? Substring(ScriptText.lower(String(body))) : body) + trail
        }
        let field = body[..<colon].lowercased()
        var value = String(body[body.index(after: colon)...])
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        switch field {
        case "date":
            return String(lead) + "date:" + (try DateRange.parse(value).queryText) + trail
        case _ where Facet(rawValue: field)?.isTag == true:
            let facet = Facet(rawValue: field)!
            if value.isEmpty { return word }
            if let id = labels.resolve(value, in: facet) { return "\(lead)\(field):\(id)\(trail)" }
            notices.append(labels.unknownValueNotice(value, in: facet))
            return "\(lead)\(field):\(value.lowercased().replacingOccurrences(of: " ", with: "-"))\(trail)"
        case "language":
            return "\(lead)language:\(Language(declared: value)?.rawValue ?? Schema.filterValue(value))\(trail)"
        case "source", "figure":
            if field == "figure", !value.isEmpty, let notice = QueryRewriter.unknownFigureCategory(value) { notices.append(notice) }
            return "\(lead)\(field):\(Schema.filterValue(value))\(trail)"
        default:
            return word
        }
    }

    /// The notice for a figure category that does not exist, or nil if it does.
    static func unknownFigureCategory(_ value: String) -> String? {
        FigureCategory(rawValue: Schema.filterValue(value)) == nil ? FigureLedger.unknownCategory(value) : nil
    }

    /// The id of the place or actor named `phrase` (its words as typed), or nil.
    private func name(_ phrase: String, in facet: Facet) -> String? {
        // `Labels.key` of words without ’ - _ is their lower case: skip its Foundation calls.
        if !phrase.contains(where: { $0 == "’" || $0 == "-" || $0 == "_" }) { return labels.lookup[facet]?[phrase.lowercased()] }
        return labels.resolve(phrase, in: facet)
    }

    /// The id of the place or actor an inflected name stands for ("Шуше", "Алиева"), or nil.
    private func inflectedName(_ phrase: String, in facet: Facet) -> String? {
        guard !phrase.contains(" "), QueryRewriter.inflects(Substring(phrase)) else { return nil }
        let keys = Set(Inflection.keys(ScriptText.lower(phrase)))
        for (name, id) in labels.lookup[facet] ?? [:] where !name.contains(" ") && QueryRewriter.inflects(Substring(name)) {
            if Inflection.keys(name).contains(where: keys.contains) { return id }
        }
        return nil
    }

    /// Whether a word is written in an inflecting language's letters: Cyrillic, Armenian,
    /// or Latin with a Turkic letter.
    static func inflects(_ word: Substring) -> Bool {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        return word.unicodeScalars.contains { scalar in
            switch ScriptText.script(of: scalar) {
            case .cyrillic, .armenian: return true
            case .latin: return "əƏıİşŞğĞ".unicodeScalars.contains(scalar)
            default: return false
            }
        }
    }

    /// The transliteration keys of a plain word of the query (not a field, a phrase, a
    /// wildcard, an operator or an excluded word).
    static func transliterationKeys(of word: String) -> [String] {
        guard !word.hasPrefix("-"), !word.contains(":"), !word.contains("\""), !word.contains("*"), !operators.contains(word) else { return [] }
        return word.split(whereSeparator: { !$0.isLetter }).flatMap { Transliteration.queryKeys(String($0)) }
    }

    /// "Nagorno-Karabakh" → "Nagorno Karabakh", so that each part gets its name variants.
    private func splitHyphens(_ word: Substring) -> String {
        var out = ""
        let characters = Array(word)
        for (i, c) in characters.enumerated() {
            if c == "-", i > 0, i + 1 < characters.count, characters[i - 1].isLetter, characters[i + 1].isLetter {
                out.append(" ")
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// A range of days written `2016-04-01..2016-04-07`, `2016-04`, `2016`,
/// `2016-04..` or `..2016-04-07`.
public struct DateRange: Equatable, Sendable {
    /// The first day, if bounded.
    public var from: CalendarDate?
    /// The last day, if bounded.
    public var to: CalendarDate?

    /// A range between two days (either may be open).
    public init(from: CalendarDate?, to: CalendarDate?) {
        self.from = from
        self.to = to
    }

    /// Parses a range, or throws `SearchError.query` saying what to type instead.
    public static func parse(_ text: String) throws -> DateRange {
        let hint = "write date:2016-04-01..2016-04-07, date:2016-04 or date:2016 (either end may be left open)"
        if let dots = text.range(of: "..") {
            let low = String(text[..<dots.lowerBound]), high = String(text[dots.upperBound...])
            guard !(low.isEmpty && high.isEmpty) else { throw SearchError.query("the date range \"\(text)\" has no ends", hint: hint) }
            guard let first = low.isEmpty ? DateRange(from: nil, to: nil) : bounds(low),
                  let last = high.isEmpty ? DateRange(from: nil, to: nil) : bounds(high) else {
                throw SearchError.query("\"\(text)\" is not a date range", hint: hint)
            }
            let range = DateRange(from: first.from, to: last.to)
            if let from = range.from, let to = range.to, from > to {
                throw SearchError.query("the date range \"\(text)\" ends before it starts", hint: "put the earlier date first")
            }
            return range
        }
        guard let range = bounds(text) else { throw SearchError.query("\"\(text)\" is not a date", hint: hint) }
        return range
    }

    /// Why `text` is not a day, month or year, in words for a message about an option or
    /// parameter ("is not a day of the calendar"), or nil if it is one.
    public static func problem(with text: String) -> String? {
        guard bounds(text) == nil else { return nil }
        let shape = text.split(separator: "-", omittingEmptySubsequences: false)
        let looksLikeADate = (1...3).contains(shape.count) && shape.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && shape[0].count == 4
        return (looksLikeADate ? CalendarDate.notADay : "is not a date") + ": write a day, a month or a year, as in 2016-04-01, 2016-04 or 2016"
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the range of days it covers.
    public static func bounds(_ text: String) -> DateRange? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let year = parts[0]!
        guard CalendarDate.years.contains(year), text.split(separator: "-")[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            return DateRange(from: CalendarDate(year: year, month: 1, day: 1), to: CalendarDate(year: year, month: 12, day: 31))
        case 2:
            let month = parts[1]!
            guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
            return DateRange(from: first, to: CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year)))
        default:
            guard let day = CalendarDate(year: year, month: parts[1]!, day: parts[2]!) else { return nil }
            return DateRange(from: day, to: day)
        }
    }

    /// The range as the parser's range syntax over `YYYYMMDD` values.
    var queryText: String { "\(from?.compact ?? "")..\(to?.compact ?? "")" }
}
