import Foundation

extension Event {
    /// The location the event happened at, as its data names it: a booking's, a visit's, an
    /// invoice's or a payment's `location_id`, or the location itself. Nil for what belongs to the
    /// whole organization (a member, a deposit, a failed scan).
    public var locationID: UUID? {
        if entityType == "location" { return entityID }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let text = object["location_id"] as? String else { return nil }
        return UUID(text: text)
    }
}
