import Xapian

/// Whether one index location answers, and how many passages it holds.
public struct ShardHealth: Sendable, Encodable, Equatable {
    /// The folder or `tcp://HOST:PORT`.
    public var location: String
    /// True if it opened and answered.
    public var reachable: Bool
    /// Its passages (0 when unreachable).
    public var passages: Int
    /// Why it is not reachable, in a word or two (`unreachable`, `no usable index`).
    public var problem: String?

    /// Checks each of `locations` on its own.
    public static func check(_ locations: [String]) -> [ShardHealth] {
        locations.map { location in
            do {
                let database = try Searcher.openShard(location)
                return ShardHealth(location: location, reachable: true, passages: try database.documentCount, problem: nil)
            } catch let failure as any FrontlineFailure {
                return ShardHealth(location: location, reachable: false, passages: 0, problem: failure.category == .unreachable ? "unreachable" : "no usable index")
            } catch {
                return ShardHealth(location: location, reachable: false, passages: 0, problem: "failed")
            }
        }
    }
}
