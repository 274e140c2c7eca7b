import EngineTestSupport
import Foundation
import FrontlineEngine
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The pages, rendered in process: what an article or a request says reaches a page as
/// text, never as markup, on every page; and the templates cannot insert a value unescaped.
@Suite struct PageTests {
    static let hostile = #"<script>alert(1)</script> "><img src=x onerror=alert(1)> 'x' & **bold**"#
    static let escapedHostile = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39;x&#39; &amp; **bold**"

    /// An index of the shipped corpus plus an article whose title, source, text, URL and
    /// figure are hostile.
    static let index: String? = {
        let folder = ProcessLifetime.folder("page-index")
        let corpus = folder + "/corpus"
        try? FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let title = String(data: (try? encoder.encode(hostile)) ?? Data(), encoding: .utf8) ?? ""
        let article = """
            ---
            title: \(title)
            source: "<b>Evil</b> Times \\"><i>"
            url: javascript:alert(1)
            date: 2020-10-05
            ---
            Armenia said the xylophone ceasefire failed. \(hostile) javascript:alert(1)

            Armenia said 12 <img src=x onerror=alert(3)> soldiers were killed near the xylophone.
            """
        guard FileManager.default.createFile(atPath: corpus + "/hostile.md", contents: Data(article.utf8)) else { return nil }
        return (try? buildIndex([corpus], into: folder + "/index")) != nil ? folder + "/index" : nil
    }()

    private func app() throws -> some ApplicationProtocol {
        var options = FrontlineServer.Options(locations: [try #require(Self.index, "the hostile corpus could not be indexed")])
        options.timeLimit = .seconds(60)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return Application(router: try FrontlineServer(options: options).router(logger: logger))
    }

    /// What no page may hold: the hostile text as markup, or an attribute broken out of.
    private func expectNoMarkup(_ page: String, _ uri: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let main = page.components(separatedBy: "<main>").dropFirst().joined()
        for raw in ["<script>alert", "<img src=x", "<b>Evil", "<i>", "href=\"javascript:", "'x'"] {
            #expect(!main.contains(raw), "\(uri) holds \(raw)", sourceLocation: sourceLocation)
        }
    }

    @Test func hostileTitleSourceSnippetAndFacetValueAreEscapedOnEveryPage() async throws {
        let hostileParameter = QueryParameters.encode(Self.hostile)
        try await app().test(.router) { client in
            let pages: [(uri: String, shows: [String])] = [
                // title, source (meta and facet), snippet, and a hostile filter value (chip and hidden field)
                ("/?q=xylophone", [Self.escapedHostile, "&lt;b&gt;Evil&lt;/b&gt; Times &quot;&gt;&lt;i&gt;", "<mark>xylophone</mark>"]),
                ("/?q=xylophone&source=" + hostileParameter, ["source: " + Self.escapedHostile, "value=\"" + Self.escapedHostile + "\""]),
                ("/?q=" + hostileParameter, ["<title>" + Self.escapedHostile + " — Frontline</title>"]),
                ("/compare?q=xylophone&by=side", [Self.escapedHostile, "&lt;b&gt;Evil&lt;/b&gt;"]),
                ("/figures?q=xylophone", ["&lt;img src=x onerror=alert(3)&gt;"]),
                ("/figures?q=" + hostileParameter, ["Figures: " + Self.escapedHostile]),
                ("/articles/hostile.md?passage=1", ["<h1>" + Self.escapedHostile + "</h1>", "&lt;b&gt;Evil&lt;/b&gt;", "javascript:alert(1)</p>"]),
                ("/articles/" + hostileParameter, ["&lt;script&gt;alert(1)&lt;/script&gt;"]),
            ]
            for (uri, shows) in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = String(buffer: response.body)
                    self.expectNoMarkup(page, uri)
                    for text in shows { #expect(page.contains(text), "\(uri) does not show \(text)") }
                }
            }
        }
    }

    @Test func aSnippetIsEscapedBeforeItsMatchesAreMarked() {
        struct View { let snippet: [HTML.SnippetPiece] }
        let marked = "a \u{1}<b>\u{2} & \u{1}c\u{2}\u{1}"
        #expect(Templates.render(View(snippet: HTML.snippet(marked)), as: "snippet") == "a <mark>&lt;b&gt;</mark> &amp; <mark>c</mark>")
        #expect(Templates.render(View(snippet: HTML.snippet("no match")), as: "snippet") == "no match")
    }

    @Test func everyTemplateParsesAndNoneInsertsAValueUnescaped() {
        for (name, source) in Templates.sources {
            #expect(Templates.library.getTemplate(named: name) != nil, "template \(name) is not registered")
            for unescaped in ["{{{", "{{&", "{{ &", "{{%", "{{=", "{{ {", "{{ %", "{{ ="] {
                #expect(!source.contains(unescaped), "template \(name) uses \(unescaped)")
            }
        }
    }
}
