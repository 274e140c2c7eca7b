import Foundation

/// `frontline serve` running as its own process on a free loopback port, as a user starts
/// it; stopped with SIGTERM, as a service manager stops it.
public final class ServedFrontline: @unchecked Sendable {
    private let process = Process()
    /// The port it listens on.
    public let port: Int

    /// Starts `frontline serve` with `arguments` (an `--index` among them) and waits until it
    /// says where it listens; nil if it did not start within 60 s.
    public init?(_ arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = ["serve", "--port", "0"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        // "frontline: serving INDEX on http://127.0.0.1:PORT/ (Ctrl-C stops)"
        var seen = "", found: Int?
        let deadline = Date().addingTimeInterval(60)
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(seen[range].dropFirst("http://127.0.0.1:".count).dropLast())
            }
        }
        guard let found else {
            process.terminate()
            return nil
        }
        port = found
        // Keep reading what it says, so that it never blocks on a full pipe.
        let handle = errors.fileHandleForReading
        Thread.detachNewThread { while !handle.availableData.isEmpty {} }
    }

    /// Stops it with SIGTERM and returns its exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}
