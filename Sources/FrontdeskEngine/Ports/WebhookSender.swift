import Foundation
import FrontdeskCore

/// How a webhook leaves the process: an HTTP client at the edge (the HTTP target's), so the engine
/// owns the retry rules and no networking.
public protocol WebhookSender: Sendable {
    /// POSTs `body` to `url` with `headers`, waiting at most `timeout` for the answer's status.
    func post(_ url: String, headers: [(name: String, value: String)], body: Data, timeout: Duration) async -> AttemptOutcome
}
