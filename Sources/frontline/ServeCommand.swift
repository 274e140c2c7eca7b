import ArgumentParser
import Foundation
import FrontlineOptions

/// `frontline serve`: the search as a web page and an HTTP JSON API. The options are
/// checked here; the serving is done by the `frontline-server` program installed beside
/// `frontline`, which this command becomes (exec), so the shell's command line stays small
/// and starts fast while the server brings its HTTP stack.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search as a web page and an HTTP JSON API (GET only; stops on Ctrl-C or SIGTERM).",
        discussion: HelpText.discussion(ServeOptions.discussion, statuses: [.success, .noIndex, .failure, .unreachable, .usage])
    )

    @OptionGroup var options: ServeOptions

    func run() throws {
        let program = ServeCommand.serverProgram()
        guard FileManager.default.isExecutableFile(atPath: program) else {
            complain("\(program) is missing: it serves for 'frontline serve' and is built with frontline (make build)")
            throw Status.failure.exit
        }
        let arguments = [program] + Array(CommandLine.arguments.drop { $0 != "serve" }.dropFirst())
        var argv = arguments.map { strdup($0) } + [nil]
        execv(program, &argv)
        complain("cannot start \(program): \(String(cString: strerror(errno)))")
        throw Status.failure.exit
    }

    /// `frontline-server` beside this program's own file.
    static func serverProgram() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (me as NSString).deletingLastPathComponent + "/frontline-server"
    }
}
