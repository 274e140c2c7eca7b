import Hummingbird
import NIOCore

/// What a Frontline route knows of its request beside the request itself: Hummingbird's
/// context and the client's address (the failed-login limit is kept per client).
public struct FrontlineContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address (nil where there is no socket, as in router tests).
    public let remoteAddress: SocketAddress?

    /// The context of a request that arrived on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's address without its port, the key of its failed logins.
    var client: String { remoteAddress?.ipAddress ?? "local" }
}
