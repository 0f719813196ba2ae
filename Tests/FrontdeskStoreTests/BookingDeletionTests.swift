import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Deleting bookings for good: only ended-before-they-began ones, and the trail stays.
@Suite("Booking deletion")
struct BookingDeletionTests {
    @Test(arguments: Backend.enabled)
    func onlyCancelledOrExpiredBookingsCanBeDeleted(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let confirmed = try await f.book(member, room, hours(14, 38))
            let pending = try await f.book(member, room, hours(40, 50), status: .pending)

            for booking in [confirmed, pending] {
                await expectError("booking_not_deletable") { try await f.frontdesk.deleteBooking(f.owner, .id(booking.id)) }
                #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == booking)
            }
            let completed = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(confirmed.id))
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(completed.id))
            await expectError("booking_not_deletable") { try await f.frontdesk.deleteBooking(f.owner, .id(confirmed.id)) }
            #expect(try await f.bookingEvents().count == 4)

            _ = try await f.frontdesk.perform(f.owner, .expire, on: .id(pending.id))
            try await f.frontdesk.deleteBooking(f.owner, .number(pending.number))
            await expectError("not_found") { try await f.frontdesk.booking(f.owner, .id(pending.id)) }
            #expect(try await f.allBookings().map(\.id) == [confirmed.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func deletedBookingIsGoneButItsTrailStays(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let booking = try await f.book(member, room, hours(14, 38))
            let invoice = try #require(try await f.frontdesk.invoices(
                f.owner, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest()).items.first)
            f.clock.advance(by: 60)
            let cancelled = try await f.frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
            f.clock.advance(by: 60)
            try await f.frontdesk.deleteBooking(f.owner, .id(booking.id))

            await expectError("not_found") { try await f.frontdesk.booking(f.owner, .id(booking.id)) }
            await expectError("not_found") { try await f.frontdesk.booking(f.owner, .number(booking.number)) }
            await expectError("not_found") { try await f.frontdesk.deleteBooking(f.owner, .id(booking.id)) }
            await expectError("not_found") { try await f.frontdesk.perform(f.owner, .confirm, on: .id(booking.id)) }
            #expect(try await f.allBookings().isEmpty)

            // The trail is read as before, by the booking's id (its number went with it).
            let audit = try await f.frontdesk.bookingAudit(f.owner, .id(booking.id))
            #expect(audit == (try await f.store.auditEntries(Organization.defaultID, entityID: booking.id)))
            #expect(audit.map(\.action) == ["create", "cancel", "delete"])
            await expectError("not_found") { try await f.frontdesk.bookingAudit(f.owner, .number(booking.number)) }
            await expectError("not_found") { try await f.frontdesk.bookingAudit(f.owner, .id(UUID())) }
            #expect(sameJSON(audit[2].before, DomainJSON.encode(cancelled)))
            #expect(audit[2].after == nil)

            let events = try await f.allEvents()
            #expect(events.map(\.type)
                    == [.bookingCreated, .invoiceCreated, .bookingCancelled, .invoiceUpdated, .bookingDeleted])
            #expect(events.map(\.entityID) == [booking.id, invoice.id, booking.id, invoice.id, booking.id])

            // The number is not given out again.
            #expect(try await f.book(member, room, hours(14, 38)).number == "BK-2026-0002")
        }
    }
}
