import FrontdeskCore
import FrontdeskEngine

/// The authenticated caller of the request being handled. The authentication middleware sets it
/// around the rest of the chain, so the generated API handlers can read it.
enum RequestCaller {
    @TaskLocal static var current: Caller?
    /// The session token the request came with, when a person's session authenticated it.
    @TaskLocal static var sessionToken: String?

    static func require() throws(FrontdeskError) -> Caller {
        guard let current else { throw .unauthorized }
        return current
    }
}
