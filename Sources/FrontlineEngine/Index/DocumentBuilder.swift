import FrontlineCorpus
import Xapian

/// Builds the Xapian document of a passage following `Schema`. One builder
/// per thread: it owns a term generator.
final class DocumentBuilder {
    private let generator: TermGenerator

    /// A builder with its own term generator.
    init() throws {
        generator = try TermGenerator(stemmer: Schema.stemmer())
    }

    /// The document for `passage` of `article`; the lead passage (the article's first
    /// body passage) also carries the title.
    func document(for passage: Passage, of article: Article, isLead: Bool) throws -> Document {
        let doc = try Document()
        try generator.setDocument(doc)
        if !article.title.isEmpty && isLead {
            // The article's lead passage stands for the article: `title:` finds it, and
            // the title's words count in its free text, weighted above body text. Other
            // passages do not repeat the title, so they match on their own words only.
            // No positions: phrases never straddle title and passage.
            let title = ScriptText.normalized(article.title)
            try generator.indexText(title, prefix: Schema.titlePrefix, positions: false)
            try generator.indexText(title, wdfIncrement: Schema.titleWeight, positions: false)
        }
        try generator.indexText(ScriptText.normalized(passage.text))
        for key in transliterationKeys(passage.text) { try doc.addTerm(Schema.transliterationPrefix + key) }
        if passage.language != .english && passage.language != .unknown {
            for id in passage.tags.places + passage.tags.actors { try doc.addTerm(Schema.namePrefix + id) }
        }
        let language = Schema.storage(of: .language)!
        try doc.addBooleanTerm(language.prefix + passage.language.rawValue)
        try doc.addValue(passage.language.rawValue, slot: language.firstSlot)
        try doc.addBooleanTerm(Schema.uniqueTerm(article: article.id, ordinal: passage.ordinal))
        try doc.addBooleanTerm(Schema.articleTerm(article.id))
        try doc.addBooleanTerm(Schema.kindPrefix + passage.kind.rawValue)
        if let date = article.date {
            let day = date.compact
            try doc.addBooleanTerm(Schema.dayPrefix + day)
            try doc.addBooleanTerm(Schema.monthPrefix + day.prefix(6))
            try doc.addBooleanTerm(Schema.yearPrefix + day.prefix(4))
            try doc.addValue(day, slot: Schema.dateSlot)
        }
        try doc.addValue(Schema.articleKey(article.id), slot: Schema.articleSlot)
        try doc.addValue(ordinalValue(passage.ordinal), slot: Schema.ordinalSlot)
        try doc.addValue(StoryValue(alone: Schema.articleKey(article.id)).text, slot: Schema.storySlot) // until `StoryResolver` finds copies
        try doc.addValue((article.date?.compact ?? "00000000") + " " + Schema.articleKey(article.id) + " " + ordinalValue(passage.ordinal),
                         slot: Schema.timelineSlot)
        if !article.source.isEmpty {
            // The term is normalised for filtering; the value keeps the outlet's own spelling for display.
            let source = Schema.storage(of: .source)!
            try doc.addBooleanTerm(source.prefix + Schema.sourceValue(article.source))
            try doc.addValue(String(article.source.prefix(100)), slot: source.firstSlot)
        }
        for (facet, storage) in DocumentBuilder.tagStorage {
            guard let kind = facet.kind else { continue }
            for (i, value) in passage.tags[kind].enumerated() {
                try doc.addBooleanTerm(storage.prefix + value)
                if i < storage.width { try doc.addValue(value, slot: storage.firstSlot + i) }
            }
        }
        let figures = Schema.storage(of: .figure)!
        let categories = Figure.categories.filter { category in passage.figures.contains { $0.category == category } }
        for category in categories { try doc.addBooleanTerm(figures.prefix + category) }
        if !categories.isEmpty { try doc.addValue(categories.joined(separator: ","), slot: figures.firstSlot) }
        try doc.setData(StoredPassage(passage, of: article).json())
        return doc
    }

    /// Each tag facet with its storage, in declaration order.
    private static let tagStorage: [(Facet, Schema.FacetStorage)] = Facet.tags.compactMap { facet in Schema.storage(of: facet).map { (facet, $0) } }

    /// Transliteration keys of the words seen by this builder (ICU's transforms are slow).
    private var keysOfWord: [String: [String]] = [:]

    /// The transliteration keys of the passage's words in Cyrillic, Armenian or Latin with
    /// letters beyond ASCII; English words get none, so English passages are as before.
    private func transliterationKeys(_ text: String) -> [String] {
        // Only text with Cyrillic, Armenian or Turkic letters (their UTF-8 lead bytes) has keys.
        guard text.utf8.contains(where: { $0 >= 0xC4 && $0 <= 0xD6 }) else { return [] }
        var keys: [String] = []
        for word in text.split(whereSeparator: { !$0.isLetter }) where word.utf8.contains(where: { $0 >= 0x80 }) {
            let word = String(word)
            if keysOfWord.count > 100_000 { keysOfWord.removeAll() } // bounded memory on endless vocabularies
            let found = keysOfWord[word] ?? Transliteration.keys(word)
            keysOfWord[word] = found
            keys += found
        }
        return keys
    }

    /// The ordinal as a fixed-width string, so value order is numeric order.
    private func ordinalValue(_ ordinal: Int) -> String {
        let s = String(ordinal)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}
