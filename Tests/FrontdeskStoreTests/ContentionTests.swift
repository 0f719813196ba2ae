import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Double booking is impossible, not unlikely: many writers at once, each through the engine.
@Suite("Contention", .timeLimit(.minutes(2)))
struct ContentionTests {
    static let writers = 32

    /// Runs `count` bookings at once, each in its own task; returns each outcome.
    static func race(
        _ f: StoreFixture, count: Int, _ make: @escaping @Sendable (Int) -> NewBooking
    ) async throws -> [Result<Booking, any Error>] {
        let (frontdesk, owner) = (f.frontdesk, f.owner)
        return try await withThrowingTaskGroup(of: Result<Booking, any Error>.self) { group in
            for i in 0..<count {
                group.addTask {
                    do { return .success(try await frontdesk.createBooking(owner, make(i))) } catch { return .failure(error) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    static func check(_ results: [Result<Booking, any Error>], succeeded expected: Int) throws -> [Booking] {
        let booked = results.compactMap { try? $0.get() }
        let failures = results.compactMap { result -> (any Error)? in
            if case .failure(let error) = result { error } else { nil }
        }
        #expect(booked.count == expected)
        #expect(failures.count == results.count - expected)
        for error in failures {
            #expect((error as? FrontdeskError)?.code == "booking_conflict", "\(String(reflecting: error))")
        }
        return booked
    }

    @Test(arguments: Backend.enabled)
    func oneExclusiveResourceTakesOneBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation(), capacity: 1)
            let member = try await f.makeMember()
            let results = try await Self.race(f, count: Self.writers) { _ in
                NewBooking(memberID: member.id, lines: [.init(resourceID: room.id, window: .instants(hours(14, 38)))])
            }
            let booked = try Self.check(results, succeeded: 1)
            for case .failure(let error as FrontdeskError) in results {
                #expect(conflictNumbers(error) == [room.id: booked.map(\.number)])
            }
            #expect(try await f.allBookings().map(\.id) == booked.map(\.id))
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated])
            #expect(try await f.allEvents().map(\.sequence) == [1, 2])
            backend.expectNumbers(booked.map(\.number) + [try await f.book(member, room, hours(38, 40)).number],
                                  ["BK-2026-0001", "BK-2026-0002"])
        }
    }

    @Test(arguments: Backend.enabled)
    func aResourceOfCapacityThreeTakesThree(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let dorm = try await f.makeResource(at: try await f.makeLocation(), capacity: 3)
            let member = try await f.makeMember()
            let results = try await Self.race(f, count: Self.writers) { i in
                // Different but overlapping windows: all contain hours 20–30.
                NewBooking(memberID: member.id, lines: [.init(resourceID: dorm.id,
                                                              window: .instants(hours(Double(i % 5), 30 + Double(i % 7))))])
            }
            let booked = try Self.check(results, succeeded: 3)
            backend.expectNumbers(booked.map(\.number).sorted(), ["BK-2026-0001", "BK-2026-0002", "BK-2026-0003"])
            #expect(Set(try await f.allBookings(filter: BookingFilter(resourceID: dorm.id)).map(\.id)) == Set(booked.map(\.id)))
            #expect(try await f.allEvents().map(\.sequence) == [1, 2, 3, 4, 5, 6])
            let availability = try await f.frontdesk.availability(f.owner, window: .instants(hours(20, 30)), filter: ResourceFilter())
            #expect(availability.available.isEmpty && availability.unavailable.map(\.resource.id) == [dorm.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func independentBookingsAllSucceedWithGaplessNumbers(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            var rooms: [Resource] = []
            for i in 0..<Self.writers { rooms.append(try await f.makeResource(at: location, name: "Room \(i)")) }
            let member = try await f.makeMember()
            let ids = rooms.map(\.id)
            let results = try await Self.race(f, count: Self.writers) { i in
                NewBooking(memberID: member.id, lines: [.init(resourceID: ids[i], window: .instants(hours(14, 38)))])
            }
            let booked = try Self.check(results, succeeded: Self.writers)
            let expected = (1...Self.writers).map { BookingNumber.format(prefix: "BK", year: 2026, sequence: $0) }
            #expect(booked.map(\.number).sorted() == expected)
            #expect(Set(booked.flatMap { $0.lines.map(\.resourceID) }) == Set(ids))

            let stored = try await f.allBookings()
            #expect(stored.map(\.number).sorted() == expected)
            let events = try await f.allEvents()
            #expect(events.map(\.sequence) == (1...Int64(2 * Self.writers)).map { $0 })
            // Each booking's write: its booking_created, then its invoice's invoice_created (the
            // writes' events may interleave).
            let invoices = try await collectPages { page in
                try await f.frontdesk.invoices(f.owner, filter: InvoiceFilter(), page: page)
            }
            let created = events.filter { $0.type == .bookingCreated }, invoiced = events.filter { $0.type == .invoiceCreated }
            #expect(Set(created.map(\.entityID)) == Set(booked.map(\.id)) && created.count == Self.writers)
            #expect(Set(invoiced.map(\.entityID)) == Set(invoices.map(\.id)) && invoiced.count == Self.writers)
            for invoice in invoices {
                let made = try #require(created.first { $0.entityID == invoice.bookingID })
                #expect(invoiced.first { $0.entityID == invoice.id }.map { $0.sequence > made.sequence } == true)
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func crossedMultiResourceBookingsDoNotDeadlock(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let a = try await f.makeResource(at: location, name: "A")
            let b = try await f.makeResource(at: location, name: "B")
            let member = try await f.makeMember()
            // Half the writers ask for A then B, the other half B then A: locks must be taken in one order.
            let results = try await Self.race(f, count: Self.writers) { i in
                let order = i.isMultiple(of: 2) ? [a.id, b.id] : [b.id, a.id]
                return NewBooking(memberID: member.id, lines: order.map { .init(resourceID: $0, window: .instants(hours(14, 38))) })
            }
            let booked = try Self.check(results, succeeded: 1)
            backend.expectNumbers(booked.map(\.number), ["BK-2026-0001"])
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated])
        }
    }

    @Test(arguments: Backend.enabled)
    func twoOrganizationsNumberIndependentlyUnderContention(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let b = try await f.makeOrganization()
            typealias Work = (caller: Caller, member: UUID, resource: UUID)
            var perOrganization: [[Work]] = []
            for caller in [f.owner, b] {
                let location = try await f.makeLocation(caller)
                let member = try await f.makeMember(caller)
                var work: [Work] = []
                for i in 0..<(Self.writers / 2) {
                    work.append((caller, member.id, try await f.makeResource(caller, at: location, name: "Room \(i)").id))
                }
                perOrganization.append(work)
            }
            // The two organizations' writers interleaved.
            let work = zip(perOrganization[0], perOrganization[1]).flatMap { [$0, $1] }
            let frontdesk = f.frontdesk
            let results = try await withThrowingTaskGroup(of: Booking.self) { group in
                for item in work {
                    group.addTask {
                        try await frontdesk.createBooking(item.caller, NewBooking(
                            memberID: item.member, lines: [.init(resourceID: item.resource, window: .instants(hours(14, 38)))]))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let expected = (1...(Self.writers / 2)).map { BookingNumber.format(prefix: "BK", year: 2026, sequence: $0) }
            for caller in [f.owner, b] {
                let theirs = results.filter { $0.organizationID == caller.organizationID }
                #expect(theirs.map(\.number).sorted() == expected)
                #expect(try await f.allEvents(caller).map(\.sequence) == (1...Int64(Self.writers)).map { $0 })
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func concurrentActionsOnOneBookingApplyOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            let (frontdesk, owner) = (f.frontdesk, f.owner)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        do {
                            // Half the desks send the version they read, half do not.
                            _ = try await frontdesk.perform(owner, .checkIn, on: .id(booking.id),
                                                            ifMatch: i.isMultiple(of: 2) ? 1 : nil)
                            return "ok"
                        } catch let error as FrontdeskError {
                            return error.code
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "ok" }.count == 1)
            #expect(outcomes.allSatisfy { ["ok", "precondition_failed", "invalid_transition"].contains($0) })
            let read = try await f.frontdesk.booking(f.owner, .id(booking.id))
            #expect(read.status == .checkedIn && read.version == 2)
            #expect(try await f.allEvents().map(\.type)
                    == [.bookingCreated, .invoiceCreated, .bookingCheckedIn, .checkinCreated, .checkinStarted])
        }
    }

    @Test(arguments: Backend.enabled)
    func concurrentSweepsMoveEachBookingOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let member = try await f.makeMember()
            for i in 0..<10 {
                let room = try await f.makeResource(at: location, name: "Room \(i)")
                _ = try await f.book(member, room, hours(14, 38), status: .pending)
            }
            f.clock.advance(by: 16 * 60)
            let frontdesk = f.frontdesk
            // Four replicas sweep at once.
            let moved = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await frontdesk.sweep() } }
                return try await group.reduce(0, +)
            }
            #expect(moved == 10)
            #expect(try await f.allBookings(filter: BookingFilter(statuses: [.expired])).count == 10)
            let events = try await f.allEvents()
            #expect(events.map(\.sequence) == (1...40).map { Int64($0) })
            #expect(events.filter { $0.type == .bookingExpired }.count == 10)
            #expect(events.filter { $0.type == .invoiceUpdated }.count == 10)
        }
    }

    @Test(arguments: Backend.enabled)
    func deletingAMemberWhileBookingForItLetsOnlyOneWin(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            var pairs: [(member: UUID, room: UUID)] = []
            for i in 0..<(Self.writers / 2) {
                pairs.append((try await f.makeMember(name: "Member \(i)").id,
                              try await f.makeResource(at: location, name: "Room \(i)").id))
            }
            let (frontdesk, owner, work) = (f.frontdesk, f.owner, pairs)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pair in work {
                    group.addTask { _ = try? await frontdesk.deleteMember(owner, pair.member) }
                    group.addTask {
                        _ = try? await frontdesk.createBooking(owner, NewBooking(
                            memberID: pair.member, lines: [.init(resourceID: pair.room, window: .instants(hours(14, 38)))]))
                    }
                }
                try await group.waitForAll()
            }
            let bookings = try await f.allBookings()
            for pair in pairs {
                let booked = bookings.contains { $0.memberID == pair.member }
                let alive = (try? await f.frontdesk.member(f.owner, pair.member)) != nil
                // Exactly one of the two happened: booked and kept, or deleted and never booked.
                #expect(booked == alive, "member \(pair.member): booked \(booked), still there \(alive)")
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func concurrentCheckInsOfOneCheckinAndItsBookingApplyOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            let pending = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, bookingID: booking.id))
            let (frontdesk, owner) = (f.frontdesk, f.owner)
            // Kiosks check the visit in while the desk checks the booking in: whichever comes first
            // checks in both, the booking's line and its visit; the others find it done.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        do {
                            if i.isMultiple(of: 4) {
                                _ = try await frontdesk.perform(owner, .checkIn, on: .id(booking.id))
                            } else {
                                _ = try await frontdesk.checkIn(owner, pending.id)
                            }
                            return "ok"
                        } catch let error as FrontdeskError {
                            return error.code
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let visits = try await f.allCheckins()
            #expect(visits.map(\.id) == [pending.id] && visits[0].state == .inProgress && visits[0].version == 2)
            #expect(outcomes.allSatisfy { ["ok", "duplicate_checkin", "invalid_transition"].contains($0) })
            let events = try await f.allEvents()
            #expect(events.filter { $0.type == .checkinStarted }.count == 1)
            #expect(events.filter { $0.type == .bookingCheckedIn }.count == 1)
            #expect(events.map(\.sequence) == (1...Int64(events.count)).map { $0 })
        }
    }

    /// Standalone visits and a booking's check-in race into one room: one gets in, whichever path
    /// it took (on PostgreSQL they take turns on the room's row, not the organization's).
    @Test(arguments: Backend.enabled)
    func concurrentVisitsIntoOneRoomAdmitOne(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let room = try await f.makeResource(at: try await f.makeLocation())
            f.clock.set(hours(14, 38).start)
            let booking = try await f.book(try await f.makeMember(), room, hours(14, 38))
            var created: [Checkin] = []
            for _ in 0..<12 { created.append(try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))) }
            let (frontdesk, owner, walkIns) = (f.frontdesk, f.owner, created)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0...walkIns.count {
                    group.addTask {
                        do {
                            if index == walkIns.count {
                                _ = try await frontdesk.perform(owner, .checkIn, on: .id(booking.id))
                            } else {
                                _ = try await frontdesk.checkIn(owner, walkIns[index].id)
                            }
                            return "ok"
                        } catch let error as FrontdeskError {
                            return error.code
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "ok" }.count == 1)
            #expect(outcomes.filter { $0 != "ok" }.allSatisfy { $0 == "resource_occupied" }, "\(outcomes)")
            #expect(try await f.allCheckins(filter: CheckinFilter(states: [.inProgress])).count == 1)
            let events = try await f.allEvents()
            #expect(events.filter { $0.type == .checkinStarted }.count == 1)
            #expect(events.map(\.sequence) == (1...Int64(events.count)).map { $0 })
        }
    }
}
