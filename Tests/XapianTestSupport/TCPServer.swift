import Foundation
import Xapian

/// Serves a database folder with Xapian's `xapian-tcpsrv` on a free loopback port,
/// stopping it when released.
public final class TCPServer {
    private var process = Process()
    /// The port it listens on.
    public private(set) var port = 0

    /// Starts the server, or returns nil if `xapian-tcpsrv` is missing or does not come up;
    /// it closes connections idle for `idleTimeout` milliseconds (xapian-tcpsrv's default
    /// when nil: 60 s). A random port that turns out to be taken (the server exits) is
    /// replaced by another, up to five times.
    public init?(serving path: String, idleTimeout: Int? = nil) {
        guard let tool = ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"].first(where: FileManager.default.isExecutableFile) else {
            return nil
        }
        for _ in 0..<5 {
            process = Process()
            port = Int.random(in: 20_000...60_000)
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["--interface", "127.0.0.1", "--port", String(port)] + (idleTimeout.map { ["--idle-timeout", String($0)] } ?? []) + [path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            for _ in 0..<200 where process.isRunning { // until it accepts connections (10 s), or exits
                if (try? Database.remote(host: "127.0.0.1", port: port, timeoutMilliseconds: 500)) != nil { return }
                usleep(50_000)
            }
            stop()
        }
        return nil
    }

    /// The address Frontline's `--index` accepts.
    public var address: String { "tcp://127.0.0.1:\(port)" }

    /// Stops the server and the children it forked for open connections, as a machine
    /// that goes away would (xapian-tcpsrv does not stop on SIGTERM while it serves, so
    /// they are killed).
    public func stop() {
        let parent = process.processIdentifier
        guard process.isRunning else { return }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8) else { continue }
            // "pid (name) state ppid …": the parent id is the second field after the name.
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            if fields.count > 1, Int32(fields[1]) == parent { kill(pid, SIGKILL) }
        }
        kill(parent, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }
}
