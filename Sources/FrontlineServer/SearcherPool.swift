import CLinux
import Dispatch
import Foundation
import FrontlineEngine

/// The threads that answer searches. Xapian objects are not thread-safe and Xapian's calls
/// block, so each request's work runs on a worker thread of its own lane, with a searcher
/// that thread owns and moves to the index's newest published generation first: an index
/// run shows in the next answer, with no restart and no failed request.
///
/// Two lanes, so that expensive requests cannot starve cheap ones: `light` (searches,
/// articles, statistics, suggestions) and `heavy` (comparisons, figure ledgers, exports,
/// wildcard searches), each a fixed number of threads with a bounded queue. A request
/// that finds its lane's queue full is answered at once with 503 `busy`; one still queued
/// at its time limit is answered with 503 `timeout` and never started. Work that has
/// started runs to its end on its thread (Xapian cannot be interrupted), so a lane never
/// holds more threads than it was given, however many requests arrive.
final class SearcherPool: Sendable {
    /// How much work a request is, which decides its lane.
    enum Cost: Sendable {
        /// One search or lookup.
        case light
        /// Many searches in one request, or one that may touch much of the index.
        case heavy
        /// A search, weighed before it runs: heavy when a wildcard may expand to many words
        /// or the matcher expects it to count more than the pool's `heavyMatches` passages.
        case search(SearchRequest)
    }

    /// The most passages a search may be expected to count and still be light work.
    let heavyMatches: Int
    /// How long a request may take.
    let timeLimit: Duration
    /// Told the location of any damage a request meets (see `HealthMonitor.damaged`).
    private let onDamage: @Sendable (String) -> Void
    private let light: Lane
    private let heavy: Lane
    /// Time limits fire here, apart from the work they limit.
    private static let timers = DispatchQueue(label: "frontline.search-limits")

    /// A pool for the indexes at `locations`; opens one searcher at once, so that a wrong
    /// location fails at start, not at the first request. `workers` threads answer light
    /// requests and half as many (at least one) heavy ones; each lane queues at most
    /// `queueLimit` requests. A search expected to count more than `heavyMatches` passages
    /// is heavy: 5,000 is about 30 ms of one core's counting with facets here, where a
    /// one-word search counts tens to hundreds.
    init(locations: [String], timeLimit: Duration,
         workers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount), queueLimit: Int = 64, heavyMatches: Int = 5_000,
         onDamage: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.timeLimit = timeLimit
        self.heavyMatches = heavyMatches
        self.onDamage = onDamage
        let first = try Searcher(locations: locations)
        let open: @Sendable () throws -> Searcher = { try Searcher(locations: locations) }
        light = Lane(name: "light", workers: workers, queueLimit: queueLimit, open: open, first: Lent(searcher: first), niceness: 0)
        // Heavy work yields the processor to light work whenever both want it.
        heavy = Lane(name: "heavy", workers: max(1, workers / 2), queueLimit: queueLimit, open: open, first: nil, niceness: 10)
    }

    /// Runs `body` with a searcher at the newest revision, on a worker of `cost`'s lane,
    /// within the time limit (`timeLimit` unless given). A search weighed on the light lane
    /// and found heavy moves to the heavy lane, unless `isKept` says its answer is at hand.
    func withSearcher<T: Sendable>(_ cost: Cost = .light, timeLimit limit: Duration? = nil,
                                   isKept: (@Sendable (Searcher) -> Bool)? = nil,
                                   _ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        let limit = limit ?? timeLimit
        let deadline = DispatchTime.now() + limit.inSeconds
        let pending = Pending<T>()
        return try await withCheckedThrowingContinuation { continuation in
            pending.set(continuation)
            let lane: Lane, isHeavy: (@Sendable (Searcher) -> Bool)?
            switch cost {
            case .light: (lane, isHeavy) = (light, nil)
            case .heavy: (lane, isHeavy) = (heavy, nil)
            case .search(let request) where request.query.contains("*"): (lane, isHeavy) = (heavy, nil)
            case .search(let request):
                lane = light
                let heavyMatches = self.heavyMatches
                isHeavy = { searcher in
                    if isKept?(searcher) == true { return false }
                    // A searcher that cannot say (remote shards, or an error the search will
                    // answer with) runs it where it is.
                    return ((try? searcher.expectedMatches(request)) ?? nil).map { $0 > heavyMatches } ?? false
                }
            }
            guard lane.submit(job(deadline: deadline, pending: pending, movingIf: isHeavy, body)) else {
                pending.finish(.failure(SearcherPool.busy))
                return
            }
            SearcherPool.timers.asyncAfter(deadline: deadline) {
                pending.finish(.failure(APIError(status: .serviceUnavailable, code: "timeout", message: "the request took longer than \(limit)",
                                                 hint: "narrow the search: fewer words, a filter, more letters before a *")))
            }
        }
    }

    private static let busy = APIError(status: .serviceUnavailable, code: "busy",
                                       message: "the server is answering as many requests of this kind as it can",
                                       hint: "try again in a moment")

    /// The work of one request: moved to the heavy lane first when `isHeavy` says so of the
    /// worker's searcher, else `body` run with it, and the outcome given to `pending`.
    private func job<T: Sendable>(deadline: DispatchTime, pending: Pending<T>, movingIf isHeavy: (@Sendable (Searcher) -> Bool)?,
                                  _ body: @escaping @Sendable (Searcher) throws -> T) -> Lane.Job {
        Lane.Job(deadline: deadline) { [self] searcher in
            if let isHeavy, (try? searcher.refresh()) != nil, isHeavy(searcher) {
                if !heavy.submit(job(deadline: deadline, pending: pending, movingIf: nil, body)) { pending.finish(.failure(SearcherPool.busy)) }
                return true
            }
            let outcome = Result { () throws -> T in
                try searcher.refresh()
                return try body(searcher)
            }
            pending.finish(outcome)
            if case .failure(SearchError.corrupt(let location, _)) = outcome { onDamage(location) }
            // A searcher that refused a partial answer is sound: it keeps trying the missing shard.
            if case .failure(SearchError.incomplete) = outcome { return true }
            if case .failure(let failure as any FrontlineFailure) = outcome, failure.category != .badQuery {
                return false // the index stopped answering: this searcher is dropped, the next job opens anew
            }
            return true
        } failed: { error in
            pending.finish(.failure(error))
        }
    }
}

/// A searcher handed to one worker thread, which alone uses it.
private struct Lent: @unchecked Sendable { let searcher: Searcher }

/// A fixed set of worker threads taking jobs from one bounded queue, oldest first.
///
/// `@unchecked Sendable`: `jobs` is only touched with `condition` locked. (A pthread lock and
/// condition, not `Mutex`: ThreadSanitizer sees their ordering, and the suite runs under it.)
private final class Lane: @unchecked Sendable {
    /// One request's work: `run` gets the worker's searcher and returns whether the searcher
    /// may be kept; `failed` is called instead when no searcher could be opened.
    struct Job: Sendable {
        let deadline: DispatchTime
        let run: @Sendable (Searcher) -> Bool
        let failed: @Sendable (any Error) -> Void

        init(deadline: DispatchTime, run: @escaping @Sendable (Searcher) -> Bool, failed: @escaping @Sendable (any Error) -> Void) {
            self.deadline = deadline
            self.run = run
            self.failed = failed
        }
    }

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private let queueLimit: Int

    /// `workers` threads at scheduling `niceness` (0 normal, up to 19 the lowest priority).
    init(name: String, workers: Int, queueLimit: Int, open: @escaping @Sendable () throws -> Searcher, first: Lent?, niceness: Int32) {
        self.queueLimit = queueLimit
        for number in 0..<workers {
            let given = number == 0 ? first : nil
            let thread = Thread { [self] in
                _ = cl_set_thread_name("\(name)-\(number)") // else it shows its creator's name
                if niceness != 0 { _ = cl_set_thread_niceness(niceness) }
                work(open: open, searcher: given)
            }
            thread.stackSize = 8 << 20 // Xapian recurses over wide queries
            thread.start()
        }
    }

    /// Queues `job`; false if the queue is full.
    func submit(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard jobs.count < queueLimit else { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// The oldest job, once there is one.
    private func next() -> Job {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty { condition.wait() }
        return jobs.removeFirst()
    }

    private func work(open: @Sendable () throws -> Searcher, searcher given: Lent?) -> Never {
        var searcher = given?.searcher
        while true {
            let job = next()
            // Past its time limit the request has been answered: its work is not started.
            guard DispatchTime.now() < job.deadline else { continue }
            let current: Searcher
            do { current = try searcher ?? open() } catch {
                job.failed(error)
                continue
            }
            searcher = job.run(current) ? current : nil
        }
    }
}

/// A continuation resumed once, by whichever comes first: the work or the time limit.
private final class Pending<T: Sendable>: Sendable {
    private let continuation = Locked<CheckedContinuation<T, any Error>?>(nil)

    func set(_ waiting: CheckedContinuation<T, any Error>) {
        continuation.withLock { $0 = waiting }
    }

    func finish(_ result: Result<T, any Error>) {
        continuation.withLock { waiting in
            waiting?.resume(with: result)
            waiting = nil
        }
    }
}
