import Foundation
import Testing
@testable import FrontlineCorpus

/// Random bytes, broken front matter and broken JSON Lines: every file is read
/// into articles or reported, the pipeline never crashes, and the good file
/// beside them is always read.
///
/// FRONTLINE_FUZZ_FILES sets how many files (default 150).
@Suite struct InputFuzzTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static let fragments = [
        "---\n", "title: x\n", "date: 2016-02-30\n", "date: [\n", "id: same\n", "\r\n", "\n\n", "Armenia said ", "Talish ",
        "{\"id\": \"a\", \"text\": \"", "\"}\n", "{\"text\": 5}\n", "[]\n", "**bold** ", "[link](http://x) ", "<https://x>\n",
        "\u{FEFF}", "Reuters", "AprilAreg Balayan/PAN Photo/Reuters", "Notify of\n", "2,500 $\n", "# Heading\n", "\\’", "\u{0}",
    ]

    @Test func randomFilesAreReadOrReported() throws {
        let count = Int(ProcessInfo.processInfo.environment["FRONTLINE_FUZZ_FILES"] ?? "") ?? 150
        var rng = Generator(state: 7)
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said the village of Talish was shelled.")
        for i in 0..<count {
            let ext = ["txt", "md", "jsonl"].randomElement(using: &rng)!
            var bytes: [UInt8]
            if Bool.random(using: &rng) {
                bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = Array((0..<Int.random(in: 1...30, using: &rng)).map { _ in InputFuzzTests.fragments.randomElement(using: &rng)! }.joined().utf8)
            }
            directory.write("case-\(i).\(ext)", bytes: bytes)
        }
        let processor = ArticleProcessor(gazetteer: shippedGazetteer)
        var articles = 0, diagnostics = 0, passages = 0
        var goodRead = false
        CorpusReader().read([directory.path]) { event in
            switch event {
            case .article(let article):
                articles += 1
                if article.id == "good.txt" { goodRead = true }
                passages += processor.process(article).passages.count
            case .diagnostic(let d):
                diagnostics += 1
                #expect(d.file.hasPrefix(directory.path))
            case .unreadable, .unreadableSource: break
            }
        }
        #expect(goodRead)
        #expect(articles + diagnostics >= count)
        print("input fuzz: \(count) files, \(articles) articles (\(passages) passages), \(diagnostics) diagnostics")
    }
}
