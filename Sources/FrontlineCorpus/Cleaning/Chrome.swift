/// Recognisers for page chrome: text on a scraped page that is not the article.
enum Chrome {
    /// A cleaned line with what the recognisers look at, computed once and cheaply:
    /// chrome is short or recognisable by how it starts.
    struct Line {
        let text: String
        /// The first 48 characters, lower-cased.
        let lowerPrefix: String
        let words: Int

        init(_ text: String) {
            self.text = text
            lowerPrefix = text.prefix(48).lowercased()
            words = ByteSearch.wordCount(text)
        }

        /// The whole line lower-cased (computed on demand: lines can be long).
        var lower: String { text.utf8.count <= 48 ? lowerPrefix : text.lowercased() }
    }

    // The markers are the language profiles' (`chrome` in Corpus/languages/*.json), of every
    // language at once: a page is cleaned before its language is known.

    /// Lines after which only reader comments and site furniture follow.
    private static let commentMarkers = LanguageProfile.allBuiltIn(\.chrome.commentMarkers)

    /// True if `line` opens the comment section.
    static func startsComments(_ line: Line) -> Bool {
        guard line.words <= 12 else { return false }
        if commentMarkers.contains(where: { line.lowerPrefix.hasPrefix($0) }) { return true }
        // "12 Comments", "1 comment"
        let words = line.lowerPrefix.split(separator: " ")
        return line.words == 2 && Int(words[0]) != nil && (words[1] == "comments" || words[1] == "comment")
    }

    /// The comment markers as a page shows them, for finding one inside a line that runs
    /// on (a page flattened to one line): title case, so prose rarely matches.
    private static let inlineCommentMarkers = LanguageProfile.allBuiltIn(\.chrome.inlineCommentMarkers)

    /// The byte offset where a comment section starts inside `text`, or nil.
    static func commentsOffset(in text: String) -> Int? {
        inlineCommentMarkers.compactMap { ByteSearch.offset(of: $0, in: text) }.min()
    }

    /// Lines that are chrome as a whole.
    private static let exactLines = Set(LanguageProfile.allBuiltIn(\.chrome.lines))

    /// Starts of chrome lines.
    private static let prefixes = LanguageProfile.allBuiltIn(\.chrome.prefixes)

    /// True if `line` is page chrome: a notice, a button label, a donation counter,
    /// a byline or a bare URL (a stray short line is `isStray`, a weaker rule).
    static func isChrome(_ line: Line, heading: Bool) -> Bool {
        let text = line.text, prefix = line.lowerPrefix
        if prefixes.contains(where: { prefix.hasPrefix($0) }) { return true }
        if isAgencyByline(line) { return true }
        if ByteSearch.contains(text, "ookie") {
            let lower = text.lowercased()
            if ["agree", "consent", "settings", "accept", "use of cookies", "uses cookies", "policy"].contains(where: { ByteSearch.contains(lower, $0) }) {
                return true
            }
        }
        guard line.words <= 12 else { return false }
        let lower = line.lower
        if exactLines.contains(lower.trimmingCharacters(in: ".:!")) { return true }
        if lower.hasPrefix("support "), line.words <= 4 { return true }
        if (lower.hasPrefix("written by ") || lower.hasPrefix("by ") || lower.hasPrefix("reporting by ") || lower.hasPrefix("editing by ")),
           !ByteSearch.contains(lower, ". "), let last = lower.last, !".!?".contains(last) { return true }
        if isCounter(lower) { return true }
        if (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")), line.words == 1 { return true }
        return false
    }

    /// The credit lines agencies end a story with, at any length: Reuters' "Reporting by …;
    /// Editing by …", AP's "Associated Press writers … contributed to this report."
    private static func isAgencyByline(_ line: Line) -> Bool {
        guard line.words <= 60 else { return false }
        let prefix = line.lowerPrefix
        if prefix.hasPrefix("reporting by ") || prefix.hasPrefix("writing by ") || prefix.hasPrefix("additional reporting by ") {
            return ByteSearch.contains(line.lower, "editing by ") || ByteSearch.contains(line.lower, "; ")
        }
        if prefix.hasPrefix("associated press ") || prefix.hasPrefix("the associated press ") {
            return ByteSearch.contains(line.lower, " contributed")
        }
        return false
    }

    /// What follows a "Related: …" link run into the next sentence (a page flattened to one
    /// line puts the link's headline, which has no full stop, before it), or nil if `text`
    /// is not such a link or holds nothing after it. The headline ends at the first word
    /// after its fourth that starts with a capital after a word that does not end a phrase,
    /// where at least six words ending a sentence remain.
    static func afterRelatedLink(_ text: String) -> String? {
        guard text.hasPrefix("Related: ") || text.hasPrefix("Related:\u{00A0}") else { return nil }
        let words = text.split(separator: " ")
        guard words.count > 12, let last = text.last, ".?!\"".contains(last) else { return nil }
        for i in 5..<(words.count - 5) {
            let previous = words[i - 1], word = words[i]
            guard word.first?.isUppercase == true, let end = previous.last, end.isLowercase || end.isNumber else { continue }
            return words[i...].joined(separator: " ")
        }
        return nil
    }

    /// True if `line` is a stray short line that is not a sentence or heading: an outlet
    /// name, a section label. The weakest rule: an article of nothing else keeps such lines.
    static func isStray(_ line: Line, heading: Bool) -> Bool {
        let text = line.text
        return !heading && line.words <= 3 && !text.contains(where: \.isNumber) && text.last.map { !".?!:\"')".contains($0) } ?? false
    }

    /// A donation or share counter such as `2,500 $` or `€ 5,000`.
    private static func isCounter(_ lower: String) -> Bool {
        var digits = false, currency = false
        for scalar in lower.unicodeScalars {
            switch scalar {
            case "0"..."9": digits = true
            case "$", "€", "£", "₽": currency = true
            case " ", ",", ".", "+", "k", "%": continue
            default: return false
            }
        }
        return digits && currency
    }

    /// Photo agencies and desks that appear in credits.
    static let agencies: [String] = [
        "Reuters", "REUTERS", "AFP", "AP Photo", "AP", "Getty Images", "Getty", "EPA", "TASS", "PAN Photo",
        "Photolure", "Anadolu", "Sputnik", "RIA Novosti", "Xinhua", "Shutterstock", "Handout",
        "The Guardian", "Alamy", "Bloomberg", "NurPhoto", "Ukrinform",
    ]

    /// True if `line` is a photo credit standing alone, such as `Valery Sharifulin / TASS`.
    static func isCredit(_ line: Line) -> Bool {
        let text = line.text
        guard line.words <= 7, ByteSearch.contains(text, "/"), !ByteSearch.contains(text, ". ") else { return false }
        return ByteSearch.containsAny(text, agencies)
    }
}
