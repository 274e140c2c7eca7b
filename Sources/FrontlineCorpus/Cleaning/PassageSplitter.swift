/// Splits paragraphs into passages: a paragraph is a passage, and one over
/// `maxParagraphWords` words is cut at sentence boundaries into windows of
/// about `minWindowWords` to `maxWindowWords` words.
public struct PassageSplitter: Sendable {
    /// Paragraphs longer than this are split.
    public var maxParagraphWords = 120
    /// A window is not closed before it has this many words.
    public var minWindowWords = 40
    /// A window is closed before it would exceed this many words.
    public var maxWindowWords = 100

    /// Creates a splitter with the default sizes.
    public init() {}

    /// The passages of one paragraph's text.
    public func split(_ text: String) -> [String] {
        guard ByteSearch.wordCount(text) > maxParagraphWords else { return [text] }
        let words = text.spaceSeparatedWords()
        var windows: [String] = []
        var current: [Substring] = []
        for sentence in sentences(words) {
            if !current.isEmpty, current.count >= minWindowWords, current.count + sentence.count > maxWindowWords {
                windows.append(current.joined(separator: " "))
                current = []
            }
            current.append(contentsOf: sentence)
            if current.count > maxWindowWords {
                // A sentence longer than a window: cut it at word boundaries (in one pass:
                // dropping a window's words off the front each time is quadratic).
                var start = 0
                while current.count - start > maxWindowWords {
                    windows.append(current[start..<(start + maxWindowWords)].joined(separator: " "))
                    start += maxWindowWords
                }
                current = Array(current[start...])
            }
        }
        if !current.isEmpty {
            if current.count < minWindowWords / 2, let last = windows.popLast() {
                windows.append(last + " " + current.joined(separator: " "))
            } else {
                windows.append(current.joined(separator: " "))
            }
        }
        return windows
    }

    /// Groups words into sentences: a word ending in . ! or ? (optionally followed by
    /// a closing quote or bracket) ends a sentence unless it is an abbreviation or an
    /// initial, or the next word starts in lower case.
    func sentences(_ words: [Substring]) -> [[Substring]] {
        var result: [[Substring]] = []
        var current: [Substring] = []
        for (i, word) in words.enumerated() {
            current.append(word)
            // On the word's bytes (this runs on every word of the corpus): closing quotes and
            // brackets off the end, then the end must be . ! or ?, all ASCII.
            let bytes = word.utf8
            var stop = bytes.endIndex
            while stop > bytes.startIndex, [0x22, 0x27, 0x29, 0x5D].contains(bytes[bytes.index(before: stop)]) { stop = bytes.index(before: stop) }
            guard stop > bytes.startIndex, [0x2E, 0x21, 0x3F].contains(bytes[bytes.index(before: stop)]) else { continue }
            let core = word[..<stop]
            let end: Character = core.last!
            let stem = core.dropLast().lowercased().filter { $0.isLetter }
            if end == ".", Tokenizer.abbreviations.contains(stem) || (stem.count == 1 && core.count == 2) { continue }
            if i + 1 < words.count, let next = words[i + 1].first(where: { $0.isLetter || $0.isNumber }), next.isLowercase { continue }
            result.append(current)
            current = []
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
