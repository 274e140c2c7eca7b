import EngineTestSupport
import Foundation
import NetworkTestSupport
import Testing
@testable import FrontlineEngine

/// Frontline as a newsroom runs it on several machines: shards served by `xapian-tcpsrv` on
/// hosts of their own (network namespaces made by `NetworkLab`, or loopback ports where the
/// machine does not allow them — the lab prints which), searched from another host through
/// the built `frontline`, with hosts cut off and servers idle or killed.
@Suite(.serialized) struct MultiHostTests {
    /// A lab with a client and three shard hosts, the shipped corpus indexed as three shards
    /// (served from hosts a, b and c) and as one local index, and a folder of its own.
    final class Site {
        let lab = NetworkLab(hosts: ["client", "a", "b", "c"])
        let dir = TemporaryDirectory()
        let one: String
        let three: String
        /// `tcp://` locations of the three shards, one per host.
        var shards: [String] = []
        /// Their servers, in the same order.
        var servers: [NetworkLab.Program] = []

        /// The shipped corpus as one shard and as three, built once for the suite (read only).
        private static let indexes: (one: String, three: String)? = {
            let folder = ProcessLifetime.folder("multihost")
            guard (try? buildIndex([Repository.corpus], into: folder + "/one", jobs: 1)) != nil,
                  (try? buildIndex([Repository.corpus], into: folder + "/three", jobs: 3)) != nil else { return nil }
            return (folder + "/one", folder + "/three")
        }()

        init(idleTimeout: Int? = nil) throws {
            let indexes = try #require(Site.indexes, "the shipped corpus could not be indexed")
            (one, three) = (indexes.one, indexes.three)
            let layout = IndexLayout(folder: three)
            for (number, host) in ["a", "b", "c"].enumerated() {
                let served = try #require(try lab.serveShard(layout.shardPath(number), on: lab[host], reachableFrom: lab["client"], idleTimeout: idleTimeout),
                                          "xapian-tcpsrv is not installed (Debian package xapian-tools)")
                shards.append(served.location)
                servers.append(served.program)
            }
        }

        var client: NetworkLab.Host { lab["client"] }

        /// The shards as `--index` options.
        var indexOptions: [String] { shards.flatMap { ["--index", $0] } }

        /// `frontline` with `arguments`, run on the client host.
        func frontline(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            try lab.run(on: client, Repository.executable, arguments)
        }

        /// `frontline serve` over the three remote shards, on the client host.
        func serve(_ extra: [String] = []) throws -> (program: NetworkLab.Program, port: Int) {
            try #require(try lab.serveFrontline(on: client, indexOptions + extra), "frontline serve did not start")
        }

        /// GET `path` from the served frontline at `port`, from the client host.
        func get(_ port: Int, _ path: String, timeout: Double = 10) throws -> (status: Int, body: String, seconds: Double) {
            try lab.get(on: client, port: port, path, timeout: timeout)
        }
    }

    /// `body` parsed as a JSON object.
    private func object(_ body: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    @Test func threeShardsOnThreeHostsAnswerTheJudgedQueriesLikeOneLocalIndex() throws {
        let site = try Site()
        for query in RemoteShardTests.queries {
            for format in [["--json"], []] { // the JSON (scores, facet counts) and the text a user reads
                let arguments = ["search", query, "--limit", "20"] + format
                let remote = try site.frontline(arguments + site.indexOptions)
                let local = try runFrontline(arguments + ["--index", site.one])
                #expect(remote.status == 0 && local.status == 0, "\(query): \(remote.err) \(local.err)")
                #expect(remote.out == local.out, "\(query) \(format): three hosts and one local index differ")
            }
        }
    }

    @Test func healthStaysFastAndNamesTheShardWhileItsHostIsCutOff() throws {
        let site = try Site()
        let served = try site.serve()
        #expect(try site.get(served.port, "/healthz").status == 200)
        site.lab.cut(site.lab["b"])
        defer { site.lab.restore(site.lab["b"]) }
        var reported = false
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !reported {
            for path in ["/healthz", "/static/app.css"] {
                let answer = try site.get(served.port, path, timeout: 5)
                #expect(answer.status != 0 && answer.seconds < 1, "\(path) took \(answer.seconds) s (status \(answer.status)) with host b cut off")
            }
            let health = try site.get(served.port, "/healthz")
            let shards = object(health.body)["shards"] as? [[String: Any]] ?? []
            reported = health.status == 503 && shards.contains { $0["location"] as? String == site.shards[1] && $0["reachable"] as? Bool == false }
            if !reported { usleep(250_000) }
        }
        #expect(reported, "/healthz never reported \(site.shards[1]) unreachable")
        site.lab.restore(site.lab["b"])
        var healed = false
        for _ in 0..<40 where !healed {
            healed = try site.get(served.port, "/healthz").status == 200
            if !healed { usleep(250_000) }
        }
        #expect(healed, "/healthz did not come back once host b was reachable again")
    }

    @Test func aSearchAfterTheShardsClosedIdleConnectionsIsAnswered() throws {
        let site = try Site(idleTimeout: 1_000) // xapian-tcpsrv closes connections idle for 1 s
        let served = try site.serve(["--cache-mb", "0"])
        let first = try site.get(served.port, "/api/search?q=ceasefire")
        #expect(first.status == 200, "\(first.body)")
        sleep(3)
        let again = try site.get(served.port, "/api/search?q=ceasefire")
        #expect(again.status == 200, "after an idle close: \(again.body)")
        #expect(object(again.body)["total"] as? Int == object(first.body)["total"] as? Int)
    }

    @Test func aKilledPrimaryIsReplacedByItsReplicaWithoutAFailedRequest() throws {
        let site = try Site()
        // A copy of shard 0 served from host b beside shard 1: the replica of host a's primary.
        let copy = site.dir.child("replica-0")
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: IndexLayout(folder: site.three).shardPath(0)).resolvingSymlinksInPath().path, toPath: copy)
        let replica = try #require(try site.lab.serveShard(copy, on: site.lab["b"], reachableFrom: site.client))
        let locations = ["\(site.shards[0])|\(replica.location)", site.shards[1], site.shards[2]]
        let options = locations.flatMap { ["--index", $0] }
        let served = try #require(try site.lab.serveFrontline(on: site.client, options + ["--cache-mb", "0"]))
        let search = ["search", "casualties", "--limit", "20", "--json"]
        let before = try site.frontline(search + options), page = try site.get(served.port, "/api/search?q=casualties&limit=20")
        #expect(before.status == 0 && page.status == 200)
        site.servers[0].kill() // host a's server dies
        for number in 0..<8 {
            let answer = try site.get(served.port, "/api/search?q=casualties&limit=20")
            #expect(answer.status == 200 && answer.body == page.body, "request \(number) after the primary died: \(answer.status) \(answer.body.prefix(300))")
        }
        let after = try site.frontline(search + options)
        #expect(after.status == 0 && after.out == before.out, "\(after.err)")
    }

    @Test func aLostShardFailsTheSearchNamingItOrIsLeftOutWhenAsked() throws {
        let site = try Site()
        site.servers[2].kill() // host c's shard is gone
        let failed = try site.frontline(["search", "casualties"] + site.indexOptions)
        #expect(failed.status != 0 && failed.err.contains(site.shards[2]), "\(failed.status) \(failed.err)")
        let partial = try site.frontline(["search", "casualties", "--allow-partial", "--json"] + site.indexOptions)
        #expect(partial.status == 0, "\(partial.err)")
        let missing = object(partial.out)["missing_shards"] as? [[String: Any]] ?? []
        #expect(missing.count == 1 && missing.first?["location"] as? String == site.shards[2], "\(partial.out.prefix(400))")
        #expect((missing.first?["share"] as? Double ?? 0) > 0)
        // The server starts with the shard down, says so in /healthz, and answers the same way.
        let served = try site.serve()
        let health = try site.get(served.port, "/healthz")
        #expect(health.status == 503 && health.body.contains(site.shards[2]), "\(health.body)")
        let refused = try site.get(served.port, "/api/search?q=casualties")
        let message = (object(refused.body)["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(refused.status == 503 && message.contains(site.shards[2]), "\(refused.body)")
        let answered = try site.get(served.port, "/api/search?q=casualties&partial=1")
        #expect(answered.status == 200, "\(answered.body)")
        #expect((object(answered.body)["missing_shards"] as? [[String: Any]])?.first?["location"] as? String == site.shards[2])
        #expect(object(answered.body)["total"] as? Int == object(partial.out)["total"] as? Int)
        // Kept answers never hide the lost shard: asked again, the partial answer still says so.
        let again = try site.get(served.port, "/api/search?q=casualties&partial=1")
        #expect(again.body == answered.body)
    }
}
