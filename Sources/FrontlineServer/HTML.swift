/// Building HTML from untrusted text: everything from an article or a request is escaped
/// before it is placed in markup, and highlights are added after escaping, so article text
/// (`<script>`, `"><img onerror=…>`, `**`) can never become markup.
enum HTML {
    /// Markers put around matched words in snippets for pages: control characters, which
    /// indexed text never contains (they are removed at ingest).
    static let highlight = ("\u{1}", "\u{2}")

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, for element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A snippet made with `highlight` markers: escaped, then each match in `<mark>`.
    static func snippet(_ text: String) -> String {
        var out = ""
        var open = false
        for piece in escape(text).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\u{1}" || $0 == "\u{2}" }).enumerated() {
            if piece.offset > 0 { out += open ? "</mark>" : "<mark>"; open.toggle() }
            out += piece.element
        }
        return open ? out + "</mark>" : out
    }

    /// An `href` to `path` with `parameters` (escaped for an attribute).
    static func href(_ path: String, _ parameters: QueryParameters) -> String {
        let query = parameters.encoded
        return escape(query.isEmpty ? path : path + "?" + query)
    }

    /// A link to an article's own page: only `http` and `https` URLs are links; anything
    /// else (`javascript:…`) is shown as text.
    static func externalLink(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return escape(url) }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(url))</a>"
    }

    /// The path of an article's page.
    static func articlePath(_ id: String) -> String {
        "/articles/" + QueryParameters.encode(id)
    }
}
