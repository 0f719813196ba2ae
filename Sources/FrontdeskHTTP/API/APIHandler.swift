import Foundation
import FrontdeskAPI
import FrontdeskEngine

/// The generated API's implementation: each handler decodes its input, calls one engine use case
/// with the request's caller, and encodes the result.
struct APIHandler: APIProtocol {
    let frontdesk: Frontdesk
    let databaseKind: String

    var caller: Caller {
        get throws { try RequestCaller.require() }
    }
}
