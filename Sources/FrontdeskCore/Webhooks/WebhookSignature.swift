import Crypto
import Foundation

/// The `Frontdesk-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
/// keyed with the action's secret. A receiver recomputes v1 and compares, and rejects old `t`s.
public enum WebhookSignature {
    public static func header(body: Data, secret: String, at time: Date) -> String {
        let t = Int64(time.timeIntervalSince1970.rounded(.down))
        return "t=\(t),v1=\(hex(body: body, secret: secret, timestamp: t))"
    }

    /// The hex HMAC-SHA256 of `"<timestamp>.<body>"`.
    public static func hex(body: Data, secret: String, timestamp: Int64) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
