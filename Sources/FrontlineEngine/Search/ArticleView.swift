/// What every front end shows of an article: its passages, one of them marked, and as
/// many on each side of it as asked (`show`, `/api/articles/ID` and the article page all
/// make theirs here, so they agree on what exists and what is shown).
public struct ArticleView: Sendable {
    /// The passages shown, in order (at least one).
    public let passages: [StoredPassage]
    /// The passage asked for, if one was.
    public let marked: Int?
    /// How many passages the article has, shown or not.
    public let total: Int
    /// The first and last passage numbers of the whole article.
    public let ordinals: ClosedRange<Int>

    /// Why an article view cannot be made: no such article, or no such passage in it.
    public struct Missing: Error, Sendable {
        /// What is missing, for a person.
        public let message: String
        /// What exists instead.
        public let hint: String
    }

    /// The view of `passages` (all of article `id`, in order), marking `marked`, with
    /// `context` passages on each side of it (nil: all), and at most `limit` passages in
    /// all (nil: no limit), centred on the marked one.
    public init(article id: String, passages all: [StoredPassage], marked: Int?, context: Int?, limit: Int? = nil) throws(Missing) {
        guard let first = all.first, let last = all.last else {
            throw Missing(message: "no article \(Excerpt.quoted(id)) in the index", hint: "search results give article ids")
        }
        ordinals = first.ordinal...last.ordinal
        total = all.count
        self.marked = marked
        if let marked, !all.contains(where: { $0.ordinal == marked }) {
            let range = all.count == 1 ? "only #\(first.ordinal)" : "#\(first.ordinal)–#\(last.ordinal)"
            throw Missing(message: "article \(Excerpt.quoted(first.article)) has no passage #\(marked)", hint: "its passages are \(range)")
        }
        var shown = all
        if let marked, let context { shown = all.filter { abs($0.ordinal - marked) <= context } }
        if let limit, shown.count > limit {
            let centre = marked.flatMap { number in shown.firstIndex { $0.ordinal == number } } ?? 0
            let start = max(0, min(centre - limit / 2, shown.count - limit))
            shown = Array(shown[start..<(start + limit)])
        }
        passages = shown
    }

    /// True if some of the article's passages are not shown.
    public var isPartial: Bool { passages.count < total }
}
