import EngineTestSupport
import Foundation
import FrontlineEngine
import Testing

/// The server on loopback under a mix of cheap searches, expensive wildcard compares and
/// exports read slowly, while the index it serves is rebuilt with another shard count:
/// every answer is whole (its total is the index's before or after the rebuild, never in
/// between), cheap searches are answered, nothing fails but the 503s of a full lane or a
/// time limit, and the server is healthy at the end. Run under ThreadSanitizer by
/// `make test-tsan`.
@Suite(.serialized) struct LoadTests {
    @Test func aRebuildUnderLoadIsNeverSeenHalfWayAndTheServerStaysUp() async throws {
        let dir = TemporaryDirectory()
        let corpus = dir.child("corpus"), index = dir.child("index")
        SyntheticCorpus.write(articles: 400, to: corpus)
        try buildIndex([corpus], into: index, jobs: 2)
        var request = SearchRequest(query: "ceasefire")
        request.limit = 0
        let before = try Searcher(locations: [index]).search(request).total

        let server = try #require(ServedFrontline(["--index", index]))
        let bound = server.port

        let script = Repository.root + "/Tests/FrontlineServerTests/Load/load.py"
        let load = Task.detached { try runProgram("/usr/bin/env", ["python3", script, String(bound), "12"], timeout: 120) }
        // Rebuilds while the load runs: another corpus, three shards, then one.
        try await Task.sleep(for: .seconds(1))
        SyntheticCorpus.write(articles: 700, to: corpus, seed: 9)
        try buildIndex([corpus], into: index, jobs: 3, rebuild: true)
        let after = try Searcher(locations: [index]).search(request).total
        try buildIndex([corpus], into: index, jobs: 1, rebuild: true)
        let result = try await load.value
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result.out) \(result.err)")
        print("load: \(result.out)")
        let totals = Set((summary["totals"] as? [String: Int] ?? [:]).keys.compactMap(Int.init))
        #expect(!totals.isEmpty && totals.isSubset(of: [before, after]), "totals \(totals), before \(before), after \(after)")
        let statuses = summary["statuses"] as? [String: Int] ?? [:]
        let failures = statuses.filter { key, _ in !(key.hasSuffix(" 200") || key.hasSuffix(" 503")) }
        #expect(failures.isEmpty, "\(statuses)")
        #expect((statuses["search 200"] ?? 0) > 0, "\(statuses)")
        #expect(summary["health"] as? Int == 200)
        #expect(server.stop() == 0, "a SIGTERM stops the server cleanly")
    }
}
