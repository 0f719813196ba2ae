import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskEngine

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a sample organization: a hotel and a bike shop, members, and bookings in every status.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let summary = try await store.withFrontdesk { frontdesk in try await DemoData(frontdesk: frontdesk).load() }
        say(summary)
    }
}

/// The sample data, made through the engine exactly as a client would.
struct DemoData {
    let frontdesk: Frontdesk
    let owner = Frontdesk.platformCaller()

    func load() async throws -> String {
        let hotel = try await frontdesk.createLocation(owner, LocationInput(name: "Harbour Hotel", timeZone: "Europe/Lisbon"))
        let shop = try await frontdesk.createLocation(owner, LocationInput(name: "Riverside Bikes", timeZone: "Europe/Lisbon"))
        var rooms: [Resource] = []
        for number in 101...106 {
            let suite = number > 104
            rooms.append(try await frontdesk.createResource(owner, ResourceInput(
                locationID: hotel.id, name: "Room \(number)", kind: "room", category: suite ? "suite" : "double",
                capacity: 1, rateAmount: suite ? 18_000 : 9_500, rateUnit: .night)))
        }
        var bikes: [Resource] = []
        for (i, model) in ["City", "City", "E-bike", "E-bike", "Gravel"].enumerated() {
            bikes.append(try await frontdesk.createResource(owner, ResourceInput(
                locationID: shop.id, name: "\(model) #\(i + 1)", kind: "bike", category: model.lowercased(),
                capacity: 1, rateAmount: model == "E-bike" ? 1_200 : 600, rateUnit: .hour)))
        }
        let names = ["Priya Mehta", "Tomás Silva", "Ana Costa", "Jonas Berg", "Mei Tanaka", "Omar Haddad", "Lea Novak", "Sam Okafor"]
        var members: [Member] = []
        for name in names {
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".")
                .folding(options: .diacriticInsensitive, locale: nil) + "@example.com"
            members.append(try await frontdesk.createMember(owner, MemberInput(type: "guest", name: name, email: email)))
        }

        let today = LocalDate(Date(), in: TimeZone(identifier: "Europe/Lisbon")!)
        func day(_ offset: Int) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let base = calendar.date(from: DateComponents(year: today.year, month: today.month, day: today.day))!
            return LocalDate(calendar.date(byAdding: .day, value: offset, to: base)!, in: calendar.timeZone).description
        }
        func stay(_ room: Int, _ member: Int, from: Int, nights: Int, status: BookingStatus = .confirmed) async throws -> Booking {
            try await frontdesk.createBooking(owner, NewBooking(
                memberID: members[member].id,
                lines: [.init(resourceID: rooms[room].id,
                              window: .dates(StayDates(checkIn: LocalDate(day(from))!, checkOut: LocalDate(day(from + nights))!)))],
                status: status, source: .web))
        }
        func ride(_ bike: Int, _ member: Int, hoursFromNow: Double, hours: Double, status: BookingStatus = .confirmed) async throws -> Booking {
            let start = Date().addingTimeInterval(hoursFromNow * 3600)
            return try await frontdesk.createBooking(owner, NewBooking(
                memberID: members[member].id,
                lines: [.init(resourceID: bikes[bike].id, window: .instants(TimeWindow(start: start, end: start.addingTimeInterval(hours * 3600))))],
                status: status, source: status == .active ? .walkIn : .phone))
        }

        _ = try await stay(0, 0, from: 0, nights: 3)                                     // arriving today
        let inHouse = try await stay(1, 1, from: -1, nights: 2)                          // in house, leaving tomorrow
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(inHouse.id))
        let leaving = try await stay(2, 2, from: -2, nights: 2)                          // departing today
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(leaving.id))
        let done = try await stay(3, 3, from: -4, nights: 2)
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(done.id))
        _ = try await frontdesk.perform(owner, .checkOut, on: .id(done.id))
        let cancelled = try await stay(4, 4, from: 2, nights: 2)
        _ = try await frontdesk.perform(owner, .cancel, on: .id(cancelled.id), reason: "Change of plans")
        let noShow = try await stay(5, 5, from: -3, nights: 1)
        _ = try await frontdesk.perform(owner, .noShow, on: .id(noShow.id))
        _ = try await stay(4, 6, from: 5, nights: 4, status: .pending)                   // awaiting payment
        _ = try await stay(5, 7, from: 1, nights: 2)

        _ = try await ride(0, 6, hoursFromNow: -1, hours: 3, status: .active)             // walk-in, out riding
        let checkedIn = try await ride(2, 7, hoursFromNow: 0.25, hours: 4)
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(checkedIn.id))            // at the counter
        _ = try await ride(3, 0, hoursFromNow: 2, hours: 2)
        let started = try await ride(4, 1, hoursFromNow: -5, hours: 4)
        _ = try await frontdesk.perform(owner, .start, on: .id(started.id))
        _ = try await frontdesk.perform(owner, .checkOut, on: .id(started.id))
        let expired = try await ride(1, 2, hoursFromNow: 24, hours: 2, status: .pending)
        _ = try await frontdesk.perform(owner, .expire, on: .id(expired.id))

        let bookings = try await frontdesk.bookings(owner, filter: BookingFilter(), page: PageRequest(limit: PageRequest.maxLimit))
        return "Loaded the demo: \(rooms.count) rooms at \(hotel.name), \(bikes.count) bikes at \(shop.name), "
            + "\(members.count) members and \(bookings.items.count) bookings in every status."
    }
}
