import EngineTestSupport
import Foundation
import FrontlineCorpus
import Testing
import Xapian
@testable import FrontlineEngine

@Suite struct IndexerTests {
    @Test func theShippedCorpusIndexesAndTheFacetsMatchTheTagger() throws {
        let dir = TemporaryDirectory()
        let (summary, diagnostics) = try buildIndex([Repository.corpus], into: dir.child("index"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(summary.articlesAdded == 5)
        #expect(summary.shards == 2)
        // Independent count: the corpus layer's own tags, without Xapian.
        var expected: [String: Int] = [:]
        let processor = ArticleProcessor(gazetteer: try Gazetteer.load(path: Repository.gazetteer).0)
        var passages = 0
        CorpusReader().read([Repository.corpus]) { event in
            guard case .article(let article) = event else { return }
            for passage in processor.process(article).passages {
                passages += 1
                for side in passage.tags.sides { expected["side:" + side, default: 0] += 1 }
                for claimant in passage.tags.claimants { expected["claimant:" + claimant, default: 0] += 1 }
                for actor in passage.tags.actors { expected["actor:" + actor, default: 0] += 1 }
            }
        }
        #expect(summary.passagesTotal == passages)
        let searcher = try Searcher(locations: [dir.child("index")])
        var request = SearchRequest(query: "")
        request.limit = 0
        let all = try searcher.search(request)
        #expect(all.total == passages)
        var counted: [String: Int] = [:]
        for result in all.facets where [.side, .claimant, .actor].contains(result.facet) {
            for count in result.counts { counted[result.facet.rawValue + ":" + count.value] = count.count }
        }
        #expect(counted == expected)
        // A filter keeps exactly the passages its facet counted.
        request.filters = [.claimant: ["azerbaijan"]]
        #expect(try searcher.search(request).total == expected["claimant:azerbaijan"])
    }

    @Test func reRunsAreIncremental() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        try buildIndex([corpus], into: index)
        let (again, _) = try buildIndex([corpus], into: index)
        #expect(again.articlesUnchanged == 5)
        #expect(again.articlesAdded + again.articlesChanged + again.articlesRemoved == 0)

        try FileManager.default.removeItem(atPath: corpus + "/003_0476d21269d8dd9f.txt")
        let edited = corpus + "/001_5eec701f3883248e.txt"
        try (try String(contentsOfFile: edited, encoding: .utf8) + "\nA new paragraph about Shusha was added by the editors.\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        dir.write("corpus/new.txt", "---\ntitle: New\ndate: 2020-10-20\n---\nArmenia said shelling hit Stepanakert overnight.\n")
        let (changes, _) = try buildIndex([corpus], into: index)
        #expect(changes.articlesAdded == 1)
        #expect(changes.articlesChanged == 1)
        #expect(changes.articlesRemoved == 1)
        #expect(changes.articlesUnchanged == 3)

        let rebuilt = dir.child("rebuilt")
        try buildIndex([corpus], into: rebuilt)
        let incremental = try Searcher(locations: [index]), clean = try Searcher(locations: [rebuilt])
        for query in fixedQueries + ["Shusha", "fighting intensifies", "Stepanakert overnight"] {
            #expect(try ranking(incremental, query) == ranking(clean, query), "\(query)")
        }
        #expect(try incremental.search(SearchRequest(query: "Shusha")).total == 1)
        #expect(try incremental.article("003_0476d21269d8dd9f.txt").isEmpty)
    }

    @Test func aSecondRunOnALockedIndexFailsAtOnce() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index)
        let held = try IndexLock(path: IndexLayout(folder: index).lockPath)
        #expect(held != nil)
        let error = #expect(throws: IndexError.self) { try buildIndex([Repository.corpus], into: index) }
        guard case .locked(let lockFile) = error else { Issue.record("expected a lock error, got \(String(describing: error))"); return }
        #expect(lockFile.hasSuffix("index/.lock"))
        // Searches keep working while the lock is held.
        #expect(try Searcher(locations: [index]).search(SearchRequest(query: "Talish")).total > 0)
    }

    @Test func anIndexOfAnotherSchemaMustBeRebuilt() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: 1)
        let shard = try WritableDatabase(path: IndexLayout(folder: index).shardPath(0))
        // As an index of the last schema without shard manifests was.
        try shard.setMetadata(Schema.versionKey, "frontline-10")
        try shard.setMetadata(Schema.manifestKey, "")
        try shard.commit()
        try shard.close()
        let error = #expect(throws: IndexError.self) { try buildIndex([Repository.corpus], into: index) }
        #expect(error?.description.contains("--rebuild") == true)
        let searchError = #expect(throws: SearchError.self) { try Searcher(locations: [index]) }
        #expect(searchError?.description.contains("--rebuild") == true)
        #expect(searchError?.description.contains("frontline-10") == true)
        let (rebuilt, _) = try buildIndex([Repository.corpus], into: index, rebuild: true)
        #expect(rebuilt.articlesAdded == 5)
    }

    @Test func badInputIsReportedAndTheRestIndexedWithoutLosingOldVersions() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        dir.write("corpus/later-bad.txt", "Armenia said Shusha was calm.")
        try buildIndex([corpus], into: index)
        dir.write("corpus/later-bad.txt", bytes: Array("now \0 binary".utf8))
        dir.write("corpus/empty.txt", "")
        dir.write("corpus/chrome-only.txt", "Advertisement\n\nLeave a reply\n")
        dir.write("corpus/dump.jsonl", "{\"id\": \"j1\", \"text\": \"Baku said Talysh was taken.\"}\n{\"id\": \"j2\", \"te")
        let (summary, diagnostics) = try buildIndex([corpus], into: index)
        #expect(summary.articlesRejected == 4)
        #expect(summary.articlesAdded == 1)
        #expect(Set(diagnostics.filter { $0.severity == .error }.map { ($0.file as NSString).lastPathComponent })
                == ["later-bad.txt", "empty.txt", "chrome-only.txt", "dump.jsonl"])
        #expect(diagnostics.contains { $0.file.hasSuffix("dump.jsonl") && $0.line == 2 })
        let searcher = try Searcher(locations: [index])
        #expect(try searcher.search(SearchRequest(query: "Shusha calm")).total == 1, "the last good version is kept")
        #expect(try searcher.article("j1").count == 1)
    }

    @Test func shardedAndSingleWriterBuildsAnswerAlike() throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("one"), jobs: 1)
        try buildIndex([Repository.corpus], into: dir.child("three"), jobs: 3)
        let one = try Searcher(locations: [dir.child("one")]), three = try Searcher(locations: [dir.child("three")])
        for query in fixedQueries {
            #expect(try ranking(one, query) == ranking(three, query), "\(query)")
        }
        // Compacting the shards into one database keeps the answers too.
        let shards = try Database(path: dir.child("three"))
        let merged = dir.child("merged")
        try FileManager.default.createDirectory(atPath: merged, withIntermediateDirectories: true)
        try shards.compact(to: merged + "/shard-0")
        try "auto shard-0\n".write(toFile: merged + "/XAPIANDB", atomically: true, encoding: .utf8)
        let compacted = try Searcher(locations: [merged])
        for query in fixedQueries {
            #expect(try ranking(one, query) == ranking(compacted, query), "\(query)")
        }
    }

    @Test func theDefaultBatchGrowsWithTheShardWithinItsBounds() {
        // Small shards commit every 1,000 passages (Xapian's pending changes stay small);
        // large ones every 5,000 (fewer rewrites of the same B-tree blocks, bounded memory).
        let limits = [0, 19_999, 20_000, 60_000, 100_000, 3_000_000].map { Batching.growing.limit(shardPassages: $0) }
        #expect(limits == [1_000, 1_000, 1_000, 3_000, 5_000, 5_000])
        #expect(Batching.fixed(300).limit(shardPassages: 3_000_000) == 300)
    }

    @Test func searchesRunWhileAnIndexRunCommits() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus")
        SyntheticCorpus.write(articles: 400, to: corpus)
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index)
        let done = Flag()
        let failures = Collected()
        let thread = Thread {
            defer { done.set() }
            do { try buildIndex([corpus], into: index, batch: 50) } catch {
                failures.add(Diagnostic(.error, file: "indexer", line: nil, "\(error)"))
            }
        }
        thread.start()
        var searches = 0
        let searcher = try Searcher(locations: [index])
        while !done.value || searches < 20 {
            do {
                _ = try searcher.search(SearchRequest(query: "ceasefire shelling"))
                searches += 1
            } catch {
                failures.add(Diagnostic(.error, file: "search", line: nil, "\(error)"))
                break
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items)")
        #expect(searches >= 20)
    }
}

/// A boolean set by one thread and read by another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var state = false
    func set() { lock.lock(); state = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return state }
}
