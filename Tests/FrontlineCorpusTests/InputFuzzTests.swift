import Foundation
import Testing
@testable import FrontlineCorpus

/// Random bytes, broken and hostile front matter (deep nesting, anchors and aliases),
/// broken JSON Lines, control characters, wide encodings, and a file tree with FIFOs,
/// broken and looping symbolic links and missing roots: every file is read into
/// articles or reported, the pipeline never crashes or hangs, no control character
/// reaches an article's text or metadata, and the good file is always read.
///
/// FRONTLINE_FUZZ_FILES sets how many files (default 150), FRONTLINE_FUZZ_SEED the seed (7).
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
        "x: &a [y, y]\n", "z: [*a, *a, *a]\n", "- - - - - - - - ", "{a: {b: {c: ", "}}}\n", "? k\n", "|\n  block\n",
        "\u{1B}]0;title\u{07}", "\u{1B}[2J", "\u{9B}31m", "\r", "\u{202E}", "\t\t", "Source: AFP. ",
    ]

    /// A fragment that grows with the generator: nesting thousands deep, or a long line.
    static func large(_ rng: inout Generator) -> String {
        let n = Int.random(in: 1...20_000, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return "x: " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n"
        case 1: return String(repeating: "  ", count: n % 200) + "k: v\n"
        case 2: return String(repeating: "Armenia said the line held ", count: n)
        default: return "a\(n): &a\(n) [" + Array(repeating: "*a\(n)", count: 9).joined(separator: ", ") + "]\n"
        }
    }

    /// A file that is not a regular file, or a link that leads nowhere or in a circle.
    static func oddEntry(_ directory: TemporaryDirectory, _ i: Int, _ rng: inout Generator) {
        let name = directory.child("odd-\(i).\(["txt", "md", "jsonl"].randomElement(using: &rng)!)")
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: _ = mkfifo(name, 0o644)
        case 1: _ = symlink(directory.child("missing-\(i)"), name)
        case 2: _ = symlink(directory.path, directory.child("loop-\(i)"))
        default:
            _ = mkfifo(directory.child("fifo-target-\(i)"), 0o644)
            _ = symlink(directory.child("fifo-target-\(i)"), name)
        }
    }

    @Test func randomFilesAreReadOrReported() throws {
        let count = Int(ProcessInfo.processInfo.environment["FRONTLINE_FUZZ_FILES"] ?? "") ?? 150
        let seed = UInt64(ProcessInfo.processInfo.environment["FRONTLINE_FUZZ_SEED"] ?? "") ?? 7
        var rng = Generator(state: seed)
        let directory = TemporaryDirectory()
        directory.write("good.txt", "Armenia said the village of Talish was shelled.")
        for i in 0..<count {
            let ext = ["txt", "md", "jsonl"].randomElement(using: &rng)!
            var bytes: [UInt8]
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<4:
                bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 4:
                InputFuzzTests.oddEntry(directory, i, &rng)
                continue
            case 5:
                bytes = Array(("---\n" + InputFuzzTests.large(&rng) + "---\nArmenia said.\n").utf8)
            case 6:
                bytes = [0xFF, 0xFE] + Array(InputFuzzTests.fragments.randomElement(using: &rng)!.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            default:
                bytes = Array((0..<Int.random(in: 1...30, using: &rng)).map { _ in InputFuzzTests.fragments.randomElement(using: &rng)! }.joined().utf8)
            }
            directory.write("case-\(i).\(ext)", bytes: bytes)
        }
        let processor = ArticleProcessor(gazetteer: shippedGazetteer)
        var articles = 0, diagnostics = 0, passages = 0
        var goodRead = false
        func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }
        CorpusReader().read([directory.path, directory.child("no-such-root")]) { event in
            switch event {
            case .article(let article):
                articles += 1
                if article.id == "good.txt" { goodRead = true }
                #expect(![article.title, article.source, article.url].contains { $0.unicodeScalars.contains(where: isControl) })
                let processed = processor.process(article)
                passages += processed.passages.count
                let dirty = processed.passages.first { $0.text.unicodeScalars.contains(where: isControl) }
                #expect(dirty == nil, "\(article.file): \(String(describing: dirty?.text.debugDescription.prefix(300)))")
            case .diagnostic(let d):
                diagnostics += 1
                #expect(d.file.hasPrefix(directory.path))
                #expect(!d.message.contains("NSCocoaErrorDomain"))
            case .unreadable, .unreadableSource: break
            }
        }
        #expect(goodRead)
        #expect(articles + diagnostics >= count)
        print("input fuzz (seed \(seed)): \(count) files, \(articles) articles (\(passages) passages), \(diagnostics) diagnostics")
    }
}
