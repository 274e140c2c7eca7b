import FrontlineEngine

/// The search page: `/?q=…&side=…`, every state in the URL.
struct SearchPage {
    let result: SearchResult
    let request: SearchRequest
    let parameters: QueryParameters
    let labels: Labels

    func render() -> String {
        Templates.render(view(), as: "search")
    }

    /// What the template shows.
    struct View {
        let title: String
        let form: Layout.Form
        let correction: Correction?
        let notices: [String]
        let hasFilters: Bool
        let filters: [FilterChip]
        let matches: String
        let shown: String
        let sorts: [HTML.Choice]
        let grouping: HTML.Link
        /// Back to one hit per story, while every copy is shown.
        let folding: HTML.Link?
        let compareHref, figuresHref, csvHref, jsonlHref, jsonHref: String
        let hasHits: Bool
        let start: Int
        let hits: [HitView]
        let empty: Empty?
        let pages: Pages?
        let histogram: DateHistogram.View?
        let facets: [FacetGroup]
    }

    /// A spelling correction: offered, or used when the query as typed matched nothing.
    struct Correction {
        let used: Bool
        let query: String
        let href: String
        let text: String
    }

    /// An active filter, a link removing it.
    struct FilterChip {
        let lead: String
        let href: String
        let label: String
        let titled: Bool
    }

    /// One hit.
    struct HitView {
        let link: String
        let title: String
        let meta: String
        let hasMeta: Bool
        let kind: String
        let ordinal: Int
        let snippet: [HTML.SnippetPiece]
        let chips: [Chips.Chip]
        let more: Int?
        let copies: CopiesNote?
    }

    /// "+N copies in other outlets", a link to every copy while they are folded.
    struct CopiesNote {
        let text: String
        let linked: Bool
        let href: String
    }

    /// What shows when nothing matched: examples on a first visit, advice otherwise.
    struct Empty {
        let first: Bool
        let examples: [HTML.Link]
    }

    /// Links to the pages before and after.
    struct Pages {
        let previous: String?
        let next: String?
        let both: Bool
    }

    static let template = """
        {{<layout}}{{$main}}
        <div class="layout">
        <section class="results" aria-label="Results">
        {{#correction}}{{#used}}<p class="notice">No passages match “{{query}}”; showing results for <a class="correction" href="{{href}}">{{text}}</a>.</p>{{/used}}{{^used}}<p class="notice">Did you mean <a class="correction" href="{{href}}">{{text}}</a>?</p>{{/used}}{{/correction}}{{#notices}}<p class="notice">{{.}}</p>{{/notices}}
        {{#hasFilters}}<p class="filters">{{#filters}}{{lead}}<a class="chip active" href="{{href}}"{{#titled}} title="Remove this filter"{{/titled}}>{{label}} <span aria-hidden="true">×</span></a>{{/filters}}</p>{{/hasFilters}}
        <p class="summary"><strong>{{matches}}</strong>{{shown}}</p>
        <p class="controls">Sort: {{#sorts}}{{lead}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}}{{/sorts}} · {{#grouping}}<a href="{{href}}">{{text}}</a>{{/grouping}}{{#folding}} · <a href="{{href}}">{{text}}</a>{{/folding}} · <a href="{{compareHref}}">compare parties</a> ·
        <a href="{{figuresHref}}">figures</a> ·
        export <a href="{{csvHref}}">CSV</a>
        <a href="{{jsonlHref}}">JSON Lines</a> ·
        <a href="{{jsonHref}}">JSON</a></p>
        {{#hasHits}}<ol class="hits" start="{{start}}">{{#hits}}
        <li class="hit">
        <h2><a href="{{link}}">{{title}}</a></h2>
        <p class="meta">{{meta}}{{#hasMeta}} · {{/hasMeta}}<span class="kind">{{kind}}</span> · #{{ordinal}}</p>
        <p class="snippet">{{>snippet}}</p>
        <p class="tags">{{>chips}}{{#more}} <span class="more">+{{.}} more in this article</span>{{/more}}{{#copies}} {{#linked}}<a class="more copies" href="{{href}}">{{text}}</a>{{/linked}}{{^linked}}<span class="more copies">{{text}}</span>{{/linked}}{{/copies}}</p>
        </li>
        {{/hits}}</ol>{{/hasHits}}
        {{#empty}}<div class="empty"><p>{{#first}}Search the passages of the indexed articles. Try {{#examples}}{{lead}}<a href="{{href}}">{{text}}</a>{{/examples}}.{{/first}}{{^first}}No passages match. Try fewer words, fewer filters, or another spelling.{{/first}}</p></div>{{/empty}}
        {{#pages}}<nav class="pages">{{#previous}}<a rel="prev" href="{{.}}">← previous</a>{{/previous}}{{#both}} {{/both}}{{#next}}<a rel="next" href="{{.}}">next →</a>{{/next}}</nav>{{/pages}}
        </section>
        <aside class="facets" aria-label="Facets">
        {{#histogram}}{{>histogram}}{{/histogram}}
        {{#facets}}<section class="facet-group"><h3>{{name}}</h3><ul>{{#items}}<li><a class="facet{{#active}} active{{/active}}" href="{{href}}" data-facet="{{facet}}" data-value="{{value}}"><span class="label">{{label}}</span> <span class="count">{{count}}</span></a></li>{{/items}}</ul></section>{{/facets}}
        </aside>
        </div>
        {{/main}}{{/layout}}
        """

    func view() -> View {
        let base = parameters.setting("offset", to: [])
        let exportParameters = parameters.setting("offset", to: []).setting("limit", to: [])
        let sorts = [("relevance", "relevance"), ("date", "oldest first"), ("-date", "newest first")].enumerated().map { index, sort in
            HTML.Choice(lead: index == 0 ? "" : " · ", href: HTML.href("/", base.setting("sort", to: sort.0 == "relevance" ? [] : [sort.0])),
                        label: sort.1, current: request.sort.rawValue == sort.0)
        }
        let grouping = request.perArticle
            ? HTML.Link(lead: "", href: HTML.href("/", base.setting("per_article", to: [])), text: "all passages")
            : HTML.Link(lead: "", href: HTML.href("/", base.setting("per_article", to: ["1"])), text: "best passage per article")
        let filters = activeFilters()
        return View(
            title: request.query.isEmpty ? "Search" : request.query,
            form: Layout.Form(parameters),
            correction: result.corrected.map {
                Correction(used: result.usedCorrection, query: request.query,
                           href: HTML.href("/", parameters.setting("q", to: [$0]).setting("offset", to: [])), text: $0)
            },
            notices: result.notices,
            hasFilters: !filters.isEmpty, filters: filters,
            matches: "\(result.total) passage\(result.total == 1 ? "" : "s") match\(result.total == 1 ? "es" : "")"
                + (result.articles.map { " in \($0) article\($0 == 1 ? "" : "s")" } ?? ""),
            shown: result.hits.isEmpty ? "" : " (showing \(request.offset + 1)–\(request.offset + result.hits.count))",
            sorts: sorts, grouping: grouping,
            folding: request.copies == .all ? HTML.Link(lead: "", href: HTML.href("/", base.setting("copies", to: [])), text: "one hit per story") : nil,
            compareHref: HTML.href("/compare", exportParameters), figuresHref: HTML.href("/figures", exportParameters),
            csvHref: HTML.href("/api/export", exportParameters.setting("format", to: ["csv"])),
            jsonlHref: HTML.href("/api/export", exportParameters.setting("format", to: ["jsonl"])),
            jsonHref: HTML.href("/api/search", parameters),
            hasHits: !result.hits.isEmpty, start: request.offset + 1, hits: result.hits.map(hit),
            empty: result.hits.isEmpty ? emptyState() : nil,
            pages: pagination(),
            histogram: DateHistogram(counts: result.counts(of: .date), parameters: parameters).view(),
            facets: facetGroups()
        )
    }

    private func activeFilters() -> [FilterChip] {
        var chips: [(href: String, label: String, titled: Bool)] = []
        for facet in Facet.filterable {
            for value in parameters.values(facet.rawValue) {
                let label = facet.isTag ? labels.label(labels.resolve(value, in: facet) ?? value) : value
                chips.append((HTML.href("/", parameters.removing(facet.rawValue, value).setting("offset", to: [])), "\(facet.rawValue): \(label)", true))
            }
        }
        for name in ["from", "to"] {
            for value in parameters.values(name) {
                chips.append((HTML.href("/", parameters.setting(name, to: []).setting("offset", to: [])), "\(name) \(value)", false))
            }
        }
        return chips.enumerated().map { FilterChip(lead: $0.offset == 0 ? "" : " ", href: $0.element.href, label: $0.element.label, titled: $0.element.titled) }
    }

    private func hit(_ hit: Hit) -> HitView {
        let p = hit.passage
        let meta = [p.date, p.source].filter { !$0.isEmpty }.joined(separator: " · ")
        return HitView(link: HTML.passagePath(p.article, p.ordinal), title: p.title.isEmpty ? p.article : p.title,
                       meta: meta, hasMeta: !meta.isEmpty, kind: p.kind, ordinal: p.ordinal,
                       snippet: HTML.snippet(hit.snippet), chips: Chips.tags(p, labels: labels),
                       more: hit.otherPassages > 0 ? hit.otherPassages : nil,
                       // Folded copies are one click away: the same search with every copy.
                       copies: hit.copiesNote.map { CopiesNote(text: $0, linked: request.copies == .collapsed,
                                                              href: HTML.href("/", parameters.setting("copies", to: ["all"]))) })
    }

    private func emptyState() -> Empty {
        guard request.query.isEmpty && request.filters.values.allSatisfy(\.isEmpty) && request.dates == nil else {
            return Empty(first: false, examples: [])
        }
        let examples = ["casualties near Talish", "ceasefire", "claimant:Kremlin ceasefire", "Azeri helicopter", "drones"]
        return Empty(first: true, examples: HTML.links(examples.map { (HTML.href("/", QueryParameters(nil).setting("q", to: [$0])), $0) }))
    }

    private func pagination() -> Pages? {
        guard result.total > request.limit, request.limit > 0 else { return nil }
        let previous = request.offset > 0
            ? HTML.href("/", parameters.setting("offset", to: [String(max(0, request.offset - request.limit))])) : nil
        let next = request.offset + request.limit < result.total
            ? HTML.href("/", parameters.setting("offset", to: [String(request.offset + request.limit)])) : nil
        return Pages(previous: previous, next: next, both: previous != nil && next != nil)
    }

    /// A facet's values, each a link adding it as a filter (or removing it if active).
    struct FacetGroup {
        struct Item {
            let facet: String
            let value: String
            let label: String
            let count: Int
            let href: String
            let active: Bool
        }

        let name: String
        let items: [Item]
    }

    /// Side first, then claimant, actor, place, source: each value a link adding it as a filter.
    private func facetGroups() -> [FacetGroup] {
        Facet.filterable.compactMap { facet -> FacetGroup? in
            let counts = result.counts(of: facet)
            guard !counts.isEmpty else { return nil }
            let active = Set(parameters.values(facet.rawValue))
            let items = counts.prefix(12).map { count -> FacetGroup.Item in
                let isActive = active.contains(count.value) || active.contains(count.label)
                let href = HTML.href("/", (isActive ? parameters.removing(facet.rawValue, count.value) : parameters.adding(facet.rawValue, count.value)).setting("offset", to: []))
                return FacetGroup.Item(facet: facet.rawValue, value: count.value, label: count.label, count: count.count, href: href, active: isActive)
            }
            return FacetGroup(name: facet.rawValue, items: items)
        }
    }
}

/// The tag chips of a passage: one per id of each tag facet, in declaration order, each
/// labelled with its facet.
enum Chips {
    /// One chip: its facet (`side`…), its label, and its separator from the one before.
    struct Chip {
        let lead: String
        let kind: String
        let label: String
    }

    static func tags(_ p: StoredPassage, labels: Labels) -> [Chip] {
        let chips = Facet.tags.flatMap { facet in p[facet].map { ("\(facet)", labels.label($0)) } }
        return chips.enumerated().map { Chip(lead: $0.offset == 0 ? "" : " ", kind: $0.element.0, label: $0.element.1) }
    }
}
