import Foundation
import FrontlineCorpus

/// Prints diagnostics as they come, but at most a few warnings of one kind per
/// file (a dump of 2,000 undated articles would otherwise bury everything
/// else), then how many more there were. Errors are always printed in full.
///
/// `@unchecked Sendable`: the indexer's threads call it; its counts are only touched under `lock`.
final class DiagnosticPrinter: @unchecked Sendable {
    private let limit: Int
    private let output: (String) -> Void
    private let lock = NSLock()
    private var seen: [String: Int] = [:]
    private var examples: [String: Diagnostic] = [:]

    /// A printer showing `limit` warnings of a kind per file (nil: all) through `output`.
    init(limit: Int?, output: @escaping (String) -> Void) {
        self.limit = limit ?? Int.max
        self.output = output
    }

    func print(_ diagnostic: Diagnostic) {
        guard diagnostic.severity == .warning else { return output(diagnostic.description) }
        let key = diagnostic.file + "\u{0}" + DiagnosticPrinter.kind(of: diagnostic.message)
        lock.lock()
        let count = seen[key, default: 0] + 1
        seen[key] = count
        examples[key] = diagnostic
        lock.unlock()
        if count <= limit { output(diagnostic.description) }
    }

    /// Says how many warnings were held back, per file and kind.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        for (key, count) in seen.sorted(by: { $0.key < $1.key }) where count > limit {
            let example = examples[key]!
            output("\(example.file): note: \(count - limit) more warnings like \"\(DiagnosticPrinter.kind(of: example.message))\" (--all-warnings shows them)")
        }
    }

    /// A message with its particulars (numbers, dates, quoted values) removed.
    static func kind(of message: String) -> String {
        var out = ""
        var quoted = false
        for c in message {
            if c == "\"" { quoted.toggle(); if !quoted { out += "…" }; continue }
            if quoted || c.isNumber { continue }
            out.append(c)
        }
        return out.split(separator: ";").first.map(String.init) ?? out
    }
}
