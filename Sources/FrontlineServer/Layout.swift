import FrontlineEngine

/// The frame of every page (the `layout` template): head, search form, main content. A
/// page's view holds `title` and `form`, which the layout shows.
enum Layout {
    /// The search box, keeping the current filters (as hidden fields) for the next query.
    struct Form {
        /// A filter kept for the next query.
        struct Field {
            let name: String
            let value: String
        }

        let query: String
        let kept: [Field]
        let maxLength = RequestDecoding.maximumQueryLength

        /// The form filled from `parameters`.
        init(_ parameters: QueryParameters) {
            query = parameters.value("q") ?? ""
            kept = (Facet.filterable.map(\.rawValue) + ["from", "to", "per_article", "copies", "sort", "date_bucket"])
                .flatMap { name in parameters.values(name).map { Field(name: name, value: $0) } }
        }
    }

    static let template = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — Frontline</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">Frontline</a>
        {{#form}}
        <form class="search" action="/" method="get" role="search">
        <input id="q" type="search" name="q" value="{{query}}" placeholder="casualties near Talish" aria-label="Search" autocomplete="off" maxlength="{{maxLength}}">{{#kept}}<input type="hidden" name="{{name}}" value="{{value}}">{{/kept}}
        <button type="submit">Search</button>
        <p class="hint">Words, "phrases", AND, OR, NOT, -exclude, word*, side:, claimant:, actor:, place:, source:, figure:killed, date:2016-04. Press / to search.</p>
        </form>
        {{/form}}
        </header>
        <main>
        {{$main}}{{/main}}
        </main>
        </body>
        </html>
        """
}
