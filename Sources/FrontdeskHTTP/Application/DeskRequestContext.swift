import Hummingbird
import NIOCore

/// The context of every API request: Hummingbird's basic one, plus the address the connection
/// came from (wrong passwords are counted per address, `SignInThrottle`).
struct DeskRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
