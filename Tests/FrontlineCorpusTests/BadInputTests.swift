import Foundation
import Testing
@testable import FrontlineCorpus

/// Each bad input gives a diagnostic naming the file (and line where there is one),
/// the good files beside it are still read, and nothing crashes.
@Suite struct BadInputTests {
    private func diagnostics(for name: String, bytes: [UInt8]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said its forces held the line near Talish.")
        let file = directory.write(name, bytes: bytes)
        let result = readAll([directory.path])
        #expect(result.articles.contains { $0.id == "good.txt" }, "the good file was not read beside \(name)")
        #expect(result.diagnostics.allSatisfy { $0.file == file }, "\(result.diagnostics)")
        return result
    }

    @Test func nulBytesMarkABinaryFile() {
        let (articles, d) = diagnostics(for: "binary.txt", bytes: Array("line one\nline\0two".utf8))
        #expect(articles.count == 1)
        #expect(d.count == 1 && d[0].severity == .error && d[0].line == 2 && d[0].message.contains("NUL"))
    }

    @Test func invalidUTF8IsReplacedAndReported() {
        let (articles, d) = diagnostics(for: "latin1.txt", bytes: Array("first line\nna\u{EF}ve".utf8.prefix(12)) + [0xE9, 0x20, 0x41, 0x0A])
        #expect(articles.count == 2)
        #expect(d.count == 1 && d[0].severity == .warning && d[0].line == 2)
        #expect(articles.contains { $0.body.contains("\u{FFFD}") })
    }

    @Test(arguments: ["", "   \n\t\n"])
    func emptyFilesAreReported(_ content: String) {
        let (articles, d) = diagnostics(for: "empty.txt", bytes: Array(content.utf8))
        #expect(articles.count == 1)
        #expect(d.count == 1 && d[0].severity == .error && d[0].message.contains("no article text"))
    }

    @Test func frontMatterThatNeverClosesIsReported() {
        let (_, d) = diagnostics(for: "open.md", bytes: Array("---\ntitle: x\nbody without end\n".utf8))
        #expect(d.count == 1 && d[0].line == 1 && d[0].message.contains("never closes"))
    }

    @Test func invalidYAMLIsReportedWithItsLine() {
        let (_, d) = diagnostics(for: "yaml.md", bytes: Array("---\ntitle: ok\ndate: [unclosed\n---\nText.\n".utf8))
        #expect(d.count == 1 && d[0].severity == .error && d[0].message.contains("YAML"))
        #expect((d.first?.line ?? 0) >= 2)
    }

    @Test(arguments: [("date: yesterday", "not a date"), ("date: 2016-02-30", "not a day of the calendar"), ("date: 0000-01-01", "years 1000–2999")])
    func badDatesAreWarnedAndTheArticleKept(_ line: String, _ message: String) {
        let (articles, d) = diagnostics(for: "dated.md", bytes: Array("---\ntitle: t\n\(line)\n---\nArmenia said it held.\n".utf8))
        #expect(articles.count == 2)
        #expect(d.count == 1 && d[0].severity == .warning && d[0].line == 3 && d[0].message.contains(message))
    }

    @Test func malformedJSONLinesAreReportedAndTheRestRead() {
        let lines = [
            #"{"id": "a", "text": "Armenia said."}"#,
            #"{"id": "b", "text": "trunc"#,
            #"[1, 2, 3]"#,
            #"{"id": "c", "title": "no text"}"#,
            #"{"id": "d", "text": 42}"#,
            #"{"id": "a", "text": "duplicate id"}"#,
            #"{"id": "e", "text": "   "}"#,
            #"{"id": "f", "text": "Azerbaijan denied.\r\nSecond line."}"#,
        ]
        let (articles, d) = diagnostics(for: "dump.jsonl", bytes: Array(lines.joined(separator: "\n").utf8))
        #expect(articles.map(\.id).sorted() == ["a", "f", "good.txt"])
        #expect(d.map { $0.line ?? 0 } == [2, 3, 4, 5, 6, 7])
        #expect(d.allSatisfy { $0.severity == .error })
        #expect(d[3].message.contains("not a string"))
        #expect(d[4].message.contains("duplicate"))
    }

    @Test func aJSONLinesLineThatIsNoObjectSaysWhatItIs() {
        let lines = [
            "null", #""just a string""#, "42", #"{"id": "s", "text": "bad \ud800 half"}"#, #"{"id": "t", "text": "cut"#,
            #"{"id": "   ", "title": ["a", "list"], "text": "Armenia said the talks failed."}"#,
        ]
        let (articles, d) = diagnostics(for: "odd.jsonl", bytes: Array(lines.joined(separator: "\n").utf8))
        #expect(d.first { $0.line == 1 }?.message.contains("is null, not a JSON object") == true, "\(d)")
        #expect(d.first { $0.line == 2 }?.message.contains("is a string") == true, "\(d)")
        #expect(d.first { $0.line == 3 }?.message.contains("a number") == true, "\(d)")
        #expect(d.first { $0.line == 4 }?.message.contains("surrogate") == true, "\(d)")
        #expect(d.first { $0.line == 5 }?.message.contains("not closed") == true, "\(d)")
        // A blank id is no id (the line's own id is used, with a warning); a list as title is warned.
        #expect(articles.contains { $0.id == "odd.jsonl#6" }, "\(articles.map(\.id))")
        #expect(d.contains { $0.line == 6 && $0.message.contains("\"title\" is not a string") }, "\(d)")
    }

    @Test func aLineBreakInAnIdOrFileNameCannotStartALineOfItsOwn() {
        let directory = TemporaryDirectory()
        directory.write("forged\nFAKE: error: x.txt", "Armenia said.")
        directory.write("ids.jsonl", #"{"id": "one\ntwo\rthree", "text": "Azerbaijan said."}"# + "\n" + "{\"id\": 7")
        directory.write("empty\nFAKE: error: y.txt", "")
        let result = readAll([directory.path])
        #expect(result.diagnostics.count == 2)
        #expect(Set(result.articles.map(\.id)) == ["forged FAKE: error: x.txt", "one two three"], "\(result.articles.map(\.id))")
        #expect(result.diagnostics.allSatisfy { !$0.description.contains("\n") }, "\(result.diagnostics)")
    }

    @Test func aFiftyMegabyteSingleParagraphIsCutAndReported() {
        let sentence = Array("Armenia said the village of Talish was shelled overnight. ".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes += sentence }
        let (articles, d) = diagnostics(for: "huge.txt", bytes: bytes)
        let huge = articles.first { $0.id == "huge.txt" }
        #expect(huge.map { $0.body.utf8.count <= CorpusReader.maximumArticleBytes } == true)
        #expect(d.count == 1 && d[0].severity == .warning && d[0].message.contains("50.0 MB"))
    }

    @Test func overlongJSONLinesAreSkippedAndLongOnesRead() {
        let long = String(repeating: "Azerbaijan denied it. ", count: 50_000) // about 1 MB
        let overlong = String(repeating: "x", count: CorpusReader.maximumLineBytes + 10)
        let text = "{\"id\": \"long\", \"text\": \"\(long)\"}\n{\"id\": \"overlong\", \"text\": \"\(overlong)\"}\n{\"id\": \"after\", \"text\": \"Baku said.\"}\n"
        let (articles, d) = diagnostics(for: "lines.jsonl", bytes: Array(text.utf8))
        #expect(articles.map(\.id).sorted() == ["after", "good.txt", "long"])
        #expect(d.count == 1 && d[0].line == 2 && d[0].message.contains("longer than"))
    }

    @Test func aMissingPathAndABrokenLinkAreReported() throws {
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said.")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/broken.txt", withDestinationPath: directory.path + "/nowhere.txt")
        let result = readAll([directory.path, directory.path + "/missing-folder"])
        #expect(result.articles.count == 1)
        #expect(result.diagnostics.count == 2)
    }

    @Test func aLinkOutOfTheCorpusIsNotFollowedUnlessAsked() throws {
        let directory = TemporaryDirectory()
        directory.write("corpus/good.txt", "Armenia said.")
        directory.write("corpus/sub/inner.txt", "Azerbaijan said.")
        let secret = directory.write("elsewhere/secret.txt", "root:x:0:0 private words")
        let corpus = directory.path + "/corpus"
        try FileManager.default.createSymbolicLink(atPath: corpus + "/shadow.txt", withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: corpus + "/away", withDestinationPath: directory.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: corpus + "/inside.txt", withDestinationPath: corpus + "/sub/inner.txt")
        let result = readAll([corpus])
        #expect(Set(result.articles.map(\.id)) == ["good.txt", "inside.txt", "sub/inner.txt"], "\(result.articles.map(\.id))")
        #expect(result.diagnostics.count == 2 && result.diagnostics.allSatisfy { $0.message.contains("--follow-links") }, "\(result.diagnostics)")
        var followed: [String] = []
        CorpusReader(followLinksOut: true).read([corpus]) { if case .article(let article) = $0 { followed.append(article.id) } }
        #expect(followed.contains("shadow.txt") && followed.contains("away/secret.txt"), "\(followed)")
    }

    @Test func aFileNameThatIsNotUTF8IsReportedAsSuch() throws {
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said.")
        // A Latin-1 name ("café.txt" with é as the single byte E9), made by the shell.
        _ = try runProgram("/bin/sh", ["-c", "printf 'Baku said.' > \"$1\"/caf$(printf '\\351').txt", "sh", directory.path])
        let result = readAll([directory.path])
        #expect(result.articles.count == 1)
        #expect(result.diagnostics.count == 1 && result.diagnostics[0].message.contains("not valid UTF-8"), "\(result.diagnostics)")
    }

    @Test func aSymlinkLoopIsVisitedOnce() throws {
        let directory = TemporaryDirectory()
        directory.write("a/good.txt", "Armenia said.")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/a/loop", withDestinationPath: directory.path + "/a")
        let result = readAll([directory.path])
        #expect(result.articles.count == 1)
        #expect(result.diagnostics.count == 1 && result.diagnostics[0].message.contains("loop"))
    }
}
