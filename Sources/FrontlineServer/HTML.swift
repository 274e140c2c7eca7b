/// What the pages need of HTML beyond their templates (`Templates`): the highlight markers
/// and links. Nothing here writes markup: a template inserts every value escaped, so
/// article text (`<script>`, `"><img onerror=…>`, `**`) can never become markup.
enum HTML {
    /// Markers put around matched words in snippets for pages: control characters, which
    /// indexed text never contains (they are removed at ingest).
    static let highlight = ("\u{1}", "\u{2}")

    /// A run of a snippet's text, matched (shown in `<mark>`) or not.
    struct SnippetPiece {
        let text: String
        let marked: Bool
    }

    /// A snippet made with `highlight` markers as its runs: the template escapes each run,
    /// then puts the matched ones in `<mark>`, so a match is marked after its text is escaped.
    static func snippet(_ text: String) -> [SnippetPiece] {
        var pieces: [SnippetPiece] = []
        var marked = false
        for piece in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\u{1}" || $0 == "\u{2}" }).enumerated() {
            if piece.offset > 0 { marked.toggle() }
            if !piece.element.isEmpty { pieces.append(SnippetPiece(text: String(piece.element), marked: marked)) }
        }
        return pieces
    }

    /// The URL of `path` with `parameters` (a template escapes it for its attribute).
    static func href(_ path: String, _ parameters: QueryParameters) -> String {
        let query = parameters.encoded
        return query.isEmpty ? path : path + "?" + query
    }

    /// An article's own address: a link only for `http` and `https` URLs; anything else
    /// (`javascript:…`) is shown as text.
    struct ExternalLink {
        let address: String
        let isLink: Bool

        init(_ url: String) {
            let lower = url.lowercased()
            address = url
            isLink = lower.hasPrefix("http://") || lower.hasPrefix("https://")
        }
    }

    /// The path of an article's page.
    static func articlePath(_ id: String) -> String {
        "/articles/" + QueryParameters.encode(id)
    }

    /// The link to passage `ordinal` on its article's page, scrolled to it.
    static func passagePath(_ article: String, _ ordinal: Int) -> String {
        articlePath(article) + "?passage=\(ordinal)#p\(ordinal)"
    }

    /// A link in a list of links: its separator from the one before ("" for the first).
    struct Link {
        let lead: String
        let href: String
        let text: String
    }

    /// `items` as links separated by `separator`.
    static func links(_ items: [(href: String, text: String)], separator: String = " · ") -> [Link] {
        items.enumerated().map { Link(lead: $0.offset == 0 ? "" : separator, href: $0.element.href, text: $0.element.text) }
    }

    /// A choice among links, the current one shown in bold rather than linked.
    struct Choice {
        let lead: String
        let href: String
        let label: String
        let current: Bool
    }
}
