import FrontlineEngine
import Hummingbird
import HummingbirdCore
import Logging

/// Frontline over HTTP: the search as a web page and a JSON API, on Hummingbird.
///
/// ```swift
/// let server = try FrontlineServer(options: .init(locations: ["Index"]))
/// try await server.run() // until SIGINT or SIGTERM; requests in flight finish first
/// ```
public struct FrontlineServer: Sendable {
    /// How to serve.
    public struct Options: Sendable {
        /// Index folders or `tcp://HOST:PORT` addresses, searched as one.
        public var locations: [String]
        /// The address to listen on.
        public var host = "127.0.0.1"
        /// The port (0: any free one).
        public var port = 8080
        /// The access token requests must carry (nil: none).
        public var token: String?
        /// How long a request may take before it is answered with 503.
        public var timeLimit: Duration = .seconds(10)
        /// How long a connection may stay open without a whole request arriving (idle between
        /// requests, or sending a request's head too slowly), before it is closed.
        public var idleTimeout: Duration = .seconds(15)
        /// The most connections served at once; more wait to be accepted, so that idle ones
        /// cannot use up the process's file descriptors.
        public var maximumConnections = 2_000
        /// How often each index location's health is checked in the background.
        public var healthInterval: Duration = .seconds(2)
        /// The most bytes of answers kept for requests asked again at the same revision of
        /// the index (0: none kept; see `ResponseCache`).
        public var cacheBytes = 64 << 20

        /// Options serving `locations`.
        public init(locations: [String]) { self.locations = locations }
    }

    private let options: Options
    private let pool: SearcherPool
    private let health: HealthMonitor
    private let cache: ResponseCache

    /// A server over the indexes in `options` (opened now, so a wrong location fails here).
    public init(options: Options) throws {
        self.options = options
        let health = HealthMonitor(locations: try Topology(locations: options.locations).shards.map(\.name), interval: options.healthInterval)
        pool = try SearcherPool(locations: options.locations, timeLimit: options.timeLimit, onDamage: health.damaged)
        self.health = health
        cache = ResponseCache(byteLimit: options.cacheBytes)
    }

    /// Why `token` cannot be the access token, or nil if it can: it must be 16 characters
    /// or more, each one a cookie may carry (visible ASCII but `"`, `,`, `;` and `\\`), or a
    /// browser could never log in with it.
    public static func problem(withToken token: String) -> String? {
        guard token.count >= 16 else { return "is shorter than 16 characters" }
        let allowed = token.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"\",;\\".unicodeScalars.contains($0) }
        return allowed ? nil : "holds a character a cookie cannot carry (only visible ASCII letters, digits and marks but \" , ; \\)"
    }

    /// Lookups that found a kept answer and lookups that did not, so far.
    var cacheStatistics: (hits: Int, misses: Int) {
        let statistics = cache.statistics
        return (statistics.hits, statistics.misses)
    }

    /// The routes, for the server and for in-process tests.
    public func router(logger: Logger) -> Router<FrontlineContext> {
        let router = Router(context: FrontlineContext.self)
        router.add(middleware: RequestGuard(token: options.token, logger: logger))
        APIRoutes(pool: pool, health: health, cache: cache).add(to: router)
        PageRoutes(pool: pool, cache: cache).add(to: router)
        return router
    }

    /// The application, listening on the options' address.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(logger: logger),
                    server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(options.idleTimeout.inSeconds * 1e9)))),
                    configuration: .init(address: .hostname(options.host, port: options.port), serverName: "frontline",
                                         availableConnectionsDelegate: MaximumAvailableConnections(options.maximumConnections)),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
                    logger: logger)
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully (requests in flight finish).
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "frontline")
        logger.logLevel = .info
        try await application(logger: logger, onServerRunning: onServerRunning).runService()
    }
}
