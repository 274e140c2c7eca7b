import Mustache

/// The pages' Mustache templates, compiled in and registered once. `{{name}}` inserts a
/// value with `& < > " '` escaped, in text and in quoted attributes alike, and no template
/// uses a form that does not escape (`{{{…}}}`, `{{&…}}`) or changes the content type
/// (`{{%…}}`) — `PageTests` checks — so no text from an article or a request becomes
/// markup: what is markup is in the templates. The views filling them hold stored
/// properties only (what a template can see), and every value they hold is plain text.
enum Templates {
    /// Every template by name: each page's, the layout its pages extend
    /// (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`), and the pieces pages share.
    static let sources: [String: String] = [
        "layout": Layout.template,
        "search": SearchPage.template,
        "article": ArticlePage.template,
        "compare": ComparePage.template,
        "figures": FiguresPage.template,
        "error": ErrorPage.template,
        "histogram": DateHistogram.template,
        // A snippet's runs (`HTML.snippet`), the matched ones marked after escaping.
        "snippet": "{{#snippet}}{{#marked}}<mark>{{text}}</mark>{{/marked}}{{^marked}}{{text}}{{/marked}}{{/snippet}}",
        // A passage's tag chips (`Chips.tags`).
        "chips": #"{{#chips}}{{lead}}<span class="chip {{kind}}"><span class="chip-kind">{{kind}}</span> {{label}}</span>{{/chips}}"#,
    ]

    /// The registered templates. They are part of the program, not input: one that does
    /// not parse is a defect that `PageTests` reports, so it stops the server at its first page.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, source) in sources {
            do {
                try library.register(source, named: name)
            } catch {
                preconditionFailure("the page template \(name) does not parse: \(error)")
            }
        }
        return library
    }()

    /// The template `name` filled from `view`.
    static func render(_ view: Any, as name: String) -> String {
        library.render(view, withTemplate: name) ?? ""
    }
}
