/// A passage ready to index: cleaned text with its tags.
public struct Passage: Sendable, Equatable {
    /// The 0-based position of the passage in its article.
    public var ordinal: Int
    /// Headline, body or caption.
    public var kind: PassageKind
    /// The cleaned text.
    public var text: String
    /// The tags (sides, claimants, actors, places).
    public var tags: Tagger.Tags
    /// The dates the passage speaks of, resolved against the publication date.
    public var eventDates: [CalendarDate]
    /// The figures it reports (none without a figure lexicon).
    public var figures: [Figure]
    /// Its language: the article's declared one, else detected (`LanguageDetector`).
    public var language: Language

    /// A passage with its tags.
    public init(ordinal: Int, kind: PassageKind, text: String, tags: Tagger.Tags, eventDates: [CalendarDate], figures: [Figure] = [],
                language: Language = .unknown) {
        self.language = language
        self.ordinal = ordinal
        self.kind = kind
        self.text = text
        self.tags = tags
        self.eventDates = eventDates
        self.figures = figures
    }
}

/// An article cleaned, split into passages and tagged.
public struct ProcessedArticle: Sendable {
    /// The article's metadata (its `title` and `date` completed from the text where missing).
    public var article: Article
    /// The passages in order.
    public var passages: [Passage]
    /// Problems found while processing (a missing date, no text left after cleaning).
    public var diagnostics: [Diagnostic]
}

/// An article's text as it is indexed, before tagging.
public struct ArticleText: Sendable {
    /// The article's metadata, completed from its body and text.
    public var article: Article
    /// The passages' texts and kinds, in order.
    public var passages: [Paragraph]
    /// Problems found (a missing date, no text left after cleaning).
    public var diagnostics: [Diagnostic]
}

/// Runs the corpus pipeline on one article: clean, split, date, tag and read figures.
/// Holds no mutable state, so one processor can serve many threads.
public struct ArticleProcessor: Sendable {
    private let cleaner = TextCleaner()
    private let splitter = PassageSplitter()
    /// The tagger used.
    public let tagger: Tagger
    /// The figure reader used, if figures are read.
    public let figureExtractor: FigureExtractor?

    /// Creates a processor tagging against `gazetteer` and, with a `figures` lexicon, reading figures.
    public init(gazetteer: Gazetteer, figures: FigureLexicon? = nil) {
        tagger = Tagger(gazetteer: gazetteer)
        figureExtractor = figures.map { FigureExtractor(lexicon: $0, gazetteer: gazetteer) }
    }

    /// Reads one article's text as it is indexed: its format's blocks cleaned and split into
    /// passages, its metadata completed from the body and the text; no tagging.
    public func text(of input: Article) -> ArticleText {
        var article = input
        var diagnostics: [Diagnostic] = []
        let content = article.format.content(of: article.body, firstLine: article.bodyLine)
        for warning in content.warnings {
            diagnostics.append(Diagnostic(.warning, file: article.file, line: article.line, warning))
        }
        ArticleProcessor.complete(&article, from: content.metadata)
        let cleaned = cleaner.clean(content.blocks, title: article.title, markedUp: article.format.isMarkedUp)
        if article.title.isEmpty, let derived = cleaned.derivedTitle { article.title = derived }
        if article.date == nil {
            // No date in the metadata: a dateline, else the first full date in the text.
            article.date = cleaned.datelines.first
                ?? cleaned.paragraphs.lazy.compactMap { DateFinder.firstFullDate(in: $0.text) }.first
            if article.date == nil {
                diagnostics.append(Diagnostic(.warning, file: article.file, line: article.line,
                                              "no publication date in the metadata or the text; the article has no date"))
            }
        }
        var passages: [Paragraph] = []
        for paragraph in cleaned.paragraphs {
            for text in splitter.split(paragraph.text) {
                passages.append(Paragraph(text: text, kind: paragraph.kind, line: paragraph.line))
            }
        }
        if passages.isEmpty {
            diagnostics.append(Diagnostic(.error, file: article.file, line: article.line, "no article text left after removing page chrome; article skipped"))
        }
        return ArticleText(article: article, passages: passages, diagnostics: diagnostics)
    }

    /// Processes one article.
    public func process(_ input: Article) -> ProcessedArticle {
        let read = text(of: input)
        var passages: [Passage] = []
        // A language the metadata names wins over detection (one it does not know is unknown).
        let declared = (read.article.extra["language"] ?? read.article.extra["lang"]).map { Language(declared: $0) ?? .unknown }
        var context = Tagger.Context() // references resolve across the article's body text
        var figureContext = FigureExtractor.Context()
        for passage in read.passages {
            let text = passage.text
            let tokens = Tokenizer.tokens(text)
            var passageContext = context
            let tags = tagger.tag(tokens: tokens, context: &passageContext)
            var passageFigureContext = figureContext
            let figures = figureExtractor?.figures(in: text, tokens: tokens, claims: tags.claims, context: &passageFigureContext) ?? []
            if passage.kind == .body { // captions do not carry the thread
                context = passageContext
                figureContext = passageFigureContext
            }
            let language = declared ?? LanguageDetector.language(of: text, tokens: tokens)
            // Month names are read in their own language only ("may" is a month in Azerbaijani).
            let profile = tagger.gazetteer.profiles[language]
            let dates = DateFinder.dates(in: tokens, published: read.article.date, months: profile?.months ?? [:],
                                         relativeDates: profile?.relativeDates ?? [:])
            passages.append(Passage(ordinal: passages.count, kind: passage.kind, text: text, tags: tags,
                                    eventDates: dates, figures: figures,
                                    language: language))
        }
        if declared == nil { ArticleProcessor.completeLanguages(&passages) }
        return ProcessedArticle(article: read.article, passages: passages, diagnostics: read.diagnostics)
    }

    /// Fills what `article`'s own metadata leaves empty from what its body says about itself.
    private static func complete(_ article: inout Article, from metadata: PageMetadata) {
        if article.title.isEmpty { article.title = metadata.title }
        if article.date == nil { article.date = metadata.date }
        if article.source.isEmpty { article.source = metadata.source }
        if article.url.isEmpty { article.url = metadata.url }
        if !metadata.author.isEmpty, article.extra["author"] == nil { article.extra["author"] = metadata.author }
        if !metadata.language.isEmpty, article.extra["language"] == nil { article.extra["language"] = metadata.language }
    }

    /// Gives a passage too short to tell (a headline, a caption) the language of its
    /// article's other passages, when they all agree and the passage is in their script.
    static func completeLanguages(_ passages: inout [Passage]) {
        let known = Set(passages.map(\.language)).subtracting([.unknown])
        guard known.count == 1, let language = known.first else { return }
        for i in passages.indices where passages[i].language == .unknown && LanguageDetector.fits(passages[i].text, language) {
            passages[i].language = language
        }
    }
}
