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
    /// One-word names of third parties ("French"): people of theirs are no side's losses.
    private let neutralNames: Set<String>
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
        neutralNames = Set(gazetteer.parties.filter { !$0.belligerent }.flatMap { $0.names + $0.aliases }
            .filter { !$0.contains(" ") }.map { $0.lowercased() })
        bounds = lexicon.bounds.map { phrase, kind in (phrase.split(separator: " ").map(String.init), kind) }
    }

    /// What an article's earlier passages leave for the next one: the last period they
    /// named, for "That conflict, which killed 30,000 people".
    public struct Context: Sendable {
        /// The last period named ("1990s", "1991-94").
        public var period: String?
        /// No earlier passage.
        public init() {}
    }

    /// The figures in `text`, each claimed by the party of the nearest claim in its sentence
    /// (`claims`, from the tagger: before the figure, else after it).
    public func figures(in text: String, claims: [Tagger.Claim]) -> [Figure] {
        var context = Context()
        return figures(in: text, claims: claims, context: &context)
    }

    /// The figures in a passage already split into `tokens` (by the tagger): a passage with
    /// no word of loss has none, and is only looked at for a period named in it.
    func figures(in text: String, tokens: [Tokenizer.Token], claims: [Tagger.Claim], context: inout Context) -> [Figure] {
        if tokens.contains(where: { categoryOf[$0.lower] != nil }) { return figures(in: text, claims: claims, context: &context) }
        if tokens.contains(where: { FigureExtractor.isPeriod($0.lower) }) {
            notePeriod(of: Word.split(text), in: &context)
        }
        return []
    }

    /// The figures in a passage of an article whose earlier passages left `context`; updates it.
    public func figures(in text: String, claims: [Tagger.Claim], context: inout Context) -> [Figure] {
        let words = Word.split(text)
        let claimWords = wordIndices(of: claims, in: words)
        var figures: [Figure] = []
        var spans: [ClosedRange<Int>] = []
        var sentenceStart = 0, sentenceEnd = 0
        var read = -1 // the last word of a range or pair read with an earlier number
        for i in words.indices {
            if i > 0, words[i - 1].endsSentence { sentenceStart = i }
            guard i > read, var number = number(at: i, words), !isTrap(i, number, words) else { continue }
            if let (range, last) = range(from: i, number, words) {
                (number, read) = (range, last)
            } else if let second = personPair(at: i, words) {
                read = second
            }
            if i >= sentenceEnd {
                sentenceEnd = (i..<words.count).first { words[$0].endsSentence }.map { $0 + 1 } ?? words.count
            }
            let sentence = sentenceStart..<sentenceEnd
            let attribution = Attribution(figureAt: i, sentence: sentence, claims: claimWords)
            if let (found, span) = figure(at: i, number, words, sentence: sentence, attribution: attribution,
                                           earlier: spans, context: context) {
                var figure = found
                // The next item of a list shares its owner: "two Azeri helicopter gunboats and a drone".
                if let previous = figures.last, let before = spans.last, before.lowerBound >= sentence.lowerBound {
                    // "28 others", "of whom 12 died": the people of the figure before, whatever else the sentence names.
                    if previous.side != nil, refersBack(i, span, words) {
                        figure.side = previous.side
                    } else if figure.side == nil, previous.category == figure.category, isListItem(after: before, at: span.lowerBound, words) {
                        figure.side = previous.side
                    }
                }
                figures.append(figure)
                spans.append(span)
            }
        }
        notePeriod(of: words, in: &context)
        return figures
    }

    /// Keeps the last period `words` name for the passages after them ("that conflict").
    private func notePeriod(of words: [Word], in context: inout Context) {
        if let last = words.indices.last(where: { isPeriodWord($0, words) }) { context.period = words[last].core }
    }

    /// True if the words at `start` follow those of `before` as the next item of a list:
    /// after a comma, "and" or "or" ("helicopter gunboats and a drone": the rest of the
    /// first item's noun may come between).
    private func isListItem(after before: ClosedRange<Int>, at start: Int, _ words: [Word]) -> Bool {
        var end = before.upperBound
        while end + 1 < start, itemOf[words[end + 1].core] != nil || subjectOf[words[end + 1].core] != nil { end += 1 }
        if end + 1 == start { return words[end].endsWithComma }
        return end + 2 == start && lexicon.coordinators.contains(words[end + 1].core) && !words[end].endsSentence
    }

    /// True if the figure whose number is at `i` (its words `span`) counts more of the people
    /// of the figure before it in its sentence: "killed 2 soldiers and wounded 3 more", "28
    /// others", "another eight were missing", "of whom 12 died", "and two wounded".
    private func refersBack(_ i: Int, _ span: ClosedRange<Int>, _ words: [Word]) -> Bool {
        let before = i > 0 ? words[i - 1].core : "", after = i + 1 < words.count ? words[i + 1].core : ""
        if ["another", "whom", "them"].contains(before) || ["more", "others", "other"].contains(after) { return true }
        if words[span].contains(where: { $0.core == "others" }) { return true }
        // A bare count right after "and" with its word of loss: "and two wounded", "and one seriously injured".
        guard before == "and", span.count == 1 else { return false }
        return categoryOf[after] != nil || (after.hasSuffix("ly") && i + 2 < words.count && categoryOf[words[i + 2].core] != nil)
    }

    /// The claims as word positions.
    private func wordIndices(of claims: [Tagger.Claim], in words: [Word]) -> [(word: Int, claimant: String)] {
        var result: [(word: Int, claimant: String)] = []
        var w = 0
        for claim in claims.sorted(by: { $0.offset < $1.offset }) {
            while w + 1 < words.count, words[w + 1].offset <= claim.offset { w += 1 }
            result.append((w, claim.claimant))
        }
        return result
    }

    /// Who claims a figure: the parties of the nearest claim before it in its sentence
    /// (with those coordinated with it), else of the first claim after it; and the
    /// sentence's first claimant, whom "its" and "their side" refer to.
    struct Attribution {
        var claimants: [String] = []
        /// The word reporting the claim.
        var claimWord: Int?
        /// The party of the sentence's first claim.
        var subject: String?
        /// The word of the sentence's first claim.
        var subjectWord: Int?

        init(figureAt i: Int, sentence: Range<Int>, claims: [(word: Int, claimant: String)]) {
            let inSentence = claims.filter { sentence.contains($0.word) }
            subject = inSentence.first?.claimant
            subjectWord = inSentence.first?.word
            guard let word = inSentence.last(where: { $0.word < i })?.word ?? inSentence.first?.word else { return }
            claimWord = word
            for claim in inSentence where claim.word == word && !claimants.contains(claim.claimant) { claimants.append(claim.claimant) }
        }
    }

    /// One word: as written, and lower-cased without the punctuation around it.
    struct Word {
        let raw: Substring
        let core: String
        /// The UTF-8 offset of its first byte in the passage.
        let offset: Int
        init(_ raw: Substring, offset: Int) {
            self.raw = raw
            self.offset = offset
            core = Word.core(of: raw)
        }

        /// The words of `text`, split at spaces and line breaks (on its bytes: this runs
        /// on every passage while indexing).
        static func split(_ text: String) -> [Word] {
            text.words(separatedBy: { $0 == 0x20 || $0 == 0x0A }).map { Word($0, offset: text.utf8.distance(from: text.startIndex, to: $0.startIndex)) }
        }

        /// Lower case, without the punctuation around it; ASCII words without Unicode's tables.
        private static func core(of raw: Substring) -> String {
            let bytes = raw.utf8
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return raw.lowercased().trimmingCharacters(in: "\"'“”‘’()[],.;:!?") }
            func isPunctuation(_ b: UInt8) -> Bool {
                switch b {
                case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F: return true // " ' ( ) [ ] , . ; : ! ?
                default: return false
                }
            }
            var start = bytes.startIndex, end = bytes.endIndex
            while start < end, isPunctuation(bytes[start]) { start = bytes.index(after: start) }
            while end > start, isPunctuation(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
            return String(decoding: bytes[start..<end].map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        /// The core without a possessive ("azerbaijan's" → "azerbaijan").
        var owner: Substring {
            core.hasSuffix("'s") || core.hasSuffix("’s") ? core.dropLast(2) : Substring(core)
        }
        /// A dash standing alone, which opens or closes an aside ("— which … —").
        var isDash: Bool { raw == "—" || raw == "–" || raw == "-" || raw == "--" }
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
            // "96-100 tanks": a range written with a hyphen.
            if core.utf8.contains(0x2D) {
                let ends = core.split(separator: "-", omittingEmptySubsequences: false)
                guard ends.count == 2, ends.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), let low = Int(ends[0]), let high = Int(ends[1]),
                      low < high, !FigureExtractor.isPeriod(core) else { return nil }
                return Figure.Count(value: (low + high) / 2, min: low, max: high, approximate: false)
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
        guard lexicon.single.contains(core) else { return nil }
        let one = Figure.Count(value: 1, min: 1, max: 1, approximate: false)
        // "a helicopter", "an Azeri MI-24 helicopter"
        if ((i + 1)...(i + 3)).contains(where: { $0 < words.count && itemOf[words[$0].core] != nil }) { return one }
        // "a 12-year-old boy was killed", "killed a woman": one person, when the loss is next to it.
        // "a 10 year-old child was wounded", "a LPR battalion commander was killed".
        if let k = ((i + 1)...(i + 3)).first(where: { $0 < words.count && subjectOf[words[$0].core] != nil }),
           !words[i..<k].contains(where: { $0.endsSentence || $0.endsWithComma }), !((i + 1)..<k).contains(where: { isCount(words[$0].core) && !words[$0 + 1].core.contains("year-old") }) {
            if i > 0, categoryOf[words[i - 1].core] != nil, !words[i - 1].endsSentence { return one }
            // "killing five people including a two-year-old child": one of the losses just counted.
            if i > 0, words[i - 1].core == "including",
               (Swift.max(0, i - 8)..<(i - 1)).contains(where: { categoryOf[words[$0].core] != nil }) { return one }
            if let second = personPair(at: i, words) { return lossFollows(second, words) ? Figure.Count(value: 2, min: 2, max: 2, approximate: false) : nil }
            if lossFollows(k, words) { return one }
        }
        return nil
    }

    /// "A woman and her baby", "a child and a woman": the second person's word, after "a"
    /// (or "one") and the first's.
    private func personPair(at i: Int, _ words: [Word]) -> Int? {
        guard lexicon.single.contains(words[i].core),
              let k = ((i + 1)...(i + 2)).first(where: { $0 < words.count && subjectOf[words[$0].core] != nil }),
              k + 2 < words.count, words[k + 1].core == "and", !words[k].endsSentence, !words[k].endsWithComma else { return nil }
        if subjectOf[words[k + 2].core] != nil { return k + 2 }
        guard k + 3 < words.count, lexicon.single.contains(words[k + 2].core) || lexicon.possessives.contains(words[k + 2].core),
              subjectOf[words[k + 3].core] != nil else { return nil }
        return k + 3
    }

    /// True if a word of loss follows the person's word at `k`, after at most a few auxiliary
    /// words ("was killed", "has been killed", "were also among the dead").
    private func lossFollows(_ k: Int, _ words: [Word]) -> Bool {
        var j = k + 1
        var limit = k + 6
        while j < Swift.min(words.count, limit) {
            if categoryOf[words[j].core] != nil { return true }
            // "a woman and two children were injured": the people joined to this one.
            if words[j].core == "and", j + 2 < words.count, isCount(words[j + 1].core), subjectOf[words[j + 2].core] != nil {
                (j, limit) = (j + 3, limit + 3)
                continue
            }
            guard lexicon.lossAuxiliaries.contains(words[j].core), !words[j - 1].endsSentence else { return false }
            j += 1
        }
        return false
    }

    /// Digits, a number word below a hundred or a vague quantity: the start of a count of its own.
    private func isCount(_ core: String) -> Bool {
        // "30,000" and "1.5" count; "12-year-old" and "T-72" do not.
        if let first = core.first, first.isNumber { return !core.contains(where: \.isLetter) }
        if lexicon.vague[core] != nil { return true }
        return (lexicon.numbers[core] ?? compoundNumber(core)).map { $0 < 100 } ?? false
    }

    /// "thirty-one" as 31.
    private func compoundNumber(_ core: String) -> Int? {
        guard core.utf8.contains(0x2D) else { return nil } // "-"
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
        // "2 April", "April 2"; not "On 17 April, two people…" nor "…on 3 March. Eight civilians…".
        if lexicon.months.contains(next) || (lexicon.months.contains(previous) && !words[i - 1].endsWithComma && !words[i - 1].endsSentence) { return true }
        // "No one was hurt".
        if lexicon.negations.contains(previous) { return true }
        // "1) If these terrorists…": a list's label.
        if words[i].raw.hasSuffix(")"), !words[i].raw.contains("(") { return true }
        if lexicon.durations.contains(next) { return true }
        if next.hasPrefix("year") { return true }
        // "a 12-year-old boy" is one boy; "12-year-old" alone is an age.
        if next.contains("year-old"), !lexicon.single.contains(words[i].core) || words[i].core == "one" { return true }
        if words[i].core.first?.isNumber == true, (1900...2099).contains(number.value), !words[i].core.contains(","),
           subjectOf[next] == nil, itemOf[next] == nil { return true }
        // "of the 80 soldiers in the convoy, only 3 survived": the whole a later count is part of.
        if i > 1, words[i - 1].core == "the", words[i - 2].core == "of",
           let comma = (i..<Swift.min(words.count, i + 8)).first(where: { words[$0].endsWithComma || words[$0].endsSentence }), !words[comma].endsSentence,
           ((comma + 1)..<Swift.min(words.count, comma + 4)).contains(where: { isCount(words[$0].core) }) { return true }
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

    /// The figure whose number is at `i`, with the words it was read from, if it is one.
    /// `earlier`: the words of the figures before it in the passage.
    private func figure(at i: Int, _ count: Figure.Count, _ words: [Word], sentence: Range<Int>, attribution: Attribution,
                        earlier: [ClosedRange<Int>], context: Context) -> (Figure, ClosedRange<Int>)? {
        var count = count
        var start = i
        for (parts, bound) in bounds {
            guard i - parts.count >= sentence.lowerBound, zip(parts, words[(i - parts.count)..<i]).allSatisfy({ $0 == $1.core }) else { continue }
            start = i - parts.count
            switch bound {
            case "min": count.max = Figure.Count.unbounded
            case "max": count.min = 0
            default: count.approximate = true
            }
        }
        // "the death toll among Armenian servicemen rose to 710": a toll's number is a figure,
        // and the toll's words say of whom.
        var toll: Int?
        if start > sentence.lowerBound, lexicon.tollLinks.contains(words[start - 1].core) {
            // The toll may be far back ("The death toll from a bomb blast on a crowded bus convoy
            // outside Aleppo reached 112"), with no other count between.
            let back = Swift.max(sentence.lowerBound, start - 20)..<(start - 1)
            toll = back.last { lexicon.tolls.contains(words[$0].core) }
            if let found = toll, ((found + 1)..<(start - 1)).contains(where: { isCount(words[$0].core) && words[$0 - 1].core != "from" }) { toll = nil }
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
               !lexicon.coordinators.contains(words[j - 1].core), !(j + 1 < words.count && words[j + 1].core.contains("year-old")) { break }
            // A clause ends it too ("44 million and half lives", "12 soldiers, and...").
            if j > i + 1, words[j - 1].endsWithComma { break }
            if lexicon.coordinators.contains(words[j].core), !(j + 1 < words.count && isCount(words[j + 1].core)) { break }
            if let found = itemOf[words[j].core] { item = found; end = j; break }
            if let found = subjectOf[words[j].core] { subject = found; end = j; break }
            // The count's own verb ends it: "four were injured after Russian forces shelled the city",
            // "over 100 injured after a truck bomb" (not a word of equipment: "a downed drone").
            if lexicon.lossAuxiliaries.contains(words[j].core) && !lexicon.partitives.contains(words[j - 1].core)
                || categoryOf[words[j].core].map({ !$0.contains("equipment") }) ?? false { break }
        }
        let category: String
        var cue: Int?
        if i + 1 < sentence.upperBound, words[i + 1].core == "times" {
            // "opened fire 127 times", not "four times as many"
            guard (Swift.max(sentence.lowerBound, i - 6)..<i).contains(where: { lexicon.attackVerbs.contains(words[$0].core) }) else { return nil }
            category = "attacks"
            end = i + 1
        } else if let toll, toll > sentence.lowerBound, item == nil, categoryOf[words[toll - 1].core]?.contains("killed") == true {
            (category, cue) = ("killed", toll - 1) // "the death toll … reached 112"
        } else if let found = nearestCategory(around: i, span: start...end, sentence: sentence, equipment: item != nil, words: words) {
            // "ten prisoners of war were killed": prisoners who were killed are killed.
            if found.category == "captured", found.word > i, let killed = ((found.word + 1)..<Swift.min(sentence.upperBound, found.word + 6))
                .first(where: { categoryOf[words[$0].core]?.contains("killed") == true && lexicon.inflicted.contains(words[$0].core) }) {
                (category, cue, subject, end) = ("killed", killed, subjectOf[words[found.word].core] ?? subject, Swift.max(end, found.word))
            } else {
                (category, cue) = (found.category, found.word)
            }
        } else {
            return nil // a number with no loss near it ("the two sides")
        }
        if category == "equipment", item == nil { return nil }
        // "over a dozen injured, and 252 residents moved to shelter": the word of loss is an
        // earlier item's, and this one's own verb is another.
        if let cue, cue < start, subject != nil, (cue..<start).contains(where: { words[$0].endsWithComma }), end + 1 < sentence.upperBound,
           words[end + 1].core.hasSuffix("ed"), categoryOf[words[end + 1].core] == nil, !lexicon.lossAuxiliaries.contains(words[end + 1].core) { return nil }
        // "could kill thousands", "1 billion would be killed": what might happen is no loss.
        let cueWord = cue ?? i
        let hedge = Swift.max(sentence.lowerBound, Swift.min(start, cueWord) - 3)..<Swift.max(i, cueWord)
        if hedge.contains(where: { lexicon.hypothetical.contains(words[$0].core) }) { return nil }
        // A bare number counts losses only right before their word ("101 have been wounded",
        // "35 more wounded") or right after it, ending the clause ("wounded 1,000,"; not "lost
        // 12 of their 14 games"), not as any number near one ("the two sides").
        if subject == nil, item == nil, category != "attacks" {
            let after = (i + 1)..<Swift.min(i + 4, sentence.upperBound)
            let next = i + 1 < sentence.upperBound ? words[i + 1].core : ""
            let endsClause = words[i].endsWithComma || words[i].endsSentence
            let cue = start > sentence.lowerBound && categoryOf[words[start - 1].core]?.contains(category) == true
            // "wounded 19,", "wounding 3 more", "injured 1,248 according to…": after a verb that inflicts.
            let cueBefore = cue && (endsClause || (lexicon.inflicted.contains(words[start - 1].core) && FigureExtractor.afterBareCount.contains(next)))
            // "one seriously injured", "three who were captured".
            let adverb = next.hasSuffix("ly") && i + 2 < sentence.upperBound && categoryOf[words[i + 2].core]?.contains(category) == true
            let cueAfter = after.contains(where: { categoryOf[words[$0].core]?.contains(category) == true })
                && (categoryOf[next] != nil || lexicon.bareFollowers.contains(next) || endsClause || adverb || next == "who")
            guard cueBefore || cueAfter || toll != nil else { return nil }
        }
        if let toll, subject == nil, item == nil {
            // The toll's noun phrase: up to three words before it in its clause ("its military death toll").
            var first = toll
            while first > Swift.max(sentence.lowerBound, toll - 3), !words[first - 1].endsWithComma { first -= 1 }
            subject = (first..<i).lazy.compactMap { self.subjectOf[words[$0].core] }.first
            start = first
        }
        if category != "equipment", category != "attacks", item != nil { item = nil }
        // "200 soldiers from the Azerbaijani soldiers", "30 fighters of the Armenian army": the
        // owner may follow the subject.
        var ownerEnd = end
        if end + 1 < sentence.upperBound, ["of", "from", "on"].contains(words[end + 1].core) {
            ownerEnd = Swift.min(end + 4, sentence.upperBound - 1)
        }
        let reading = Reading(start: start, end: end, ownerEnd: ownerEnd, cue: cue, category: category, sentence: sentence,
                              attribution: attribution, earlier: earlier)
        let side = category == "attacks" ? attacker(reading, words) : whose(reading, words)
        let text = words[start...end].map(\.raw).joined(separator: " ").trimmingCharacters(in: ",;:(\"'“”")
        let figure = Figure(count: count, category: category, item: item, subject: subject, side: side, claimants: attribution.claimants,
                            text: text, period: period(of: i, in: sentence, words) ?? referredPeriod(sentence, words, context),
                            rate: rate(after: end, sentence: sentence, words),
                            cumulative: isCumulative(at: i, start: start, end: end, toll: toll, sentence: sentence, words))
        return (figure, start...end)
    }

    /// Words that may follow a bare count after the verb that inflicted the losses ("wounding 3
    /// more", "injured 1,248 according to Amnesty", "killed 12 in the city"), not "lost 12 of their 14".
    static let afterBareCount: Set<String> = ["more", "others", "other", "according", "in", "on", "during", "after", "when", "while", "as"]

    /// The time a figure is a rate per ("killed per day", "a day", "every week", "daily"), if it is one:
    /// within a few words after it, in its clause.
    private func rate(after end: Int, sentence: Range<Int>, _ words: [Word]) -> String? {
        var j = end + 1
        while j < Swift.min(sentence.upperBound, end + 6) {
            let word = words[j].core
            if let unit = lexicon.rates[word] { return unit }
            if ["per", "a", "an", "each", "every"].contains(word), j + 1 < sentence.upperBound, let unit = lexicon.rateUnits[words[j + 1].core] { return unit }
            if words[j].endsWithComma { break }
            j += 1
        }
        return nil
    }

    /// True if the figure whose number is at `i` (its words `start...end`) is a running total: a toll that is not one event's
    /// ("the death toll rose to 710", not "the death toll from the blast reached 59"), or a word
    /// such as "total", "overall" or "since" near it ("31 killed since Saturday" counts days).
    private func isCumulative(at i: Int, start: Int, end: Int, toll: Int?, sentence: Range<Int>, _ words: [Word]) -> Bool {
        if let toll, toll < i, !(toll..<i).contains(where: { lexicon.attackNouns.contains(words[$0].core) }) { return true }
        let near = Swift.max(sentence.lowerBound, start - 6)..<Swift.min(sentence.upperBound, end + 8)
        return near.contains { lexicon.cumulativeMarkers.contains(words[$0].core) }
    }

    /// "50 to 100", "between 50 and 100", "from 50 to 100": one count from the first number to
    /// the second, and the second's word. Not "rose from 50 to 100" (a toll's new value), nor
    /// "killed 50 and wounded 100".
    func range(from i: Int, _ low: Figure.Count, _ words: [Word]) -> (Figure.Count, Int)? {
        guard i + 2 < words.count, !low.approximate, low.min == low.max, !words[i].endsWithComma, !words[i].endsSentence else { return nil }
        let link = words[i + 1].core, opener = i > 0 ? words[i - 1].core : ""
        guard link == "to" || (link == "and" && opener == "between") else { return nil }
        if opener == "from", i > 1, lexicon.changes.contains(words[i - 2].core) { return nil }
        guard let high = number(at: i + 2, words), !high.approximate, high.min == high.max, high.value > low.value else { return nil }
        return (Figure.Count(value: (low.value + high.value) / 2, min: low.value, max: high.value, approximate: false), i + 2)
    }

    /// Where a figure was read: its words (`start...end`, and the owner phrase up to
    /// `ownerEnd`), its category's cue word, its sentence and who claims it.
    private struct Reading {
        var start: Int, end: Int, ownerEnd: Int
        var cue: Int?
        var category: String
        var sentence: Range<Int>
        var attribution: Attribution
        var earlier: [ClosedRange<Int>]
    }

    /// The category of the nearest cue word within the sentence, and where it is: for
    /// items, an equipment cue ("destroyed", "downed", "losing"); for people, a loss
    /// ("killed", "wounded", "deaths"); attacks only right after the number ("127 violations").
    private func nearestCategory(around i: Int, span: ClosedRange<Int>, sentence: Range<Int>, equipment: Bool, words: [Word]) -> (category: String, word: Int)? {
        // Far back, for lists sharing one verb ("destroyed six tanks, 15 artillery pieces,
        // several bunkers and over 100 enemy soldiers"); nearer to the figure's words wins
        // ("killed more than 250 people and wounded 1,000"), the one after on a tie.
        let window = Swift.max(sentence.lowerBound, i - 16)..<Swift.min(sentence.upperBound, span.upperBound + 11)
        let distance = { (j: Int) in j < span.lowerBound ? (span.lowerBound - j, 1) : (Swift.max(0, j - span.upperBound), 0) }
        let candidates = window.filter { $0 != i }.sorted { distance($0) < distance($1) }
        for j in candidates where isLossCue(j, words) {
            for category in categoryOf[words[j].core] ?? [] {
                if equipment ? category == "equipment" : (category != "equipment" && (category != "attacks" || j == i + 1)) { return (category, j) }
            }
        }
        return nil
    }

    /// False for a word of loss used of something else: "lost their jobs" (not "lost their
    /// lives"), "killed off" (a character in a story).
    private func isLossCue(_ j: Int, _ words: [Word]) -> Bool {
        guard j + 1 < words.count else { return true }
        let next = words[j + 1].core
        if lexicon.notLosses.contains(next) { return false }
        if lexicon.suffered.contains(words[j].core), lexicon.possessives.contains(next) {
            return j + 2 < words.count && lexicon.lostLives.contains(words[j + 2].core)
        }
        return true
    }

    /// Whose losses, from the first rule that says:
    /// 1. a side named in the figure's words ("Azeri servicemen", "200 soldiers from the
    ///    Azerbaijani soldiers"); a third party's people ("French journalists") are no side's;
    /// 2. "its", "our" (the sentence's first claimant's own), "enemy" (its opponents');
    /// 3. "on their side" later in the clause;
    /// 4. the party that inflicted them, after the figure ("shot down by Armenian forces",
    ///    "rocket fire from Azerbaijan", "killed in Russian shelling"): its opponents';
    /// 5. the subject of the cue before the figure: the opponents of one that inflicts ("it
    ///    has destroyed six tanks"), the one that suffers ("Armenia confirmed losing 18");
    /// 6. a claimant admitting them ("acknowledged the loss of 30 fighters"): its own.
    private func whose(_ r: Reading, _ words: [Word]) -> String? {
        for word in words[r.start...r.ownerEnd] {
            if neutralNames.contains(String(word.owner)) { return nil }
            if let side = sideOf[String(word.owner)] { return side }
        }
        let claimant = r.attribution.claimants.first { id in gazetteer.sides.contains { $0.id == id } }
        // Whom "its" and "their side" mean: the sentence's first claimant, else the first side
        // it names before the figure ("Armenia lost 20 of its soldiers").
        // A side named before the sentence's first claim is its subject, whoever the claim is
        // from ("Armenia rubbished claims from Baku that 100 of its troops…").
        let named = r.attribution.subjectWord.flatMap { w in (r.sentence.lowerBound..<Swift.min(w, r.start)).lazy.compactMap { self.sideOf[String(words[$0].owner)] }.first }
        let speaker = named ?? r.attribution.subject.flatMap { id in gazetteer.sides.contains { $0.id == id } ? id : nil } ?? claimant
            ?? (r.sentence.lowerBound..<r.start).lazy.compactMap { self.sideOf[String(words[$0].owner)] }.first
        let span = words[r.start...r.ownerEnd]
        if span.contains(where: { lexicon.own.contains($0.core) }), let speaker { return speaker }
        if span.contains(where: { lexicon.enemy.contains($0.core) }), let claimant { return opponent(of: claimant, preferring: nil) }
        let clause = clauseAfter(r.end, sentence: r.sentence, words)
        for j in clause where j + 2 < r.sentence.upperBound && words[j].core == "on" && words[j + 2].core == "side" {
            if lexicon.own.contains(words[j + 1].core), let speaker { return speaker }
            if let side = sideOf[String(words[j + 1].owner)] { return side }
        }
        for j in clause where lexicon.agentMarkers.contains(words[j].core) {
            if let agent = ((j + 1)...(j + 4)).lazy.compactMap({ $0 < r.sentence.upperBound ? self.sideOf[String(words[$0].owner)] : nil }).first {
                return opponent(of: agent, preferring: claimant)
            }
        }
        // "killed in Russian shelling", "wounded in a Ukrainian drone strike": the attacker's opponents'.
        for j in clause where j + 1 < r.sentence.upperBound {
            guard let agent = sideOf[String(words[j].owner)] else { continue }
            if ((j + 1)...Swift.min(j + 2, r.sentence.upperBound - 1)).contains(where: { lexicon.attackNouns.contains(words[$0].core) }) {
                return opponent(of: agent, preferring: claimant)
            }
        }
        if let cue = r.cue, cue < r.start, let agent = subject(before: cue, r, claimant: claimant, words) {
            if lexicon.inflicted.contains(words[cue].core) { return opponent(of: agent, preferring: claimant) }
            if lexicon.suffered.contains(words[cue].core) { return agent }
        }
        if let word = r.attribution.claimWord, lexicon.admissions.contains(words[word].core), let claimant { return claimant }
        if ["killed", "wounded", "missing"].contains(r.category), let agent = attacker(in: r, words) {
            return opponent(of: agent, preferring: claimant)
        }
        return nil
    }

    /// The party whose fire another clause of the sentence names, when it names one only: a
    /// side right before a word of attack ("Russian rocket strikes on the city had killed
    /// dozens, while the governor reported that eleven civilians were killed"; "Russian troops
    /// began shelling the city and a missile hit a barracks, killing eight soldiers"; "three
    /// people were wounded and houses destroyed during a Russian artillery bombardment").
    private func attacker(in r: Reading, _ words: [Word]) -> String? {
        var found: String?
        for j in r.sentence where !(r.start...r.ownerEnd).contains(j) && !r.earlier.contains(where: { $0.contains(j) }) && !isTarget(j, words) {
            // "Russian shelling", "a Russian artillery strike".
            guard let side = sideOf[String(words[j].owner)],
                  ((j + 1)..<Swift.min(j + 3, r.sentence.upperBound)).contains(where: { lexicon.attackNouns.contains(words[$0].core) }) else { continue }
            if let found, found != side { return nil }
            found = side
        }
        return found
    }

    /// True if the side named at `j` is the target or the place of an action, not its agent:
    /// right after "against", "on", "at", "over", "into", "near", "towards" ("a bombing campaign
    /// against Russian outposts", "shot down over Kyiv"), or after "of" after a word of attack
    /// ("the Russian invasion of Ukraine", "shelling of Kharkiv").
    private func isTarget(_ j: Int, _ words: [Word]) -> Bool {
        guard j > 0 else { return false }
        let before = words[j - 1].core
        if ["against", "on", "at", "over", "into", "near", "towards", "toward"].contains(before) { return true }
        return before == "of" && j > 1 && lexicon.attackNouns.contains(words[j - 2].core)
    }

    /// Whose attacks: the side named last before the count in its clause ("accuse Armenia
    /// of opening fire 127 times").
    private func attacker(_ r: Reading, _ words: [Word]) -> String? {
        var j = r.start - 1
        while j >= Swift.max(r.sentence.lowerBound, r.start - 8) {
            if let side = sideOf[String(words[j].owner)] { return side }
            if words[j].endsWithComma { break }
            j -= 1
        }
        return nil
    }

    /// The words after `end` to the end of its clause, at most ten.
    private func clauseAfter(_ end: Int, sentence: Range<Int>, _ words: [Word]) -> Range<Int> {
        var last = end
        while last + 1 < Swift.min(sentence.upperBound, end + 11), !words[last].endsWithComma { last += 1 }
        return (end + 1)..<(last + 1)
    }

    /// The side that is the subject of the cue at `cue`: the nearest side named before it,
    /// or "it", "they", "we" (the claimant), skipping the words of earlier figures ("they
    /// shot down two Azeri helicopters and destroyed two tanks").
    private func subject(before cue: Int, _ r: Reading, claimant: String?, _ words: [Word]) -> String? {
        var j = cue - 1
        while j >= Swift.max(r.sentence.lowerBound, cue - 15) {
            if let span = r.earlier.first(where: { $0.contains(j) }) { j = span.lowerBound - 1; continue }
            if neutralNames.contains(String(words[j].owner)) { return nil }
            if let side = sideOf[String(words[j].owner)], !isTarget(j, words) { return side }
            if ["it", "they", "we"].contains(words[j].core) { return claimant }
            j -= 1
        }
        return nil
    }

    /// The opponent of `side` whose losses these are: `claimant` if it is one, else the first.
    private func opponent(of side: String, preferring claimant: String?) -> String? {
        let opponents = gazetteer.opponents(of: side)
        if let claimant, opponents.contains(claimant) { return claimant }
        return opponents.first
    }

    /// The period the sentence dates the figure at `i` to: a year or decade named as one
    /// ("an early 1990s war", "in 1994", "from 1991-94"), nearest before it, else after;
    /// not one inside an aside the figure is not in ("— which … captured in the early 1990s —").
    private func period(of i: Int, in sentence: Range<Int>, _ words: [Word]) -> String? {
        var aside = [Bool](repeating: false, count: sentence.count)
        var inside = false
        for j in sentence {
            if words[j].isDash || words[j].raw.hasPrefix("(") { inside.toggle() }
            aside[j - sentence.lowerBound] = inside
            if words[j].raw.hasSuffix(")") { inside = false }
        }
        let level = aside[i - sentence.lowerBound]
        let candidates = sentence.filter { aside[$0 - sentence.lowerBound] == level && isPeriodWord($0, words) }
        return (candidates.last { $0 < i } ?? candidates.first).map { words[$0].core }
    }

    /// A period named by an earlier passage, when the sentence refers back to it ("That conflict, which killed 30,000 people").
    private func referredPeriod(_ sentence: Range<Int>, _ words: [Word], _ context: Context) -> String? {
        guard let period = context.period else { return nil }
        let text = sentence.map { words[$0].core }.joined(separator: " ")
        return lexicon.periodReferences.contains { (" " + text + " ").contains(" " + $0 + " ") } ? period : nil
    }

    /// True if the word at `j` is a year or decade named as the time of events: before a
    /// word such as "war", or after "in", "during", "from" (over "the early", "the mid").
    private func isPeriodWord(_ j: Int, _ words: [Word]) -> Bool {
        guard FigureExtractor.isPeriod(words[j].core) else { return false }
        if j + 1 < words.count, lexicon.periodNouns.contains(words[j + 1].core) { return true }
        var k = j - 1
        while k >= Swift.max(0, j - 3) {
            if lexicon.periodOpeners.contains(words[k].core) { return true }
            guard ["the", "early", "late", "mid", "an", "a"].contains(words[k].core) else { return false }
            k -= 1
        }
        return false
    }

    /// A year or decade ("1994", "1990s").
    static func isPeriod(_ core: String) -> Bool {
        guard let first = core.utf8.first, first == 0x31 || first == 0x32 else { return false } // 1…, 2…
        let year = core.prefix(4)
        guard year.count == 4, year.allSatisfy(\.isNumber), year.hasPrefix("19") || year.hasPrefix("20") else { return false }
        let rest = core.dropFirst(4)
        return rest.isEmpty || rest == "s" || (rest.first == "-" && [2, 4].contains(rest.count - 1) && rest.dropFirst().allSatisfy(\.isNumber))
    }
}
