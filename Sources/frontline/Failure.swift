import ArgumentParser
import FrontlineOptions
import Foundation
import FrontlineCorpus
import FrontlineEngine

extension Status {
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
