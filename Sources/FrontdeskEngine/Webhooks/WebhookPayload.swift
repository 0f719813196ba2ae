import Foundation
import FrontdeskCore

/// The body a webhook receives: `{"created_at", "data", "id", "type"}`, where `data` is the
/// event's entity exactly as the outbox holds it (the checkin or booking as the API returns it).
public enum WebhookPayload {
    public static func body(for event: Event) -> Data {
        var body = Data("{\"created_at\":\"\(InstantFormat.string(from: event.createdAt))\",\"data\":".utf8)
        body.append(event.data)
        body.append(Data(",\"id\":\"\(event.id.text)\",\"type\":\"\(event.type.rawValue)\"}".utf8))
        return body
    }
}
