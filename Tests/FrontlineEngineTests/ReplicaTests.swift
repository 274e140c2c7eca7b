import EngineTestSupport
import Foundation
import XapianTestSupport
import Testing
import Xapian
@testable import FrontlineEngine

/// Copies of shards (replicas) and what a search does when one fails, on real
/// `xapian-tcpsrv` processes on loopback.
@Suite struct ReplicaTests {
    /// A one-shard index of the shipped corpus in `dir`.
    private func oneShard(_ dir: TemporaryDirectory, _ name: String = "index", jobs: Int = 1) throws -> String {
        let index = dir.child(name)
        try buildIndex([Repository.corpus], into: index, jobs: jobs)
        return index
    }

    private func served(_ path: String, idleTimeout: Int? = nil) throws -> TCPServer {
        try #require(TCPServer(serving: path, idleTimeout: idleTimeout), "xapian-tcpsrv is not installed (Debian package xapian-tools)")
    }

    private func total(_ searcher: Searcher, _ query: String = "Talysh", partial: Bool = false) throws -> Int {
        var request = SearchRequest(query: query)
        request.allowPartial = partial
        return try searcher.search(request).total
    }

    @Test func aSearchMovesToAnotherCopyWhenThePrimaryDies() throws {
        let dir = TemporaryDirectory()
        let shard = IndexLayout(folder: try oneShard(dir)).shardPath(0)
        let primary = try served(shard), replica = try served(shard)
        let searcher = try Searcher(locations: ["\(primary.address)|\(replica.address)"])
        let expected = try total(searcher)
        #expect(expected == 7)
        primary.stop()
        // The open connection breaks: the same searcher moves to the replica, no error seen.
        let result = try searcher.search(SearchRequest(query: "Talysh"))
        #expect(result.total == expected && result.missingShards.isEmpty, "\(result.notices)")
        // A searcher opened now skips the dead copy.
        #expect(try total(try Searcher(locations: ["\(primary.address)|\(replica.address)"])) == expected)
        // A local folder is a copy like any other.
        replica.stop()
        #expect(try total(try Searcher(locations: ["\(replica.address)|\(shard)"])) == expected)
    }

    @Test func aConnectionTheShardClosedWhenIdleIsOpenedAgain() throws {
        let dir = TemporaryDirectory()
        let server = try served(IndexLayout(folder: try oneShard(dir)).shardPath(0), idleTimeout: 300)
        let searcher = try Searcher(locations: [server.address])
        #expect(try total(searcher) == 7)
        Thread.sleep(forTimeInterval: 1)
        #expect(try total(searcher) == 7)
        try searcher.refresh()
        Thread.sleep(forTimeInterval: 1)
        try searcher.refresh()
        #expect(try total(searcher) == 7)
    }

    @Test func aMissingShardFailsTheSearchNamingItUnlessPartialAnswersAreAllowed() throws {
        let dir = TemporaryDirectory()
        let index = try oneShard(dir, jobs: 2)
        let layout = IndexLayout(folder: index)
        let first = try served(layout.shardPath(0)), second = try served(layout.shardPath(1))
        let whole = try total(try Searcher(locations: [index]), "")
        let searcher = try Searcher(locations: [first.address, second.address])
        #expect(try total(searcher, "") == whole)
        // It dies under an open searcher: that shard alone is named.
        second.stop()
        #expect {
            try searcher.search(SearchRequest(query: ""))
        } throws: { error in
            guard case SearchError.incomplete(let missing) = error else { return false }
            return missing.map(\.location) == [second.address] && "\(error)".contains(second.address) && !"\(error)".contains(first.address)
                && "\(error)".contains("--allow-partial")
        }
        let partial = try Searcher(locations: [first.address, second.address])
        var request = SearchRequest(query: "")
        request.allowPartial = true
        let result = try partial.search(request)
        let alone = try total(try Searcher(locations: [layout.shardPath(0)]), "")
        #expect(result.total == alone && alone < whole)
        #expect(result.missingShards.map(\.location) == [second.address])
        // Never seen, the missing shard counts as many passages as the one that answered.
        #expect(result.missingShards.first?.share == 0.5)
        #expect(result.notices.contains { $0.contains(second.address) && $0.contains("50% of the index") })
        // Seen before it died, its share is its passages'.
        var again = SearchRequest(query: "")
        again.allowPartial = true
        let before = try searcher.search(again)
        let share = try #require(before.missingShards.first?.share)
        #expect(abs(share - Double(whole - alone) / Double(whole)) < 1e-9)
        // The JSON says it too.
        let json = String(decoding: try JSONEncoder().encode(SearchJSON(result)), as: UTF8.self)
        #expect(json.contains("\"missing_shards\":[{") && json.contains("\"share\":0.5"), "\(json)")
        #expect(!String(decoding: try JSONEncoder().encode(SearchJSON(try Searcher(locations: [index]).search(SearchRequest(query: "x")))), as: UTF8.self).contains("missing_shards"))
        // No shard at all: opening fails, naming them.
        first.stop()
        #expect(throws: SearchError.self) { try Searcher(locations: [first.address, second.address]) }
    }

    @Test func aShardReachedTwiceIsSearchedOnceWithANotice() throws {
        let dir = TemporaryDirectory()
        let index = try oneShard(dir, jobs: 2)
        let layout = IndexLayout(folder: index)
        let one = try served(layout.shardPath(0)), same = try served(layout.shardPath(0)), other = try served(layout.shardPath(1))
        let expected = try Searcher(locations: [index]).search(SearchRequest(query: "Talysh"))
        let twice = try Searcher(locations: [one.address, other.address, same.address])
        let result = try twice.search(SearchRequest(query: "Talysh"))
        #expect(result.total == expected.total)
        #expect(result.hits.map(\.passage.article) == expected.hits.map(\.passage.article))
        #expect(result.notices.contains { $0.contains(same.address) && $0.contains("same shard as \(one.address)") }, "\(result.notices)")
        // The local folder and a shard of it: the shard is in the folder already.
        let mixed = try Searcher(locations: [index, layout.shardPath(1)])
        #expect(try mixed.search(SearchRequest(query: "Talysh")).total == expected.total)
    }

    @Test func shardsTaggedWithDifferentGazetteersAreRefusedInEitherOrder() throws {
        let dir = TemporaryDirectory()
        let shipped = try oneShard(dir)
        var options = Indexer.Options(paths: [dir.write("syria/a.txt", "Shelling was reported near Aleppo on Monday.")], index: dir.child("syria"))
        options.gazetteer = Repository.root + "/Tests/judged/syria-gazetteer.json"
        options.worldBase = Repository.worldBase
        _ = try Indexer(options: options, onDiagnostic: { _ in }).run()
        for order in [[shipped, dir.child("syria")], [dir.child("syria"), shipped]] {
            #expect {
                try Searcher(locations: order)
            } throws: { error in
                guard case SearchError.differentGazetteers = error else { return false }
                return "\(error)".contains(shipped) && "\(error)".contains(dir.child("syria"))
            }
        }
    }

    @Test func aShardFolderOpensAsAnIndex() throws {
        let dir = TemporaryDirectory()
        let index = try oneShard(dir)
        let layout = IndexLayout(folder: index)
        let whole = try total(try Searcher(locations: [index]))
        #expect(try total(try Searcher(locations: [layout.shardPath(0)])) == whole)
        #expect(try total(try Searcher(locations: [index + "/shard-0"])) == whole)
    }

    @Test func aTopologyFileListsShardsAndTheirCopies() throws {
        let dir = TemporaryDirectory()
        let index = try oneShard(dir, jobs: 2)
        let layout = IndexLayout(folder: index)
        let dead = try served(layout.shardPath(1))
        dead.stop()
        let file = dir.write("cluster.txt", """
            # shard 0, then shard 1 (whose first copy is down)
            index/shard-0
            \(dead.address) | index/shard-1   # a replica beside it
            """)
        let searcher = try Searcher(locations: [file])
        #expect(searcher.locations == [dir.child("index/shard-0"), "\(dead.address)|\(dir.child("index/shard-1"))"])
        #expect(try total(searcher) == total(try Searcher(locations: [index])))
        let bad = dir.write("bad.txt", "index/shard-0\n\ntcp://x:99999\n")
        #expect {
            try Searcher(locations: [bad])
        } throws: { error in
            guard case SearchError.badTopology(_, let line, _) = error else { return false }
            return line == 3 && "\(error)".contains("bad.txt:3")
        }
    }

    @Test func aReplicaKeptByXapianReplicationFollowsAnUpdateAndSaysWhenItLags() throws {
        let dir = TemporaryDirectory()
        let corpus = dir.copyCorpus(to: "corpus")
        let index = dir.child("index")
        try buildIndex([corpus], into: index, jobs: 1)
        let replica = dir.child("replica")
        let replication = try #require(ReplicationServer(serving: index), "xapian-replicate-server is not installed (Debian package xapian-tools)")
        try replication.replicate("shard-0", to: replica)
        #expect(try total(try Searcher(locations: [replica])) == 7)
        let master = try Database(path: IndexLayout(folder: index).shardPath(0)), copy = try Database(path: replica)
        #expect(try copy.uuid == master.uuid && copy.revision == master.revision)

        // An update (a new generation, copied from the live one) reaches the replica.
        dir.write("corpus/zz.txt", "Talysh residents said the shelling went on overnight.")
        try buildIndex([corpus], into: index, jobs: 1)
        let primary = try served(IndexLayout(folder: index).shardPath(0)), lagging = try served(replica)
        let searcher = try Searcher(locations: ["\(primary.address)|\(lagging.address)"])
        #expect(try total(searcher) == 8)
        // The primary dies before the replica has followed: the answer says it is older.
        primary.stop()
        let older = try searcher.search(SearchRequest(query: "Talysh"))
        #expect(older.total == 7)
        #expect(older.notices.contains { $0.contains("older revision") && $0.contains(lagging.address) }, "\(older.notices)")
        let log = try replication.replicate("shard-0", to: replica)
        #expect(log.contains("changeset"), "\(log)")
        try searcher.refresh()
        #expect(try total(searcher) == 8)
        #expect(try total(try Searcher(locations: [replica])) == 8)
    }
}

/// Xapian's `xapian-replicate-server` serving the shards of an index folder on a free
/// loopback port, and `xapian-replicate` run once against it.
final class ReplicationServer {
    private let process = Process()
    let port: Int

    init?(serving folder: String) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-replicate-server") else { return nil }
        port = Int.random(in: 20_000...60_000)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-replicate-server")
        process.arguments = ["--interface", "127.0.0.1", "--port", String(port), folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
    }

    /// Brings `replica` up to date with the shard `name` (relative to the served folder) once;
    /// returns what `xapian-replicate -v` said.
    @discardableResult
    func replicate(_ name: String, to replica: String) throws -> String {
        var last = (status: Int32(-1), out: "", err: "")
        for _ in 0..<50 { // until the server listens
            last = try runProgram("/usr/bin/xapian-replicate", ["-h", "127.0.0.1", "-p", String(port), "-m", name, "-o", "-v", "-r", "0", replica], timeout: 60)
            if last.status == 0 { return last.out + last.err }
            usleep(100_000)
        }
        Issue.record("xapian-replicate failed: \(last.err)")
        return last.out + last.err
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
