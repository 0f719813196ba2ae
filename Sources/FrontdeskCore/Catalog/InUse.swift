import Foundation

/// When a location, a resource or a member is still in use and may not be deleted: the rules every
/// store's delete asks, in its transaction, with what it read there.
public enum InUse {
    /// A location is in use while it has resources (not deleted): they would be left nowhere.
    public static func checkLocation(resources: Int) throws(FrontdeskError) {
        guard resources > 0 else { return }
        throw .conflict(code: "location_in_use",
                        detail: "The location still has \(resources) resource(s); delete or move them first.")
    }

    /// A resource is in use while a line holds it at `now` or later, as availability counts it: its
    /// window ends after `now`, or it is checked in and overdue (it holds on until it is checked
    /// out: `HeldLine.holding(at:)`). `held` are the resource's lines that are not released.
    public static func checkResource(held: [HeldLine], now: Date) throws(FrontdeskError) {
        let numbers = Occupancy.blockingNumbers(held.map { $0.holding(at: now) },
                                                within: TimeWindow(start: now, end: BookableYears.end))
        guard !numbers.isEmpty else { return }
        throw .conflict(code: "resource_in_use",
                        detail: "Current or future bookings hold it: \(numbers.prefix(20).joined(separator: ", ")).")
    }

    /// A member is in use while a booking of theirs holds resources (`BookingStatus.holding`).
    /// `bookings` are the member's bookings in those statuses, by number.
    public static func checkMember(bookings: [(number: String, status: BookingStatus)]) throws(FrontdeskError) {
        let numbers = bookings.filter { $0.status.holdsResources }.map(\.number).sorted()
        guard !numbers.isEmpty else { return }
        throw .conflict(code: "member_in_use",
                        detail: "Open bookings belong to this member: \(numbers.prefix(20).joined(separator: ", ")).")
    }
}
