import Xapian

/// Why a search could not run.
public enum SearchError: FrontlineFailure {
    /// No index where one was expected.
    case noIndex(String)
    /// An index location that is not a folder or a `tcp://HOST:PORT` address.
    case badLocation(String)
    /// The index at this location is damaged (`detail`: what Xapian or the metadata said).
    case corrupt(String, detail: String)
    /// The index was built by another version of Frontline.
    case schemaMismatch(String, found: String)
    /// The query cannot be understood; `hint` says what to type instead.
    case query(String, hint: String)
    /// A remote index could not be reached.
    case unreachable(String, reason: String)
    /// Shards none of whose copies could be reached, for a search that did not allow a
    /// partial answer (`SearchRequest.allowPartial`).
    case incomplete([MissingShard])
    /// A topology file that cannot be used (`line` 0: the file as a whole).
    case badTopology(String, line: Int, problem: String)
    /// Two shards that share some of their shards but not all (by UUID).
    case overlappingShards(String, String)
    /// Two shards tagged with different gazetteers: their tags and expansions disagree.
    case differentGazetteers(String, String)
    /// The database failed; Xapian's message.
    case backend(String)

    /// What went wrong and what to do, for the command line.
    public var description: String {
        switch self {
        case .noIndex(let path):
            return "no Frontline index at \(path); build one with 'frontline index --index \(path)'"
        case .badLocation(let location):
            return "\(Excerpt.quoted(location)) is not an index address: write a folder or tcp://HOST:PORT (a port from 1 to 65535)"
        case .corrupt(let path, let detail):
            return "the index at \(path) is corrupt (\(Excerpt.quoted(detail))): run 'frontline index --rebuild --index \(path)'"
        case .schemaMismatch(let path, let found):
            return "the index at \(path) has schema \(found.isEmpty ? "(none)" : Excerpt.quoted(found)), this frontline needs \(Schema.version); run 'frontline index --rebuild --index \(path)'"
        case .query(let problem, let hint):
            return "query error: \(problem); \(hint)"
        case .unreachable(let address, let reason):
            return "cannot reach the index at \(address): \(reason)"
        case .incomplete(let missing):
            return missing.map { "cannot reach shard \($0.location) (\(Int(($0.share * 100).rounded()))% of the index): \($0.reason)" }.joined(separator: "; ")
                + "; search the other shards with --allow-partial (partial=1 in the API)"
        case .badTopology(let file, let line, let problem):
            return "the topology file \(file)\(line > 0 ? ":\(line)" : "") cannot be used: \(problem)"
        case .overlappingShards(let one, let other):
            return "\(one) and \(other) hold some of the same shards (by UUID) but not all: give each shard once"
        case .differentGazetteers(let one, let other):
            return "\(one) and \(other) were tagged with different gazetteers, so their tags and expansions disagree: rebuild one with the other's gazetteer (frontline index --rebuild --gazetteer FILE)"
        case .backend(let message):
            return "Xapian: \(message)"
        }
    }

    /// What a front-end makes of it.
    public var category: FailureCategory {
        switch self {
        case .noIndex, .schemaMismatch, .corrupt: return .noIndex
        case .badLocation, .badTopology, .overlappingShards, .differentGazetteers: return .usage
        case .query: return .badQuery
        case .unreachable, .incomplete: return .unreachable
        case .backend: return .failure
        }
    }

    /// True for the messages Xapian gives a plain `DatabaseError` when a table file is cut
    /// short or unreadable: damage as much as a `DatabaseCorruptError` is.
    static func isDamage(_ message: String) -> Bool {
        ["EOF reading block", "Error reading block", "short read", "Failed to read"].contains { message.contains($0) }
    }

    /// The search error a Xapian error at `location` means.
    static func translating(_ error: XapianError, at location: String) -> SearchError {
        switch error.kind {
        case .queryParser:
            return .query(error.message, hint: "AND, OR, NOT and NEAR need a word on each side (write them in lower case to search them as words)")
        case .wildcard:
            return .query("a wildcard matches too many words (\(error.message))", hint: "give more letters before the *")
        case .databaseCorrupt:
            return .corrupt(location, detail: error.message)
        case .database where isDamage(error.message):
            return .corrupt(location, detail: error.message)
        case let kind where kind.isKind(of: .network):
            return .unreachable(location, reason: error.message)
        default:
            return .backend(error.description)
        }
    }
}
