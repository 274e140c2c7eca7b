import ArgumentParser

/// `--index DIR|URL` (repeatable), shared by the commands that read an index.
public struct IndexLocations: ParsableArguments {
    @Option(name: .customLong("index"), help: ArgumentHelp(
        "An index folder, or tcp://HOST:PORT of one served by xapian-tcpsrv; copies of one shard joined by | (tried in order), or a topology file listing shards. Repeat to search several as one.",
        valueName: "DIR|URL"))
    public var locations: [String] = []

    public init() {}

    /// The given locations, or the default `Index`.
    public var resolved: [String] { locations.isEmpty ? ["Index"] : locations }
}
