import Foundation
import Xapian

/// Serves a database folder with Xapian's `xapian-tcpsrv` on a free loopback port,
/// stopping it when released.
public final class TCPServer {
    private let process = Process()
    /// The port it listens on.
    public let port: Int

    /// Starts the server, or returns nil if `xapian-tcpsrv` is missing or does not come up.
    public init?(serving path: String) {
        guard let tool = ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        port = Int.random(in: 20_000...60_000)
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--interface", "127.0.0.1", "--port", String(port), path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        for _ in 0..<100 { // until it accepts connections
            if (try? Database.remote(host: "127.0.0.1", port: port, timeoutMilliseconds: 500)) != nil { return }
            usleep(50_000)
        }
        stop()
        return nil
    }

    /// The address Frontline's `--index` accepts.
    public var address: String { "tcp://127.0.0.1:\(port)" }

    /// xapian-tcpsrv does not stop on SIGTERM while it serves, so it is killed.
    private func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
