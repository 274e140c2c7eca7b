import EngineTestSupport
import Foundation
import FrontlineCorpus
import Testing
@testable import FrontlineEngine

/// The folder of bad-input cases (`BadInput/`, plus the binary and oversized cases
/// generated here) indexed in one run: every `bad-*` case is rejected with an error
/// naming it, every `warn-*` case is indexed with a warning naming it, every `good-*`
/// case is indexed with no diagnostic, and nothing crashes.
@Suite struct BadInputFolderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput").path

    /// The most bytes of an article the cases' run reads (a real run reads 4 MB; a 50 MB
    /// file took most of the suite's time to index its first 4 MB).
    static let articleLimit = 1_536 << 10 // above the 1 MB line, which must be read whole

    /// Copies the committed cases and writes the generated ones; returns the folder.
    static func makeCases(in dir: TemporaryDirectory) throws -> String {
        let folder = dir.child("cases")
        try FileManager.default.copyItem(atPath: fixtures, toPath: folder)
        dir.write("cases/bad-binary-nul.txt", bytes: Array("ELF\u{0}\u{1}\u{2} binary".utf8))
        var random = SystemRandomNumberGenerator()
        dir.write("cases/bad-random-bytes-with-nul.md", bytes: [0] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })
        dir.write("cases/warn-invalid-utf8.txt", bytes: Array("Armenia said on 2 April 2016 the na".utf8) + [0xEF, 0xF6, 0x76, 0x65, 0x0A])
        let sentence = Array("Armenia said the village of Talish was shelled on 2 April 2016. ".utf8)
        // Past the run's article limit (`articleLimit`, as 4 MB is for a real run): cut and warned.
        var huge: [UInt8] = []
        while huge.count < articleLimit + (64 << 10) { huge += sentence }
        dir.write("cases/warn-oversized-paragraph.txt", bytes: huge)
        let long = String(repeating: "Azerbaijan denied it. ", count: 50_000)
        dir.write("cases/good-one-megabyte-line.jsonl", "{\"id\": \"long\", \"date\": \"2020-10-01\", \"text\": \"\(long)\"}\n")
        let overlong = String(repeating: "x", count: CorpusReader.maximumLineBytes + 1)
        dir.write("cases/bad-overlong-line.jsonl", "{\"id\": \"overlong\", \"text\": \"\(overlong)\"}\n")
        try FileManager.default.createSymbolicLink(atPath: folder + "/warn-symlink-loop", withDestinationPath: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/bad-broken-link.txt", withDestinationPath: folder + "/nowhere.txt")
        return folder
    }

    @Test func everyCaseIsReportedOrIndexedAsItsNameSays() throws {
        let dir = TemporaryDirectory()
        let folder = try BadInputFolderTests.makeCases(in: dir)
        let (summary, diagnostics) = try buildIndex([folder], into: dir.child("index"), articleByteLimit: BadInputFolderTests.articleLimit)
        let cases = try FileManager.default.subpathsOfDirectory(atPath: folder)
            .filter { ($0 as NSString).lastPathComponent.hasPrefix("good-") || ($0 as NSString).lastPathComponent.hasPrefix("warn-") || ($0 as NSString).lastPathComponent.hasPrefix("bad-") }
            .filter { !$0.hasPrefix("warn-symlink-loop/") }
        #expect(cases.count >= 30, "only \(cases.count) cases")
        for path in cases {
            let name = (path as NSString).lastPathComponent
            let about = diagnostics.filter { $0.file.hasSuffix("/" + path) || $0.file == folder + "/" + path }
            if name.hasPrefix("bad-") {
                #expect(about.contains { $0.severity == .error }, "\(path): no error in \(about)")
                if name.hasSuffix(".jsonl") || name.contains("front-matter") {
                    #expect(about.allSatisfy { $0.line != nil }, "\(path): no line in \(about)")
                }
            } else if name.hasPrefix("warn-") {
                #expect(about.contains { $0.severity == .warning }, "\(path): no warning")
                #expect(!about.contains { $0.severity == .error }, "\(path): \(about)")
            } else {
                #expect(about.isEmpty, "\(path): \(about)")
            }
        }
        let searcher = try Searcher(locations: [dir.child("index")])
        #expect(try searcher.search(SearchRequest(query: "\"deep folder\"")).total == 1)
        #expect(try searcher.search(SearchRequest(query: "\"byte order\"")).total == 0) // the BOM is not text
        #expect(try searcher.article("good-1").count == 1)
        #expect(try searcher.article("dup").count == 1, "the first of two duplicate ids is kept")
        #expect(summary.articlesRejected >= cases.filter { ($0 as NSString).lastPathComponent.hasPrefix("bad-") }.count - 1)
    }

    @Test func aFileThatVanishesBeforeItIsReadIsReported() throws {
        let dir = TemporaryDirectory()
        dir.write("corpus/stays.txt", "Armenia said it stays.")
        let leaving = dir.write("corpus/leaves.txt", "Azerbaijan said it leaves.")
        let reader = CorpusReader()
        let files = reader.files(under: [dir.child("corpus")]) { Issue.record("\($0)") }
        try FileManager.default.removeItem(atPath: leaving)
        var articles: [String] = [], problems: [Diagnostic] = []
        for (path, root) in files {
            reader.readFile(path, root: root) { event in
                switch event {
                case .article(let a): articles.append(a.id)
                case .diagnostic(let d): problems.append(d)
                case .unreadable, .unreadableSource: break
                }
            }
        }
        #expect(articles == ["stays.txt"])
        #expect(problems.count == 1 && problems[0].file == leaving && problems[0].message.contains("cannot be read"))
    }
}
