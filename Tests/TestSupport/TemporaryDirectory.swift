import Foundation
import Synchronization

/// A fresh folder under the system's temporary directory, removed when released.
public final class TemporaryDirectory: Sendable {
    /// The folder's path.
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "frontline-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func child(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` (creating folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` (creating folders) and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let file = child(name)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Folders removed when the test process exits: for data shared by a whole suite and
/// held in a global, which is never deinitialised.
public enum ProcessLifetime {
    private static let folders = Mutex<[String]>([])
    private static let registered: Void = {
        atexit {
            for folder in ProcessLifetime.folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
        }
    }()

    /// A new empty folder, removed at exit.
    public static func folder(_ name: String) -> String {
        _ = registered
        let path = NSTemporaryDirectory() + "frontline-tests-\(name)-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        folders.withLock { $0.append(path) }
        return path
    }
}
