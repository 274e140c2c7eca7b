import FrontlineEngine

/// How many wrong tokens a client may send (through `/login`, the bearer header or the
/// cookie) before it is refused without a check: `attempts` in each `window`, counted per
/// client address, so that guessing a token takes longer than anyone would wait.
final class LoginLimit: Sendable {
    private struct Count { var failures: Int; var since: ContinuousClock.Instant }

    let attempts: Int
    let window: Duration
    private let counts = Locked<[String: Count]>([:])
    /// The most clients remembered; past it the oldest windows are forgotten first.
    private static let clientsKept = 10_000

    init(attempts: Int = 10, window: Duration = .seconds(60)) {
        self.attempts = attempts
        self.window = window
    }

    /// True if `client` has used up its attempts for now.
    func isBlocked(_ client: String) -> Bool {
        let now = ContinuousClock.now
        return counts.withLock { counts in
            guard let count = counts[client], now - count.since < window else { return false }
            return count.failures >= attempts
        }
    }

    /// Records a wrong token from `client`.
    func failed(_ client: String) {
        let now = ContinuousClock.now
        counts.withLock { counts in
            if counts.count >= LoginLimit.clientsKept {
                counts = counts.filter { now - $0.value.since < window }
                if counts.count >= LoginLimit.clientsKept { counts.removeAll() }
            }
            if let count = counts[client], now - count.since < window {
                counts[client]?.failures = count.failures + 1
            } else {
                counts[client] = Count(failures: 1, since: now)
            }
        }
    }
}
