import Foundation
import Testing
@testable import FrontlineCorpus

@Suite struct ReadingTests {
    @Test func theShippedCorpusReadsWithoutProblems() {
        let (articles, diagnostics) = readAll([Repository.corpus])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(articles.count == 5)
        let moscow = articles.first { $0.id == "004_42076aacbf9b2f73.md" }!
        #expect(moscow.title == "Armenia, Azerbaijan Clash Over Karabakh as Russia Urges Halt")
        #expect(moscow.date?.iso == "2020-10-12")
        #expect(moscow.source == "The Moscow Times")
        #expect(moscow.url.hasPrefix("https://www.themoscowtimes.com/"))
        #expect(moscow.extra["note"] == "AFP copy, Markdown-formatted")
        #expect(moscow.format is MarkdownFormat)
    }

    @Test func frontMatterIsOptionalAndKeepsOtherKeys() {
        let directory = TemporaryDirectory()
        directory.write("plain.txt", "Armenia said it held the line.\n")
        directory.write("sub/with.md", "---\nid: custom-1\ntitle: A title\ndate: 7 April 2016\ntags: [a, b]\n---\nText here.\n")
        let (articles, diagnostics) = readAll([directory.path])
        #expect(diagnostics.isEmpty)
        #expect(articles.map(\.id) == ["plain.txt", "custom-1"])
        #expect(articles[1].date?.iso == "2016-04-07")
        #expect(articles[1].extra["tags"] == "a, b")
        #expect(articles[1].bodyLine == 7)
    }

    @Test func jsonLinesAreReadWithTheirFields() {
        let directory = TemporaryDirectory()
        directory.write("dump.jsonl", """
        {"id": "x1", "title": "T1", "date": "2016-04-02", "source": "AFP", "url": "u", "text": "Body one.", "section": "world"}

        {"id": "x2", "title": "T2", "text": "Body two.\\n\\nSecond paragraph.", "words": 3}
        """)
        let (articles, diagnostics) = readAll([directory.path])
        #expect(diagnostics.isEmpty)
        #expect(articles.map(\.id) == ["x1", "x2"])
        #expect(articles[0].source == "AFP")
        #expect(articles[0].extra["section"] == "world")
        #expect(articles[1].extra["words"] == "3")
        #expect(articles[1].line == 3)
    }

    static let bbcPath = Repository.root + "/../shared/corpus/bbc-2005.jsonl"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ReadingTests.bbcPath), "the shared BBC corpus is not beside the repository"))
    func theBBCCorpusReadsCleansAndTagsWithoutErrors() throws {
        let path = ReadingTests.bbcPath
        let processor = ArticleProcessor(gazetteer: shippedGazetteer)
        var articles = 0, passages = 0, problems: [Diagnostic] = []
        CorpusReader().read([path]) { event in
            switch event {
            case .article(let article):
                articles += 1
                let processed = processor.process(article)
                passages += processed.passages.count
                problems += processed.diagnostics.filter { $0.severity == .error }
            case .diagnostic(let d): problems.append(d)
            case .unreadable, .unreadableSource: break
            }
        }
        #expect(articles == 2225)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        #expect(passages > 10_635, "fewer passages than the corpus has paragraphs")
    }
}
