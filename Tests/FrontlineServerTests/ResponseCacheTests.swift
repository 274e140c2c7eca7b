import EngineTestSupport
import Foundation
@testable import FrontlineServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Kept answers (`ResponseCache`) over HTTP, against real indexes: the same bytes as an
/// answer made afresh, and never an answer from before an index run's publish.
@Suite struct ResponseCacheTests {
    private func server(_ index: String, cacheBytes: Int) throws -> FrontlineServer {
        var options = FrontlineServer.Options(locations: [index])
        options.cacheBytes = cacheBytes
        options.timeLimit = .seconds(60)
        return try FrontlineServer(options: options)
    }

    private func application(_ server: FrontlineServer) -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return Application(router: server.router(logger: logger))
    }

    /// The status and body of `uri`.
    private func get(_ client: some TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func aKeptAnswerIsTheSameAsOneMadeAfresh() async throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: 2)
        let uris = ["/api/search?q=ceasefire&side=armenia", "/api/search?q=casualties&limit=5&facets=1", "/?q=ceasefire",
                    "/api/compare?q=casualties&by=side", "/compare?q=casualties", "/api/figures?category=killed", "/figures?q=casualties"]
        let fresh = try await application(try server(index, cacheBytes: 0)).test(.live) { client in
            var bodies: [String: String] = [:]
            for uri in uris { bodies[uri] = try await get(client, uri).1 }
            return bodies
        }
        let cached = try server(index, cacheBytes: 16 << 20)
        try await application(cached).test(.live) { client in
            for uri in uris {
                for _ in 0..<2 {
                    let (status, body) = try await get(client, uri)
                    #expect(status == .ok, "\(uri)")
                    #expect(body == fresh[uri], "\(uri)")
                }
            }
            // The same request spelt another way is the same kept answer.
            let (_, reordered) = try await get(client, "/api/search?side=armenia&q=ceasefire&offset=")
            #expect(reordered == fresh["/api/search?q=ceasefire&side=armenia"])
            // An error is never kept: the second is answered afresh, and is the same error.
            let first = try await get(client, "/api/search?q=x&limit=nine"), second = try await get(client, "/api/search?q=x&limit=nine")
            #expect(first.0 == .badRequest && second.0 == .badRequest && first.1 == second.1)
        }
        #expect(cached.cacheStatistics.hits == uris.count + 1, "\(cached.cacheStatistics)")
    }

    @Test func anIndexRunThatPublishesChangesTheNextAnswer() async throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus"), index = dir.child("index")
        try buildIndex([corpus], into: index, jobs: 2)
        let served = try server(index, cacheBytes: 16 << 20)
        try await application(served).test(.live) { client in
            let total: () async throws -> Int = {
                let (_, body) = try await get(client, "/api/search?q=zanzibarite")
                return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])["total"] as? Int ?? -1
            }
            #expect(try await total() == 0)
            #expect(try await total() == 0) // kept
            let page = try await get(client, "/?q=zanzibarite").1
            try "Armenia said zanzibarite was found near Shusha.".write(toFile: corpus + "/zz-new.txt", atomically: true, encoding: .utf8)
            try buildIndex([corpus], into: index, jobs: 2) // an incremental run: publishes a new generation
            #expect(try await total() == 1)
            #expect(try await get(client, "/?q=zanzibarite").1 != page)
            try FileManager.default.removeItem(atPath: corpus + "/zz-new.txt")
            try buildIndex([corpus], into: index, jobs: 2)
            #expect(try await total() == 0)
        }
        #expect(served.cacheStatistics.hits >= 1)
    }
}
