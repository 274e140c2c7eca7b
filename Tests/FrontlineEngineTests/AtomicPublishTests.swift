import EngineTestSupport
import Foundation
import Synchronization
import Testing
import Xapian
@testable import FrontlineEngine

/// An index run builds beside the live index and publishes in one step: a reader sees
/// the index as it was before the run or as it is after it, never a run's batches
/// half-way, and a searcher kept open follows a rebuild to its new set of shards.
@Suite struct AtomicPublishTests {
    @Test func aSearcherFollowsARebuildToItsNewShardCount() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus")
        SyntheticCorpus.write(articles: 300, to: corpus)
        let index = dir.child("index")
        try buildIndex([corpus], into: index, jobs: 2)
        let searcher = try Searcher(locations: [index])
        let before = try searcher.statistics().passages
        SyntheticCorpus.write(articles: 400, to: corpus, seed: 11)
        try buildIndex([corpus], into: index, jobs: 3, rebuild: true)
        #expect(IndexLayout(folder: index).shardNames().count == 3)
        #expect(try searcher.refresh())
        let after = try Searcher(locations: [index]).statistics().passages
        #expect(after != before)
        #expect(try searcher.statistics().passages == after)
        // Only the live generation is left on disk.
        let generations = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("gen-") }
        #expect(generations.count == 1, "\(generations)")
    }

    @Test func readersSeeTheTotalBeforeOrAfterARunNeverBetween() throws {
        for rebuild in [false, true] {
            let dir = TemporaryDirectory()
            let corpus = dir.child("corpus")
            SyntheticCorpus.write(articles: 200, to: corpus)
            let index = dir.child("index")
            try buildIndex([corpus], into: index, jobs: 2)
            let before = try Searcher(locations: [index]).statistics().passages
            SyntheticCorpus.write(articles: 900, to: corpus, seed: 3)
            let done = Atomic<Bool>(false)
            let indexing = Thread {
                // Small batches: many commits while readers look.
                _ = try? buildIndex([corpus], into: index, jobs: 2, rebuild: rebuild, batch: 20)
                done.store(true, ordering: .sequentiallyConsistent)
            }
            indexing.start()
            let searcher = try Searcher(locations: [index])
            var seen: [Int: Int] = [:]
            while !done.load(ordering: .sequentiallyConsistent) {
                try searcher.refresh()
                seen[try searcher.statistics().passages, default: 0] += 1
                let fresh = try Searcher(locations: [index])
                seen[try fresh.statistics().passages, default: 0] += 1
            }
            try searcher.refresh()
            let after = try searcher.statistics().passages
            #expect(after > before)
            let between = seen.keys.filter { $0 != before && $0 != after }
            #expect(between.isEmpty, "rebuild \(rebuild): totals seen \(seen), before \(before), after \(after)")
            #expect(seen.values.reduce(0, +) > 2, "the reader looked while the run went on")
        }
    }

    @Test func aRunKilledBeforePublishingLeavesTheLiveIndexAndIsResumed() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus")
        SyntheticCorpus.write(articles: 1500, to: corpus)
        let index = dir.child("index")
        try buildIndex([corpus], into: index, jobs: 2)
        let before = try Searcher(locations: [index]).statistics().passages
        SyntheticCorpus.write(articles: 2500, to: corpus, seed: 5)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = ["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer,
                             "--figures", Repository.figureLexicon, "--batch", "50", "-q"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the run has committed batches into its own generation.
        let layout = IndexLayout(folder: index), started = Date()
        let liveCount = try Database(path: layout.shardPath(0)).documentCount
        func committed() -> Bool {
            guard FileManager.default.fileExists(atPath: layout.startedPath(generation: 2)),
                  let count = try? Database(path: layout.shardPath(0, generation: 2)).documentCount else { return false }
            return count != liveCount
        }
        while !committed(), process.isRunning, Date().timeIntervalSince(started) < 60 { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try Searcher(locations: [index]).statistics().passages == before, "the live index is untouched")
        let (resumed, _) = try buildIndex([corpus], into: index, jobs: 2)
        let reference = dir.child("reference")
        let (clean, _) = try buildIndex([corpus], into: reference, jobs: 2)
        #expect(resumed.passagesTotal == clean.passagesTotal)
        #expect(resumed.articlesUnchanged > 0, "the killed run's committed work was kept: \(resumed)")
        for query in fixedQueries {
            #expect(try ranking(Searcher(locations: [index]), query) == ranking(Searcher(locations: [reference]), query), "\(query)")
        }
    }
}
