import Foundation

extension Event {
    /// When the check-out the event is about happened, read from its data: a checkin's `check_out`,
    /// a line event's line's `checked_out_at`, or a booking's `actual_end_at`; nil when it has none.
    public var checkedOutAt: Date? {
        struct Shape: Decodable {
            struct Line: Decodable { var checked_out_at: String? }
            var check_out: String?
            var line: Line?
            var actual_end_at: String?
        }
        guard let shape = try? JSONDecoder().decode(Shape.self, from: data),
              let text = shape.check_out ?? shape.line?.checked_out_at ?? shape.actual_end_at else { return nil }
        return InstantFormat.date(from: text)
    }
}
