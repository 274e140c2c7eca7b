import Foundation
import TestSupport
import Testing
import Xapian
@testable import FrontlineEngine

@Suite struct RemoteShardTests {
    @Test func shardsServedByXapianTcpsrvSearchLikeTheLocalIndex() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: 3)
        let layout = IndexLayout(folder: index)
        let servers = (0..<3).compactMap { TCPServer(serving: layout.shardPath($0)) }
        guard servers.count == 3 else {
            Issue.record("xapian-tcpsrv is not installed (Debian package xapian-tools)")
            return
        }
        let remote = try Searcher(locations: servers.map(\.address))
        let local = try Searcher(locations: [index])
        // Words without name variants: the remote backend has no synonym table.
        for query in ["Putin restraint", "\"defence ministry\"", "side:karabakh", "claimant:russia", "helicopter date:2016"] {
            var request = SearchRequest(query: query)
            request.limit = 10
            let a = try remote.search(request), b = try local.search(request)
            #expect(a.total == b.total, "\(query)")
            #expect(a.hits.map(\.passage) == b.hits.map(\.passage), "\(query)")
            #expect(a.facets.map(\.counts) == b.facets.map(\.counts), "\(query)")
        }
        // A mix of a local index and remote shards searches them all as one.
        let other = dir.child("other")
        try buildIndex([dir.write("extra/x.txt", "Armenia said Shusha was shelled overnight.")], into: other, jobs: 1)
        let mixed = try Searcher(locations: [other] + servers.map(\.address))
        #expect(try mixed.search(SearchRequest(query: "Shusha")).total == 1)
        #expect(try mixed.search(SearchRequest(query: "")).total == 121)
    }
}
