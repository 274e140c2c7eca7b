import ArgumentParser
import Foundation
import FrontlineCorpus
import FrontlineEngine

/// Exit statuses: the one table that `reportingFailures`, `frontline --help` and each
/// command's help are made from.
enum Status: Int32, CaseIterable {
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
    var meaning: String {
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
    init(_ category: FailureCategory) {
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
    var exit: ExitCode { ExitCode(rawValue) }

    /// The "Exit status" section of a help text, listing `statuses`.
    static func help(_ statuses: [Status] = Status.allCases) -> String {
        "Exit status:\n" + statuses.map { "  " + padded(String($0.rawValue), to: 3) + $0.meaning }.joined(separator: "\n")
    }
}

/// Prints `message` to standard error, prefixed with the program's name, with any
/// control characters it quotes from the input made visible.
func complain(_ message: String) {
    FileHandle.standardError.write(Data(Style(color: false).render("frontline: \(message)\n").utf8))
}

/// Runs `body`, turning Frontline's errors into a message and an exit status (no stack traces).
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as any FrontlineFailure {
        complain(error.description)
        throw Status(error.category).exit
    } catch {
        complain(FileError.describe(error))
        throw Status.failure.exit
    }
}
