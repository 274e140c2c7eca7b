import Foundation
import FrontlineCorpus

/// The shards an index is made of, and the copies of each that can answer for it, as the
/// `--index` values name them:
///
/// - a folder or `tcp://HOST:PORT` is one shard with one copy;
/// - copies of one shard joined by `|` are replicas of it, tried in order:
///   `tcp://a:33331|tcp://b:33331` (a folder may be one of them);
/// - a topology file (any regular file, not a folder) lists one shard a line, its copies
///   joined by `|` or spaces; `#` starts a comment; a relative folder is taken from the
///   file's own folder:
///
/// ```
/// # shard 0 and its replica, then shard 1
/// tcp://alpha:33331 | tcp://beta:33331
/// tcp://gamma:33332
/// ```
public struct Topology: Sendable, Equatable {
    /// One shard of the index: the copies that hold it.
    public struct Shard: Sendable, Hashable {
        /// Its copies (folders or `tcp://HOST:PORT`), in the order they are tried.
        public let copies: [String]
        /// The copies as absolute folders and lower-case addresses: what makes two the same.
        let key: [String]
        /// The copies joined by `|`: how the shard is named in messages and JSON.
        public var name: String { copies.joined(separator: "|") }

        public static func == (a: Shard, b: Shard) -> Bool { a.key == b.key }
        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }

    /// The shards, in the order given; a shard named twice is listed once.
    public let shards: [Shard]

    /// A topology file is read only up to this size.
    static let fileLimit = 1 << 16

    /// The shards `locations` name (see the type's description).
    /// - Throws: `SearchError.badLocation` for an empty copy, `.badTopology` for a topology
    ///   file that cannot be read or has a bad line (named by its number).
    public init(locations: [String]) throws {
        var shards: [Shard] = [], seen: Set<Shard> = []
        for location in locations {
            for shard in try Topology.shards(in: location) where seen.insert(shard).inserted { shards.append(shard) }
        }
        self.shards = shards
    }

    /// The host and port of a `tcp://HOST:PORT` location (nil if it is not one).
    static func address(_ location: String) -> (host: String, port: Int)? {
        guard location.hasPrefix("tcp://") else { return nil }
        let address = location.dropFirst("tcp://".count)
        guard let colon = address.lastIndex(of: ":"), colon > address.startIndex,
              let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        return (String(address[..<colon]), port)
    }

    /// The shards one `--index` value names.
    private static func shards(in location: String) throws -> [Shard] {
        var isFolder: ObjCBool = false
        guard !location.hasPrefix("tcp://"), !location.contains("|"),
              FileManager.default.fileExists(atPath: location, isDirectory: &isFolder), !isFolder.boolValue else {
            return [try shard(location, base: nil)]
        }
        guard let handle = FileHandle(forReadingAtPath: location) else {
            throw SearchError.badTopology(location, line: 0, problem: "it cannot be read")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: fileLimit + 1)) ?? Data()
        guard data.count <= fileLimit else { throw SearchError.badTopology(location, line: 0, problem: "it is larger than \(fileLimit / 1024) KB") }
        guard let text = String(data: data, encoding: .utf8) else { throw SearchError.badTopology(location, line: 0, problem: "it is not UTF-8 text") }
        let base = (CorpusReader.absolute(location) as NSString).deletingLastPathComponent
        var shards: [Shard] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let copies = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" || $0 == "\r" }).map(String.init)
            guard !copies.isEmpty else { continue }
            do {
                shards.append(try shard(copies.joined(separator: "|"), base: base))
            } catch let error as SearchError {
                throw SearchError.badTopology(location, line: number + 1, problem: error.description)
            }
        }
        guard !shards.isEmpty else { throw SearchError.badTopology(location, line: 0, problem: "it names no shard") }
        return shards
    }

    /// The shard whose copies `text` joins by `|`; relative folders are taken from `base`
    /// (the working folder when nil).
    private static func shard(_ text: String, base: String?) throws -> Shard {
        var copies: [String] = [], key: [String] = []
        for part in text.split(separator: "|", omittingEmptySubsequences: false) {
            var copy = part.trimmingCharacters(in: .whitespaces)
            guard !copy.isEmpty, !copy.hasPrefix("tcp://") || Topology.address(copy) != nil else { throw SearchError.badLocation(copy.isEmpty ? text : copy) }
            if let base, !copy.hasPrefix("tcp://"), !copy.hasPrefix("/") { copy = (base as NSString).appendingPathComponent(copy) }
            let normal = copy.hasPrefix("tcp://") ? copy.lowercased() : CorpusReader.absolute(copy)
            guard !key.contains(normal) else { continue }
            copies.append(copy)
            key.append(normal)
        }
        return Shard(copies: copies, key: key)
    }
}
