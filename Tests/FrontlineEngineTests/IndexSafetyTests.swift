import EngineTestSupport
import Foundation
import FrontlineCorpus
import Testing
import Xapian
@testable import FrontlineEngine

/// An index run never loses what is indexed because it could not see it, never silently
/// strips tags, never hangs on odd files, and ends equal to a clean build.
@Suite struct IndexSafetyTests {
    private func articles(_ index: String) throws -> Int {
        try Searcher(locations: [index]).statistics().articles
    }

    @Test func anIdThatSpellsAnotherIdsHashIsAnArticleOfItsOwn() throws {
        let dir = TemporaryDirectory()
        let long = String(repeating: "a-very-long-article-id/", count: 10)
        let spelled = "#" + Fingerprint.hex(Fingerprint.hash(long))
        let lines = [long, spelled].map { id in
            "{\"id\": \"\(id)\", \"title\": \"Ceasefire\", \"date\": \"2020-10-10\", \"text\": \"Shelling near Talish was reported by \(id.count) witnesses.\"}"
        }
        let corpus = dir.write("corpus/two.jsonl", lines.joined(separator: "\n") + "\n")
        let (summary, problems) = try buildIndex([corpus], into: dir.child("index"))
        #expect(summary.articlesAdded == 2, "\(problems)")
        let searcher = try Searcher(locations: [dir.child("index")])
        #expect(try searcher.article(long).count == 1 && searcher.article(spelled).count == 1)
    }

    @Test func aMissingPathIsAnErrorAndChangesNothing() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "Corpus")
        let index = dir.child("I")
        #expect(try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        let typo = try runFrontline(["index", dir.child("Corpsu"), "--index", index, "--gazetteer", Repository.gazetteer])
        #expect(typo.status == 64, "\(typo.err)")
        #expect(typo.err.contains("Corpsu") && typo.err.contains("no such file or folder"))
        #expect(try articles(index) == 5)
        // A second, good path beside the missing one: still nothing done.
        #expect(try runFrontline(["index", corpus, dir.child("gone"), "--index", index, "-q"]).status == 64)
        #expect(try articles(index) == 5)
    }

    @Test func anEmptiedFolderKeepsItsArticlesUnlessPruned() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        try buildIndex([corpus], into: index)
        for file in try FileManager.default.contentsOfDirectory(atPath: corpus) { try FileManager.default.removeItem(atPath: corpus + "/" + file) }
        let (kept, problems) = try buildIndex([corpus], into: index)
        #expect(kept.articlesRemoved == 0)
        #expect(problems.contains { $0.severity == .error && $0.message.contains("--prune") }, "\(problems)")
        #expect(try articles(index) == 5)

        var options = Indexer.Options(paths: [corpus], index: index)
        options.gazetteer = Repository.gazetteer
        options.worldBase = Repository.worldBase
        options.prune = true
        let pruned = try Indexer(options: options, onDiagnostic: { _ in }).run()
        #expect(pruned.articlesRemoved == 5)
        #expect(try articles(index) == 0)
    }

    @Test func aFolderThatCannotBeListedKeepsItsArticles() throws {
        let dir = TemporaryDirectory()
        dir.write("corpus/stays.txt", "Armenia said the line near Talish held overnight.")
        dir.write("corpus/sub/a.txt", "Azerbaijan said its forces advanced near Fuzuli.")
        dir.write("corpus/sub/b.txt", "Karabakh authorities said shelling hit Stepanakert.")
        dir.write("corpus/lines.jsonl", #"{"id": "j1", "text": "Russia urged a ceasefire in Karabakh."}"# + "\n")
        let index = dir.child("index")
        try buildIndex([dir.child("corpus")], into: index)
        #expect(try articles(index) == 4)
        let sub = dir.child("corpus/sub")
        for replacement in ["loop", "broken"] {
            try FileManager.default.moveItem(atPath: sub, toPath: dir.child("sub-away"))
            // A symbolic link loop (ELOOP: cannot be listed) or a link whose target is gone.
            #expect(symlink(replacement == "loop" ? sub : dir.child("nowhere"), sub) == 0)
            let (summary, problems) = try buildIndex([dir.child("corpus")], into: index)
            #expect(summary.articlesRemoved == 0, "\(replacement)")
            #expect(problems.contains { $0.file == sub && $0.severity == .error }, "\(replacement): \(problems)")
            #expect(try articles(index) == 4, "\(replacement)")
            try FileManager.default.removeItem(atPath: sub)
            try FileManager.default.moveItem(atPath: dir.child("sub-away"), toPath: sub)
        }
        // A JSON Lines file with a line that cannot be read keeps the articles it held.
        dir.write("corpus/lines.jsonl", #"{"id": "j1", "text": "Russia urged a cease"# + "\n")
        let (afterBadLine, _) = try buildIndex([dir.child("corpus")], into: index)
        #expect(afterBadLine.articlesRemoved == 0)
        #expect(try Searcher(locations: [index]).article("j1").count == 1)
    }

    @Test(.enabled(if: getuid() != 0, "root reads every folder"))
    func anUnreadableFolderKeepsItsArticles() throws {
        let dir = TemporaryDirectory()
        dir.write("corpus/stays.txt", "Armenia said the line near Talish held overnight.")
        dir.write("corpus/sub/a.txt", "Azerbaijan said its forces advanced near Fuzuli.")
        let index = dir.child("index")
        try buildIndex([dir.child("corpus")], into: index)
        chmod(dir.child("corpus/sub"), 0)
        defer { chmod(dir.child("corpus/sub"), 0o755) }
        let (summary, _) = try buildIndex([dir.child("corpus")], into: index)
        #expect(summary.articlesRemoved == 0)
        #expect(try articles(index) == 2)
    }

    @Test func removingMoreThanHalfOfTheIndexNeedsPrune() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        try buildIndex([corpus], into: index)
        for file in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().prefix(3) {
            try FileManager.default.removeItem(atPath: corpus + "/" + file)
        }
        let refused = try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer])
        #expect(refused.status == 1)
        #expect(refused.err.contains("3 of the 5") && refused.err.contains("--prune"), "\(refused.err)")
        #expect(try articles(index) == 5)
        let pruned = try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "--prune"])
        #expect(pruned.status == 0, "\(pruned.err)")
        #expect(try articles(index) == 2)
    }

    @Test func aRunWithoutTheIndexsGazetteerStopsInsteadOfStrippingTags() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        #expect(try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        let tagged = try Searcher(locations: [index]).search(SearchRequest(query: "side:armenia")).total
        #expect(tagged > 0)
        // Touch an article, then re-run from a folder with no Corpus/gazetteer.json.
        try ((try String(contentsOfFile: corpus + "/001_5eec701f3883248e.txt", encoding: .utf8)) + "\nOne more line.\n")
            .write(toFile: corpus + "/001_5eec701f3883248e.txt", atomically: true, encoding: .utf8)
        let stripped = try runFrontline(["index", corpus, "--index", index], in: dir.path)
        #expect(stripped.status == 6, "\(stripped.err)")
        #expect(stripped.err.contains("--gazetteer") && stripped.err.contains(Repository.gazetteer), "\(stripped.err)")
        #expect(try Searcher(locations: [index]).search(SearchRequest(query: "side:armenia")).total == tagged)
        // Another gazetteer found beside the corpus: also a change to confirm.
        let other = try String(contentsOfFile: Repository.gazetteer, encoding: .utf8).replacingOccurrences(of: "Talysh", with: "Talyshh")
        try other.write(toFile: corpus + "/gazetteer.json", atomically: true, encoding: .utf8)
        #expect(try runFrontline(["index", corpus, "--index", index], in: dir.path).status == 6)
        // Saying so explicitly re-tags.
        let retagged = try runFrontline(["index", corpus, "--index", index, "--gazetteer", corpus + "/gazetteer.json", "-q"], in: dir.path)
        #expect(retagged.status == 0, "\(retagged.err)")
    }

    @Test func nonRegularFilesAndHostileFrontMatterNeitherHangNorCrashTheIndexer() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        #expect(try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        #expect(mkfifo(corpus + "/pipe.txt", 0o644) == 0)
        dir.write("corpus/deep.md", "---\nx: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n---\nText.\n")
        var laughs = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { laughs.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        dir.write("corpus/laughs.md", (laughs + ["---", "Text."]).joined(separator: "\n"))
        dir.write("corpus/new.txt", "Armenia said the village of Talish was shelled again.")
        let run = try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer], timeout: 60)
        #expect(run.status == 1, "status \(run.status): \(run.err)")
        for name in ["pipe.txt", "deep.md:2", "laughs.md:2"] { #expect(run.err.contains(name), "\(name) not named: \(run.err)") }
        #expect(try articles(index) == 6)
    }

    @Test func spellingAndSynonymsAfterDeletionsEqualACleanBuild() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        dir.write("corpus/grenade.txt", "Armenia said a thermobaric grenade hit the trench near Talish; the thermobaric launcher was captured.")
        let index = dir.child("index"), clean = dir.child("clean")
        try buildIndex([corpus], into: index)
        #expect(try Searcher(locations: [index]).search(SearchRequest(query: "thermobarik")).corrected == "thermobaric")
        try FileManager.default.removeItem(atPath: corpus + "/grenade.txt")
        try buildIndex([corpus], into: index)
        try buildIndex([corpus], into: clean)
        let incremental = try Searcher(locations: [index]), rebuilt = try Searcher(locations: [clean])
        for word in ["thermobarik", "grenadde", "talsh", "ceasefre", "stepanakret"] {
            let a = try incremental.search(SearchRequest(query: word)), b = try rebuilt.search(SearchRequest(query: word))
            #expect(a.corrected == b.corrected && a.total == b.total, "\(word)")
        }
        #expect(try incremental.search(SearchRequest(query: "thermobarik")).corrected == nil)
        #expect(try Database(path: index).synonymKeys().sorted() == Database(path: clean).synonymKeys().sorted())
    }

    @Test func equalScoresComeOutInTheSameOrderAfterIncrementalRuns() throws {
        let dir = TemporaryDirectory()
        let same = "Azerbaijan said the ceasefire held along the line overnight."
        for n in 0..<24 { dir.write("all/\(String(format: "%02d", n)).txt", "---\ndate: 2020-10-\(String(format: "%02d", 1 + n % 9))\n---\n\(same)\n") }
        let index = dir.child("index"), clean = dir.child("clean")
        // Built in two halves, the second half first: document ids in another order.
        let half = dir.child("half")
        try FileManager.default.createDirectory(atPath: half, withIntermediateDirectories: true)
        for n in 12..<24 { try FileManager.default.copyItem(atPath: dir.child("all/\(n).txt"), toPath: half + "/\(n).txt") }
        try buildIndex([half], into: index)
        for n in 0..<12 { try FileManager.default.copyItem(atPath: dir.child("all/\(String(format: "%02d", n)).txt"), toPath: half + "/\(String(format: "%02d", n)).txt") }
        try buildIndex([half], into: index)
        try buildIndex([half], into: clean)
        var request = SearchRequest(query: "ceasefire")
        request.limit = 24
        let order = { (path: String) in try Searcher(locations: [path]).search(request).hits.map { "\($0.passage.article)#\($0.passage.ordinal)" } }
        let incremental = try order(index)
        #expect(incremental.count == 24)
        #expect(incremental == (try order(clean)))
    }
}
