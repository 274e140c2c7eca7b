import Foundation
@_exported import TestSupport
import FrontlineCorpus
@testable import FrontlineEngine

extension Repository {
    /// The built `frontline` executable, beside the test bundle.
    static var executable: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("frontline").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return root + "/.build/debug/frontline"
    }
}

extension TemporaryDirectory {
    /// Copies the shipped corpus articles (not the gazetteer) into `name`.
    func copyCorpus(to name: String) -> String {
        let target = child(name)
        try! FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for file in try! FileManager.default.contentsOfDirectory(atPath: Repository.corpus) where file != "gazetteer.json" {
            try! FileManager.default.copyItem(atPath: Repository.corpus + "/" + file, toPath: target + "/" + file)
        }
        return target
    }
}

/// Indexes `paths` into `index` with the shipped gazetteer; returns the summary and diagnostics.
@discardableResult
func buildIndex(_ paths: [String], into index: String, jobs: Int = 2, rebuild: Bool = false, batch: Int = 5000) throws -> (IndexSummary, [Diagnostic]) {
    var options = Indexer.Options(paths: paths, index: index)
    options.jobs = jobs
    options.rebuild = rebuild
    options.gazetteer = Repository.gazetteer
    options.batchPassages = batch
    let collected = Collected()
    let summary = try Indexer(options: options, onDiagnostic: collected.add).run()
    return (summary, collected.items)
}

/// Diagnostics gathered from any thread.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Diagnostic] = []
    func add(_ d: Diagnostic) { lock.lock(); list.append(d); lock.unlock() }
    var items: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return list }
}

/// A search's total and top hits as comparable (passage, rounded score) pairs.
///
/// Only the top five are compared: below them, queries whose words expand to
/// synonyms (casualties → killed, wounded…) may swap neighbours between shard
/// layouts, because Xapian estimates the frequency of a synonym group per shard.
func ranking(_ searcher: Searcher, _ query: String, limit: Int = 5) throws -> [String] {
    var request = SearchRequest(query: query)
    request.limit = limit
    // Equal scores may come in any order (Xapian breaks ties by document id, which
    // depends on the shard layout), so ties are put in passage order.
    let result = try searcher.search(request)
    return ["total \(result.total)"] + result.hits
        .map { (String(format: "%.4f", $0.score), "\($0.passage.article)#\($0.passage.ordinal)") }
        .sorted { ($0.0, $1.1) > ($1.0, $0.1) }
        .map { "\($0.1)@\($0.0)" }
}

/// Queries whose answers two equivalent indexes must agree on.
let fixedQueries = [
    "casualties near Talish", "Putin ceasefire", "\"defence ministry\"", "Azeri helicopter", "side:karabakh",
    "claimant:russia ceasefire", "drones NEAR/5 Armenian", "Stepanakert OR Martuni", "date:2020-10 truce", "mercenaries",
]

/// Runs the built `frontline` with `arguments` in `directory` (with `environment` added);
/// returns status, stdout and stderr. A run still going after `timeout` seconds is killed
/// and reported as status -1, so that a hang fails its test instead of the suite.
@discardableResult
func runFrontline(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                  timeout: Double = 120) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Repository.executable)
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
final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
