import Foundation
import FrontdeskCore
import Testing

/// Which resources can take one more booking for a window, and why the others cannot.
@Suite struct AvailabilityTests {
    static let stay = StayDates(checkIn: LocalDate("2026-03-28")!, checkOut: LocalDate("2026-03-30")!)

    static func bookable(_ n: Int, capacity: Int = 1, status: Resource.Status = .active, zone: String? = "Europe/Paris",
                         settings: LocationSettings = .init(), held: [HeldLine] = []) -> (entry: CatalogEntry, held: [HeldLine]) {
        (CatalogEntry(resource: Fixture.resource(Fixture.id(n), capacity: capacity, rate: 9_000, status: status),
                      timeZone: zone.map(Fixture.zone), settings: settings), held)
    }

    static func availability(_ resources: [(entry: CatalogEntry, held: [HeldLine])]) -> Availability {
        Availability(resources.map(\.entry), held: Dictionary(uniqueKeysWithValues: resources.map { ($0.entry.resource.id, $0.held) }),
                     now: Fixture.created, organization: Fixture.organization(timeZone: "Asia/Tokyo")) { desk in
            stay.window(checkInTime: desk.settings.checkIn, checkOutTime: desk.settings.checkOut, timeZone: desk.timeZone)
        }
    }

    static let inTheWay = HeldLine(bookingNumber: "BK-2026-0002",
                                   window: Fixture.window("2026-03-29T12:00:00Z", "2026-03-31T09:00:00Z"))

    @Test func freeBookedAndOutOfService() throws {
        let a = Self.availability([
            Self.bookable(1),
            Self.bookable(2, held: [Self.inTheWay]),
            Self.bookable(3, status: .outOfService),
            Self.bookable(4, capacity: 3, held: [Self.inTheWay]),
        ])
        #expect(a.available.map(\.resource.id) == [Fixture.id(1), Fixture.id(4)])
        #expect(a.available.map(\.remainingCapacity) == [1, 2])
        #expect(a.available.allSatisfy { $0.price == 18_000 }, "two nights across the spring change")
        #expect(a.available[0].window == Fixture.window("2026-03-28T13:00:00Z", "2026-03-30T09:00:00Z"))

        #expect(a.unavailable.map(\.resource.id) == [Fixture.id(2), Fixture.id(3)])
        #expect(a.unavailable[0].reason == .booked)
        #expect(a.unavailable[0].bookingNumbers == ["BK-2026-0002"])
        #expect(a.unavailable[1].reason == .outOfService)
        #expect(Availability.Closed.Reason.outOfService.rawValue == "out_of_service")
    }

    @Test func touchingBookingLeavesTheResourceFree() {
        let before = HeldLine(bookingNumber: "BK-2026-0001",
                              window: Fixture.window("2026-03-26T13:00:00Z", "2026-03-28T13:00:00Z"))
        let a = Self.availability([Self.bookable(1, held: [before])])
        #expect(a.available.count == 1)
        #expect(a.unavailable.isEmpty)
    }

    @Test func eachResourceReadsTheStayInItsOwnZone() {
        let a = Self.availability([Self.bookable(1, zone: "America/New_York"), Self.bookable(2), Self.bookable(3, zone: nil)])
        #expect(a.available.map(\.window) == [
            Fixture.window("2026-03-28T18:00:00Z", "2026-03-30T15:00:00Z"),
            Fixture.window("2026-03-28T13:00:00Z", "2026-03-30T09:00:00Z"),
            Fixture.window("2026-03-28T05:00:00Z", "2026-03-30T02:00:00Z"),  // no location zone: the organization's
        ])
    }

    @Test func eachResourceReadsTheStayWithItsLocationsTimes() {
        let a = Self.availability([
            Self.bookable(1, settings: LocationSettings(checkInTime: "09:00", checkOutTime: "18:00")),
            Self.bookable(2),
            Self.bookable(3, settings: LocationSettings(checkOutTime: "10:00")),
        ])
        #expect(a.available.map(\.window) == [
            Fixture.window("2026-03-28T08:00:00Z", "2026-03-30T16:00:00Z"),
            Fixture.window("2026-03-28T13:00:00Z", "2026-03-30T09:00:00Z"),  // the organization's 14:00 and 11:00
            Fixture.window("2026-03-28T13:00:00Z", "2026-03-30T08:00:00Z"),
        ])
        #expect(a.currency == "EUR")
    }

    @Test func answerCarriesEachResourceAsItsJSON() throws {
        let entry = Self.bookable(1).entry
        #expect(entry.json == Array(entry.resource.json))
        let a = Self.availability([Self.bookable(1), Self.bookable(2, held: [Self.inTheWay])])
        var available = JSONWriter(), unavailable = JSONWriter()
        a.writeAvailable(to: &available)
        a.writeUnavailable(to: &unavailable)
        let frame = Availability.frame
        let answer = frame.open.description.utf8 + available.bytes + frame.between.description.utf8 + unavailable.bytes
            + frame.close.description.utf8
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer)) as? [String: Any])
        let open = try #require((object["available"] as? [[String: Any]])?.first)
        let closed = try #require((object["unavailable"] as? [[String: Any]])?.first)
        #expect((open["resource"] as? [String: Any])?["id"] as? String == Fixture.id(1).text)
        #expect((closed["resource"] as? [String: Any])?["id"] as? String == Fixture.id(2).text)
        #expect(closed["booking_numbers"] as? [String] == ["BK-2026-0002"])
    }
}
