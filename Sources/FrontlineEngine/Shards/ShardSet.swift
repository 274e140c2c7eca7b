import Foundation
import FrontlineCorpus
import Xapian

/// A shard left out of an answer because no copy of it could be reached.
public struct MissingShard: Sendable, Equatable, Encodable {
    /// The shard (its copies joined by `|`).
    public var location: String
    /// Its share of the index's passages, from 0 to 1 (by the passages last seen in each
    /// shard; a shard never seen counts as many as the average of the others).
    public var share: Double
    /// Why it could not be reached (Xapian's message for its last copy tried).
    public var reason: String

    enum CodingKeys: String, CodingKey { case location, share }

    /// The notice an answer without it carries.
    public var notice: String {
        "shard \(location) (\(Int((share * 100).rounded()))% of the index) cannot be reached: these results leave it out"
    }
}

/// The copies `Searcher` reads: one live copy of each shard of a `Topology`, opened as one
/// database. A shard whose copy fails is opened again from the next copy (the copy that
/// answered last is tried first); a shard none of whose copies answers is *missing*, which
/// a search reports or refuses (`SearchRequest.allowPartial`).
///
/// Each shard is known by its UUID (replicas share it): a shard reached twice, through two
/// addresses or a replica listed beside its primary as another shard, is read once, with
/// a notice. Shards tagged with different gazetteers are refused, naming both.
///
/// Not thread-safe: it belongs to its searcher's thread.
final class ShardSet {
    /// How long a remote copy may take to accept a connection: well below a server
    /// request's limit, so that a cut-off shard is reported as unreachable, not as a slow query.
    static let connectMilliseconds = 2_000
    /// How long one call to a remote copy may take.
    static let callMilliseconds = 5_000
    /// How often a searcher with a missing shard tries it again.
    static let retryInterval: Duration = .seconds(10)

    /// The copies this process found unreachable only at the end of a time limit (a copy
    /// that is cut off, or accepts connections and never answers), with when and why: every
    /// searcher skips them until `retryInterval` has passed, so that such a copy costs the
    /// limit once per interval, not once per searcher opened. A copy that refuses at once
    /// is cheap to try again, and is.
    private static let unreachable = Locked<[String: (at: ContinuousClock.Instant, reason: String)]>([:])

    /// The shards and their copies.
    let topology: Topology
    /// The copy of each shard tried first: the one that answered last.
    private var preferred: [Int]
    /// The passages each shard held when last opened.
    private var passages: [Int?]
    /// When the index run that wrote the copy of each shard read last published it
    /// (`ShardManifest.published`; nil when not known), for a shard with several copies.
    private var revisions: [Int?]

    /// What one open found.
    struct Opened {
        /// The copies opened, searched as one.
        let database: Database
        /// The same copies one by one, in shard order.
        let shards: [Database]
        /// Their manifests, read when they were opened (one request each).
        let manifests: [ShardManifest]
        /// For each shard, the copy opened (nil: missing, or the same shard as another).
        let copies: [String?]
        /// For each shard, the stub text of the local copy opened (see `IndexLayout.stamp(at:)`).
        let stamps: [String?]
        /// The shards none of whose copies answered.
        let missing: [MissingShard]
        /// What the user should know about the copies read.
        let notices: [String]
        /// When it was opened.
        let at: ContinuousClock.Instant
    }

    init(_ topology: Topology) {
        self.topology = topology
        preferred = Array(repeating: 0, count: topology.shards.count)
        passages = Array(repeating: nil, count: topology.shards.count)
        revisions = Array(repeating: nil, count: topology.shards.count)
    }

    /// Opens a live copy of every shard.
    /// - Throws: the first copy's error for a shard whose copies all fail other than by
    ///   being unreachable (no index, damage, another schema); `.unreachable` naming every
    ///   shard when none answers; `.differentGazetteers`, `.overlappingShards`.
    func open() throws -> Opened {
        var databases: [Database] = [], manifests: [ShardManifest] = [], copies: [String?] = [], stamps: [String?] = [], notices: [String] = []
        var unreachable: [(shard: Int, reason: String)] = []
        var owners: [String: String] = [:] // a shard's UUID → the shard read for it
        var gazetteer: (hash: String, shard: String)?
        for (number, shard) in topology.shards.enumerated() {
            guard let (copy, database, manifest) = try openLive(number, &unreachable) else {
                copies.append(nil)
                stamps.append(nil)
                continue
            }
            let parts = try database.uuid.split(separator: ":").map(String.init)
            let seen = parts.compactMap { owners[$0] }
            if !parts.isEmpty, seen.count == parts.count {
                notices.append("\(shard.name) is the same shard as \(seen[0]) (UUID \(parts[0])): searched once")
                copies.append(nil)
                stamps.append(nil)
                continue
            }
            if let other = seen.first { throw SearchError.overlappingShards(other, shard.name) }
            for part in parts { owners[part] = shard.name }
            if topology.shards.count > 1 {
                let hash = manifest.gazetteerHash
                if let gazetteer, gazetteer.hash != hash { throw SearchError.differentGazetteers(gazetteer.shard, shard.name) }
                gazetteer = gazetteer ?? (hash, shard.name)
            }
            // Xapian's revisions are not served remotely: the index run's own stamp tells copies apart.
            let revision = shard.copies.count > 1 ? manifest.published : nil
            if let revision, let before = revisions[number], revision < before {
                notices.append("shard \(shard.name): copy \(copy) is at an older revision than the copy read before (published \(ShardSet.time(revision)), not \(ShardSet.time(before))): its answers may leave out the newest articles")
            }
            revisions[number] = revision ?? revisions[number]
            passages[number] = try database.documentCount
            databases.append(database)
            manifests.append(manifest)
            copies.append(copy)
            stamps.append(IndexLayout.stamp(at: copy))
        }
        guard !databases.isEmpty else {
            throw SearchError.unreachable(topology.shards.map(\.name).joined(separator: ", "), reason: unreachable.first?.reason ?? "no shard")
        }
        let known = passages.compactMap { $0 }, average = Double(known.reduce(0, +)) / Double(max(known.count, 1))
        let total = passages.reduce(0.0) { $0 + ($1.map(Double.init) ?? average) }
        let missing = unreachable.map { number, reason in
            MissingShard(location: topology.shards[number].name,
                         share: total > 0 ? (passages[number].map(Double.init) ?? average) / total : 1 / Double(topology.shards.count),
                         reason: reason)
        }
        let database = databases.count == 1 ? databases[0] : try Database(shards: databases)
        return Opened(database: database, shards: databases, manifests: manifests, copies: copies, stamps: stamps, missing: missing, notices: notices, at: .now)
    }

    /// A publication stamp as a UTC time.
    private static func time(_ milliseconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// Opens the first copy of shard `number` that answers, the preferred one first; nil
    /// (and the shard added to `unreachable`) when none can be reached.
    private func openLive(_ number: Int, _ unreachable: inout [(shard: Int, reason: String)]) throws -> (String, Database, ShardManifest)? {
        let copies = topology.shards[number].copies
        var firstFailure: SearchError?, lastReason = ""
        for step in 0..<copies.count {
            let index = (preferred[number] + step) % copies.count, copy = copies[index]
            let now = ContinuousClock.now
            if let known = ShardSet.unreachable.withLock({ $0[copy] }), now - known.at < ShardSet.retryInterval {
                lastReason = known.reason
                continue
            }
            do {
                let (database, manifest) = try ShardSet.openCopy(copy)
                preferred[number] = index
                _ = ShardSet.unreachable.withLock { $0.removeValue(forKey: copy) }
                return (copy, database, manifest)
            } catch let failure as SearchError {
                if case .unreachable(_, let reason) = failure {
                    lastReason = reason
                    let failed = ContinuousClock.now
                    if failed - now > .milliseconds(500) { ShardSet.unreachable.withLock { $0[copy] = (failed, reason) } }
                } else {
                    firstFailure = firstFailure ?? failure
                }
            }
        }
        if let firstFailure { throw firstFailure }
        unreachable.append((number, lastReason))
        return nil
    }

    /// Opens one copy for a health check (`ShardHealth`, run in the background by the
    /// server): what it finds is what searchers opened next go by, so that a request
    /// skips a copy the prober found unreachable instead of waiting for its time limit.
    static func probe(_ location: String) throws -> Database {
        do {
            let database = try openShard(location)
            _ = unreachable.withLock { $0.removeValue(forKey: location) }
            return database
        } catch SearchError.unreachable(let copy, let reason) {
            // Stamped when the check ended: a prober that waits for a silent copy's limit
            // renews it before it is `retryInterval` old.
            unreachable.withLock { $0[location] = (ContinuousClock.now, reason) }
            throw SearchError.unreachable(copy, reason: reason)
        }
    }

    /// Opens one copy with its manifest, which says that Frontline of this schema wrote it
    /// (one request: `ShardManifest.read`).
    static func openCopy(_ location: String) throws -> (Database, ShardManifest) {
        let database = try openShard(location)
        do {
            return (database, try ShardManifest.read(database, at: location))
        } catch let error as XapianError {
            throw SearchError.translating(error, at: location)
        }
    }

    /// Opens one index location: a folder holding a Frontline index or one of its shards
    /// (`Index/shard-0`, `Index/gen-3/shard-1`, a replica made by `xapian-replicate`), or
    /// `tcp://HOST:PORT`.
    static func openShard(_ location: String) throws -> Database {
        if location.hasPrefix("tcp://") {
            guard let (host, port) = Topology.address(location) else { throw SearchError.badLocation(location) }
            do {
                return try Database.remote(host: host, port: port,
                                           timeoutMilliseconds: callMilliseconds, connectMilliseconds: connectMilliseconds)
            } catch let error as XapianError {
                throw SearchError.unreachable(location, reason: error.message)
            }
        }
        guard IndexLayout(folder: location).exists || isShardFolder(location) else { throw SearchError.noIndex(location) }
        do {
            return try Database(path: location)
        } catch let error as XapianError {
            if error.kind == .databaseCorrupt { throw SearchError.corrupt(location, detail: error.message) }
            throw error.kind.isOpeningFailure ? SearchError.noIndex(location) : SearchError.translating(error, at: location)
        }
    }

    /// True if `folder` is one Xapian shard (glass), as `Index/shard-0` is.
    static func isShardFolder(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("iamglass"))
    }


    /// True if an index run has published anew at a copy `opened` reads.
    func published(since opened: Opened) -> Bool {
        zip(opened.copies, opened.stamps).contains { copy, stamp in
            guard let copy else { return false }
            return IndexLayout.stamp(at: copy) != stamp
        }
    }
}
