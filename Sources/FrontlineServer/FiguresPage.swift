import FrontlineCorpus
import FrontlineEngine

/// `/figures?q=…&category=…&disputed=1&by=claimant|side`: the figures in the matching
/// passages (date · claimant · whose losses · category · count · subject · place ·
/// passage), the claims the parties dispute side by side, and what each party claims.
struct FiguresPage {
    let ledger: FigureLedger
    let options: RequestDecoding.FigureOptions
    let parameters: QueryParameters
    let labels: Labels

    func render() -> String {
        let query = parameters.value("q") ?? ""
        let base = parameters.setting("offset", to: []).setting("limit", to: [])
        let shown = options.disputed ? ledger.disputed.flatMap(\.figures) : ledger.figures
        let categories = ([nil] + Figure.categories).map { category -> String in
            let label = category ?? "all"
            return category == options.category ? "<strong>\(label)</strong>"
                : "<a href=\"\(HTML.href("/figures", base.setting("category", to: category.map { [$0] } ?? [])))\">\(label)</a>"
        }.joined(separator: " · ")
        let disputedLink = options.disputed
            ? "<a href=\"\(HTML.href("/figures", base.setting("disputed", to: [])))\">all figures</a>"
            : "<a href=\"\(HTML.href("/figures", base.setting("disputed", to: ["1"])))\">disputed only</a>"
        let main = """
        <p class="summary"><strong>Figures\(query.isEmpty ? "" : ": " + HTML.escape(query))</strong> —
        \(shown.count) figure\(shown.count == 1 ? "" : "s")\(options.disputed ? " in disputed claims" : "") in the matching passages ·
        \(disputedLink) · <a href="\(HTML.href("/", base.setting("category", to: []).setting("disputed", to: []).setting("by", to: [])))">back to the search</a> ·
        <a href="\(HTML.href("/api/figures", base))">JSON</a></p>
        <p class="controls">Category: \(categories)</p>
        \(disputedSection())
        \(shown.isEmpty ? "<div class=\"empty\"><p>No figure in the matching passages.</p></div>" : table(shown))
        \(options.disputed ? "" : summarySection(base))
        """
        return Layout.page(title: "Figures", parameters: base.setting("category", to: []).setting("disputed", to: []).setting("by", to: []), main: main)
    }

    private func name(_ id: String?) -> String { id.map { HTML.escape(labels.label($0)) } ?? "—" }

    private func passageLink(_ f: FigureRecord, _ text: String) -> String {
        "<a href=\"\(HTML.escape(HTML.articlePath(f.article) + "?passage=\(f.passage)#p\(f.passage)"))\">\(text)</a>"
    }

    /// "Azerbaijani losses, killed, 2016-04-01 to 2016-04-02: Azerbaijan says 12 — Nagorno-Karabakh says 200".
    private func disputedSection() -> String {
        guard !ledger.disputed.isEmpty else { return "" }
        let items = ledger.disputed.map { group -> String in
            let claims = group.claims.map { claim in
                "\(name(claim.claimant)) says " + claim.figures.map { passageLink($0, HTML.escape($0.count.phrase)) }.joined(separator: ", ")
            }.joined(separator: " — ")
            return "<li class=\"dispute\"><span class=\"what\">\(HTML.escape(group.heading(label: labels.label))):</span> \(claims)</li>"
        }.joined()
        return "<section class=\"disputed\"><h2>Disputed figures</h2><ul>\(items)</ul></section>"
    }

    private func table(_ figures: [FigureRecord]) -> String {
        let rows = figures.map { f -> String in
            let what = [f.category, f.item].compactMap { $0 }.joined(separator: " ")
            let cells = [HTML.escape(f.date), f.claimants.isEmpty ? "—" : f.claimants.map { name($0) }.joined(separator: ", "), name(f.side),
                         HTML.escape(what), HTML.escape(f.count.phrase), f.subject.map(HTML.escape) ?? "—", name(f.place),
                         passageLink(f, HTML.escape(f.text))]
            return "<tr class=\"figure\" data-category=\"\(HTML.escape(f.category))\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }.joined()
        let head = ["Date", "Claimant", "Whose losses", "Category", "Count", "Subject", "Place", "Passage"].map { "<th>\($0)</th>" }.joined()
        return "<table class=\"figures\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// What each party claims of its own losses and the other side's (or the losses per side).
    private func summarySection(_ base: QueryParameters) -> String {
        let summary = ledger.summary(by: options.by)
        guard !summary.isEmpty else { return "" }
        func totals(_ sums: [String: Int]) -> String {
            sums.isEmpty ? "—" : sums.sorted { $0.key < $1.key }.map { "\(HTML.escape($0.key)) \($0.value)" }.joined(separator: ", ")
        }
        let other: ComparisonAxis = options.by == .claimant ? .side : .claimant
        let switchLink = "<a href=\"\(HTML.href("/figures", base.setting("by", to: [other.rawValue])))\">by \(other.rawValue)</a>"
        if options.by == .claimant {
            let rows = summary.map { party in
                party.thirdParty ? "<tr><td>\(name(party.party))</td><td>not a side</td><td>of the sides' losses: \(totals(party.others))</td></tr>"
                    : "<tr><td>\(name(party.party))</td><td>\(totals(party.own))</td><td>\(totals(party.others))</td></tr>"
            }.joined()
            return "<section class=\"figure-summary\"><h2>What each party claims (\(switchLink))</h2><table class=\"figures\"><thead><tr><th>Claimant</th><th>Its own losses</th><th>The other side's</th></tr></thead><tbody>\(rows)</tbody></table></section>"
        }
        let rows = summary.map { "<tr><td>\(name($0.party))</td><td>\(totals($0.own))</td></tr>" }.joined()
        return "<section class=\"figure-summary\"><h2>Losses by side, as claimed (\(switchLink))</h2><table class=\"figures\"><thead><tr><th>Side</th><th>Losses</th></tr></thead><tbody>\(rows)</tbody></table></section>"
    }
}
