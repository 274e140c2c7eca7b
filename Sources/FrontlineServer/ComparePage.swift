import FrontlineEngine

/// `/compare?q=…&by=claimant|side`: a column per party with its best passages.
struct ComparePage {
    let comparison: Comparison
    let parameters: QueryParameters
    let labels: Labels

    func render() -> String {
        let heading = comparison.by == .claimant ? "What each party claims" : "What is said about each side"
        let other: ComparisonAxis = comparison.by == .claimant ? .side : .claimant
        let switchLink = "<a href=\"\(HTML.href("/compare", parameters.setting("by", to: [other.rawValue])))\">by \(other.rawValue)</a>"
        let columns = comparison.groups.map { group -> String in
            let hits = group.hits.isEmpty ? "<p class=\"nothing\">nothing</p>" : group.hits.map { hit -> String in
                let p = hit.passage
                let link = HTML.escape(HTML.articlePath(p.article) + "?passage=\(p.ordinal)#p\(p.ordinal)")
                let meta = [p.date, p.source, p.title].filter { !$0.isEmpty }.map(HTML.escape).joined(separator: " · ")
                return "<article class=\"claim\"><p class=\"meta\"><a href=\"\(link)\">\(meta.isEmpty ? HTML.escape(p.article) : meta)</a></p><p class=\"snippet\">\(HTML.snippet(hit.snippet))</p></article>"
            }.joined()
            return "<section class=\"column\" data-party=\"\(HTML.escape(group.value))\"><h2>\(HTML.escape(group.label)) <span class=\"count\">\(group.count)</span></h2>\(hits)</section>"
        }.joined()
        let notices = comparison.notices.map { "<p class=\"notice\">\(HTML.escape($0))</p>" }.joined()
        let main = """
        <p class="summary"><strong>\(heading): \(HTML.escape(comparison.query))</strong> — \(comparison.total) matching passage\(comparison.total == 1 ? "" : "s") ·
        \(switchLink) · <a href="\(HTML.href("/", parameters.setting("by", to: [])))">back to the search</a> ·
        <a href="\(HTML.href("/api/compare", parameters))">JSON</a></p>
        \(notices)
        \(comparison.groups.isEmpty ? "<div class=\"empty\"><p>No passage reports a claim by any party; try comparing by side.</p></div>" : "<div class=\"columns\">\(columns)</div>")
        """
        return Layout.page(title: heading, parameters: parameters.setting("by", to: []), main: main)
    }
}
