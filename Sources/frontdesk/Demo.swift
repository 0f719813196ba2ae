import ArgumentParser
import Foundation
import FrontdeskCore
import FrontdeskEngine

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a sample organization: a hotel and a bike shop in Lisbon, members, visits and bookings in every status, a gym and an office taking attendance.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Load the demo into a database that already holds locations, members or bookings.")
    var force = false

    func run() async throws {
        let summary = try await store.withFrontdesk { frontdesk in
            try await DemoData(frontdesk: frontdesk).load(force: force)
        }
        say(summary)
    }
}

/// The demo was asked of a database that already holds data, without `--force`.
struct DemoRefused: Error, CustomStringConvertible {
    var description: String {
        "The database already holds locations, members or bookings: the demo would mix its story into them. "
            + "Run it on a new database, or add --force to load it anyway."
    }
}

/// The sample data, made through the engine exactly as a client would, telling a true story
/// whenever it is loaded: what happened before now was stamped when it happened (a stay of the 1st
/// to the 3rd was checked in on the 1st and out on the 3rd), what is still to come is in the
/// future, and nothing in it is due for the first sweep. The hotel keeps a guest's room until the
/// next day's check-out and holds an unpaid booking two days; the bike shop waits half an hour.
struct DemoData {
    let frontdesk: Frontdesk
    let owner = Frontdesk.platformCaller()
    static let zone = TimeZone(identifier: "Europe/Lisbon")!

    /// Refuses (`DemoRefused`) a database that already holds data, unless `force`.
    func load(force: Bool = false) async throws -> String {
        if !force, try await holdsData() { throw DemoRefused() }
        let now = frontdesk.clock()
        _ = try await frontdesk.updateOrganization(owner, OrganizationPatch(timeZone: Self.zone.identifier, currency: "EUR"))
        let hotel = try await frontdesk.createLocation(owner, LocationInput(
            name: "Harbour Hotel", timeZone: Self.zone.identifier,
            settings: LocationSettings(checkInTime: "15:00", checkOutTime: "11:00", noShowGraceMinutes: 20 * 60,
                                       pendingHoldMinutes: 2 * 24 * 60)))
        let shop = try await frontdesk.createLocation(owner, LocationInput(
            name: "Riverside Bikes", timeZone: Self.zone.identifier,
            settings: LocationSettings(noShowGraceMinutes: 30, pendingHoldMinutes: 30)))
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
        let names = ["Priya Mehta", "Tomás Silva", "Ana Costa", "Jonas Berg", "Mei Tanaka", "Omar Haddad", "Lea Novak",
                     "Sam Okafor", "Inês Rocha"]
        var members: [Member] = []
        for name in names {
            let email = name.lowercased().replacingOccurrences(of: " ", with: ".")
                .folding(options: .diacriticInsensitive, locale: nil) + "@example.com"
            members.append(try await frontdesk.createMember(owner, MemberInput(type: "guest", name: name, email: email)))
        }
        // Money: prices include IVA (6 % on rooms, 23 % on the rest); cancelling within two days of
        // arrival costs half the stay, not coming all of it; a bike back late costs 5.00 an hour.
        _ = try await frontdesk.updateBillingSettings(owner, BillingSettingsPatch(
            pricesIncludeTax: true,
            taxRates: [.init(category: "standard", name: "IVA", rate: 23), .init(category: "rooms", name: "IVA", rate: 6)],
            resourceTaxCategories: ["double": "rooms", "suite": "rooms"],
            cancellationPolicy: CancellationPolicy(freeCancelHours: 48, fee: .init(percent: 50), noShowFee: .init(percent: 100)),
            lateReturn: LateReturnPolicy(graceMinutes: 15, hourlyFee: 500)))
        // Housekeeping hears of every room the hotel's guests leave.
        _ = try await frontdesk.createAction(owner, ActionInput(
            trigger: .checkoutCompleted, type: .flagForCleaning, scope: "location", scopeID: hotel.id))

        let today = LocalDate(now, in: Self.zone)
        /// The local date `offset` days from today, and an instant on it at `hour`:`minute` in Lisbon.
        func day(_ offset: Int) -> LocalDate {
            LocalDate(today.instant(at: LocalTime("12:00")!, in: Self.zone).addingTimeInterval(Double(offset) * 86_400),
                      in: Self.zone)
        }
        func at(_ offset: Int, _ time: String) -> Date { day(offset).instant(at: LocalTime(time)!, in: Self.zone) }
        func stay(_ roomIndexes: [Int], _ member: Int, from: Int, nights: Int, status: BookingStatus = .confirmed,
                  source: Booking.Source = .web) async throws -> Booking {
            let dates = StayDates(checkIn: day(from), checkOut: day(from + nights))
            return try await frontdesk.createBooking(owner, NewBooking(
                memberID: members[member].id,
                lines: roomIndexes.map { .init(resourceID: rooms[$0].id, window: .dates(dates)) },
                status: status, source: source))
        }
        func ride(_ bike: Int, _ member: Int, from start: Date, hours: Double, status: BookingStatus = .confirmed) async throws -> Booking {
            try await frontdesk.createBooking(owner, NewBooking(
                memberID: members[member].id,
                lines: [.init(resourceID: bikes[bike].id,
                              window: .instants(TimeWindow(start: start, end: start.addingTimeInterval(hours * 3_600))))],
                status: status, source: status == .active ? .walkIn : .phone))
        }
        // Instants to the minute, as a desk would stamp them.
        let minute = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)

        // The hotel: who stayed, who is in, who leaves and arrives today, who is still to come.
        // The guest who stayed had the minibar, paid by card and left: the invoice was finalized, then
        // corrected by a credit note for a drink not taken.
        let stayed = try await stay([3], 3, from: -4, nights: 2)
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(stayed.id), at: at(-4, "15:40"))
        let stayedInvoice = try await invoice(of: stayed)
        let minibar = try await frontdesk.addInvoiceItem(owner, stayedInvoice, InvoiceItemRequest(
            description: "Minibar", quantity: 3, unitAmount: 350))
        _ = try await frontdesk.recordPayment(owner, PaymentRequest(
            invoiceID: stayedInvoice, amount: minibar.balance, method: .card, reference: "POS 4471"))
        _ = try await frontdesk.perform(owner, .checkOut, on: .id(stayed.id), at: at(-2, "10:20"))
        _ = try await frontdesk.issueCreditNote(owner, CreditNoteRequest(
            invoiceID: stayedInvoice, amount: 350, reason: "One minibar drink was not taken"))
        let missed = try await stay([5], 5, from: -3, nights: 1)
        _ = try await frontdesk.perform(owner, .noShow, on: .id(missed.id), at: at(-2, "11:00"), reason: "Never arrived")
        let leaving = try await stay([2], 2, from: -2, nights: 2)                          // departs today
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(leaving.id), at: at(-2, "17:30"))
        let inHouse = try await stay([1], 1, from: -1, nights: 2)                         // leaves tomorrow
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(inHouse.id), at: at(-1, "16:05"))
        _ = try await stay([0], 0, from: 0, nights: 3)                                    // arrives today
        _ = try await stay([3, 5], 8, from: 1, nights: 2)                                  // a family, two rooms
        // Paid 50.00 ahead by bank transfer, then cancelled: 20.00 given back at once.
        let cancelled = try await stay([4], 4, from: 2, nights: 2, source: .phone)
        _ = try await frontdesk.recordPayment(owner, PaymentRequest(
            invoiceID: try await invoice(of: cancelled), amount: 5_000, method: .bankTransfer, reference: "TRF 2211"))
        _ = try await frontdesk.perform(owner, .cancel, on: .id(cancelled.id), reason: "Change of plans",
                                        refund: CancellationRefund(amount: 2_000))
        _ = try await stay([4], 6, from: 5, nights: 4, status: .pending)                  // awaiting payment

        // The bike shop: a ride back this morning, one out now, one at the counter, one later today.
        // The ride back had a 100.00 deposit on a card: a bent basket was charged and taken from it,
        // the rest released.
        let returned = try await ride(4, 1, from: minute.addingTimeInterval(-5 * 3_600), hours: 4)
        let deposit = try await frontdesk.holdDeposit(owner, .id(returned.id), amount: 10_000, method: .card, note: "PRE 0931")
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(returned.id), at: minute.addingTimeInterval(-5 * 3_600 + 300))
        _ = try await frontdesk.returnBooking(owner, .id(returned.id), at: minute.addingTimeInterval(-3_600 - 600),
                                              damage: Damage(description: "Bent basket", amount: 1_500), captureDeposit: true)
        _ = try await frontdesk.releaseDeposit(owner, deposit.id)
        _ = try await ride(0, 6, from: minute, hours: 3, status: .active)                 // a walk-in, out riding
        let atCounter = try await ride(2, 7, from: minute, hours: 4)  // its line opens today, even just before midnight
        _ = try await frontdesk.perform(owner, .checkIn, on: .id(atCounter.id))
        _ = try await ride(3, 0, from: minute.addingTimeInterval(2 * 3_600), hours: 2)    // later today
        let lapsed = try await ride(1, 2, from: minute.addingTimeInterval(24 * 3_600), hours: 2, status: .pending)
        _ = try await frontdesk.perform(owner, .expire, on: .id(lapsed.id))

        // Visits without a booking: a test ride that is over, and a guest trying a city bike now.
        let testRide = try await frontdesk.createCheckin(owner, CheckinRequest(
            resourceID: bikes[3].id, memberID: members[3].id, notes: "Test ride before buying"))
        _ = try await frontdesk.checkIn(owner, testRide.id, at: minute.addingTimeInterval(-3 * 3_600))
        _ = try await frontdesk.checkOut(owner, testRide.id, at: minute.addingTimeInterval(-3 * 3_600 + 1_800))
        let trying = try await frontdesk.createCheckin(owner, CheckinRequest(resourceID: bikes[1].id, memberID: members[8].id))
        _ = try await frontdesk.checkIn(owner, trying.id, at: minute.addingTimeInterval(-10 * 60))

        let attendance = try await loadAttendance(today: today, now: minute)
        let bookings = try await frontdesk.bookings(owner, filter: BookingFilter(), page: PageRequest(limit: PageRequest.maxLimit))
        return "Loaded the demo: \(rooms.count) rooms at \(hotel.name), \(bikes.count) bikes at \(shop.name) (prices in EUR), "
            + "\(members.count) members, \(bookings.items.count) bookings in every status with their invoices "
            + "(extras, payments, a credit note, a cancellation's fee and refund, a no-show's fee, a deposit and a "
            + "damage return), two visits without a "
            + "booking and a housekeeping action; \(attendance)."
    }

    /// The id of `booking`'s invoice.
    private func invoice(of booking: Booking) async throws -> UUID {
        try await frontdesk.invoices(owner, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest()).items[0].id
    }

    /// Whether the default organization already has locations, members or bookings.
    func holdsData() async throws -> Bool {
        let one = PageRequest(limit: 1)
        let locations = try await frontdesk.locations(owner, page: one).items
        let members = try await frontdesk.members(owner, filter: MemberFilter(), page: one).items
        let bookings = try await frontdesk.bookings(owner, filter: BookingFilter(), page: one).items
        return !(locations.isEmpty && members.isEmpty && bookings.isEmpty)
    }
}
