/// Where a webhook delivery stands: waiting for its (next) attempt, answered 2xx, or given up.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    case failed
}
