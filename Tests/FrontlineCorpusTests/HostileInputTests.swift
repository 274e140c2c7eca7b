import Foundation
import Testing
@testable import FrontlineCorpus

/// Input written to break the reader: every case is an error naming the file and line
/// (or is read correctly), the good file beside it is read, and nothing crashes or hangs.
@Suite struct HostileInputTests {
    /// Reads a folder holding `good.txt` and one hostile file; checks the good one was read.
    private func read(_ name: String, bytes: [UInt8]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said its forces held the line near Talish.")
        directory.write(name, bytes: bytes)
        let result = readAll([directory.path])
        #expect(result.articles.contains { $0.id == "good.txt" }, "the good file was not read beside \(name)")
        return result
    }

    private func markdown(frontMatter: String) -> [UInt8] {
        Array("---\ntitle: Hostile\n\(frontMatter)\n---\nAzerbaijan said the front matter was odd.\n".utf8)
    }

    @Test(arguments: [5_000, 20_000])
    func deeplyNestedFrontMatterIsAnErrorNotACrash(depth: Int) {
        let nested = "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let (articles, d) = read("deep.md", bytes: markdown(frontMatter: nested))
        #expect(articles.count == 1)
        #expect(d.count == 1 && d[0].severity == .error && d[0].line == 3, "\(d)")
        #expect(d.first?.message.contains("nests more than") == true)
    }

    @Test func deepBlockNestingIsRefusedToo() {
        let sequences = "x: " + String(repeating: "- ", count: 3_000) + "y"
        let indented = (0..<40).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v"
        for (name, text) in [("dashes.md", sequences), ("indent.md", indented)] {
            let (_, d) = read(name, bytes: markdown(frontMatter: text))
            #expect(d.count == 1 && d[0].message.contains("nests more than"), "\(name): \(d)")
        }
    }

    @Test func aliasExpansionIsRefusedBeforeItStarts() {
        // 9 levels of 9 aliases: 9^9 nodes if expanded ("billion laughs").
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let (articles, d) = read("laughs.md", bytes: markdown(frontMatter: lines.joined(separator: "\n")))
        #expect(articles.count == 1)
        #expect(d.count == 1 && d[0].severity == .error && d[0].line == 3 && d[0].message.contains("anchor"), "\(d)")
    }

    @Test func ordinaryFrontMatterStillReads() {
        let text = """
        date: 2020-10-12
        source: "The Moscow Times"
        tags: [war, "cease-fire", {kind: report}]
        authors:
          - Jane Doe
          - John Roe
        summary: >
          Two lines of
          folded text, with a * star & ampersand.
        note: 5 * 3 [draft] # a comment
        """
        let (articles, d) = read("ok.md", bytes: markdown(frontMatter: text))
        #expect(d.isEmpty, "\(d)")
        let article = articles.first { $0.id == "ok.md" }
        #expect(article?.source == "The Moscow Times")
        #expect(article?.date?.iso == "2020-10-12")
        #expect(article?.extra["authors"] == "Jane Doe, John Roe")
    }

    @Test func hugeFrontMatterIsRefusedWithItsSize() {
        let big = "summary: " + String(repeating: "x", count: 5 << 20)
        let (_, d) = read("big.md", bytes: markdown(frontMatter: big))
        let messages = d.map(\.message).joined(separator: " | ")
        #expect(d.contains { $0.severity == .error && $0.message.contains("64 KB") }, "\(messages)")
        #expect(!messages.contains("0.0 MB"), "\(messages)")
    }

    @Test func aFileOfOneWordWithoutSpacesIsCutAtACharacterNotEmptied() {
        let bytes = Array(("Armenia " + String(repeating: "é", count: 3 << 20)).utf8)
        let (articles, d) = read("long.txt", bytes: bytes)
        let article = articles.first { $0.id == "long.txt" }
        #expect(d.count == 1 && d[0].severity == .warning && !d[0].message.contains(" 0.0 MB"), "\(d)")
        #expect((article?.body.utf8.count ?? 0) > 3 << 20)
        #expect(article?.body.unicodeScalars.last == "é")
    }

    @Test func aFIFONamedLikeAnArticleIsSkippedWithoutBlocking() throws {
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said its forces held the line near Talish.")
        #expect(mkfifo(directory.child("pipe.txt"), 0o644) == 0)
        #expect(mkfifo(directory.child("pipe-target"), 0o644) == 0)
        #expect(symlink(directory.child("pipe-target"), directory.child("linked.jsonl")) == 0)
        let result = readAll([directory.path]) // would block forever in open(2) before the fix
        #expect(result.articles.map(\.id) == ["good.txt"])
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("FIFO") }, "\(result.diagnostics)")
    }

    @Test func aFIFOInPlaceOfAListedFileIsRefusedWithoutBlocking() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("swap.txt", "Armenia said.")
        let reader = CorpusReader()
        let files = reader.files(under: [directory.path]) { Issue.record("\($0)") }
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o644) == 0)
        var diagnostics: [Diagnostic] = []
        for (file, root) in files {
            reader.readFile(file, root: root) { if case .diagnostic(let d) = $0 { diagnostics.append(d) } }
        }
        #expect(diagnostics.count == 1 && diagnostics[0].message.contains("not a regular file"), "\(diagnostics)")
    }

    @Test(arguments: [("UTF-16LE", [0xFF, 0xFE] as [UInt8]), ("UTF-16BE", [0xFE, 0xFF]), ("UTF-32LE", [0xFF, 0xFE, 0, 0]), ("UTF-32BE", [0, 0, 0xFE, 0xFF])])
    func wideUnicodeFilesAreDecoded(_ encoding: String, _ bom: [UInt8]) {
        let text = "Armenia said Talish — Թալիշ — was shelled.\n"
        let big = encoding.hasSuffix("BE")
        var bytes = bom
        if encoding.hasPrefix("UTF-16") {
            for unit in text.utf16 { bytes += big ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        } else {
            for scalar in text.unicodeScalars {
                let v = scalar.value
                let le = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
                bytes += big ? le.reversed() : le
            }
        }
        let (articles, d) = read("wide.txt", bytes: bytes)
        #expect(d.isEmpty, "\(d)")
        #expect(articles.first { $0.id == "wide.txt" }?.body == text)
    }

    @Test func wideUnicodeJSONLinesAreRefusedWithWhatToDo() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in #"{"id": "w", "text": "Armenia said."}"#.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (_, d) = read("wide.jsonl", bytes: bytes)
        #expect(d.count == 1 && d[0].line == 1 && d[0].message.contains("convert the file to UTF-8"), "\(d)")
    }

    /// Found by the input fuzzer: a Markdown link's text was copied without cleaning.
    @Test func controlCharactersInsideALinkAreCleanedToo() {
        let cleaned = TextCleaner().clean(MarkdownFormat().content(of: "Armenia said [click\u{1B}[2J\u{9B}here](http://x.test) the line held today.", firstLine: 1).blocks, title: "")
        #expect(cleaned.paragraphs.map(\.text) == ["Armenia said click [2J here the line held today."])
    }

    @Test func controlCharactersNeverReachTheTextOrTheMetadata() {
        let escape = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"
        let record = #"{"id": "ctl", "title": "Title\#(escape)here", "source": "Out\#(escape)let", "url": "https://x/\#(escape)", "text": "Armenia said\#(escape) the line held.\rOverwritten?"}"#
        let (articles, _) = read("ctl.jsonl", bytes: Array((record.replacingOccurrences(of: "\u{1B}", with: "\\u001b")
            .replacingOccurrences(of: "\u{07}", with: "\\u0007").replacingOccurrences(of: "\u{9B}", with: "\\u009b")
            .replacingOccurrences(of: "\r", with: "\\r") + "\n").utf8))
        guard let article = articles.first(where: { $0.id == "ctl" }) else { Issue.record("not read"); return }
        for field in [article.title, article.source, article.url] {
            #expect(!field.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(field.debugDescription)")
        }
        let passages = ArticleProcessor(gazetteer: shippedGazetteer).process(article).passages
        #expect(!passages.isEmpty)
        for passage in passages {
            #expect(!passage.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(passage.text.debugDescription)")
        }
    }
}

/// Articles that lost their line breaks (as many JSON Lines exports do) keep their text.
@Suite struct OneLineArticleTests {
    /// The words of an article's passages after processing.
    private func words(_ article: Article) -> Int {
        ArticleProcessor(gazetteer: shippedGazetteer).process(article).passages.reduce(0) { $0 + ByteSearch.wordCount($1.text) }
    }

    @Test(arguments: ["000", "001", "002", "003", "004"])
    func aSeedArticleJoinedIntoOneLineKeepsItsText(_ prefix: String) {
        let original = seedArticle(prefix)
        var joined = original
        joined.body = original.body.split(separator: "\n").joined(separator: " ")
        let processed = ArticleProcessor(gazetteer: shippedGazetteer).process(joined)
        #expect(!processed.diagnostics.contains { $0.severity == .error }, "\(processed.diagnostics)")
        let kept = words(joined), expected = words(original)
        #expect(Double(kept) >= 0.95 * Double(expected), "\(prefix): \(kept) words kept of \(expected)")
        #expect(processed.passages.allSatisfy { ByteSearch.wordCount($0.text) <= 130 }, "one-line text is split into passages")
    }

    @Test func aChromeRuleDropsTheChromeSentenceNotTheProseAfterIt() {
        let prose = Array(repeating: "Armenia said its forces repelled an attack near Talish overnight.", count: 20).joined(separator: " ")
        let article = Article(id: "a", body: "Source: Ministry of Defence. " + prose, file: "a.txt", line: 1, bodyLine: 1)
        let passages = ArticleProcessor(gazetteer: shippedGazetteer).process(article).passages
        #expect(passages.reduce(0) { $0 + ByteSearch.wordCount($1.text) } == ByteSearch.wordCount(prose))
    }

    @Test(arguments: ["Ceasefire collapses", "Talish shelled", "Breaking"])
    func aHeadlineOnlyBriefIsText(_ text: String) {
        let article = Article(id: "brief", body: text, file: "brief.txt", line: 1, bodyLine: 1)
        let processed = ArticleProcessor(gazetteer: shippedGazetteer).process(article)
        #expect(processed.passages.map(\.text) == [text], "\(processed.diagnostics)")
    }
}
