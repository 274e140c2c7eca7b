import FrontlineEngine
import Synchronization

/// Searchers for concurrent requests. Xapian objects are not thread-safe, so a request
/// takes a searcher of its own from the pool (opening one when all are busy), moves it to
/// the index's newest revision, uses it, and puts it back: an index run committing while
/// the server answers shows up in the next request, with no failed one.
final class SearcherPool: Sendable {
    /// A searcher out of the pool is used by one request at a time; the pool hands it over
    /// under its lock and never touches it while it is out.
    private struct Lent: @unchecked Sendable { let searcher: Searcher }

    private let locations: [String]
    private let idle = Mutex<[Lent]>([])

    /// A pool for the indexes at `locations`; opens one searcher at once, so that a wrong
    /// location fails at start, not at the first request.
    init(locations: [String]) throws {
        self.locations = locations
        let first = try Searcher(locations: locations)
        idle.withLock { $0.append(Lent(searcher: first)) }
    }

    /// Runs `body` with a searcher at the newest revision. A searcher whose index stopped
    /// answering is dropped, not put back: the next request connects anew.
    func withSearcher<T>(_ body: (Searcher) throws -> T) throws -> T {
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
