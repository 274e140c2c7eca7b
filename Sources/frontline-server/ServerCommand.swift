import ArgumentParser
import Foundation
import FrontlineEngine
import FrontlineOptions
import FrontlineServer

/// `frontline-server`: serves the search (started by `frontline serve`, which checks its
/// options first; it can also be run directly with the same options).
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline-server",
        abstract: "Serve the search as a web page and an HTTP JSON API (what 'frontline serve' runs).",
        discussion: ServeOptions.discussion
    )

    @OptionGroup var options: ServeOptions

    func run() async throws {
        var server = FrontlineServer.Options(locations: options.index.resolved)
        server.host = options.host
        server.port = options.port
        server.idleTimeout = .seconds(options.idleTimeout)
        server.maximumConnections = options.maxConnections
        server.cacheBytes = options.cacheMegabytes << 20
        if let tokenFile = options.tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError("the token file \(tokenFile) cannot be read")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let problem = FrontlineServer.problem(withToken: token) { throw ValidationError("the token in \(tokenFile) \(problem)") }
            server.token = token
        }
        let frontline: FrontlineServer
        do {
            frontline = try FrontlineServer(options: server)
        } catch let failure as any FrontlineFailure {
            FileHandle.standardError.write(Data("frontline: \(failure.description)\n".utf8))
            throw Status(failure.category).exit
        }
        let host = options.host, locations = options.index.resolved
        try await frontline.run { port in
            FileHandle.standardError.write(Data("frontline: serving \(locations.joined(separator: ", ")) on http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
        }
    }
}
