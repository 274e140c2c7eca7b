import Foundation
import TestSupport
import XapianTestSupport
import Testing
@testable import Xapian

@Suite struct RemoteTests {
    @Test func openingAClosedPortIsANetworkError() throws {
        let error = #expect(throws: XapianError.self) { try Database.remote(host: "127.0.0.1", port: 1, timeoutMilliseconds: 2000) }
        #expect(error?.kind == .network)
        #expect(error?.context == "tcp://127.0.0.1:1")
    }

    @Test func aRemoteShardSearchesAndCountsFacetsLikeALocalOne() throws {
        let dir = TemporaryDirectory()
        _ = try makeDatabase(at: dir.child("a"), texts: ["talish shelling", "baku"], colours: ["red", "blue"])
        _ = try makeDatabase(at: dir.child("b"), texts: ["talish villagers", "talish again"], colours: ["red", "red"])
        guard let server = TCPServer(serving: dir.child("b")) else {
            Issue.record("xapian-tcpsrv is not installed (Debian package xapian-tools)")
            return
        }
        let mixed = try Database(shards: [Database(path: dir.child("a")), Database.remote(host: "127.0.0.1", port: server.port)])
        let local = try Database(shards: [Database(path: dir.child("a")), Database(path: dir.child("b"))])
        func run(_ db: Database) throws -> ([String], [String]) {
            let enquire = try Enquire(database: db)
            try enquire.setQuery(try Query(term: "talish"))
            let spy = try ValueCountSpy(slot: 0)
            try enquire.add(spy: spy)
            let mset = try enquire.matches(limit: 10, checkAtLeast: 100)
            return (try (0..<mset.count).map { try mset.document($0).data() }, try spy.counts().map { "\($0.value)=\($0.count)" })
        }
        let (remoteHits, remoteFacets) = try run(mixed)
        let (localHits, localFacets) = try run(local)
        #expect(remoteHits == localHits)
        #expect(remoteFacets == localFacets)
        #expect(remoteFacets == ["red=3"])
        #expect(try mixed.metadata("nothing") == "")
    }
}
