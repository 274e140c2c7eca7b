import Foundation

/// How much of a corpus a gazetteer tags, and what it does not know: the share of passages
/// with a side and with a claimant, and the capitalised names, demonyms, speakers ("…, said
/// X", "X said") and places ("in X", "village of X") that no name or alias of the gazetteer
/// covers, with how often each occurs. Fed processed articles one by one (`add`).
public struct GazetteerCoverage: Sendable {
    /// A candidate and how many times it occurs.
    public struct Count: Sendable, Equatable, Encodable {
        /// The words as written (the first spelling seen).
        public var text: String
        /// Occurrences in the corpus.
        public var count: Int
    }

    /// The kinds of unknown candidates counted.
    public enum Kind: String, CaseIterable, Sendable {
        /// Capitalised words and runs of them, not demonyms.
        case names
        /// One capitalised word ending like a demonym or adjective ("-ian", "-ese", "-ish", "-ite", "-i").
        case demonyms
        /// The subject or object of a speech verb ("…, said X", "X said", "according to X").
        case speakers
        /// The object of a place preposition ("in X", "near X", "village of X"), not an adjective ("in Russian shelling").
        case places
    }

    /// Articles and passages read.
    public private(set) var articles = 0, passages = 0
    /// Passages with at least one side, and with at least one claimant.
    public private(set) var withSide = 0, withClaimant = 0
    /// Passages per side id.
    public private(set) var sidePassages: [String: Int] = [:]

    /// The gazetteer's phrases as lower-case word sequences.
    private let known: Set<String>
    private let longestKnown: Int
    /// Occurrences of each word in lower case, and capitalised not at a sentence's start.
    private var lowerCount: [String: Int] = [:], capitalCount: [String: Int] = [:]
    /// Runs of capitalised words seen, per kind (demonyms are read from the names).
    private var runs: [Kind: [Run: Int]] = [:]

    /// A run of capitalised words: its words, lower case, and whether the first opens a sentence.
    private struct Run: Hashable, Sendable {
        var words: [String]
        var spelled: [String]
        var opensSentence: Bool
    }

    /// Counts against `gazetteer` (already extended by the world base, if it is to be).
    public init(gazetteer: Gazetteer) {
        var known: Set<String> = []
        let phrases = gazetteer.parties.flatMap { $0.names + $0.aliases } + gazetteer.actors.flatMap { $0.names + $0.aliases }
            + gazetteer.places.flatMap { $0.names + $0.aliases } + gazetteer.variants.joined()
        for phrase in phrases {
            let key = Tokenizer.tokens(phrase).map(\.lower).joined(separator: " ")
            if !key.isEmpty { known.insert(key) }
        }
        self.known = known
        longestKnown = min(8, known.map { $0.split(separator: " ").count }.max() ?? 1)
    }

    /// Counts `processed`'s passages.
    public mutating func add(_ processed: ProcessedArticle) {
        articles += 1
        for passage in processed.passages {
            passages += 1
            if !passage.tags.sides.isEmpty { withSide += 1 }
            if !passage.tags.claimants.isEmpty { withClaimant += 1 }
            for side in passage.tags.sides { sidePassages[side, default: 0] += 1 }
            read(passage.text)
        }
    }

    /// The share of passages with a side, and with a claimant (0 with no passages).
    public var sideShare: Double { passages == 0 ? 0 : Double(withSide) / Double(passages) }
    /// See `sideShare`.
    public var claimantShare: Double { passages == 0 ? 0 : Double(withClaimant) / Double(passages) }

    /// The `limit` most frequent unknown candidates of `kind`, most frequent first (then by text).
    public func unknown(_ kind: Kind, limit: Int = 20) -> [Count] {
        var counts: [String: Count] = [:]
        for (run, count) in runs[kind == .demonyms ? .names : kind] ?? [:] {
            for piece in unknownPieces(of: run) {
                let isDemonym = piece.words.count == 1 && Self.looksLikeDemonym(piece.words[0])
                if kind == .demonyms ? !isDemonym : (kind == .names && isDemonym) { continue }
                let key = piece.words.joined(separator: " ")
                counts[key, default: Count(text: piece.spelled.joined(separator: " "), count: 0)].count += count
            }
        }
        return counts.values.sorted { ($0.count, $1.text) > ($1.count, $0.text) }.prefix(limit).map { $0 }
    }

    private static let speechVerbs: Set<String> = ["said", "says", "told", "added", "stated", "announced", "claimed", "reported", "wrote", "tweeted"]
    private static let placePrepositions: Set<String> = ["in", "near", "outside", "around", "towards", "toward", "across", "into"]
    private static let placeNouns: Set<String> = ["village", "town", "city", "region", "province", "district", "oblast", "governorate", "area", "port"]
    /// Lower-case words that may join a name's capitalised words ("Ministry of Defence", "al-Nusra").
    private static let connectors: Set<String> = ["of", "for", "al", "el", "de", "bin", "ibn"]
    private static let demonymEndings = ["ian", "ean", "ese", "ish", "ite", "i"]

    private static func looksLikeDemonym(_ word: String) -> Bool {
        word.count > 3 && demonymEndings.contains { word.hasSuffix($0) }
    }

    private mutating func read(_ text: String) {
        let tokens = Tokenizer.tokens(text)
        let bytes = Array(text.utf8)
        func spelled(_ token: Tokenizer.Token) -> String { String(decoding: bytes[token.start..<token.end], as: UTF8.self) }
        for token in tokens {
            if token.capitalized && !token.gap.contains(.sentenceEnd) { capitalCount[token.lower, default: 0] += 1 }
            if !token.capitalized { lowerCount[token.lower, default: 0] += 1 }
        }
        /// The run of capitalised words starting at `start`; nil if that word is not capitalised.
        func run(from start: Int) -> Run? {
            guard start < tokens.count, tokens[start].capitalized else { return nil }
            var end = start
            while end + 1 < tokens.count, !tokens[end + 1].gap.contains(.sentenceEnd), !tokens[end + 1].gap.contains(.comma),
                  !tokens[end + 1].gap.contains(.clauseBreak), !tokens[end + 1].gap.contains(.quote) {
                if tokens[end + 1].capitalized { end += 1; continue }
                if Self.connectors.contains(tokens[end + 1].lower), end + 2 < tokens.count, tokens[end + 2].capitalized,
                   !tokens[end + 2].gap.contains(.sentenceEnd) { end += 2; continue }
                break
            }
            return Run(words: tokens[start...end].map(\.lower), spelled: tokens[start...end].map(spelled),
                       opensSentence: tokens[start].gap.contains(.sentenceEnd))
        }
        var i = 0
        while i < tokens.count {
            guard let found = run(from: i) else { i += 1; continue }
            let end = i + found.words.count - 1
            runs[.names, default: [:]][found, default: 0] += 1
            let before = i > 0 ? tokens[i - 1].lower : ""
            // "…, said X" / "…” said X": the verb after a comma or quotation; "X said": right after the run.
            let saidX = i > 0 && Self.speechVerbs.contains(before) && (tokens[i - 1].gap.contains(.comma) || tokens[i - 1].gap.contains(.quote))
            let xSaid = end + 1 < tokens.count && tokens[end + 1].gap.isEmpty && Self.speechVerbs.contains(tokens[end + 1].lower)
            if saidX || xSaid || (before == "to" && i > 1 && tokens[i - 2].lower == "according") {
                runs[.speakers, default: [:]][found, default: 0] += 1
            }
            // Not an adjective: "in Russian shelling" is a demonym followed by its noun.
            let next = end + 1 < tokens.count && !tokens[end + 1].gap.contains(.sentenceEnd) ? tokens[end + 1] : nil
            let adjective = found.words.count == 1 && Self.looksLikeDemonym(found.words[0])
                && next.map { !$0.capitalized && !StopWords.english.contains($0.lower) && !Self.placeNouns.contains($0.lower) } ?? false
            if !adjective, Self.placePrepositions.contains(before) || (before == "of" && i > 1 && Self.placeNouns.contains(tokens[i - 2].lower)) {
                runs[.places, default: [:]][found, default: 0] += 1
            }
            i = end + 1
        }
    }

    /// The parts of `run` no gazetteer phrase covers (longest phrases first, from the left),
    /// without connectors at their edges, a common word opening the sentence, month and
    /// weekday names, or parts made only of common words.
    private func unknownPieces(of run: Run) -> [Run] {
        var covered = [Bool](repeating: false, count: run.words.count)
        var i = 0
        while i < run.words.count {
            var matched = 0
            for length in stride(from: min(longestKnown, run.words.count - i), through: 1, by: -1)
            where known.contains(run.words[i..<(i + length)].joined(separator: " ")) {
                matched = length
                break
            }
            if matched > 0 { for k in i..<(i + matched) { covered[k] = true }; i += matched } else { i += 1 }
        }
        var pieces: [Run] = []
        var start: Int?
        for k in 0...run.words.count {
            if k < run.words.count, !covered[k] { if start == nil { start = k }; continue }
            guard let s = start else { continue }
            start = nil
            var lower = s, upper = k - 1
            let opens = s == 0 && run.opensSentence
            if opens, isCommon(run.words[lower]) { lower += 1 }
            while lower <= upper, Self.connectors.contains(run.words[lower]) || isCalendarWord(run.words[lower]) { lower += 1 }
            while upper >= lower, Self.connectors.contains(run.words[upper]) || isCalendarWord(run.words[upper]) { upper -= 1 }
            guard lower <= upper else { continue }
            let words = Array(run.words[lower...upper])
            guard !words.allSatisfy(isCommon), !words.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { continue }
            pieces.append(Run(words: words, spelled: Array(run.spelled[lower...upper]), opensSentence: false))
        }
        return pieces
    }

    /// A stop word, or a word written in lower case at least a third as often as capitalised mid-sentence.
    private func isCommon(_ word: String) -> Bool {
        StopWords.english.contains(word) || (lowerCount[word] ?? 0) * 3 >= max(1, capitalCount[word] ?? 0)
    }

    private func isCalendarWord(_ word: String) -> Bool {
        CalendarDate.monthNumbers[word] != nil || CalendarDate.weekdayNumbers[word] != nil
    }
}
