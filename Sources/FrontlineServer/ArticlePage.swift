import Foundation
import FrontlineCorpus
import FrontlineEngine

/// `/articles/ID?passage=N&context=C`: the cleaned article, passages with their tags, the
/// linked one marked (and scrolled to); a long article a page of passages at a time.
struct ArticlePage {
    let view: ArticleView
    let labels: Labels
    /// The most passages on one page.
    static let pageSize = 200

    func render() -> String {
        let passages = view.passages, marked = view.marked
        let first = passages[0]
        let title = first.title.isEmpty ? first.article : first.title
        let meta = [first.date, first.source].filter { !$0.isEmpty }.map(HTML.escape).joined(separator: " · ")
        let body = passages.map { p -> String in
            let isMarked = p.ordinal == marked
            return """
            <section id="p\(p.ordinal)" class="passage\(isMarked ? " marked" : "")"\(isMarked ? " aria-current=\"true\"" : "")>
            <p class="meta">#\(p.ordinal) · <span class="kind">\(HTML.escape(p.kind))</span>\(p.eventDates.isEmpty ? "" : " · dates " + HTML.escape(p.eventDates.joined(separator: ", ")))</p>
            <p class="text">\(HTML.escape(p.text))</p>
            <p class="tags">\(Chips.tags(p, labels: labels))</p>\(figures(p))
            </section>
            """
        }.joined()
        let main = """
        <article class="article">
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">\(meta)\(meta.isEmpty ? "" : " · ")\(HTML.escape(first.article))\(first.url.isEmpty ? "" : " · " + HTML.externalLink(first.url))</p>
        \(pager)\(body)\(pager)
        </article>
        """
        return Layout.page(title: title, parameters: QueryParameters(nil), main: main)
    }

    /// Where this page is in a long article, with links to the passages before and after.
    private var pager: String {
        guard view.isPartial, let shownFirst = view.passages.first?.ordinal, let shownLast = view.passages.last?.ordinal else { return "" }
        let id = HTML.escape(view.passages[0].article.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#", "?"])) ?? "")
        let half = ArticlePage.pageSize / 2
        var links: [String] = []
        if shownFirst > view.ordinals.lowerBound {
            links.append("<a href=\"/articles/\(id)?passage=\(max(view.ordinals.lowerBound, shownFirst - half))\">earlier passages</a>")
        }
        if shownLast < view.ordinals.upperBound {
            links.append("<a href=\"/articles/\(id)?passage=\(min(view.ordinals.upperBound, shownLast + half))\">later passages</a>")
        }
        return "<p class=\"meta pager\">passages #\(shownFirst)–#\(shownLast) of \(view.total) · \(links.joined(separator: " · "))</p>"
    }

    /// The passage's figures, one line each ("31 killed soldiers · whose: Azerbaijan · claimed by Azerbaijan").
    private func figures(_ p: StoredPassage) -> String {
        guard !p.figures.isEmpty else { return "" }
        let items = p.figures.map { "<li class=\"figure\">\(HTML.escape($0.summary(label: labels.label)))</li>" }.joined()
        return "<ul class=\"figures\">\(items)</ul>"
    }
}

/// A page saying what went wrong and what to do.
enum ErrorPage {
    static func render(_ error: APIError, parameters: QueryParameters) -> String {
        let hint = error.hint.map { "<p>\(HTML.escape($0))</p>" } ?? ""
        return Layout.page(title: "Error", parameters: parameters,
                           main: "<div class=\"error\" role=\"alert\"><h1>\(error.status.code) — \(HTML.escape(error.message))</h1>\(hint)<p><a href=\"/\">Start again</a></p></div>")
    }

}
