import Foundation

extension Repository {
    /// The built `frontline` executable, beside the test bundle.
    public static var executable: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("frontline").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return root + "/.build/debug/frontline"
    }
}

/// Runs the built `frontline` with `arguments` in `directory` (with `environment` added);
/// returns status, stdout and stderr. A run still going after `timeout` seconds is killed
/// and reported as status -1, so that a hang fails its test instead of the suite.
@discardableResult
public func runFrontline(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                  timeout: Double = 120) throws -> (status: Int32, out: String, err: String) {
    try runProgram(Repository.executable, arguments, in: directory, environment: environment, timeout: timeout)
}

/// Runs the program at `executable` as `runFrontline` runs `frontline`.
@discardableResult
public func runProgram(_ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                       timeout: Double = 120) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let timedOut = TimeoutFlag()
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
        if process.isRunning { timedOut.set(); process.terminate() }
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (timedOut.isSet ? -1 : process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Set once from a timer thread.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
