import Foundation
@_exported import TestSupport
import FrontlineCorpus
import FrontlineEngine

public extension TemporaryDirectory {
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

/// Indexes `paths` into `index` with the shipped gazetteer and figure lexicon; returns the summary and diagnostics.
@discardableResult
public func buildIndex(_ paths: [String], into index: String, jobs: Int = 2, rebuild: Bool = false, batch: Int? = nil,
                       articleByteLimit: Int? = nil) throws -> (IndexSummary, [Diagnostic]) {
    var options = Indexer.Options(paths: paths, index: index)
    options.articleByteLimit = articleByteLimit
    options.jobs = jobs
    options.rebuild = rebuild
    options.gazetteer = Repository.gazetteer
    options.worldBase = Repository.worldBase
    options.figures = Repository.figureLexicon
    options.batching = batch.map(Batching.fixed) ?? .growing
    let collected = Collected()
    let summary = try Indexer(options: options, onDiagnostic: collected.add).run()
    return (summary, collected.items)
}

/// Diagnostics gathered from any thread.
public final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Diagnostic] = []
    public init() {}
    public func add(_ d: Diagnostic) { lock.lock(); list.append(d); lock.unlock() }
    public var items: [Diagnostic] { lock.lock(); defer { lock.unlock() }; return list }
}

/// A search's total and top hits as comparable (passage, rounded score) pairs.
///
/// Only the top five are compared: below them, queries whose words expand to
/// synonyms (casualties → killed, wounded…) may swap neighbours between shard
/// layouts, because Xapian estimates the frequency of a synonym group per shard.
public func ranking(_ searcher: Searcher, _ query: String, limit: Int = 5) throws -> [String] {
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
public let fixedQueries = [
    "casualties near Talish", "Putin ceasefire", "\"defence ministry\"", "Azeri helicopter", "side:karabakh",
    "claimant:russia ceasefire", "drones NEAR/5 Armenian", "Stepanakert OR Martuni", "date:2020-10 truce", "mercenaries",
]

/// Articles made by recombining the shipped corpus's paragraphs, deterministically.
public enum SyntheticCorpus {
    /// Writes `articles` articles as one JSON Lines file in `folder`.
    public static func write(articles: Int, to folder: String, seed: UInt64 = 7) {
        var paragraphs: [String] = []
        CorpusReader().read([Repository.corpus]) { event in
            guard case .article(let article) = event else { return }
            paragraphs += article.body.split(separator: "\n").map(String.init).filter { $0.split(separator: " ").count > 12 }
        }
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var lines: [String] = []
        for i in 0..<articles {
            let body = (0..<6).map { _ in paragraphs[next() % paragraphs.count] }.joined(separator: "\n\n")
            let date = String(format: "2020-%02d-%02d", 1 + next() % 12, 1 + next() % 28)
            let record: [String: String] = ["id": "synthetic-\(i)", "title": "Synthetic \(i)", "date": date, "source": "Synthetic", "text": body]
            let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try! lines.joined(separator: "\n").write(toFile: folder + "/synthetic.jsonl", atomically: true, encoding: .utf8)
    }
}

/// A second outlet's copy of the shipped corpus's AFP story (issue 22, syndicated copies).
public enum SyndicatedCopy {
    /// The shipped corpus's AFP story (`004_…md`, The Moscow Times).
    public static let original = Repository.corpus + "/004_42076aacbf9b2f73.md"
    /// Its id in an index of a copy of the corpus folder (the earliest copy, then the least key: the canonical one).
    public static let originalID = "004_42076aacbf9b2f73.md"
    public static let copyID = "france24-afp-karabakh.txt"

    /// The same wire story as a second outlet prints it: its own headline and source, the
    /// Markdown, byline, dateline, photo credit and related-article link of the first
    /// outlet gone, its last paragraph cut and a credit line of its own added.
    public static func text() throws -> String {
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let body = text.components(separatedBy: "\n---\n")[1]
        var paragraphs = body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("By [") && !$0.hasPrefix("**") && $0 != "October 12, 2020" }
        paragraphs.removeLast()
        paragraphs.append("© Agence France-Presse")
        return """
        ---
        title: "Russia presses Armenia and Azerbaijan to respect Karabakh truce"
        date: 2020-10-12
        source: "France 24"
        ---
        \(paragraphs.joined(separator: "\n\n"))

        """
    }
}
