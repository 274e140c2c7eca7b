import FrontlineEngine

/// The search page: `/?q=…&side=…`, every state in the URL.
struct SearchPage {
    let result: SearchResult
    let request: SearchRequest
    let parameters: QueryParameters
    let labels: Labels

    func render() -> String {
        let title = request.query.isEmpty ? "Search" : request.query
        let main = """
        <div class="layout">
        <section class="results" aria-label="Results">
        \(messages())
        \(activeFilters())
        \(summary())
        \(result.hits.isEmpty ? emptyState() : "<ol class=\"hits\" start=\"\(request.offset + 1)\">" + result.hits.map(hit).joined() + "</ol>")
        \(pagination())
        </section>
        <aside class="facets" aria-label="Facets">
        \(DateHistogram(counts: result.counts(of: .date), parameters: parameters).render())
        \(facets())
        </aside>
        </div>
        """
        return Layout.page(title: title, parameters: parameters, main: main)
    }

    private func messages() -> String {
        var out = ""
        if let corrected = result.corrected {
            let link = "<a class=\"correction\" href=\"\(HTML.href("/", parameters.setting("q", to: [corrected]).setting("offset", to: [])))\">\(HTML.escape(corrected))</a>"
            out += result.usedCorrection
                ? "<p class=\"notice\">No passages match “\(HTML.escape(request.query))”; showing results for \(link).</p>"
                : "<p class=\"notice\">Did you mean \(link)?</p>"
        }
        for notice in result.notices { out += "<p class=\"notice\">\(HTML.escape(notice))</p>" }
        return out
    }

    private func activeFilters() -> String {
        var chips: [String] = []
        for facet in Facet.filterable {
            for value in parameters.values(facet.rawValue) {
                let label = facet.isTag ? labels.label(labels.resolve(value, in: facet) ?? value) : value
                let href = HTML.href("/", parameters.removing(facet.rawValue, value).setting("offset", to: []))
                chips.append("<a class=\"chip active\" href=\"\(href)\" title=\"Remove this filter\">\(facet.rawValue): \(HTML.escape(label)) <span aria-hidden=\"true\">×</span></a>")
            }
        }
        for name in ["from", "to"] {
            for value in parameters.values(name) {
                chips.append("<a class=\"chip active\" href=\"\(HTML.href("/", parameters.setting(name, to: []).setting("offset", to: [])))\">\(name) \(HTML.escape(value)) <span aria-hidden=\"true\">×</span></a>")
            }
        }
        return chips.isEmpty ? "" : "<p class=\"filters\">" + chips.joined(separator: " ") + "</p>"
    }

    private func summary() -> String {
        let shown = result.hits.isEmpty ? "" : " (showing \(request.offset + 1)–\(request.offset + result.hits.count))"
        let articles = result.articles.map { " in \($0) article\($0 == 1 ? "" : "s")" } ?? ""
        let base = parameters.setting("offset", to: [])
        let sorts = [("relevance", "relevance"), ("date", "oldest first"), ("-date", "newest first")].map { value, label in
            request.sort.rawValue == value ? "<strong>\(label)</strong>" : "<a href=\"\(HTML.href("/", base.setting("sort", to: value == "relevance" ? [] : [value])))\">\(label)</a>"
        }.joined(separator: " · ")
        let grouping = request.perArticle
            ? "<a href=\"\(HTML.href("/", base.setting("per_article", to: [])))\">all passages</a>"
            : "<a href=\"\(HTML.href("/", base.setting("per_article", to: ["1"])))\">best passage per article</a>"
        let folding = request.copies == .all ? " · <a href=\"\(HTML.href("/", base.setting("copies", to: [])))\">one hit per story</a>" : ""
        let exportParameters = parameters.setting("offset", to: []).setting("limit", to: [])
        return """
        <p class="summary"><strong>\(result.total) passage\(result.total == 1 ? "" : "s") match\(result.total == 1 ? "es" : "")\(articles)</strong>\(shown)</p>
        <p class="controls">Sort: \(sorts) · \(grouping)\(folding) · <a href="\(HTML.href("/compare", exportParameters))">compare parties</a> ·
        <a href="\(HTML.href("/figures", exportParameters))">figures</a> ·
        export <a href="\(HTML.href("/api/export", exportParameters.setting("format", to: ["csv"])))">CSV</a>
        <a href="\(HTML.href("/api/export", exportParameters.setting("format", to: ["jsonl"])))">JSON Lines</a> ·
        <a href="\(HTML.href("/api/search", parameters))">JSON</a></p>
        """
    }

    private func hit(_ hit: Hit) -> String {
        let p = hit.passage
        let title = p.title.isEmpty ? p.article : p.title
        let link = HTML.escape(HTML.articlePath(p.article) + "?passage=\(p.ordinal)#p\(p.ordinal)")
        let meta = [p.date, p.source].filter { !$0.isEmpty }.map(HTML.escape).joined(separator: " · ")
        var chips = Chips.tags(p, labels: labels)
        if hit.otherPassages > 0 { chips += " <span class=\"more\">+\(hit.otherPassages) more in this article</span>" }
        if let note = hit.copiesNote {
            // Folded copies are one click away: the same search with every copy.
            chips += request.copies == .collapsed
                ? " <a class=\"more copies\" href=\"\(HTML.href("/", parameters.setting("copies", to: ["all"])))\">\(HTML.escape(note))</a>"
                : " <span class=\"more copies\">\(HTML.escape(note))</span>"
        }
        return """
        <li class="hit">
        <h2><a href="\(link)">\(HTML.escape(title))</a></h2>
        <p class="meta">\(meta)\(meta.isEmpty ? "" : " · ")<span class="kind">\(HTML.escape(p.kind))</span> · #\(p.ordinal)</p>
        <p class="snippet">\(HTML.snippet(hit.snippet))</p>
        <p class="tags">\(chips)</p>
        </li>
        """
    }

    private func emptyState() -> String {
        if request.query.isEmpty && request.filters.values.allSatisfy(\.isEmpty) && request.dates == nil {
            let examples = ["casualties near Talish", "ceasefire", "claimant:Kremlin ceasefire", "Azeri helicopter", "drones"]
                .map { "<a href=\"\(HTML.href("/", QueryParameters(nil).setting("q", to: [$0])))\">\(HTML.escape($0))</a>" }.joined(separator: " · ")
            return "<div class=\"empty\"><p>Search the passages of the indexed articles. Try \(examples).</p></div>"
        }
        return "<div class=\"empty\"><p>No passages match. Try fewer words, fewer filters, or another spelling.</p></div>"
    }

    private func pagination() -> String {
        guard result.total > request.limit, request.limit > 0 else { return "" }
        var links: [String] = []
        if request.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(HTML.href("/", parameters.setting("offset", to: [String(max(0, request.offset - request.limit))])))\">← previous</a>")
        }
        if request.offset + request.limit < result.total {
            links.append("<a rel=\"next\" href=\"\(HTML.href("/", parameters.setting("offset", to: [String(request.offset + request.limit)])))\">next →</a>")
        }
        return "<nav class=\"pages\">" + links.joined(separator: " ") + "</nav>"
    }

    /// Side first, then claimant, actor, place, source: each value a link adding it as a filter.
    private func facets() -> String {
        Facet.filterable.map { facet -> String in
            let counts = result.counts(of: facet)
            guard !counts.isEmpty else { return "" }
            let active = Set(parameters.values(facet.rawValue))
            let items = counts.prefix(12).map { count -> String in
                let isActive = active.contains(count.value) || active.contains(count.label)
                let href = HTML.href("/", (isActive ? parameters.removing(facet.rawValue, count.value) : parameters.adding(facet.rawValue, count.value)).setting("offset", to: []))
                return "<li><a class=\"facet\(isActive ? " active" : "")\" href=\"\(href)\" data-facet=\"\(facet.rawValue)\" data-value=\"\(HTML.escape(count.value))\"><span class=\"label\">\(HTML.escape(count.label))</span> <span class=\"count\">\(count.count)</span></a></li>"
            }.joined()
            return "<section class=\"facet-group\"><h3>\(facet.rawValue)</h3><ul>\(items)</ul></section>"
        }.joined()
    }
}

/// The tag chips of a passage: sides, claimants, actors, places, each labelled with its kind.
enum Chips {
    static func tags(_ p: StoredPassage, labels: Labels) -> String {
        [("side", p.sides), ("claimant", p.claimants), ("actor", p.actors), ("place", p.places)].flatMap { kind, ids in
            ids.map { "<span class=\"chip \(kind)\"><span class=\"chip-kind\">\(kind)</span> \(HTML.escape(labels.label($0)))</span>" }
        }.joined(separator: " ")
    }
}
