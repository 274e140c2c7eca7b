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
    /// For a shard with several copies (`a|b`), the health of each (nil for one copy).
    public var copies: [ShardHealth]?

    /// Checks each of `locations` on its own: it opens, and a search over all its
    /// passages reads their posting lists and the stored records of the first ones, so a
    /// damaged table is found as a search would find it.
    public static func check(_ locations: [String]) -> [ShardHealth] {
        locations.map(check)
    }

    /// Checks one location (see `check(_:)`); a shard with several copies (joined by `|`)
    /// answers when one of them does.
    public static func check(_ location: String) -> ShardHealth {
        let names = location.split(separator: "|").map(String.init)
        guard names.count > 1 else { return checkCopy(location) }
        let copies = names.map(checkCopy)
        var shard = copies.first(where: \.reachable) ?? copies[0]
        shard.location = location
        shard.copies = copies
        return shard
    }

    /// Checks one copy of a shard.
    private static func checkCopy(_ location: String) -> ShardHealth {
        do {
            let database = try ShardSet.probe(location)
            do {
                let enquire = try Enquire(database: database)
                try enquire.setQuery(try Query.matchAll())
                let sample = try enquire.matches(offset: 0, limit: 10, checkAtLeast: try database.documentCount)
                for index in 0..<sample.count { _ = try sample.document(index).data() }
                return ShardHealth(location: location, reachable: true, passages: try database.documentCount, problem: nil)
            } catch let error as XapianError {
                throw SearchError.translating(error, at: location)
            }
        } catch let failure as SearchError {
            switch failure {
            case .corrupt: return corrupt(location)
            default: return ShardHealth(location: location, reachable: false, passages: 0, problem: failure.category == .unreachable ? "unreachable" : "no usable index")
            }
        } catch {
            return ShardHealth(location: location, reachable: false, passages: 0, problem: "failed")
        }
    }

    /// A location found damaged.
    public static func corrupt(_ location: String) -> ShardHealth {
        ShardHealth(location: location, reachable: false, passages: 0, problem: "corrupt")
    }

    /// A location whose check has not answered for `seconds`.
    public static func silent(_ location: String, for seconds: Int) -> ShardHealth {
        ShardHealth(location: location, reachable: false, passages: 0, problem: "no answer for \(seconds) s")
    }
}
