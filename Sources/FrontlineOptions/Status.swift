import ArgumentParser
import FrontlineEngine

/// Exit statuses of `frontline` and `frontline-server`: the one table that their failures,
/// `frontline --help` and each command's help are made from.
public enum Status: Int32, CaseIterable, Sendable {
    case success = 0
    case rejectedInput = 1
    case locked = 3
    case noIndex = 4
    case badQuery = 5
    case badGazetteer = 6
    case failure = 7
    case unreachable = 8
    case notFound = 9
    case usage = 64

    /// What the status means, for help texts.
    public var meaning: String {
        switch self {
        case .success: return "success"
        case .rejectedInput: return "some input was rejected and reported; everything else was indexed"
        case .locked: return "another 'frontline index' run holds the index lock"
        case .noIndex: return "no index at the given place, an index of another schema version, or a corrupt one"
        case .badQuery: return "the query cannot be understood (the message says what to type instead)"
        case .badGazetteer: return "the gazetteer cannot be used, or differs from the one the index was built with"
        case .failure: return "Xapian or file-system failure"
        case .unreachable: return "a remote index (tcp://HOST:PORT) cannot be reached"
        case .notFound: return "no such article or passage in the index"
        case .usage: return "the command line is wrong"
        }
    }

    /// The status of an engine failure of `category`.
    public init(_ category: FailureCategory) {
        switch category {
        case .locked: self = .locked
        case .noIndex: self = .noIndex
        case .badQuery: self = .badQuery
        case .badGazetteer: self = .badGazetteer
        case .unreachable: self = .unreachable
        case .usage: self = .usage
        case .failure: self = .failure
        }
    }

    /// The exit code for this status.
    public var exit: ExitCode { ExitCode(rawValue) }
}
