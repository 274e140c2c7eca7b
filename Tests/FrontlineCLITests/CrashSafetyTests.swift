import EngineTestSupport
import Foundation
import Testing
import Xapian
@testable import FrontlineEngine

/// `frontline index` killed with SIGKILL at random moments never leaves a broken index:
/// after each kill the index opens, every shard holds exactly the passages of the
/// articles its last commit recorded, and a re-run ends equal to a clean rebuild.
///
/// FRONTLINE_KILL_TRIALS sets the number of kills (default 3; the long run uses 20).
@Suite struct CrashSafetyTests {
    static var trials: Int { Int(ProcessInfo.processInfo.environment["FRONTLINE_KILL_TRIALS"] ?? "") ?? 3 }

    @Test func killedIndexRunsLeaveACommittedIndexAndResume() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus")
        SyntheticCorpus.write(articles: 1500, to: corpus)
        let reference = dir.child("reference")
        let clean = try runFrontline(["index", corpus, "--index", reference, "--gazetteer", Repository.gazetteer, "-q", "--json"])
        #expect(clean.status == 0, "\(clean.err)")
        // A published index to start from: a run that is killed leaves it as it was.
        let index = dir.child("index")
        let earlier = dir.child("earlier")
        SyntheticCorpus.write(articles: 400, to: earlier, seed: 2)
        #expect(try runFrontline(["index", earlier, "--index", index, "--gazetteer", Repository.gazetteer, "-q"]).status == 0)
        var generator = SystemRandomNumberGenerator()
        var survived = 0
        for trial in 0..<CrashSafetyTests.trials {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Repository.executable)
            process.arguments = ["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "--batch", "300", "-q"]
                + (trial == 0 ? ["--rebuild"] : [])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 50_000...1_500_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try checkConsistent(index)
            survived += 1
        }
        #expect(survived > 0)
        print("kill trials: \(CrashSafetyTests.trials) kills, \(survived) left an index to check, all consistent unless reported above")
        let resumed = try runFrontline(["index", corpus, "--index", index, "--gazetteer", Repository.gazetteer, "-q"])
        #expect(resumed.status == 0, "\(resumed.err)")
        let finished = try Searcher(locations: [index]), rebuilt = try Searcher(locations: [reference])
        #expect(try finished.statistics().passages == rebuilt.statistics().passages)
        for query in fixedQueries {
            #expect(try ranking(finished, query) == ranking(rebuilt, query), "\(query)")
        }
    }

    /// Every shard's passage count equals the passages its committed article records name:
    /// the live generation's and that of the killed run (which the next run resumes).
    private func checkConsistent(_ index: String) throws {
        #expect(try Searcher(locations: [index]).statistics().schema == Schema.version)
        let generations = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("gen-") }
        for generation in generations {
            let folder = index + "/" + generation
            guard FileManager.default.fileExists(atPath: folder + "/STARTED") || IndexLayout(folder: index).shardNames().contains(where: { $0.hasPrefix(generation + "/") }) else { continue }
            for shardName in try FileManager.default.contentsOfDirectory(atPath: folder) where shardName.hasPrefix("shard-") {
                let shard = try Database(path: folder + "/" + shardName)
                var recorded = 0
                for key in try shard.metadataKeys(prefix: Schema.articlePrefix) {
                    recorded += ArticleRecord(parsing: try shard.metadata(key))?.passages ?? 0
                }
                #expect(try shard.documentCount == recorded, "\(generation)/\(shardName) is not at a commit boundary")
            }
        }
    }
}
