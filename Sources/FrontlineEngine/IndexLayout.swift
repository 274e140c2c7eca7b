import Foundation
import Xapian

/// Where the parts of a Frontline index live inside its folder:
///
/// ```
/// Index/
///   XAPIANDB        Xapian stub file listing the shards: `quest -d Index` and
///                   `Database(path: "Index")` open them all as one
///   shard-0/ …      one Xapian database per writer
///   .lock           held by a running `frontline index`
/// ```
public struct IndexLayout: Sendable {
    /// The index folder.
    public let folder: String

    /// The layout of the index in `folder`.
    public init(folder: String) { self.folder = folder }

    /// The stub database file.
    public var stubPath: String { path("XAPIANDB") }
    /// The lock file held during an index run.
    public var lockPath: String { path(".lock") }

    /// The folder of shard `number`.
    public func shardPath(_ number: Int) -> String { path("shard-\(number)") }

    /// The shards the stub file lists, in order.
    public func shardNames() -> [String] {
        guard let stub = try? String(contentsOfFile: stubPath, encoding: .utf8) else { return [] }
        return stub.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 && parts[0] == "auto" ? String(parts[1]) : nil
        }
    }

    /// True if the folder holds a Frontline index.
    public var exists: Bool { FileManager.default.fileExists(atPath: stubPath) }

    /// Writes the stub file listing `count` shards, atomically.
    func writeStub(shards count: Int) throws {
        let text = (0..<count).map { "auto shard-\($0)\n" }.joined()
        let temporary = path("XAPIANDB.tmp")
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary, stubPath) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stubPath])
        }
    }

    /// The total size of the index files, in bytes.
    public func sizeInBytes() -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total = 0
        while let entry = walker.nextObject() as? String {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path(entry)))?[.size] as? Int { total += size }
        }
        return total
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}

/// An exclusive, advisory lock on the index folder, held for a whole index run
/// and released by the kernel if the process dies (even by SIGKILL).
final class IndexLock {
    private let descriptor: Int32

    /// Takes the lock at `path` without waiting.
    /// - Returns: nil if another process holds it.
    init?(path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
