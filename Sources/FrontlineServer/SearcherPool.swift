import Dispatch
import FrontlineEngine
import Synchronization

/// Searchers for concurrent requests. Xapian objects are not thread-safe, so a request
/// takes a searcher of its own from the pool (opening one when all are busy), moves it to
/// the index's newest revision, uses it, and puts it back: an index run committing while
/// the server answers shows up in the next request, with no failed one.
///
/// Xapian's calls block, so they run on a queue of their own, off the threads that serve
/// connections, and a request that takes longer than its time limit is answered with 503
/// (the work finishes in the background and its searcher goes back to the pool).
final class SearcherPool: Sendable {
    /// A searcher out of the pool is used by one request at a time; the pool hands it over
    /// under its lock and never touches it while it is out.
    private struct Lent: @unchecked Sendable { let searcher: Searcher }

    private let locations: [String]
    private let idle = Mutex<[Lent]>([])
    /// How long a request may take.
    let timeLimit: Duration
    private static let queue = DispatchQueue(label: "frontline.search", attributes: .concurrent)
    /// Time limits fire here, apart from the work they limit.
    private static let timers = DispatchQueue(label: "frontline.search-limits")

    /// A pool for the indexes at `locations`; opens one searcher at once, so that a wrong
    /// location fails at start, not at the first request.
    init(locations: [String], timeLimit: Duration) throws {
        self.locations = locations
        self.timeLimit = timeLimit
        let first = try Searcher(locations: locations)
        idle.withLock { $0.append(Lent(searcher: first)) }
    }

    /// Runs `body` with a searcher at the newest revision, on the search queue, within the
    /// time limit (`timeLimit` unless given).
    func withSearcher<T: Sendable>(timeLimit limit: Duration? = nil, _ body: @escaping @Sendable (Searcher) throws -> T) async throws -> T {
        let pending = Pending<T>()
        let limit = limit ?? timeLimit
        return try await withCheckedThrowingContinuation { continuation in
            pending.set(continuation)
            SearcherPool.queue.async { pending.finish(Result { try self.withSearcherNow(body) }) }
            let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
            SearcherPool.timers.asyncAfter(deadline: .now() + seconds) {
                pending.finish(.failure(APIError(status: .serviceUnavailable, code: "timeout", message: "the request took longer than \(limit)",
                                                 hint: "narrow the search: fewer words, a filter, more letters before a *")))
            }
        }
    }

    /// Runs `body` on this thread. A searcher whose index stopped answering is dropped, not
    /// put back: the next request connects anew.
    func withSearcherNow<T>(_ body: (Searcher) throws -> T) throws -> T {
        let lent = try idle.withLock { $0.popLast() } ?? Lent(searcher: Searcher(locations: locations))
        do {
            try lent.searcher.refresh()
            let result = try body(lent.searcher)
            idle.withLock { $0.append(lent) }
            return result
        } catch let failure as any FrontlineFailure where failure.category == .badQuery {
            idle.withLock { $0.append(lent) } // the searcher is fine; the query was not
            throw failure
        }
    }
}

/// A continuation resumed once, by whichever comes first: the work or the time limit.
private final class Pending<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

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
