/// A piece of an article's body as its format gives it, before cleaning.
public struct Block: Sendable, Equatable {
    /// What the piece is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A heading inside the article.
        case heading
        /// A paragraph of text (or a line, for formats that know no paragraphs).
        case paragraph
        /// A photo caption, perhaps with its credit.
        case caption
        /// An item of a list.
        case listItem
        /// A quotation set apart from the text.
        case quote
    }

    /// What the piece is.
    public var kind: Kind
    /// Its text, possibly with inline Markdown, escapes and odd spaces still in.
    public var text: Substring
    /// The 1-based line in the file where it starts (the article's line when not known).
    public var line: Int

    /// Creates a block.
    public init(_ kind: Kind, _ text: Substring, line: Int) {
        self.kind = kind
        self.text = text
        self.line = line
    }
}

/// What a page says about itself: each field nil or empty when it says nothing.
public struct PageMetadata: Sendable, Equatable {
    /// The headline.
    public var title = ""
    /// The publication date.
    public var date: CalendarDate?
    /// Who wrote it.
    public var author = ""
    /// The outlet (the site's name).
    public var source = ""
    /// Where it is published (its canonical address).
    public var url = ""
    /// Its language, as the page names it (`en`, `en-GB`).
    public var language = ""

    /// No metadata.
    public init() {}
}

/// An article's body read by its format: what the page says about itself, and its blocks.
public struct ArticleContent: Sendable {
    /// Metadata found in the body (for formats that carry it there).
    public var metadata = PageMetadata()
    /// The blocks, in reading order.
    public var blocks: [Block] = []
    /// Problems with the body (a page too deep to read whole), with the reason.
    public var warnings: [String] = []

    /// Content of `blocks`.
    public init(blocks: [Block] = []) { self.blocks = blocks }
}

/// How a format's files hold articles.
public enum FileLayout: Sendable, Equatable {
    /// One article per file; `frontMatter` if a YAML front matter may open it.
    case onePerFile(frontMatter: Bool)
    /// One article per line, as a JSON object (JSON Lines).
    case onePerLine
    /// A web archive: one article per HTML response record (`WARCFormat`).
    case webArchive
    /// One article per file, converted to text by an outside program (`PDFFormat`).
    case converted
}

/// A way articles are written: which files hold it, how they hold articles, and how an
/// article's body becomes blocks and metadata. Every format is declared once, in
/// `ArticleFormats.all`; a new format is one type conforming to this protocol.
public protocol ArticleFormat: Sendable {
    /// Its name, as `inspect` and diagnostics show it.
    var name: String { get }
    /// The file extensions read as this format (lower case, without the dot).
    var extensions: [String] { get }
    /// How its files hold articles.
    var layout: FileLayout { get }
    /// The most bytes of one article read; the rest is cut, with a warning.
    var maximumArticleBytes: Int { get }
    /// True if its blocks are marked up (headings, list items and captions are known from the
    /// markup), so that the cleaner does not guess them: a short line is not stray furniture.
    var isMarkedUp: Bool { get }
    /// The blocks and metadata of `body`, whose first line is line `firstLine` of its file.
    func content(of body: String, firstLine: Int) -> ArticleContent
}

extension ArticleFormat {
    /// Four megabytes: news articles are far shorter.
    public var maximumArticleBytes: Int { 4 << 20 }
    /// Text formats are not marked up.
    public var isMarkedUp: Bool { false }
}

/// Every format Frontline reads, and the choice of one for a file or a record.
public enum ArticleFormats {
    /// The formats, each declared once.
    public static let all: [any ArticleFormat] = [PlainTextFormat(), MarkdownFormat(), JSONLinesFormat(), HTMLFormat(), WARCFormat(), PDFFormat()]

    /// The format of the file at `path`, by its extension; nil if Frontline does not read it.
    public static func format(ofPath path: String) -> (any ArticleFormat)? {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        // The longest extension first: "page.warc.gz" is WARC.
        var dot = name.firstIndex(of: ".")
        while let found = dot {
            if found != name.startIndex, let format = byExtension[String(name[name.index(after: found)...])] { return format }
            dot = name[name.index(after: found)...].firstIndex(of: ".")
        }
        return nil
    }

    private static let byExtension: [String: any ArticleFormat] = {
        var map: [String: any ArticleFormat] = [:]
        for format in all { for ext in format.extensions { map[ext] = format } }
        return map
    }()

    /// The format of a JSON Lines record's text: HTML when it is a page (starts with a
    /// doctype or an `<html>` element), else plain text.
    static func format(ofRecordText text: String) -> any ArticleFormat {
        HTMLFormat.looksLikePage(text) ? HTMLFormat() : PlainTextFormat()
    }
}

/// Plain text (`.txt`): every line a paragraph; `#`, `>` and `-` are text.
public struct PlainTextFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "plain text" }
    public var extensions: [String] { ["txt"] }
    public var layout: FileLayout { .onePerFile(frontMatter: true) }

    public func content(of body: String, firstLine: Int) -> ArticleContent {
        ArticleContent(blocks: TextLines.blocks(of: body, firstLine: firstLine, markdown: false))
    }
}

/// Markdown (`.md`, `.markdown`): `#` lines are headings, `>` opens a quote, `-` and `+` a list item.
public struct MarkdownFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "Markdown" }
    public var extensions: [String] { ["md", "markdown"] }
    public var layout: FileLayout { .onePerFile(frontMatter: true) }

    public func content(of body: String, firstLine: Int) -> ArticleContent {
        ArticleContent(blocks: TextLines.blocks(of: body, firstLine: firstLine, markdown: true))
    }
}

/// JSON Lines (`.jsonl`, `.ndjson`): one JSON object per line, its `text` the body (plain
/// text, or a page in HTML, see `ArticleFormats.format(ofRecordText:)`), its other keys metadata.
public struct JSONLinesFormat: ArticleFormat {
    /// Creates the format.
    public init() {}
    public var name: String { "JSON Lines" }
    public var extensions: [String] { ["jsonl", "ndjson"] }
    public var layout: FileLayout { .onePerLine }

    public func content(of body: String, firstLine: Int) -> ArticleContent {
        PlainTextFormat().content(of: body, firstLine: firstLine)
    }
}

/// The lines of a text body as blocks.
enum TextLines {
    /// One block per non-blank line, leading spaces dropped; with `markdown`, a heading,
    /// quote or list marker is removed and gives the block its kind.
    static func blocks(of body: String, firstLine: Int, markdown: Bool) -> [Block] {
        var blocks: [Block] = []
        var lineNumber = firstLine - 1
        for raw in body.lines() {
            lineNumber += 1
            var content = raw.drop(while: { $0 == " " || $0 == "\t" })
            let kind = markdown ? stripBlockSyntax(&content) : .paragraph
            blocks.append(Block(kind, content, line: lineNumber))
        }
        return blocks
    }

    /// Removes a Markdown heading, quote or list marker from the start of `line`; returns
    /// the kind of block it marks.
    private static func stripBlockSyntax(_ line: inout Substring) -> Block.Kind {
        if line.first == "#" {
            let hashes = line.prefix(while: { $0 == "#" })
            if hashes.count <= 6, line.dropFirst(hashes.count).first == " " {
                line = line.dropFirst(hashes.count + 1)
                return .heading
            }
        } else if line.hasPrefix("> ") {
            line = line.dropFirst(2)
            return .quote
        } else if line.hasPrefix("- ") || line.hasPrefix("+ ") {
            line = line.dropFirst(2)
            return .listItem
        }
        return .paragraph
    }
}
