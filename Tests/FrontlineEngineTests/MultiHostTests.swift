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
    /// (served from hosts a, b and c) and as one local index.
    final class Site {
        let lab = NetworkLab(hosts: ["client", "a", "b", "c"])
        let dir = TemporaryDirectory()
        let one: String
        let three: String
        /// `tcp://` locations of the three shards, one per host.
        var shards: [String] = []
        /// Their servers, in the same order.
        var servers: [NetworkLab.Program] = []

        init(idleTimeout: Int? = nil) throws {
            one = dir.child("one")
            three = dir.child("three")
            try buildIndex([Repository.corpus], into: one, jobs: 1)
            try buildIndex([Repository.corpus], into: three, jobs: 3)
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
}
