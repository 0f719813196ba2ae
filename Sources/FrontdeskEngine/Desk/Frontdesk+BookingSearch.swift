import Foundation
import FrontdeskCore

extension Frontdesk {
    /// The bookings a desk finds by what it knows of them besides the number: their guest's name,
    /// email or phone (`MemberFilter.query`), or their resource's name, in any case. At most `limit`,
    /// newest first, each once; only what the caller sees. Requires `booking:read` (and
    /// `member:read` for the guests, and `resource:read` for the resources, when the caller has them).
    public func searchBookings(_ caller: Caller, _ text: String, limit: Int = 50) async throws -> [Booking] {
        try caller.require(.bookingRead)
        var v = Validator()
        v.text(text, "q", required: true, max: 200)
        try v.validate()
        var filters: [BookingFilter] = []
        if caller.permissions.contains(.memberRead) {
            let guests = try await members(caller, filter: MemberFilter(query: text), page: PageRequest(limit: 20)).items
            filters += guests.map { BookingFilter(memberID: $0.id) }
        }
        if caller.permissions.contains(.resourceRead) {
            let needle = text.lowercased()
            var page = PageRequest(limit: PageRequest.maxLimit)
            repeat {
                let found = try await resources(caller, filter: ResourceFilter(), page: page)
                filters += found.items.filter { $0.name.lowercased().contains(needle) }.map { BookingFilter(resourceID: $0.id) }
                page.after = found.next
            } while page.after != nil && filters.count < 40
        }
        var found: [UUID: Booking] = [:]
        for filter in filters {
            for booking in try await bookings(caller, filter: filter, page: PageRequest(limit: limit)).items {
                found[booking.id] = booking
            }
        }
        return Array(found.values.sorted { ($0.createdAt, $0.id.text) > ($1.createdAt, $1.id.text) }.prefix(limit))
    }
}
