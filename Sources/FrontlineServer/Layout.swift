import FrontlineEngine

/// The frame of every page: head, search form, main content.
enum Layout {
    /// A whole page with `title`, the search form filled from `parameters`, and `main`.
    static func page(title: String, parameters: QueryParameters, main: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) — Frontline</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">Frontline</a>
        \(searchForm(parameters))
        </header>
        <main>
        \(main)
        </main>
        </body>
        </html>
        """
    }

    /// The search box, keeping the current filters (as hidden fields) for the next query.
    static func searchForm(_ parameters: QueryParameters) -> String {
        let kept = (Facet.filterable.map(\.rawValue) + ["from", "to", "per_article", "copies", "sort", "date_bucket"])
            .flatMap { name in parameters.values(name).map { "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape($0))\">" } }
            .joined()
        return """
        <form class="search" action="/" method="get" role="search">
        <input id="q" type="search" name="q" value="\(HTML.escape(parameters.value("q") ?? ""))" placeholder="casualties near Talish" aria-label="Search" autocomplete="off" maxlength="\(RequestDecoding.maximumQueryLength)">\(kept)
        <button type="submit">Search</button>
        <p class="hint">Words, "phrases", AND, OR, NOT, -exclude, word*, side:, claimant:, actor:, place:, source:, figure:killed, date:2016-04. Press / to search.</p>
        </form>
        """
    }
}
