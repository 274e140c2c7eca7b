/// Reads the figures in a passage ("31 of its soldiers have been killed", "destroyed two
/// tanks", "opened fire 127 times"): a number (digits, number words, "a" before an item,
/// vague quantities) with its bound, near a word of a category of loss, with the people or
/// equipment counted and, where the text says, whose they are. Numbers that are dates,
/// years, ages, durations or parts of names (T-72) are not figures, nor are numbers with no
/// word of loss near them ("the two sides").
public struct FigureExtractor: Sendable {
    private let lexicon: FigureLexicon
    private let gazetteer: Gazetteer
    private let categoryOf: [String: [String]]
    private let itemOf: [String: String]
    private let subjectOf: [String: String]
    private let sideOf: [String: String]
    /// The bound phrases split into words ("at least" → ["at", "least"]), with their kind.
    private let bounds: [(words: [String], kind: String)]

    /// An extractor reading with `lexicon`, naming sides from `gazetteer`.
    public init(lexicon: FigureLexicon, gazetteer: Gazetteer) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        var categoryOf: [String: [String]] = [:]
        for (category, words) in lexicon.categories.sorted(by: { $0.key < $1.key }) {
            for word in words { categoryOf[word, default: []].append(category) }
        }
        self.categoryOf = categoryOf
        itemOf = Dictionary(lexicon.items.flatMap { item, words in words.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
        subjectOf = Dictionary(lexicon.subjects.flatMap { subject, words in words.map { ($0, subject) } }, uniquingKeysWith: { a, _ in a })
        var sideOf: [String: String] = [:]
        for side in gazetteer.sides {
            for name in side.names + side.aliases where !name.contains(" ") { sideOf[name.lowercased()] = side.id }
        }
        self.sideOf = sideOf
        bounds = lexicon.bounds.map { phrase, kind in (phrase.split(separator: " ").map(String.init), kind) }
    }

    /// The figures in `text`, whose claims are made by `claimants` (for "its", "enemy").
    public func figures(in text: String, claimants: [String]) -> [Figure] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(Word.init)
        var figures: [Figure] = []
        var sentenceStart = 0, sentenceEnd = 0
        for i in words.indices {
            if i > 0, words[i - 1].endsSentence { sentenceStart = i }
            guard let number = number(at: i, words), !isTrap(i, number, words) else { continue }
            if i >= sentenceEnd {
                sentenceEnd = (i..<words.count).first { words[$0].endsSentence }.map { $0 + 1 } ?? words.count
            }
            if let figure = figure(at: i, number, words, sentence: sentenceStart..<sentenceEnd, claimants: claimants) {
                figures.append(figure)
            }
        }
        return figures
    }

    /// One word: as written, and lower-cased without the punctuation around it.
    struct Word {
        let raw: Substring
        let core: String
        init(_ raw: Substring) {
            self.raw = raw
            core = raw.lowercased().trimmingCharacters(in: "\"'“”‘’()[],.;:!?")
        }
        var endsSentence: Bool { raw.last.map { ".!?".contains($0) } ?? false || raw.hasSuffix(".\"") || raw.hasSuffix(".'") }
        var endsWithComma: Bool { raw.hasSuffix(",") }
    }

    private func number(at i: Int, _ words: [Word]) -> Figure.Count? {
        let core = words[i].core
        if let first = core.first, first.isNumber {
            // "4.5 million" is a count; "4.5" alone is a measure.
            if core.contains("."), i + 1 < words.count, let multiplier = lexicon.numbers[words[i + 1].core], multiplier >= 1000,
               core.allSatisfy({ $0.isNumber || $0 == "." }), let decimal = Double(core) {
                let value = Int(decimal * Double(multiplier))
                return Figure.Count(value: value, min: value, max: value, approximate: false)
            }
            guard core.allSatisfy({ $0.isNumber || $0 == "," }), let value = Int(core.filter(\.isNumber)) else { return nil }
            return scaled(value, i, words)
        }
        if let value = lexicon.numbers[core] ?? compoundNumber(core) {
            // "hundred", "million" are read with the number before them; alone only after
            // "a" ("a million lives").
            if value >= 100 {
                // "one million" is read at "one"
                guard i > 0, lexicon.single.contains(words[i - 1].core), !isCount(words[i - 1].core) else { return nil }
                return Figure.Count(value: value, min: value, max: value, approximate: false)
            }
            return scaled(value, i, words)
        }
        if let range = lexicon.vague[core], range.count == 2 {
            if lexicon.afterArticle.contains(core), !(i > 0 && words[i - 1].core == "a") { return nil }
            var (low, high) = (range[0], range[1])
            // "hundreds of thousands": the first range in units of the second.
            if i + 2 < words.count, words[i + 1].core == "of", let unit = lexicon.vague[words[i + 2].core]?.first {
                let magnitude = (1..<String(unit).count).reduce(1) { product, _ in product * 10 }
                (low, high) = (low * magnitude, high * magnitude)
            }
            return Figure.Count(value: (low + high) / 2, min: low, max: high, approximate: true)
        }
        if lexicon.single.contains(core), i + 1 < words.count, itemOf[words[i + 1].core] != nil || (i + 2 < words.count && itemOf[words[i + 2].core] != nil) {
            return Figure.Count(value: 1, min: 1, max: 1, approximate: false)
        }
        return nil
    }

    /// Digits, a number word below a hundred or a vague quantity: the start of a count of its own.
    private func isCount(_ core: String) -> Bool {
        if let first = core.first, first.isNumber { return true }
        if lexicon.vague[core] != nil { return true }
        return (lexicon.numbers[core] ?? compoundNumber(core)).map { $0 < 100 } ?? false
    }

    /// "thirty-one" as 31.
    private func compoundNumber(_ core: String) -> Int? {
        let parts = core.split(separator: "-").map(String.init)
        guard parts.count == 2, let tens = lexicon.numbers[parts[0]], let ones = lexicon.numbers[parts[1]], tens >= 20, ones < 10 else { return nil }
        return tens + ones
    }

    /// `value` times a following "hundred" or "thousand".
    private func scaled(_ value: Int, _ i: Int, _ words: [Word]) -> Figure.Count {
        var value = value
        if i + 1 < words.count, let multiplier = lexicon.numbers[words[i + 1].core], multiplier >= 100 { value *= multiplier }
        return Figure.Count(value: value, min: value, max: value, approximate: false)
    }

    /// Dates ("2 April", "April 2", "the 1994 ceasefire"), ages ("a 12-year-old",
    /// "Grigoryan, 12,"), durations ("four days", "over 24 hours"), the whole a count is part
    /// of ("two of his six children").
    private func isTrap(_ i: Int, _ number: Figure.Count, _ words: [Word]) -> Bool {
        let next = i + 1 < words.count ? words[i + 1].core : ""
        let previous = i > 0 ? words[i - 1].core : ""
        if lexicon.months.contains(next) || lexicon.months.contains(previous) { return true }
        if lexicon.durations.contains(next) { return true }
        if next.hasPrefix("year") || next.contains("year-old") { return true }
        if words[i].core.first?.isNumber == true, (1900...2099).contains(number.value), !words[i].core.contains(","),
           subjectOf[next] == nil, itemOf[next] == nil { return true }
        // "two of his six children": the whole the first count is part of.
        var k = i - 1
        while k >= Swift.max(0, i - 3), lexicon.partitives.contains(words[k].core) { k -= 1 }
        if k >= 0, k < i - 1, words[(k + 1)..<i].contains(where: { $0.core == "of" }), isCount(words[k].core) { return true }
        // "Gevorg Grigoryan, 12, who was wounded": an age between commas after a name.
        // So is one after a noun ("The England international, 24, was hurt"), not after a
        // loss ("killed 12, wounded 30").
        if i > 0, words[i - 1].endsWithComma, words[i].endsWithComma, categoryOf[words[i - 1].core] == nil, !isCount(words[i - 1].core) { return true }
        return false
    }

    private func figure(at i: Int, _ count: Figure.Count, _ words: [Word], sentence: Range<Int>, claimants: [String]) -> Figure? {
        var count = count
        var start = i
        for (parts, bound) in bounds {
            guard i - parts.count >= sentence.lowerBound, zip(parts, words[(i - parts.count)..<i]).allSatisfy({ $0 == $1.core }) else { continue }
            start = i - parts.count
            switch bound {
            case "min": count.max = Swift.max(count.max, count.value * 10)
            case "max": count.min = 0
            default: count.approximate = true
            }
        }
        // "would save 65 lives": losses avoided are not losses, before the count or after it
        // ("five million lives could have been saved") either.
        if (Swift.max(sentence.lowerBound, start - 3)..<Swift.min(sentence.upperBound, i + 7)).contains(where: { lexicon.averted.contains(words[$0].core) }) { return nil }
        // What is counted: the first subject or item within a few words.
        var end = i
        var subject: String?, item: String?
        for j in (i + 1)..<Swift.min(i + 6, sentence.upperBound) {
            // Another count ends the search ("one cafe that killed 25 people"), unless it
            // is a part of the first ("two of his six children") or joined to it ("one
            // Armenian and one Azeri civilian").
            if isCount(words[j].core), !lexicon.partitives.contains(words[j - 1].core),
               !lexicon.coordinators.contains(words[j - 1].core) { break }
            // A clause ends it too ("44 million and half lives", "12 soldiers, and...").
            if j > i + 1, words[j - 1].endsWithComma { break }
            if lexicon.coordinators.contains(words[j].core), !(j + 1 < words.count && isCount(words[j + 1].core)) { break }
            if let found = itemOf[words[j].core] { item = found; end = j; break }
            if let found = subjectOf[words[j].core] { subject = found; end = j; break }
        }
        let category: String
        if i + 1 < sentence.upperBound, words[i + 1].core == "times" {
            // "opened fire 127 times", not "four times as many"
            guard (Swift.max(sentence.lowerBound, i - 6)..<i).contains(where: { lexicon.attackVerbs.contains(words[$0].core) }) else { return nil }
            category = "attacks"
            end = i + 1
        } else if let cue = nearestCategory(around: i, span: start...end, sentence: sentence, equipment: item != nil, words: words) {
            category = cue
        } else {
            return nil // a number with no loss near it ("the two sides")
        }
        if category == "equipment", item == nil { return nil }
        // A bare number counts losses only right before their word ("101 have been wounded",
        // "35 more wounded") or right after it, ending the clause ("wounded 1,000,"; not "lost
        // 12 of their 14 games"), not as any number near one ("the two sides").
        if subject == nil, item == nil, category != "attacks" {
            let after = (i + 1)..<Swift.min(i + 4, sentence.upperBound)
            let next = i + 1 < sentence.upperBound ? words[i + 1].core : ""
            let endsClause = words[i].endsWithComma || words[i].endsSentence
            let cueBefore = endsClause && start > sentence.lowerBound && categoryOf[words[start - 1].core]?.contains(category) == true
            let cueAfter = after.contains(where: { categoryOf[words[$0].core]?.contains(category) == true })
                && (categoryOf[next] != nil || lexicon.bareFollowers.contains(next) || endsClause)
            guard cueBefore || cueAfter else { return nil }
        }
        if category != "equipment", category != "attacks", item != nil { item = nil }
        // "200 soldiers from the Azerbaijani soldiers", "30 fighters of the Armenian army": the
        // owner may follow the subject.
        var ownerEnd = end
        if end + 1 < sentence.upperBound, ["of", "from", "on"].contains(words[end + 1].core) {
            ownerEnd = Swift.min(end + 4, sentence.upperBound - 1)
        }
        let side = whose(words[start...ownerEnd], claimants: claimants)
        let text = words[start...end].map(\.raw).joined(separator: " ").trimmingCharacters(in: ",;:(\"'“”")
        let near = Swift.max(sentence.lowerBound, i - 12)..<Swift.min(sentence.upperBound, i + 12)
        let period = near.lazy.map { words[$0].core }.first(where: FigureExtractor.isPeriod)
        return Figure(count: count, category: category, item: item, subject: subject, side: side, text: text, period: period)
    }

    /// The category of the nearest cue word within the sentence: for items, an equipment cue
    /// ("destroyed", "downed", "losing"); for people, a loss ("killed", "wounded", "deaths");
    /// attacks only right after the number ("127 violations").
    private func nearestCategory(around i: Int, span: ClosedRange<Int>, sentence: Range<Int>, equipment: Bool, words: [Word]) -> String? {
        // Far back, for lists sharing one verb ("destroyed six tanks, 15 artillery pieces,
        // several bunkers and over 100 enemy soldiers"); nearer to the figure's words wins
        // ("killed more than 250 people and wounded 1,000"), the one after on a tie.
        let window = Swift.max(sentence.lowerBound, i - 16)..<Swift.min(sentence.upperBound, span.upperBound + 11)
        let distance = { (j: Int) in j < span.lowerBound ? (span.lowerBound - j, 1) : (Swift.max(0, j - span.upperBound), 0) }
        let candidates = window.filter { $0 != i }.sorted { distance($0) < distance($1) }
        for j in candidates {
            for category in categoryOf[words[j].core] ?? [] {
                if equipment ? category == "equipment" : (category != "equipment" && (category != "attacks" || j == i + 1)) { return category }
            }
        }
        return nil
    }

    /// Whose losses: a side named in the figure's words, "its"/"our" (the claimant's own),
    /// "enemy" (the claimant's opponents).
    private func whose(_ span: ArraySlice<Word>, claimants: [String]) -> String? {
        for word in span {
            if let side = sideOf[word.core] { return side }
        }
        let claimant = claimants.first { id in gazetteer.sides.contains { $0.id == id } }
        if span.contains(where: { lexicon.own.contains($0.core) }), let claimant { return claimant }
        if span.contains(where: { lexicon.enemy.contains($0.core) }), let claimant {
            let opponents = gazetteer.opponents(of: claimant)
            return opponents.first
        }
        return nil
    }

    /// A year or decade ("1994", "1990s").
    static func isPeriod(_ core: String) -> Bool {
        let year = core.prefix(4)
        guard year.count == 4, year.allSatisfy(\.isNumber), year.hasPrefix("19") || year.hasPrefix("20") else { return false }
        return core.count == 4 || core.dropFirst(4) == "s"
    }
}
