import ArgumentParser
import Foundation
@testable import frontdesk
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// `frontdesk demo`: a true story whenever it is loaded, and never mixed into existing data
/// unless told `--force`.
@Suite("Demo")
struct DemoTests {
    /// An afternoon in Lisbon (15:30 local, summer time).
    static let now = Date(timeIntervalSince1970: 1_781_533_800)

    @Test(arguments: Backend.enabled)
    func tellsATrueStoryThatTheFirstSweepLeavesAlone(_ backend: Backend) async throws {
        try await withTestStore(backend) { test in
            let frontdesk = Frontdesk(store: test.store, clock: { Self.now })
            try await frontdesk.ensureDefaultOrganization()
            let demo = DemoData(frontdesk: frontdesk)
            _ = try await demo.load()
            #expect(try await frontdesk.sweep() == 0)

            let owner = demo.owner
            let bookings = try await frontdesk.bookings(owner, filter: BookingFilter(), page: PageRequest(limit: 200)).items
            #expect(bookings.allSatisfy { $0.currency == "EUR" })
            #expect(Set(bookings.map(\.status)) == Set(BookingStatus.allCases))
            #expect(bookings.contains { $0.lines.count == 2 })
            // Every booking has its invoice; money was taken, given back and credited.
            let invoices = try await frontdesk.invoices(owner, filter: InvoiceFilter(), page: PageRequest(limit: 200)).items
            #expect(Set(invoices.map(\.bookingID)) == Set(bookings.map(\.id)))
            #expect(invoices.contains { $0.status == .finalized && $0.credited == 350 && $0.lines.contains { $0.line.kind == .extra } })
            #expect(invoices.contains { $0.status == .cancelled && $0.refunded == 2_000 })
            #expect(invoices.contains { $0.lines.contains { $0.line.description == "No-show fee" } })
            #expect(invoices.contains { $0.lines.contains { $0.line.kind == .damage } && $0.deposits.first?.status == .released })
            // What happened was stamped when it happened, nothing after now.
            for booking in bookings {
                for stamp in [booking.actualStartAt, booking.actualEndAt].compactMap({ $0 }) + booking.lines.flatMap({
                    [$0.checkedInAt, $0.checkedOutAt].compactMap { $0 }
                }) {
                    #expect(stamp <= Self.now)
                }
                // A stay was checked in on its first day and out on its last.
                for line in booking.lines {
                    let zone = DemoData.zone
                    if let checkedIn = line.checkedInAt {
                        #expect(LocalDate(checkedIn, in: zone) == LocalDate(line.window.start, in: zone))
                    }
                    if let checkedOut = line.checkedOutAt {
                        #expect(LocalDate(checkedOut, in: zone) == LocalDate(line.window.end, in: zone))
                    }
                }
            }
            let visits = try await frontdesk.checkins(owner, filter: CheckinFilter(), page: PageRequest(limit: 200)).items
            #expect(visits.contains { $0.bookingID == nil && $0.checkOut != nil })
            #expect(visits.contains { $0.bookingID == nil && $0.checkIn != nil && $0.checkOut == nil })
            #expect(try await frontdesk.actions(owner, page: PageRequest()).items.count == 1)

            // The gym and the office: members in now, classified days, streaks true today.
            let inNow = try await frontdesk.occupancy(owner)
            #expect(inNow.byMemberType.first { $0.key == "member" }?.count == 2)
            let members = try await frontdesk.members(owner, filter: MemberFilter(code: "GYM-0001"), page: PageRequest()).items
            let regular = try await frontdesk.memberAttendance(owner, try #require(members.first).id)
            #expect(regular.totalVisits > 60 && regular.currentStreak > 0 && regular.engagement == .highlyActive)
            let lapsed = try await frontdesk.members(owner, filter: MemberFilter(code: "GYM-0008"), page: PageRequest()).items
            #expect(try await frontdesk.memberAttendance(owner, try #require(lapsed.first).id).engagement == .dormant)
            // Engagement announced already: the dashboard shows it.
            let board = try await frontdesk.attendanceDashboard(owner, from: Self.now - 30 * 86_400, to: Self.now)
            #expect(board.engagement[.dormant] == 1 && board.engagement[.highlyActive, default: 0] >= 1)
            for (name, type) in [("Nuno", AttendanceType.halfDayMorning), ("Olga", .overtime), ("Marta", .fullDay)] {
                let employee = try #require(try await frontdesk.members(owner, filter: MemberFilter(query: name),
                                                                        page: PageRequest()).items.first)
                let days = try await frontdesk.checkins(owner, filter: CheckinFilter(memberID: employee.id), page: PageRequest(limit: 50))
                #expect(days.items.contains { $0.attendance?.type == type }, "\(name)")
            }

            // The hotel's unpaid hold lasts the day; the arrivals of today are no-shows only at
            // tomorrow's check-out.
            let inAnHour = Self.now.addingTimeInterval(3_600)
            let later = Frontdesk(store: test.store, clock: { inAnHour })
            #expect(try await later.sweep() == 0)
        }
    }

    @Test(arguments: Backend.enabled)
    func refusesADatabaseWithDataUnlessForced(_ backend: Backend) async throws {
        try await withTestStore(backend) { test in
            let frontdesk = Frontdesk(store: test.store, clock: { Self.now })
            try await frontdesk.ensureDefaultOrganization()
            let demo = DemoData(frontdesk: frontdesk)
            _ = try await frontdesk.createMember(demo.owner, MemberInput(name: "Already here"))
            await #expect(throws: DemoRefused.self) { try await demo.load() }
            #expect(try await frontdesk.locations(demo.owner, page: PageRequest()).items.isEmpty)
            _ = try await demo.load(force: true)
            #expect(try await frontdesk.locations(demo.owner, page: PageRequest()).items.count == 4)
        }
    }

    /// The command itself, as `frontdesk demo --database FILE [--force]` runs it.
    @Test func theCommandRefusesASecondLoadWithoutForce() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await Demo.parse(["--database", path]).run()
        await #expect(throws: DemoRefused.self) { try await Demo.parse(["--database", path]).run() }
        try await Demo.parse(["--database", path, "--force"]).run()
    }
}
