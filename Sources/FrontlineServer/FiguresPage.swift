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
        Templates.render(page(), as: "figures")
    }

    /// What the template shows.
    struct Page {
        let title = "Figures"
        let form: Layout.Form
        let query: String?
        let counted: String
        let disputedToggle: HTML.Link
        let backHref: String
        let jsonHref: String
        let categories: [HTML.Choice]
        let hasDisputes: Bool
        let disputes: [Dispute]
        let hasFigures: Bool
        let columns = ["Date", "Claimant", "Whose losses", "Category", "Count", "Subject", "Place", "Passage"]
        let rows: [Row]
        let summary: Summary?
    }

    /// A figure on a line of the dispute it is in, a link to its passage.
    struct FigureLink {
        let lead: String
        let link: String
        let text: String
    }

    /// "Azerbaijani losses, killed, 2016-04-01 to 2016-04-02: Azerbaijan says 12 — Nagorno-Karabakh says 200".
    struct Dispute {
        struct Claim {
            let lead: String
            let claimant: String
            let figures: [FigureLink]
        }

        let heading: String
        let claims: [Claim]
    }

    /// A figure in the table.
    struct Row {
        let category, date, claimants, side, what, count, subject, place, link, text: String
    }

    /// What each party claims of its own losses and the other side's (or the losses per side).
    struct Summary {
        let heading: String
        let switchHref: String
        let other: String
        /// A row of the summary's table.
        struct Line {
            let cells: [String]
        }

        let columns: [String]
        let rows: [Line]
    }

    static let template = """
        {{<layout}}{{$main}}
        <p class="summary"><strong>Figures{{#query}}: {{.}}{{/query}}</strong> —
        {{counted}} in the matching passages ·
        {{#disputedToggle}}<a href="{{href}}">{{text}}</a>{{/disputedToggle}} · <a href="{{backHref}}">back to the search</a> ·
        <a href="{{jsonHref}}">JSON</a></p>
        <p class="controls">Category: {{#categories}}{{lead}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}}{{/categories}}</p>
        {{#hasDisputes}}<section class="disputed"><h2>Disputed figures</h2><ul>{{#disputes}}<li class="dispute"><span class="what">{{heading}}:</span> {{#claims}}{{lead}}{{claimant}} says {{#figures}}{{lead}}<a href="{{link}}">{{text}}</a>{{/figures}}{{/claims}}</li>{{/disputes}}</ul></section>{{/hasDisputes}}
        {{#hasFigures}}<table class="figures"><thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead><tbody>{{#rows}}<tr class="figure" data-category="{{category}}"><td>{{date}}</td><td>{{claimants}}</td><td>{{side}}</td><td>{{what}}</td><td>{{count}}</td><td>{{subject}}</td><td>{{place}}</td><td><a href="{{link}}">{{text}}</a></td></tr>{{/rows}}</tbody></table>{{/hasFigures}}{{^hasFigures}}<div class="empty"><p>No figure in the matching passages.</p></div>{{/hasFigures}}
        {{#summary}}<section class="figure-summary"><h2>{{heading}} (<a href="{{switchHref}}">by {{other}}</a>)</h2><table class="figures"><thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead><tbody>{{#rows}}<tr>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</tbody></table></section>{{/summary}}
        {{/main}}{{/layout}}
        """

    func page() -> Page {
        let query = parameters.value("q") ?? ""
        let base = parameters.setting("offset", to: []).setting("limit", to: [])
        let shown = (options.disputed ? ledger.disputedOnly : ledger).figures
        let categories = ([nil] + FigureCategory.allCases).enumerated().map { index, category in
            HTML.Choice(lead: index == 0 ? "" : " · ", href: HTML.href("/figures", base.setting("category", to: category.map { [$0.rawValue] } ?? [])),
                        label: category?.rawValue ?? "all", current: category == options.category)
        }
        let toggle = options.disputed
            ? HTML.Link(lead: "", href: HTML.href("/figures", base.setting("disputed", to: [])), text: "all figures")
            : HTML.Link(lead: "", href: HTML.href("/figures", base.setting("disputed", to: ["1"])), text: "disputed only")
        let plain = base.setting("category", to: []).setting("disputed", to: []).setting("by", to: [])
        return Page(form: Layout.Form(plain), query: query.isEmpty ? nil : query,
                    counted: "\(shown.count) figure\(shown.count == 1 ? "" : "s")\(options.disputed ? " in disputed claims" : "")",
                    disputedToggle: toggle, backHref: HTML.href("/", plain), jsonHref: HTML.href("/api/figures", base),
                    categories: categories, hasDisputes: !ledger.disputed.isEmpty, disputes: disputes(), hasFigures: !shown.isEmpty,
                    rows: shown.map(row), summary: options.disputed ? nil : summary(base))
    }

    private func name(_ id: String?) -> String { id.map(labels.label) ?? "—" }

    private func disputes() -> [Dispute] {
        ledger.disputed.map { group in
            Dispute(heading: group.heading(label: labels.label), claims: group.claims.enumerated().map { index, claim in
                Dispute.Claim(lead: index == 0 ? "" : " — ", claimant: name(claim.claimant), figures: claim.figures.enumerated().map {
                    FigureLink(lead: $0.offset == 0 ? "" : ", ", link: HTML.passagePath($0.element.article, $0.element.passage), text: $0.element.count.phrase)
                })
            })
        }
    }

    private func row(_ f: FigureRecord) -> Row {
        Row(category: f.category, date: f.date, claimants: f.claimants.isEmpty ? "—" : f.claimants.map { name($0) }.joined(separator: ", "),
            side: name(f.side), what: [f.category, f.item].compactMap { $0 }.joined(separator: " "), count: f.count.phrase,
            subject: f.subject ?? "—", place: name(f.place), link: HTML.passagePath(f.article, f.passage), text: f.text)
    }

    private func summary(_ base: QueryParameters) -> Summary? {
        let summary = ledger.summary(by: options.by)
        guard !summary.isEmpty else { return nil }
        func totals(_ sums: [String: Int]) -> String {
            sums.isEmpty ? "—" : sums.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        let other: ComparisonAxis = options.by == .claimant ? .side : .claimant
        let switchHref = HTML.href("/figures", base.setting("by", to: [other.rawValue]))
        if options.by == .claimant {
            return Summary(heading: "What each party claims", switchHref: switchHref, other: other.rawValue,
                           columns: ["Claimant", "Its own losses", "The other side's"],
                           rows: summary.map { party in
                               Summary.Line(cells: party.thirdParty ? [name(party.party), "not a side", "of the sides' losses: " + totals(party.others)]
                                                                    : [name(party.party), totals(party.own), totals(party.others)])
                           })
        }
        return Summary(heading: "Losses by side, as claimed", switchHref: switchHref, other: other.rawValue,
                       columns: ["Side", "Losses"], rows: summary.map { Summary.Line(cells: [name($0.party), totals($0.own)]) })
    }
}
