import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// A user limited to some locations sees nothing of the others: their locations, resources,
/// bookings, visits, invoices and events are not found and absent from lists; what spans the
/// whole organization is refused; and nothing is written when a write names what they cannot see.
@Suite struct LocationScopeConformanceTests {
    @Test(arguments: Backend.enabled)
    func aUserLimitedToTheHotelSeesNothingOfTheAnnex(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let fd = f.frontdesk
            let (hotel, annex) = (try await f.makeLocation(name: "Hotel"), try await f.makeLocation(name: "Annex"))
            let (room, cabin) = (try await f.makeResource(at: hotel, name: "101"), try await f.makeResource(at: annex, name: "Cabin"))
            let guest = try await f.makeMember()
            let stay = try await f.book(guest, room, hours(14, 20))
            let away = try await f.book(guest, cabin, hours(14, 20))
            let walkIn = try await fd.createCheckin(f.owner, CheckinRequest(resourceID: cabin.id, memberID: guest.id))
            let awayInvoice = try #require(try await fd.invoices(f.owner, filter: InvoiceFilter(bookingID: away.id),
                                                                 page: PageRequest()).items.first)
            _ = try await fd.recordPayment(f.owner, PaymentRequest(invoiceID: awayInvoice.id, amount: 100, method: .cash))

            _ = try await fd.createUser(f.owner, UserInput(email: "desk@example.com", name: "Desk", role: .admin,
                                                           locationIDs: [hotel.id], password: PeopleConformanceTests.password))
            let desk = try await fd.authenticate(sessionToken: try await fd.signIn(
                email: "desk@example.com", password: PeopleConformanceTests.password, address: nil).token).caller
            #expect(desk.locationIDs == [hotel.id])

            // Lists hold the hotel's only, whatever the filter asks.
            #expect(try await fd.locations(desk, page: PageRequest()).items.map(\.id) == [hotel.id])
            #expect(try await fd.resources(desk, filter: ResourceFilter(), page: PageRequest()).items.map(\.id) == [room.id])
            #expect(try await f.allBookings(desk).map(\.id) == [stay.id])
            #expect(try await f.allBookings(desk, filter: BookingFilter(locationIDs: [annex.id])).isEmpty)
            #expect(try await f.allBookings(desk, filter: BookingFilter(locationIDs: [annex.id, hotel.id])).map(\.id) == [stay.id])
            #expect(try await f.allCheckins(desk).allSatisfy { $0.locationID == hotel.id })
            #expect(try await f.allCheckins(f.owner).contains { $0.id == walkIn.id })
            #expect(try await fd.payments(desk, filter: PaymentFilter(), page: PageRequest()).items.isEmpty)
            let free = try await fd.availability(desk, window: .instants(hours(30, 40)), filter: ResourceFilter())
            #expect(free.available.map(\.resource.id) == [room.id] && free.unavailable.isEmpty)
            let events = try await f.allEvents(desk)
            #expect(!events.isEmpty && events.allSatisfy { $0.locationID == hotel.id })
            #expect(events.contains { $0.entityID == stay.id } && !events.contains { $0.entityID == away.id })

            // The annex's things are not found, for reading and for writing.
            await expectError("not_found") { try await fd.location(desk, annex.id) }
            await expectError("not_found") { try await fd.resource(desk, cabin.id) }
            await expectError("not_found") { try await fd.booking(desk, .id(away.id)) }
            await expectError("not_found") { try await fd.booking(desk, .number(away.number)) }
            await expectError("not_found") { try await fd.checkin(desk, walkIn.id) }
            await expectError("not_found") { try await fd.invoice(desk, awayInvoice.id) }
            await expectError("not_found") { try await fd.manifest(desk, locationID: annex.id) }
            await expectError("not_found") { try await fd.perform(desk, .checkIn, on: .id(away.id)) }
            await expectError("not_found") { try await fd.checkOut(desk, walkIn.id) }
            await expectError("not_found") { try await fd.addBookingLine(desk, .id(stay.id), resourceID: cabin.id) }
            await expectError("not_found") { try await f.book(desk, guest, cabin, hours(30, 40)) }
            await expectError("not_found") {
                try await fd.recordPayment(desk, PaymentRequest(invoiceID: awayInvoice.id, amount: 100, method: .cash))
            }
            await expectError("not_found") { try await fd.scan(desk, ScanRequest(code: "nobody", place: .location(annex.id))) }
            await expectError("not_found") {
                try await fd.updateResource(desk, room.id, ResourceInput(locationID: annex.id))
            }
            #expect(try await fd.booking(f.owner, .id(away.id)).status == .confirmed)
            #expect(try await fd.checkin(f.owner, walkIn.id).checkOut == nil)
            #expect(try await fd.booking(f.owner, .id(stay.id)).lines.count == 1)
            #expect(try await fd.resource(f.owner, room.id).locationID == hotel.id)

            // The hotel's are the desk's to work.
            #expect(try await fd.perform(desk, .checkIn, on: .id(stay.id)).status == .checkedIn)
            let day = try await fd.manifest(desk, locationID: hotel.id).manifest
            #expect((day.arrivals + day.inHouse + day.departures).map(\.id) == [stay.id])

            // What spans the whole organization is refused; one location's figures are not.
            await expectError("validation_failed") { try await fd.auditEntries(desk, filter: AuditFilter(), page: PageRequest()) }
            await expectError("validation_failed") { try await fd.balancesReport(desk) }
            await expectError("validation_failed") { try await fd.occupancy(desk) }
            let (from, to) = (hours(0, 24).start, hours(0, 24).end)
            await expectError("validation_failed") { try await fd.activityReport(desk, ActivityQuery(from: from, to: to)) }
            await expectError("validation_failed") {
                try await fd.activityReport(desk, ActivityQuery(from: from, to: to, locationID: annex.id))
            }
            let report = try await fd.activityReport(desk, ActivityQuery(from: from, to: to, locationID: hotel.id))
            #expect(report.locations.map(\.locationID) == [hotel.id])
            await expectError("not_found") { try await fd.occupancy(desk, locationID: annex.id) }

            // A limited admin hands out only its own locations.
            await expectError("validation_failed") {
                try await fd.createUser(desk, UserInput(email: "all@example.com", name: "All", role: .viewer))
            }
            await expectError("validation_failed") {
                try await fd.createUser(desk, UserInput(email: "annex@example.com", name: "Annex", role: .viewer,
                                                        locationIDs: [annex.id]))
            }
            let helper = try await fd.createUser(desk, UserInput(email: "help@example.com", name: "Help", role: .viewer,
                                                                 locationIDs: [hotel.id])).user
            #expect(try await fd.users(desk).map(\.id).contains(helper.id))
            #expect(try await fd.users(desk).allSatisfy { !$0.locationIDs.isEmpty })
        }
    }
}
