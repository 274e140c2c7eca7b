import Foundation
import Xapian

/// Where the parts of a Frontline index live inside its folder:
///
/// ```
/// Index/
///   XAPIANDB        Xapian stub file listing the live generation's shards:
///                   `quest -d Index` and `Database(path: "Index")` open them all as one
///   gen-7/shard-0 … the live generation: one Xapian database per writer
///   shard-0 …       links to the live generation's shards, for `xapian-tcpsrv` and
///                   other tools that serve one shard by a path that does not change
///   .lock           held by a running `frontline index`
/// ```
///
/// Every index run writes a new generation beside the live one (a rebuild from nothing,
/// an update from a copy of the live shards) and publishes it by replacing the stub with
/// one `rename`: a reader that opens the index sees the generation before the run or the
/// one after it, never a run's batches half-way or a mix of old and new shards.
public struct IndexLayout: Sendable {
    /// The index folder.
    public let folder: String

    /// The layout of the index in `folder`.
    public init(folder: String) { self.folder = folder }

    /// The stub database file.
    public var stubPath: String { path("XAPIANDB") }
    /// The lock file held during an index run.
    public var lockPath: String { path(".lock") }

    /// The shard folders the stub lists, relative to the index folder, in order.
    public func shardNames() -> [String] {
        guard let stub = try? String(contentsOfFile: stubPath, encoding: .utf8) else { return [] }
        return IndexLayout.shardNames(inStub: stub)
    }

    /// The shard folders a stub's text lists.
    static func shardNames(inStub stub: String) -> [String] {
        stub.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0] == "auto" ? String(parts[1]) : nil
        }
    }

    /// The path of live shard `number` (as the stub lists it).
    public func shardPath(_ number: Int) -> String {
        let names = shardNames()
        return path(number < names.count ? names[number] : "shard-\(number)")
    }

    /// The stub's text, which names the live generation: a reader that kept it knows when
    /// an index run has published another (nil when there is no index).
    public func stamp() -> String? { try? String(contentsOfFile: stubPath, encoding: .utf8) }

    /// What changes when an index run publishes at the index location `location`: the
    /// stub's text for an index folder, the folder a shard link points to for a shard
    /// (`Index/shard-0`); nil for a remote location.
    public static func stamp(at location: String) -> String? {
        guard !location.hasPrefix("tcp://") else { return nil }
        return IndexLayout(folder: location).stamp() ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: location))
    }

    /// The live generation's number (0 for an index written before generations).
    var liveGeneration: Int {
        shardNames().compactMap(IndexLayout.generation(of:)).max() ?? 0
    }

    /// The folder of shard `number` in generation `generation`.
    func shardPath(_ number: Int, generation: Int) -> String { path(generationName(generation) + "/shard-\(number)") }

    /// True if the folder holds a Frontline index.
    public var exists: Bool { FileManager.default.fileExists(atPath: stubPath) }

    /// Makes `generation` (with `count` shards) the live one: the stub is replaced in one
    /// `rename`, the stable `shard-N` links are pointed at it, and every other generation
    /// is removed (readers that have one open keep reading it until they move on).
    func publish(generation: Int, shards count: Int) throws {
        unlink(startedPath(generation: generation))
        let text = (0..<count).map { "auto \(generationName(generation))/shard-\($0)\n" }.joined()
        let temporary = path("XAPIANDB.tmp")
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, stubPath) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stubPath])
        }
        for number in 0..<count {
            let link = path("shard-\(number)"), temporaryLink = link + ".tmp"
            unlink(temporaryLink)
            if symlink("\(generationName(generation))/shard-\(number)", temporaryLink) != 0 || rename(temporaryLink, link) != 0 {
                // An index of the layout before generations has a real folder there.
                try? FileManager.default.removeItem(atPath: link)
                _ = rename(temporaryLink, link)
            }
        }
        removeAll(except: generation, shards: count)
    }

    /// Removes what no reader can reach any more: generations other than `live` (a run that
    /// died before publishing leaves one; `keeping` spares it for a run that resumes it) and
    /// shard links or folders past `count`.
    func removeAll(except live: Int, keeping resumed: Int? = nil, shards count: Int) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries {
            if let number = IndexLayout.generation(of: entry + "/"), number != live, number != resumed {
                try? FileManager.default.removeItem(atPath: path(entry))
            } else if entry.hasPrefix("shard-"), let number = Int(entry.dropFirst(6)), number >= count {
                try? FileManager.default.removeItem(atPath: path(entry))
            }
        }
    }

    /// The file that marks a generation's shards as all created: a run that dies after it
    /// leaves a generation at one of its commits, which the next run resumes.
    func startedPath(generation: Int) -> String { path(generationName(generation) + "/STARTED") }

    /// Marks `generation` as started (see `startedPath`).
    func markStarted(generation: Int) throws {
        try Data().write(to: URL(fileURLWithPath: startedPath(generation: generation)))
    }

    /// How many shards `generation` holds.
    func shardCount(generation: Int) -> Int {
        var count = 0
        while FileManager.default.fileExists(atPath: shardPath(count, generation: generation)) { count += 1 }
        return count
    }

    /// Makes an empty folder for `generation`; with `copyingLive`, a copy of every live
    /// shard in it, for a run that updates the index without touching what readers have open.
    func prepare(generation: Int, copyingLive: Bool) throws {
        let target = path(generationName(generation))
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        guard copyingLive else { return }
        for (number, name) in shardNames().enumerated() {
            try FileCopy.folder(path(name), to: shardPath(number, generation: generation))
        }
    }

    /// The total size of the live generation's files, in bytes.
    public func sizeInBytes() -> Int {
        shardNames().reduce(0) { total, name in
            let shard = path(name)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: shard)) ?? []
            return total + files.reduce(0) { sum, file in
                sum + (((try? FileManager.default.attributesOfItem(atPath: shard + "/" + file))?[.size] as? Int) ?? 0)
            }
        }
    }

    private func generationName(_ number: Int) -> String { "gen-\(number)" }

    /// The generation a shard name such as `gen-7/shard-0` belongs to.
    private static func generation(of name: String) -> Int? {
        guard name.hasPrefix("gen-"), let slash = name.firstIndex(of: "/") else { return nil }
        return Int(name[name.index(name.startIndex, offsetBy: 4)..<slash])
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}

/// Copies a Xapian database folder: its regular files, nothing a link points to.
enum FileCopy {
    static func folder(_ source: String, to target: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: source) {
            let from = source + "/" + name
            guard (try files.attributesOfItem(atPath: from)[.type] as? FileAttributeType) == .typeRegular else { continue }
            try files.copyItem(atPath: from, toPath: target + "/" + name)
        }
    }
}
