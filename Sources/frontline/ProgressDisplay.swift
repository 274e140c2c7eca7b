import Foundation
import FrontlineEngine

/// Progress on standard error: a bar redrawn in place on a terminal, a line per phase otherwise.
///
/// `@unchecked Sendable`: the indexer's threads call it; its state is only touched under `lock`.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var lastPhase = ""
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    /// Shows `progress`.
    func update(_ progress: IndexProgress) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            let fraction = progress.bytesTotal > 0 ? min(1, Double(progress.bytesRead) / Double(progress.bytesTotal)) : 0
            let width = 30
            let filled = Int(fraction * Double(width))
            let rate = progress.seconds > 0 ? Double(progress.bytesRead) / 1_048_576 / progress.seconds : 0
            let eta = fraction > 0.01 ? progress.seconds * (1 - fraction) / fraction : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let percent = padded(decimal(fraction * 100, places: 0), to: 3, alignRight: true)
            let line = "\r\(bar) \(percent)%  \(progress.articles) articles  \(decimal(rate, places: 1)) MB/s  ETA \(decimal(eta, places: 0)) s  \(progress.phase)"
            FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
            drawn = true
        } else if progress.phase != lastPhase {
            FileHandle.standardError.write(Data("\(progress.phase)…\n".utf8))
        }
        lastPhase = progress.phase
    }

    /// Prints a message line without breaking the bar.
    func print(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        let prefix = drawn ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data("\(prefix)\(Style(color: false).render(message))\n".utf8))
    }

    /// Clears the bar.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
