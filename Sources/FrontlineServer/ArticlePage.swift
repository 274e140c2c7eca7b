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
        Templates.render(page(), as: "article")
    }

    /// What the template shows.
    struct Page {
        let title: String
        let form: Layout.Form
        let heading: String
        let meta: String
        let hasMeta: Bool
        let article: String
        let url: HTML.ExternalLink?
        let pager: Pager?
        let passages: [Passage]
    }

    /// One passage, with its tags and figures.
    struct Passage {
        let ordinal: Int
        let marked: Bool
        let kind: String
        let dates: String?
        let text: String
        let chips: [Chips.Chip]
        let hasFigures: Bool
        /// Each figure on a line ("31 killed soldiers · whose: Azerbaijan · claimed by Azerbaijan").
        let figures: [String]
    }

    /// Where this page is in a long article, with links to the passages before and after.
    struct Pager {
        let first: Int
        let last: Int
        let total: Int
        let links: [HTML.Link]
    }

    static let template = """
        {{<layout}}{{$main}}
        <article class="article">
        <h1>{{heading}}</h1>
        <p class="meta">{{meta}}{{#hasMeta}} · {{/hasMeta}}{{article}}{{#url}} · {{#isLink}}<a href="{{address}}" rel="noopener noreferrer nofollow">{{address}}</a>{{/isLink}}{{^isLink}}{{address}}{{/isLink}}{{/url}}</p>
        {{#pager}}<p class="meta pager">passages #{{first}}–#{{last}} of {{total}} · {{#links}}{{lead}}<a href="{{href}}">{{text}}</a>{{/links}}</p>{{/pager}}{{#passages}}
        <section id="p{{ordinal}}" class="passage{{#marked}} marked{{/marked}}"{{#marked}} aria-current="true"{{/marked}}>
        <p class="meta">#{{ordinal}} · <span class="kind">{{kind}}</span>{{#dates}} · dates {{.}}{{/dates}}</p>
        <p class="text">{{text}}</p>
        <p class="tags">{{>chips}}</p>{{#hasFigures}}<ul class="figures">{{#figures}}<li class="figure">{{.}}</li>{{/figures}}</ul>{{/hasFigures}}
        </section>
        {{/passages}}{{#pager}}<p class="meta pager">passages #{{first}}–#{{last}} of {{total}} · {{#links}}{{lead}}<a href="{{href}}">{{text}}</a>{{/links}}</p>{{/pager}}
        </article>
        {{/main}}{{/layout}}
        """

    func page() -> Page {
        let first = view.passages[0]
        let title = first.title.isEmpty ? first.article : first.title
        let meta = [first.date, first.source].filter { !$0.isEmpty }.joined(separator: " · ")
        let passages = view.passages.map { p in
            Passage(ordinal: p.ordinal, marked: p.ordinal == view.marked, kind: p.kind,
                    dates: p.eventDates.isEmpty ? nil : p.eventDates.joined(separator: ", "), text: p.text,
                    chips: Chips.tags(p, labels: labels), hasFigures: !p.figures.isEmpty,
                    figures: p.figures.map { $0.summary(label: labels.label) })
        }
        return Page(title: title, form: Layout.Form(QueryParameters(nil)), heading: title, meta: meta, hasMeta: !meta.isEmpty,
                    article: first.article, url: first.url.isEmpty ? nil : HTML.ExternalLink(first.url), pager: pager, passages: passages)
    }

    private var pager: Pager? {
        guard view.isPartial, let shownFirst = view.passages.first?.ordinal, let shownLast = view.passages.last?.ordinal else { return nil }
        let id = view.passages[0].article.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "#", "?"])) ?? ""
        let half = ArticlePage.pageSize / 2
        var links: [(href: String, text: String)] = []
        if shownFirst > view.ordinals.lowerBound {
            links.append(("/articles/\(id)?passage=\(max(view.ordinals.lowerBound, shownFirst - half))", "earlier passages"))
        }
        if shownLast < view.ordinals.upperBound {
            links.append(("/articles/\(id)?passage=\(min(view.ordinals.upperBound, shownLast + half))", "later passages"))
        }
        return Pager(first: shownFirst, last: shownLast, total: view.total, links: HTML.links(links))
    }
}

/// A page saying what went wrong and what to do.
enum ErrorPage {
    /// What the template shows.
    struct Page {
        let title = "Error"
        let form: Layout.Form
        let code: Int
        let message: String
        let hint: String?
    }

    static let template = """
        {{<layout}}{{$main}}<div class="error" role="alert"><h1>{{code}} — {{message}}</h1>{{#hint}}<p>{{.}}</p>{{/hint}}<p><a href="/">Start again</a></p></div>{{/main}}{{/layout}}
        """

    static func render(_ error: APIError, parameters: QueryParameters) -> String {
        Templates.render(Page(form: Layout.Form(parameters), code: error.status.code, message: error.message, hint: error.hint), as: "error")
    }
}
