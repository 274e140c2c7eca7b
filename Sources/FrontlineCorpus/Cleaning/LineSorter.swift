/// Sorts an article's cleaned lines, one at a time, into paragraphs of text and
/// captions, datelines, and page chrome (dropped). A long line is sorted a sentence at a
/// time: a chrome rule may drop a sentence (a photo credit, "Source: …") but never a
/// paragraph of prose, nor a whole article that came without line breaks; its body
/// sentences stay one paragraph.
struct LineSorter {
    /// True for blocks of a marked-up format: their kinds are known, not guessed.
    let markedUp: Bool
    /// The paragraphs so far.
    private(set) var paragraphs: [Paragraph] = []
    /// Dates found on lines of their own.
    private(set) var datelines: [CalendarDate] = []
    /// Short lines dropped as stray page furniture (kept if nothing else is text).
    private(set) var strays: [Paragraph] = []

    /// Sorts one non-empty line (a block) of kind `kind`; false once the comment section has
    /// begun (nothing after it is the article).
    mutating func take(_ text: String, line: Int, kind: Block.Kind) -> Bool {
        let heading = kind == .heading
        let caption = markedUp && kind == .caption
        var units = [text]
        var commentsFollow = false
        var mayHoldCaptions = true
        if ByteSearch.wordCount(text) > TextCleaner.longLineWords {
            var prose = text
            if let offset = Chrome.commentsOffset(in: prose) {
                // Reader comments run on in the same line: keep what precedes them, then stop.
                prose = String(decoding: prose.utf8.prefix(offset), as: UTF8.self)
                commentsFollow = true
            }
            units = TextCleaner.sentences(prose)
            mayHoldCaptions = Captions.mayHoldCaption(prose) // checked once for the whole line
        }
        // An agency credit inside a line ("… 2022. (AP Photo/Leo Correa) The governor said …")
        // is a unit of its own: it ends the caption before it, never the text after it.
        if ByteSearch.containsAny(text, Captions.parenthesisedCredits) { units = units.flatMap(Captions.aroundParenthesisedCredits) }
        var body: [String] = []
        func endBody() {
            if !body.isEmpty { paragraphs.append(Paragraph(text: body.joined(separator: " "), kind: heading ? .headline : .body, line: line)) }
            body = []
        }
        defer { endBody() }
        for whole in units {
            // A "Related: …" link run into the sentence after it: the sentence stays.
            let unit = Chrome.afterRelatedLink(whole) ?? whole
            switch sort(unit, heading: heading, mayHoldCaptions: mayHoldCaptions || caption, labelIsStray: markedUp && (kind == .paragraph || kind == .caption)) {
            // A comment counter ("0 Comments") above a marked-up article's first paragraph
            // labels the article; the comments cannot begin before it.
            case .comments where markedUp && paragraphs.isEmpty && body.isEmpty: break
            case .comments: return false
            case .body where caption:
                endBody()
                paragraphs.append(Paragraph(text: unit, kind: .caption, line: line))
            case .body: body.append(unit)
            case .credit where markedUp: break // a credit on its own, known as such by its markup
            case .credit:
                // A credit on its own belongs to the photo whose caption precedes it: the
                // sentence before it in a long line, else the paragraph before it if that
                // is as short as a caption; never a run of body text.
                if let caption = body.popLast() {
                    endBody()
                    paragraphs.append(Paragraph(text: caption, kind: ByteSearch.wordCount(caption) <= LineSorter.captionWords ? .caption : .body, line: line))
                } else if let last = paragraphs.indices.last, paragraphs[last].kind == .body,
                          ByteSearch.wordCount(paragraphs[last].text) <= LineSorter.captionWords {
                    paragraphs[last].kind = .caption
                }
            case .captions(let captions):
                endBody()
                paragraphs += captions.map { Paragraph(text: $0, kind: .caption, line: line) }
            case .stray: strays.append(Paragraph(text: unit, kind: .body, line: line))
            case .dropped: break
            }
        }
        return !commentsFollow
    }

    /// The most words a photo caption has (AP's run to about 50).
    static let captionWords = 60

    /// What a line (or a sentence of a long one) is.
    private enum Sort {
        case comments, body, credit, stray, dropped
        case captions([String])
    }

    /// With `labelIsStray`, a paragraph of one or two words that is not a sentence is taken
    /// for a label of the page (a button, a counter), as in text the weaker `isStray` rule does.
    private mutating func sort(_ unit: String, heading: Bool, mayHoldCaptions: Bool, labelIsStray: Bool = false) -> Sort {
        let line = Chrome.Line(unit)
        if Chrome.startsComments(line) { return .comments }
        if line.text.utf8.count <= 40, case .date(let date) = CalendarDate.parse(unit) {
            datelines.append(date)
            return .dropped
        }
        if Chrome.isCredit(line) { return .credit }
        if let caption = Captions.labelledCaption(unit) { return .captions([caption]) }
        if Chrome.isChrome(line, heading: heading) { return .dropped }
        if !markedUp, Chrome.isStray(line, heading: heading) { return .stray }
        if labelIsStray, line.words <= 2, let last = line.text.last, !".?!:\"')".contains(last) { return .stray }
        if mayHoldCaptions, let captions = Captions.split(unit) { return .captions(captions) }
        return .body
    }
}
