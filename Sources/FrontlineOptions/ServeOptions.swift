import ArgumentParser

/// The options of `frontline serve`, read by the command line (for help and checking) and
/// by the `frontline-server` program it starts (which does the serving, so that the
/// command line's own binary stays small and starts fast).
public struct ServeOptions: ParsableArguments {
    @OptionGroup public var index: IndexLocations
    @Option(help: "The address to listen on.")
    public var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "The port to listen on (0: any free port).")
    public var port = 8080
    @Option(help: ArgumentHelp("A file holding the access token requests must carry (16 characters or more).", valueName: "FILE"))
    public var tokenFile: String?
    @Flag(help: "Serve on an address other than 127.0.0.1 without a token.")
    public var `public` = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Close a connection idle, or sending its request too slowly, after this many seconds (1 to 3600).", valueName: "SECONDS"))
    public var idleTimeout = 15
    @Option(parsing: .unconditional, help: ArgumentHelp("Serve at most this many connections at once; more wait to be accepted (1 to 100000).", valueName: "N"))
    public var maxConnections = 2_000
    @Option(name: .customLong("cache-mb"), parsing: .unconditional,
            help: ArgumentHelp("Keep up to this many megabytes of answers, given again to the same request while the index is unchanged (0 to 4096; 0: none).", valueName: "MB"))
    public var cacheMegabytes = 64

    public init() {}

    /// The help text's account of what is served.
    public static let discussion = """
        Pages: / (search), /compare, /figures, /articles/ID. API (the JSON of the --json
        options): /api/search, /api/compare, /api/figures, /api/articles/ID, /api/stats,
        /api/suggest, /api/export (format=csv or jsonl, every matching passage), /healthz.
        Parameters are named like the command line's options: q, side, claimant, actor,
        place, source, figure, from, to, sort, limit, offset, per_article, copies (all:
        every copy of a syndicated story), date_bucket, facets, by, and for figures category and disputed; partial=1 answers from the
        shards that can be reached when one cannot (the answer names what it leaves out).

        It listens on 127.0.0.1 unless --host says otherwise; another address needs
        --token-file (requests then carry the token as "Authorization: Bearer TOKEN", or a
        browser opens /login?token=TOKEN once) unless --public is given.
        """

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (1...3600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 1 and 3600 seconds") }
        guard (1...100_000).contains(maxConnections) else { throw ValidationError("--max-connections must be between 1 and 100000") }
        guard (0...4096).contains(cacheMegabytes) else { throw ValidationError("--cache-mb must be between 0 and 4096") }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        if !loopback && tokenFile == nil && !`public` {
            throw ValidationError("serving on \(host) exposes the index beyond this machine: give --token-file FILE, or --public to serve without a token")
        }
    }
}
