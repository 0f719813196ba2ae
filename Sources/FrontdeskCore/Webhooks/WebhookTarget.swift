import Foundation

/// Where a webhook may be sent: an absolute http(s) URL whose host is a valid name or address and,
/// unless private targets are allowed (as in tests), neither a non-public address (see
/// `IPAddress.isPublic`, every textual form of one) nor `localhost`. Checked when an action is
/// written and before every delivery; a name's resolved addresses are checked by the sender.
public enum WebhookTarget {
    public static let notHTTP = "must be an absolute http or https URL"
    public static let invalidHost = "must have a valid host name or IP address"
    public static let privateHost = "must not be a private or loopback address"

    /// Why `url` cannot be a webhook target, or nil when it can. The host is read as `URL` reads it,
    /// as the HTTP client does.
    public static func problem(_ url: String, allowPrivate: Bool) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let text = parsed.host, !text.isEmpty
        else { return notHTTP }
        guard let host = WebhookHost(text) else { return invalidHost }
        if !allowPrivate && host.isPrivate { return privateHost }
        return nil
    }
}
