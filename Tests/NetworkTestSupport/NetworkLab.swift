import Foundation
import Synchronization
import TestSupport

/// Hosts of its own for multi-host tests: each host is a network namespace (`ip netns`)
/// joined to the others by a veth pair on a bridge that lives in one more namespace, with
/// an address only inside its namespace (10.99.0.0/24); programs run on a host through
/// `ip netns exec`. A host can be cut off (nftables drops everything it sends or receives:
/// a black hole, as a dead link is) and its link delayed (`tc` netem, where the kernel has it).
///
/// Where namespaces cannot be made (not root, no `ip`, a container without the right), the
/// hosts are this machine's loopback address on ports of their own, a cut host's programs
/// are stopped (SIGSTOP: connections are accepted by the kernel and never answered), and
/// `isolated` is false; `summary` says which, and the tests print it. `FRONTLINE_LAB_LOOPBACK=1`
/// asks for loopback hosts on a machine that has namespaces (to check that way too).
///
/// Everything made is removed when the lab is released (`close`); namespaces left by a
/// killed run (named with its process id) are removed by the next lab.
public final class NetworkLab: @unchecked Sendable {
    /// One host: its name in the test, its namespace (nil on loopback) and its address.
    public struct Host: Sendable, Hashable {
        public let name: String
        public let namespace: String?
        public let address: String
    }

    /// A program started on a host.
    public final class Program: @unchecked Sendable {
        public let host: Host
        let process: Process
        /// What it wrote to standard error so far.
        private let errors = Mutex("")

        init(host: Host, process: Process, errors pipe: Pipe) {
            self.host = host
            self.process = process
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    errors.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
                }
            }
        }

        /// The process id.
        public var pid: Int32 { process.processIdentifier }
        /// Whether it still runs.
        public var isRunning: Bool { process.isRunning }
        /// Standard error so far.
        public var standardError: String { errors.withLock { $0 } }

        /// Kills it and every process it started (SIGKILL: a machine that dies says nothing).
        public func kill() {
            guard process.isRunning else { return }
            for child in NetworkLab.children(of: pid) { Foundation.kill(child, SIGKILL) }
            Foundation.kill(pid, SIGKILL)
            process.waitUntilExit()
        }

        /// Stops it with SIGTERM, as a service manager does; returns its exit status.
        @discardableResult
        public func terminate() -> Int32 {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// True when the hosts are network namespaces; false on loopback.
    public let isolated: Bool
    /// One line saying how the hosts were made, for the test's output.
    public let summary: String
    /// The hosts, by name.
    public let hosts: [String: Host]
    private let lan: String?
    private let programs = Mutex<[Program]>([])
    private let cutHosts = Mutex<Set<Host>>([])

    private static let prefix = "frontline-lab-"
    private static let counter = Atomic<Int>(0)

    /// Makes hosts named `names` (in namespaces where the machine allows).
    public init(hosts names: [String]) {
        NetworkLab.removeLeftovers()
        let id = "\(NetworkLab.prefix)\(getpid())-\(NetworkLab.counter.add(1, ordering: .relaxed).newValue)"
        var made: [String: Host] = [:]
        var reason = ""
        if ProcessInfo.processInfo.environment["FRONTLINE_LAB_LOOPBACK"] == "1" {
            reason = "FRONTLINE_LAB_LOOPBACK=1"
        } else if getuid() != 0 {
            reason = "not running as root"
        } else if NetworkLab.shell("ip netns add \(id)-lan && ip -n \(id)-lan link add br0 type bridge && ip -n \(id)-lan link set br0 up").status != 0 {
            reason = "ip netns add failed"
        } else {
            for (number, name) in names.enumerated() {
                let namespace = "\(id)-\(number)", address = "10.99.0.\(number + 2)"
                let steps = [
                    "ip netns add \(namespace)",
                    "ip link add eth0 netns \(namespace) type veth peer name p\(number) netns \(id)-lan",
                    "ip -n \(id)-lan link set p\(number) master br0", "ip -n \(id)-lan link set p\(number) up",
                    "ip -n \(namespace) addr add \(address)/24 dev eth0", "ip -n \(namespace) link set eth0 up",
                    "ip -n \(namespace) link set lo up",
                ]
                let result = NetworkLab.shell(steps.joined(separator: " && "))
                guard result.status == 0 else {
                    reason = "making a host failed: \(result.output.prefix(200))"
                    break
                }
                made[name] = Host(name: name, namespace: namespace, address: address)
            }
        }
        if reason.isEmpty {
            isolated = true
            lan = "\(id)-lan"
            hosts = made
            summary = "multi-host: \(names.count) hosts in network namespaces \(id)-* (10.99.0.0/24, addresses only inside them)"
        } else {
            NetworkLab.remove(prefix: id)
            isolated = false
            lan = nil
            hosts = Dictionary(uniqueKeysWithValues: names.map { ($0, Host(name: $0, namespace: nil, address: "127.0.0.1")) })
            summary = "multi-host: network namespaces are not available (\(reason)); the \(names.count) hosts are loopback ports on this machine"
        }
        print(summary)
    }

    /// The host named `name`.
    public subscript(name: String) -> Host { hosts[name]! }

    /// The command line that runs `executable` with `arguments` on `host`.
    private func commandLine(on host: Host, _ executable: String, _ arguments: [String]) -> (String, [String]) {
        guard let namespace = host.namespace else { return (executable, arguments) }
        return (NetworkLab.ip, ["netns", "exec", namespace, executable] + arguments)
    }

    /// Where iproute2's `ip` is.
    private static let ip = ["/usr/sbin/ip", "/usr/bin/ip", "/sbin/ip", "/bin/ip"].first(where: FileManager.default.isExecutableFile) ?? "ip"

    /// Runs `executable` on `host` to its end (killed after `timeout` seconds: status -1).
    @discardableResult
    public func run(on host: Host, _ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    timeout: Double = 120) throws -> (status: Int32, out: String, err: String) {
        let (program, all) = commandLine(on: host, executable, arguments)
        return try runProgram(program, all, environment: environment, timeout: timeout)
    }

    /// Starts `executable` on `host`; it is killed when the lab is closed.
    public func start(on host: Host, _ executable: String, _ arguments: [String]) throws -> Program {
        let (program, all) = commandLine(on: host, executable, arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = all
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let started = Program(host: host, process: process, errors: errors)
        programs.withLock { $0.append(started) }
        return started
    }

    /// Whether a TCP connection from `host` to `address`:`port` is accepted within `seconds`.
    public func connects(from host: Host, to address: String, port: Int, seconds: Double = 1) -> Bool {
        let probe = "exec 3<>/dev/tcp/\(address)/\(port)"
        return (try? run(on: host, "/usr/bin/timeout", [String(seconds), "/bin/bash", "-c", probe], timeout: seconds + 5))?.status == 0
    }

    /// `xapian-tcpsrv` serving `database` on `host` (`idleTimeout` in milliseconds: it closes
    /// connections idle that long), once it accepts connections from `client`; nil if
    /// `xapian-tcpsrv` is missing or does not come up.
    public func serveShard(_ database: String, on host: Host, reachableFrom client: Host, idleTimeout: Int? = nil) throws -> (program: Program, location: String)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-tcpsrv") else { return nil }
        for _ in 0..<5 {
            let port = isolated ? 33_331 + programs.withLock { $0.filter { $0.host == host }.count } : Int.random(in: 20_000...60_000)
            var arguments = ["--interface", host.address, "--port", String(port)]
            if let idleTimeout { arguments += ["--idle-timeout", String(idleTimeout)] }
            let program = try start(on: host, "/usr/bin/xapian-tcpsrv", arguments + [database])
            for _ in 0..<100 where program.isRunning {
                if connects(from: client, to: host.address, port: port) { return (program, "tcp://\(host.address):\(port)") }
                usleep(50_000)
            }
            program.kill()
        }
        return nil
    }

    /// `frontline serve` with `arguments` on `host`, and the port it listens on (127.0.0.1 on
    /// that host), once it says so; nil if it did not within 60 s.
    public func serveFrontline(on host: Host, _ arguments: [String]) throws -> (program: Program, port: Int)? {
        let program = try start(on: host, Repository.executable, ["serve", "--port", "0"] + arguments)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, program.isRunning {
            let seen = program.standardError
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
               let port = Int(seen[range].dropFirst("http://127.0.0.1:".count).dropLast()) {
                return (program, port)
            }
            usleep(50_000)
        }
        program.kill()
        return nil
    }

    /// GET `path` from `frontline serve` at `port` on `host`, as a client on that host:
    /// status (0: no answer within `timeout`), body, and the seconds it took.
    public func get(on host: Host, port: Int, _ path: String, timeout: Double = 10) throws -> (status: Int, body: String, seconds: Double) {
        let start = Date()
        let marker = "\n--frontline-lab-status:"
        let result = try run(on: host, "/usr/bin/curl", ["-s", "--max-time", String(timeout), "-w", marker + "%{http_code}",
                                                          "http://127.0.0.1:\(port)\(path)"], timeout: timeout + 10)
        let seconds = Date().timeIntervalSince(start)
        guard let range = result.out.range(of: marker, options: .backwards) else { return (0, result.out, seconds) }
        return (Int(result.out[range.upperBound...]) ?? 0, String(result.out[..<range.lowerBound]), seconds)
    }

    /// Cuts `host` off: nothing it sends or is sent arrives (on loopback: its programs stop).
    public func cut(_ host: Host) {
        cutHosts.withLock { _ = $0.insert(host) }
        if let namespace = host.namespace {
            let table = "nft add table inet cut && nft add chain inet cut input '{ type filter hook input priority 0; policy drop; }'"
                + " && nft add chain inet cut output '{ type filter hook output priority 0; policy drop; }'"
            if NetworkLab.shell("ip netns exec \(namespace) sh -c \"\(table)\"").status == 0 { return }
            // No nftables: the host's link goes down instead.
            _ = NetworkLab.shell("ip -n \(namespace) link set eth0 down")
        } else {
            signal(on: host, SIGSTOP)
        }
    }

    /// Joins `host` again after `cut`.
    public func restore(_ host: Host) {
        cutHosts.withLock { _ = $0.remove(host) }
        if let namespace = host.namespace {
            _ = NetworkLab.shell("ip netns exec \(namespace) nft delete table inet cut; ip -n \(namespace) link set eth0 up")
        } else {
            signal(on: host, SIGCONT)
        }
    }

    /// Delays every packet `host` sends by `milliseconds` (tc netem); false where the
    /// kernel has no netem (or on loopback), when the caller must delay another way.
    public func delay(_ host: Host, milliseconds: Int) -> Bool {
        guard let namespace = host.namespace else { return false }
        return NetworkLab.shell("ip netns exec \(namespace) tc qdisc replace dev eth0 root netem delay \(milliseconds)ms").status == 0
    }

    private func signal(on host: Host, _ number: Int32) {
        for program in programs.withLock({ $0 }) where program.host == host && program.isRunning {
            for child in NetworkLab.children(of: program.pid) { kill(child, number) }
            kill(program.pid, number)
        }
    }

    /// Kills every program started and removes the namespaces.
    public func close() {
        for host in cutHosts.withLock({ $0 }) { restore(host) }
        for program in programs.withLock({ $0 }) { program.kill() }
        programs.withLock { $0.removeAll() }
        if let lan { NetworkLab.remove(prefix: String(lan.dropLast("-lan".count))) }
    }

    deinit { close() }

    // MARK: - Processes and namespaces

    /// The processes whose parent is `pid` (xapian-tcpsrv forks one per connection).
    static func children(of pid: Int32) -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8) else { return nil }
            // "pid (name) state ppid …": the parent id is the second field after the name.
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
        }
    }

    /// Runs `command` with `sh -c`; its status and output (both streams).
    static func shell(_ command: String) -> (status: Int32, output: String) {
        guard let result = try? runProgram("/bin/sh", ["-c", command + " 2>&1"], timeout: 30) else { return (-1, "") }
        return (result.status, result.out)
    }

    /// Removes the namespaces named `prefix-…`, killing what runs in them.
    static func remove(prefix: String) {
        let names = shell("ip netns list").output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        for name in names where name.hasPrefix(prefix + "-") {
            for pid in shell("ip netns pids \(name)").output.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
            _ = shell("ip netns del \(name)")
        }
    }

    /// Removes namespaces a lab of a process that no longer runs left behind.
    private static func removeLeftovers() {
        guard getuid() == 0 else { return }
        let names = shell("ip netns list 2>/dev/null").output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        var dead: Set<String> = []
        for name in names where name.hasPrefix(NetworkLab.prefix) {
            let rest = name.dropFirst(NetworkLab.prefix.count).split(separator: "-")
            guard let pid = rest.first.flatMap({ Int32($0) }), rest.count >= 2, pid != getpid(), kill(pid, 0) != 0 else { continue }
            dead.insert("\(NetworkLab.prefix)\(rest[0])-\(rest[1])")
        }
        for lab in dead { remove(prefix: lab) }
    }
}
