/// Progress of an index run, reported as files are read.
public struct IndexProgress: Sendable {
    /// Articles read so far.
    public var articles: Int
    /// Bytes of input read so far, and in all.
    public var bytesRead: Int
    /// Bytes of input in all.
    public var bytesTotal: Int
    /// Seconds since the run started.
    public var seconds: Double
    /// What the run is doing ("reading", "removing", "committing").
    public var phase: String
}
