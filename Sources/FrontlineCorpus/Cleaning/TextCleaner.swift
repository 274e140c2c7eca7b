/// Turns an article's raw body (plain text or Markdown, as scraped) into clean
/// paragraphs: Markdown removed, page chrome dropped, reader comments cut off,
/// captions separated from their photo credits, repeated lines dropped.
public struct TextCleaner: Sendable {
    /// The result of cleaning one article.
    public struct Cleaned: Sendable {
        /// The article's paragraphs, in order.
        public var paragraphs: [Paragraph]
        /// The title, when the article had none in its metadata and began with a heading.
        public var derivedTitle: String?
        /// Dates found on lines of their own (datelines), in order.
        public var datelines: [CalendarDate]
    }

    /// Creates a cleaner.
    public init() {}

    /// Cleans an article's `blocks`; `title` is the known title. Inline Markdown (emphasis,
    /// links) is removed from every block, since scraped plain text carries it too. Blocks of a
    /// `markedUp` format keep their kinds: a caption is a caption (its credit split off) and a
    /// short line is not taken for stray page furniture.
    public func clean(_ blocks: [Block], title: String, markedUp: Bool = false) -> Cleaned {
        var sorter = LineSorter(markedUp: markedUp)
        for block in blocks {
            let text = Inline.normalize(block.text)
            if !text.isEmpty, !sorter.take(text, line: block.line, kind: block.kind) { break }
        }
        // Nothing but short lines: a headline-only brief is text, not page furniture.
        let paragraphs = sorter.paragraphs.isEmpty ? sorter.strays : sorter.paragraphs
        var derivedTitle: String?
        if title.isEmpty, let first = paragraphs.first, first.kind == .headline {
            derivedTitle = first.text
        }
        return Cleaned(paragraphs: TextCleaner.merged(paragraphs, title: derivedTitle ?? title), derivedTitle: derivedTitle, datelines: sorter.datelines)
    }

    /// `paragraphs` without repeats, lines repeating `title` and captions repeating the body,
    /// with paragraphs that a scraper broke in mid-sentence joined again.
    private static func merged(_ paragraphs: [Paragraph], title: String) -> [Paragraph] {
        let knownTitle = TextCleaner.key(title)
        var seen: Set<String> = []
        var kept: [Paragraph] = []
        for paragraph in paragraphs {
            let key = TextCleaner.key(paragraph.text)
            if !knownTitle.isEmpty && key == knownTitle { continue }
            guard seen.insert(key).inserted else { continue }
            if let last = kept.last, last.kind == .body, paragraph.kind == .body, TextCleaner.endsMidSentence(last.text) {
                kept[kept.count - 1].text += " " + paragraph.text
                continue
            }
            kept.append(paragraph)
        }
        // A caption that repeats a sentence of the body (agencies caption a photo with the
        // story's own sentence) would make its figures twice: the body keeps it.
        guard kept.contains(where: { $0.kind == .caption }) else { return kept }
        let body = kept.filter { $0.kind == .body }.map { TextCleaner.key($0.text) }
        return kept.filter { paragraph in
            guard paragraph.kind == .caption else { return true }
            let key = TextCleaner.key(paragraph.text)
            return key.utf8.count < 30 || !body.contains { ByteSearch.contains($0, key) }
        }
    }

    /// Lines with more words than this are cleaned sentence by sentence.
    static let longLineWords = 120

    /// The sentences of a long line.
    static func sentences(_ text: String) -> [String] {
        let words = text.spaceSeparatedWords()
        return PassageSplitter().sentences(words).map { $0.joined(separator: " ") }
    }

    /// The form two paragraphs are compared in: ASCII letters lower-cased, digits and
    /// non-ASCII bytes kept, punctuation and spaces dropped.
    static func key(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            switch b {
            case 65...90: bytes.append(b + 32)
            case 97...122, 48...57, 0x80...: bytes.append(b)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let danglingWords: Set<String> = [
        "with", "and", "of", "the", "a", "an", "to", "in", "on", "for", "by", "from", "as", "at",
        "that", "which", "who", "but", "or", "its", "their", "his", "her",
    ]

    /// True if a paragraph stops on a word that cannot end a sentence, the mark of a
    /// paragraph break inserted by a scraper in mid-sentence.
    static func endsMidSentence(_ text: String) -> Bool {
        guard let space = text.utf8.lastIndex(of: 32) else { return false }
        let lastWord = text[text.index(after: space)...]
        return lastWord.count <= 5 && danglingWords.contains(lastWord.lowercased()) && ByteSearch.wordCount(text) >= 6
    }
}
