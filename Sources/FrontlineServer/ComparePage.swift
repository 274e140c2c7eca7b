import FrontlineEngine

/// `/compare?q=…&by=claimant|side`: a column per party with its best passages.
struct ComparePage {
    let comparison: Comparison
    let parameters: QueryParameters
    let labels: Labels

    func render() -> String {
        Templates.render(page(), as: "compare")
    }

    /// What the template shows.
    struct Page {
        let title: String
        let form: Layout.Form
        let heading: String
        let query: String
        let matching: String
        let switchHref: String
        let other: String
        let backHref: String
        let jsonHref: String
        let notices: [String]
        let hasGroups: Bool
        let groups: [Column]
    }

    /// A party's column: its best passages.
    struct Column {
        let value: String
        let label: String
        let count: Int
        let claims: [Claim]
    }

    /// A passage in a column.
    struct Claim {
        let link: String
        let meta: String
        let snippet: [HTML.SnippetPiece]
    }

    static let template = """
        {{<layout}}{{$main}}
        <p class="summary"><strong>{{heading}}: {{query}}</strong> — {{matching}} ·
        <a href="{{switchHref}}">by {{other}}</a> · <a href="{{backHref}}">back to the search</a> ·
        <a href="{{jsonHref}}">JSON</a></p>
        {{#notices}}<p class="notice">{{.}}</p>{{/notices}}
        {{#hasGroups}}<div class="columns">{{#groups}}<section class="column" data-party="{{value}}"><h2>{{label}} <span class="count">{{count}}</span></h2>{{#claims}}<article class="claim"><p class="meta"><a href="{{link}}">{{meta}}</a></p><p class="snippet">{{>snippet}}</p></article>{{/claims}}{{^claims}}<p class="nothing">nothing</p>{{/claims}}</section>{{/groups}}</div>{{/hasGroups}}{{^hasGroups}}<div class="empty"><p>No passage reports a claim by any party; try comparing by side.</p></div>{{/hasGroups}}
        {{/main}}{{/layout}}
        """

    func page() -> Page {
        let heading = comparison.by == .claimant ? "What each party claims" : "What is said about each side"
        let other: ComparisonAxis = comparison.by == .claimant ? .side : .claimant
        let groups = comparison.groups.map { group in
            Column(value: group.value, label: group.label, count: group.count, claims: group.hits.map { hit in
                let p = hit.passage
                let meta = [p.date, p.source, p.title].filter { !$0.isEmpty }.joined(separator: " · ")
                return Claim(link: HTML.passagePath(p.article, p.ordinal), meta: meta.isEmpty ? p.article : meta, snippet: HTML.snippet(hit.snippet))
            })
        }
        return Page(title: heading, form: Layout.Form(parameters.setting("by", to: [])), heading: heading, query: comparison.query,
                    matching: "\(comparison.total) matching passage\(comparison.total == 1 ? "" : "s")",
                    switchHref: HTML.href("/compare", parameters.setting("by", to: [other.rawValue])), other: other.rawValue,
                    backHref: HTML.href("/", parameters.setting("by", to: [])), jsonHref: HTML.href("/api/compare", parameters),
                    notices: comparison.notices, hasGroups: !groups.isEmpty, groups: groups)
    }
}
