/// One news article as read from the corpus, before cleaning.
public struct Article: Sendable {
    /// Stable identity: the file's path relative to the corpus root, or the JSONL `id`.
    public var id: String
    /// The headline ("" if unknown).
    public var title: String
    /// The publication date, if the metadata gave a valid one.
    public var date: CalendarDate?
    /// The outlet.
    public var source: String
    /// Where it was published.
    public var url: String
    /// Other metadata keys, kept as text.
    public var extra: [String: String]
    /// The raw body, in `format`.
    public var body: String
    /// The format of `body` (plain text, Markdown, HTML), which turns it into blocks.
    public var format: any ArticleFormat
    /// The file it came from.
    public var file: String
    /// The 1-based line where the article starts in `file` (its JSONL line, or 1).
    public var line: Int
    /// The line in `file` where `body` starts (after front matter).
    public var bodyLine: Int
    /// The byte offset in `file` just after this article, for progress reports.
    public var byteEnd: Int = 0

    /// Creates an article.
    public init(id: String, title: String = "", date: CalendarDate? = nil, source: String = "", url: String = "",
                extra: [String: String] = [:], body: String, format: any ArticleFormat = PlainTextFormat(),
                file: String, line: Int = 1, bodyLine: Int = 1) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
        self.url = url
        self.extra = extra
        self.body = body
        self.format = format
        self.file = file
        self.line = line
        self.bodyLine = bodyLine
    }
}
