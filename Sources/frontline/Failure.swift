import ArgumentParser
import Foundation
import FrontlineCorpus
import FrontlineEngine
import Xapian

/// Exit statuses, documented in `frontline --help`.
enum Status {
    static let rejectedInput: Int32 = 1
    static let locked: Int32 = 3
    static let noIndex: Int32 = 4
    static let badQuery: Int32 = 5
    static let badGazetteer: Int32 = 6
    static let failure: Int32 = 7
    static let unreachable: Int32 = 8
}

/// Prints `message` to standard error, prefixed with the program's name.
func complain(_ message: String) {
    FileHandle.standardError.write(Data("frontline: \(message)\n".utf8))
}

/// Runs `body`, turning Frontline's errors into a message and an exit status (no stack traces).
func reportingFailures<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as IndexError {
        complain(error.description)
        switch error {
        case .locked: throw ExitCode(Status.locked)
        case .schemaMismatch: throw ExitCode(Status.noIndex)
        case .gazetteer: throw ExitCode(Status.badGazetteer)
        case .xapian, .io: throw ExitCode(Status.failure)
        }
    } catch let error as SearchError {
        complain(error.description)
        switch error {
        case .noIndex, .schemaMismatch: throw ExitCode(Status.noIndex)
        case .query: throw ExitCode(Status.badQuery)
        case .unreachable: throw ExitCode(Status.unreachable)
        case .xapian: throw ExitCode(Status.failure)
        }
    } catch let error as GazetteerError {
        complain(error.description)
        throw ExitCode(Status.badGazetteer)
    } catch let error as XapianError {
        complain("Xapian: \(error)")
        throw ExitCode(Status.failure)
    } catch let error as ValidationError {
        throw error
    } catch {
        complain("\(error)")
        throw ExitCode(Status.failure)
    }
}

/// Options shared by the commands that read an index.
struct IndexLocations: ParsableArguments {
    @Option(name: .customLong("index"), help: ArgumentHelp(
        "An index folder, or tcp://HOST:PORT of one served by xapian-tcpsrv. Repeat to search several as one.",
        valueName: "DIR|URL"))
    var locations: [String] = []

    /// The given locations, or the default `Index`.
    var resolved: [String] { locations.isEmpty ? ["Index"] : locations }
}
