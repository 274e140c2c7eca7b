import FrontlineEngine
import Hummingbird
import NIOCore

/// Answers already given, kept for the same request at the same revision of the index.
///
/// A search over an unchanged index always gives the same answer, and a newsroom asks the
/// same few questions over and over; a kept answer costs a lookup instead of a match, facet
/// counts and rendering. An entry is keyed by the request's path and its normalised
/// parameters (`QueryParameters.normalised`) *and* by the revision of the index the
/// searcher answering it is at (`Searcher.revision`), read after the searcher has moved to
/// the newest one: an index run that publishes changes the revision, so the next request
/// misses and is answered from the new index — a kept answer is never served after a
/// publish. Entries of other revisions are dropped as soon as one of a newer revision is
/// kept. Only complete, successful answers of the reading routes are kept (errors and
/// answers that leave out an unreachable shard never), and the
/// kept bytes are bounded (`byteLimit`): the least recently used go first.
final class ResponseCache: Sendable {
    /// One answer: its body and content type.
    struct Answer: Sendable {
        let body: ByteBuffer
        let contentType: String

        /// The answer as a response (200).
        var response: Response {
            Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: body))
        }
    }

    private struct Entry {
        let answer: Answer
        var used: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
        /// The revision the kept entries were answered at.
        var revision = ""
        var hits = 0
        var misses = 0
    }

    /// The most body bytes kept at once.
    let byteLimit: Int
    private let state = Locked(State())

    /// A cache keeping at most `byteLimit` bytes of answers (0: keeps nothing).
    init(byteLimit: Int) { self.byteLimit = byteLimit }

    /// The answer kept for `key` at `revision`, if any.
    func answer(for key: String, at revision: String) -> Answer? {
        state.withLock { state in
            guard state.revision == revision, var entry = state.entries[key] else {
                state.misses += 1
                return nil
            }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            state.hits += 1
            return entry.answer
        }
    }

    /// Whether an answer is kept for `key` at `revision` (a look, not a use: no hit or miss is counted).
    func holds(_ key: String, at revision: String) -> Bool {
        state.withLock { $0.revision == revision && $0.entries[key] != nil }
    }

    /// Keeps `answer` for `key` at `revision` (an answer larger than a quarter of the limit is not kept).
    func keep(_ answer: Answer, for key: String, at revision: String) {
        let size = answer.body.readableBytes + key.utf8.count
        guard size <= byteLimit / 4 else { return }
        state.withLock { state in
            if state.revision != revision { // the index moved: what was kept answers an older view
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
                state.revision = revision
            }
            state.clock += 1
            if let old = state.entries.updateValue(Entry(answer: answer, used: state.clock), forKey: key) {
                state.bytes -= old.answer.body.readableBytes + key.utf8.count
            }
            state.bytes += size
            guard state.bytes > byteLimit else { return }
            // Over the limit: drop the least recently used until three quarters are left,
            // so that one sort pays for many insertions.
            for (oldKey, entry) in state.entries.sorted(by: { $0.value.used < $1.value.used }) where state.bytes > byteLimit * 3 / 4 {
                state.entries[oldKey] = nil
                state.bytes -= entry.answer.body.readableBytes + oldKey.utf8.count
            }
        }
    }

    /// How many lookups found an answer and how many did not; the bytes and entries kept.
    var statistics: (hits: Int, misses: Int, bytes: Int, entries: Int) {
        state.withLock { ($0.hits, $0.misses, $0.bytes, $0.entries.count) }
    }
}

extension SearcherPool {
    /// The answer to the request `key` names: the one kept in `cache` at the revision the
    /// worker's searcher is at after moving to the newest, or else the one `make` builds
    /// (on the worker thread, so that rendering does not hold the connection's thread),
    /// then kept.
    func answer(_ key: String, cost: Cost, cache: ResponseCache,
                _ make: @escaping @Sendable (Searcher) throws -> ResponseCache.Answer) async throws -> ResponseCache.Answer {
        try await withSearcher(cost, isKept: { cache.holds(key, at: $0.revision) }) { searcher in
            let revision = searcher.revision
            if let kept = cache.answer(for: key, at: revision) { return kept }
            let made = try make(searcher)
            // A partial answer is never kept: the shard it left out may answer the next request.
            if searcher.missingShards.isEmpty { cache.keep(made, for: key, at: revision) }
            return made
        }
    }
}
