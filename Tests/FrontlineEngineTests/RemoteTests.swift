import EngineTestSupport
import Foundation
import XapianTestSupport
import Testing
import Xapian
@testable import FrontlineEngine

/// A remote index must answer exactly like a local one: name variants, expansions,
/// spelling corrections and facets included.
@Suite struct RemoteShardTests {
    /// The judged queries, the fixed queries, and queries that only match through the
    /// gazetteer's variants and expansions or a spelling correction.
    static let queries = RankingEvaluationTests.judged.map(\.0) + fixedQueries + [
        "casualties", "Talysh", "Talish", "ceasefire", "Khankendi", "Nagorny Karabakh", "Azeri losses", "Stepanakret",
        "ceasefre violations", "killed OR wounded", "drone*", "claimant:Kremlin ceasefire", "-Russia ceasefire",
    ]

    /// Total, hits (article#passage@score) and facets of `query`.
    private func answer(_ searcher: Searcher, _ query: String, perArticle: Bool = false) throws -> String {
        var request = SearchRequest(query: query)
        request.limit = 20
        request.perArticle = perArticle
        let result = try searcher.search(request)
        let hits = result.hits.map { "\($0.passage.article)#\($0.passage.ordinal)@\(String(format: "%.6f", $0.score))" }
        let facets = result.facets.map { "\($0.facet): " + $0.counts.map { "\($0.value)=\($0.count)" }.joined(separator: ",") }
        return (["total \(result.total) corrected \(result.corrected ?? "-")"] + hits + facets).joined(separator: "\n")
    }

    /// The shipped corpus indexed as `shards` shards in `dir`, each served by `xapian-tcpsrv`.
    private func servedIndex(in dir: TemporaryDirectory, shards: Int) throws -> (index: String, servers: [TCPServer]) {
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: shards)
        let layout = IndexLayout(folder: index)
        let servers = (0..<shards).compactMap { TCPServer(serving: layout.shardPath($0)) }
        try #require(servers.count == shards, "xapian-tcpsrv is not installed (Debian package xapian-tools)")
        return (index, servers)
    }

    @Test func twoRemoteShardsAnswerLikeTheSameShardsOpenedLocally() throws {
        let dir = TemporaryDirectory()
        let (index, servers) = try servedIndex(in: dir, shards: 2)
        let remote = try Searcher(locations: servers.map(\.address))
        let local = try Searcher(locations: [index])
        for query in RemoteShardTests.queries {
            #expect(try answer(remote, query) == answer(local, query), "\(query)")
            #expect(try answer(remote, query, perArticle: true) == answer(local, query, perArticle: true), "\(query), per article")
        }
        #expect(try remote.search(SearchRequest(query: "casualties")).total == 30)
        #expect(try remote.search(SearchRequest(query: "Talysh")).total == 7)
    }

    /// Queries whose weights Xapian 1.4 computes per shard unless Frontline makes them shard
    /// independent: wildcards (expanded on each shard from its own words) and expansions
    /// (a synonym whose frequency each shard estimates from its own).
    static let perShardQueries = ["Stepan*", "drone*", "Karabakh*", "kill*", "casualties", "casualties Armenia",
                                  "Azeri losses", "title:Karabakh*", "Stepan* -Shusha", "ceasefire OR truce*"]

    /// Every answer of `queries`, ranked, scored and counted, plus per article with "more in this article".
    private func answers(_ searcher: Searcher, _ queries: [String]) throws -> [String] {
        try queries.flatMap { query in
            [try answer(searcher, query), try answer(searcher, query, perArticle: true) + "\n" + otherPassages(searcher, query)
             + "\n" + page(searcher, query, offset: 7, limit: 4)]
        }
    }

    /// A page further down (a remote search by relevance ranks its ties itself).
    private func page(_ searcher: Searcher, _ query: String, offset: Int, limit: Int) throws -> String {
        var request = SearchRequest(query: query)
        request.offset = offset
        request.limit = limit
        return try searcher.search(request).hits.map { "\($0.rank):\($0.passage.article)#\($0.passage.ordinal)" }.joined(separator: " ")
    }

    /// The per-article page's "more in this article" counts.
    private func otherPassages(_ searcher: Searcher, _ query: String) throws -> String {
        var request = SearchRequest(query: query)
        request.perArticle = true
        request.limit = 20
        return try searcher.search(request).hits.map { "\($0.passage.article)+\($0.otherPassages)" }.joined(separator: " ")
    }

    @Test func oneShardThreeShardsAndThreeRemoteShardsRankAndCountAlike() throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("one"), jobs: 1)
        try buildIndex([Repository.corpus], into: dir.child("three"), jobs: 3)
        let layout = IndexLayout(folder: dir.child("three"))
        let servers = (0..<3).compactMap { TCPServer(serving: layout.shardPath($0)) }
        try #require(servers.count == 3, "xapian-tcpsrv is not installed (Debian package xapian-tools)")
        let one = try Searcher(locations: [dir.child("one")]), three = try Searcher(locations: [dir.child("three")])
        let remote = try Searcher(locations: servers.map(\.address))
        let queries = RemoteShardTests.queries + RemoteShardTests.perShardQueries
        let expected = try answers(one, queries)
        for (name, searcher) in [("3 shards", three), ("3 remote shards", remote)] {
            for (index, (got, wanted)) in zip(try answers(searcher, queries), expected).enumerated() {
                #expect(got == wanted, "\(queries[index / 2])\(index % 2 == 1 ? ", per article" : ""), \(name) against 1 shard")
            }
        }
    }

    @Test func moreInThisArticleCountsEveryOtherMatchingPassage() throws {
        let dir = TemporaryDirectory()
        let (index, servers) = try servedIndex(in: dir, shards: 3)
        for searcher in [try Searcher(locations: [index]), try Searcher(locations: servers.map(\.address))] {
            for query in ["casualties", "Stepanakert", "ceasefire", "Armenia"] {
                var every = SearchRequest(query: query)
                every.limit = 1_000
                let matching = Dictionary(grouping: try searcher.search(every).hits, by: \.passage.article).mapValues(\.count)
                var request = SearchRequest(query: query)
                request.perArticle = true
                request.limit = 5 // a short page: Xapian's own collapse counts stop where its match stopped
                let result = try searcher.search(request)
                #expect(result.articles == matching.count, "\(query)")
                for hit in result.hits {
                    #expect(hit.otherPassages == matching[hit.passage.article]! - 1, "\(query): \(hit.passage.article)")
                }
            }
        }
    }

    @Test func oneIndexAndTwoShardsFindTheSamePassages() throws {
        let dir = TemporaryDirectory()
        try buildIndex([Repository.corpus], into: dir.child("one"), jobs: 1)
        try buildIndex([Repository.corpus], into: dir.child("two"), jobs: 2)
        let one = try Searcher(locations: [dir.child("one")]), two = try Searcher(locations: [dir.child("two")])
        for query in RemoteShardTests.queries {
            var request = SearchRequest(query: query)
            request.limit = 200
            let a = try one.search(request), b = try two.search(request)
            #expect(a.total == b.total && a.corrected == b.corrected, "\(query)")
            #expect(a.facets.map(\.counts) == b.facets.map(\.counts), "\(query)")
            #expect(Set(a.hits.map { "\($0.passage.article)#\($0.passage.ordinal)" }) == Set(b.hits.map { "\($0.passage.article)#\($0.passage.ordinal)" }), "\(query)")
        }
    }

    @Test func aMixOfLocalAndRemoteSearchesAsOne() throws {
        let dir = TemporaryDirectory()
        let index = dir.child("index")
        try buildIndex([Repository.corpus], into: index, jobs: 3)
        let layout = IndexLayout(folder: index)
        let servers = (0..<3).compactMap { TCPServer(serving: layout.shardPath($0)) }
        try #require(servers.count == 3, "xapian-tcpsrv is not installed (Debian package xapian-tools)")
        let other = dir.child("other")
        try buildIndex([dir.write("extra/x.txt", "Armenia said Shusha was shelled overnight.")], into: other, jobs: 1)
        let mixed = try Searcher(locations: [other] + servers.map(\.address))
        #expect(try mixed.search(SearchRequest(query: "Shusha")).total == 1)
        #expect(try mixed.search(SearchRequest(query: "")).total == 121)
        #expect(try mixed.search(SearchRequest(query: "Talysh")).total == 7)
    }
}
