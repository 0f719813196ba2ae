import Foundation

extension Event {
    /// When the check-out the event is about happened, read from its data: a checkin's `check_out`
    /// or a booking's `actual_end_at`; nil when it has neither.
    public var checkedOutAt: Date? {
        struct Shape: Decodable {
            var check_out: String?
            var actual_end_at: String?
        }
        guard let shape = try? JSONDecoder().decode(Shape.self, from: data),
              let text = shape.check_out ?? shape.actual_end_at else { return nil }
        return InstantFormat.date(from: text)
    }
}
