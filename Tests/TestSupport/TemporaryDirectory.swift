import Foundation

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
