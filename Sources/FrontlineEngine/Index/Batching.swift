/// When a shard writer commits: after a fixed number of passages, or after a number that
/// grows with the shard.
///
/// A small batch keeps Xapian's pending changes (maps of terms to postings and positions)
/// within the CPU's caches; but every commit rewrites the B-tree blocks of each term the
/// batch touched, and in a large shard those blocks are many and far apart. So the default
/// starts small and grows with the shard (bench/RESULTS.md: on BBC, 1,000 passages took
/// 0.84× the time of 5,000; on a 1 GB corpus, a fixed 1,000 took 1.5× as long, writing
/// the same blocks again and again).
public enum Batching: Sendable, Equatable {
    /// Commit after this many passages (a user's `--batch`).
    case fixed(Int)
    /// Commit after a twentieth of the shard's passages, at least `growingRange.lowerBound`
    /// and at most `growingRange.upperBound` (which bounds the writer's memory).
    case growing

    /// The smallest and largest batch of `.growing`.
    public static let growingRange = 1_000...5_000

    /// The number of uncommitted passages at which a shard of `shardPassages` passages
    /// (committed or not) commits.
    public func limit(shardPassages: Int) -> Int {
        switch self {
        case .fixed(let passages):
            return passages
        case .growing:
            return min(Batching.growingRange.upperBound, max(Batching.growingRange.lowerBound, shardPassages / 20))
        }
    }
}
