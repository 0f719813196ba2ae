import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The checkin record: registration, its steps, corrections, lists, deletion, audit and events.
@Suite("Checkins")
struct CheckinTests {
    /// A location with two rooms and a member, for one test.
    struct Desk {
        let location: Location
        let rooms: [Resource]
        let member: Member

        init(_ f: StoreFixture) async throws {
            location = try await f.makeLocation()
            rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            member = try await f.makeMember()
        }

        func walkIn(_ f: StoreFixture, room: Int = 0, metadata: [String: JSONValue] = [:]) async throws -> Checkin {
            try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: rooms[room].id, memberID: member.id, notes: "walk-in", metadata: metadata))
        }
    }

    @Test(arguments: Backend.enabled)
    func aStandaloneCheckinIsRegisteredPending(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let metadata: [String: JSONValue] = ["badge": .integer(42), "tags": .array([.string("vip"), .null]),
                                                 "door": .object(["floor": .number(1.5)])]
            let created = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: desk.rooms[0].id, memberID: desk.member.id, startsAt: hours(9, 17).start,
                endsAt: hours(9, 17).end, notes: "desk by the window", metadata: metadata))
            #expect(created.state == .pending && created.version == 1 && created.createdAt == f.now)
            #expect(created.planned == hours(9, 17) && created.metadata == metadata && created.bookingID == nil)
            #expect(try await f.frontdesk.checkin(f.owner, created.id) == created)

            let events = try await f.allEvents()
            #expect(events.map(\.type) == [.checkinCreated])
            #expect(events[0].entityType == "checkin" && events[0].entityID == created.id)
            #expect(sameJSON(events[0].data, DomainJSON.encode(created)))
            let audit = try await f.frontdesk.checkinAudit(f.owner, created.id)
            #expect(audit.map(\.action) == ["create"] && audit[0].before == nil)
            #expect(sameJSON(audit[0].after, DomainJSON.encode(created)))
        }
    }

    @Test(arguments: Backend.enabled)
    func checkInThenOutStampsAndFiresTheTriggers(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let created = try await desk.walkIn(f)
            f.clock.advance(by: 60)
            let arrived = f.now - 30.5
            let started = try await f.frontdesk.checkIn(f.owner, created.id, at: arrived, ifMatch: 1)
            #expect(started.state == .inProgress && started.checkIn == arrived.truncatedToMilliseconds)
            #expect(started.version == 2 && started.updatedAt == f.now)
            f.clock.advance(by: 3_600)
            let done = try await f.frontdesk.checkOut(f.owner, created.id)
            #expect(done.state == .complete && done.checkOut == f.now && done.version == 3)
            #expect(try await f.frontdesk.checkin(f.owner, created.id) == done)

            let events = try await f.allEvents()
            #expect(events.map(\.type) == [.checkinCreated, .checkinStarted, .checkoutStarted, .checkoutCompleted])
            #expect(events.map(\.sequence) == [1, 2, 3, 4])
            #expect(sameJSON(events[3].data, DomainJSON.encode(done)))
            #expect(try await f.frontdesk.checkinAudit(f.owner, created.id).map(\.action) == ["create", "check_in", "check_out"])
        }
    }

    @Test(arguments: Backend.enabled)
    func refusedStepsWriteNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let pending = try await desk.walkIn(f)
            await expectError("not_checked_in") { try await f.frontdesk.checkOut(f.owner, pending.id) }
            await expectError("not_checked_in") {
                try await f.frontdesk.updateCheckin(f.owner, pending.id, CheckinPatch(notes: "x", checkOut: f.now))
            }
            await expectError("nothing_to_revert") { try await f.frontdesk.revertCheckin(f.owner, pending.id, reason: "oops") }
            let started = try await f.frontdesk.checkIn(f.owner, pending.id)
            await expectError("duplicate_checkin") { try await f.frontdesk.checkIn(f.owner, pending.id) }
            await expectError("duplicate_checkin") {
                try await f.frontdesk.updateCheckin(f.owner, pending.id, CheckinPatch(checkIn: f.now))
            }
            await expectError("validation_failed") { try await f.frontdesk.checkOut(f.owner, pending.id, at: f.now - 1) }
            await expectError("precondition_failed") { try await f.frontdesk.checkOut(f.owner, pending.id, ifMatch: 1) }
            await expectError("validation_failed") { try await f.frontdesk.revertCheckin(f.owner, pending.id, reason: " ") }
            await expectError("not_found") { try await f.frontdesk.checkIn(f.owner, UUID()) }
            f.clock.advance(by: 60)
            let done = try await f.frontdesk.checkOut(f.owner, pending.id, ifMatch: 2)
            await expectError("already_checked_out") { try await f.frontdesk.checkOut(f.owner, pending.id) }

            #expect(try await f.frontdesk.checkin(f.owner, pending.id) == done)
            #expect(started.version == 2 && done.version == 3)
            #expect(try await f.allEvents().count == 4)
            #expect(try await f.frontdesk.checkinAudit(f.owner, pending.id).count == 3)
        }
    }

    @Test(arguments: Backend.enabled)
    func patchEditsThePlanDetailsAndStamps(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let created = try await desk.walkIn(f, metadata: ["a": .integer(1)])
            f.clock.advance(by: 60)
            let planned = try await f.frontdesk.updateCheckin(f.owner, created.id, CheckinPatch(
                startsAt: hours(9, 12).start, endsAt: hours(9, 12).end, notes: "", metadata: ["b": .bool(false)]),
                ifMatch: 1)
            #expect(planned.planned == hours(9, 12) && planned.notes == nil && planned.metadata == ["b": .bool(false)])
            #expect(planned.version == 2 && planned.state == .pending)
            f.clock.set(hours(11, 12).start)  // stamps are not in the future
            let stamped = try await f.frontdesk.updateCheckin(f.owner, created.id, CheckinPatch(
                endsAt: hours(9, 13).end, checkIn: hours(9, 10).start, checkOut: hours(11, 12).start))
            #expect(stamped.planned == hours(9, 13) && stamped.state == .complete)
            #expect(stamped.checkIn == hours(9, 10).start && stamped.checkOut == hours(11, 12).start)
            #expect(try await f.frontdesk.checkin(f.owner, created.id) == stamped)
            #expect(try await f.allEvents().map(\.type) == [.checkinCreated, .checkinUpdated, .checkinUpdated,
                                                           .checkinStarted, .checkoutStarted, .checkoutCompleted])
            await expectError("precondition_failed") {
                try await f.frontdesk.updateCheckin(f.owner, created.id, CheckinPatch(notes: "x"), ifMatch: 2)
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func revertUndoesTheLastStepWithWhoAndWhy(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let created = try await desk.walkIn(f)
            _ = try await f.frontdesk.checkIn(f.owner, created.id)
            let done = try await f.frontdesk.checkOut(f.owner, created.id)
            f.clock.advance(by: 60)
            let reopened = try await f.frontdesk.revertCheckin(f.owner, created.id, reason: "pressed check-out by mistake")
            #expect(reopened.state == .inProgress && reopened.checkIn == done.checkIn && reopened.checkOut == nil)
            let back = try await f.frontdesk.revertCheckin(f.owner, created.id, reason: "wrong guest")
            #expect(back.state == .pending && back.version == 5)

            let audit = try await f.frontdesk.checkinAudit(f.owner, created.id)
            #expect(audit.map(\.action) == ["create", "check_in", "check_out", "revert", "revert"])
            #expect(audit[3].reason == "pressed check-out by mistake" && audit[4].reason == "wrong guest")
            #expect(audit[3].actor == f.owner.actor)
            #expect(replays(audit[3], from: DomainJSON.encode(done), to: DomainJSON.encode(reopened)))
            #expect(jsonObject(audit[3].before)?["check_out"] != nil && jsonObject(audit[3].after)?["check_out"] == nil)
            #expect(try await f.allEvents().suffix(2).map(\.type) == [.checkinUpdated, .checkinUpdated])
        }
    }

    @Test(arguments: Backend.enabled)
    func aBookingsCheckinMustMatchItsMemberAndResources(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38))
            let stranger = try await f.makeMember(name: "Someone Else")
            let linked = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: desk.rooms[0].id, bookingID: booking.id))
            #expect(linked.bookingID == booking.id && linked.bookingLineID == booking.lines[0].id)
            #expect(linked.memberID == desk.member.id && linked.planned == hours(14, 38))

            for (request, field) in [
                (CheckinRequest(resourceID: desk.rooms[1].id, bookingID: booking.id), "resource_id"),
                (CheckinRequest(resourceID: desk.rooms[0].id, memberID: stranger.id, bookingID: booking.id), "member_id"),
                (CheckinRequest(resourceID: desk.rooms[0].id, bookingID: UUID()), "booking_id"),
                (CheckinRequest(resourceID: UUID()), "resource_id"),
                (CheckinRequest(resourceID: desk.rooms[0].id, memberID: UUID()), "member_id"),
            ] {
                let error = await expectError("validation_failed") { try await f.frontdesk.createCheckin(f.owner, request) }
                guard case .validationFailed(let issues)? = error else { continue }
                #expect(issues.map(\.field) == [field])
            }
            // Another organization's booking and resource are not found either.
            let other = try await f.makeOrganization()
            await expectError("validation_failed") {
                try await f.frontdesk.createCheckin(other, CheckinRequest(resourceID: desk.rooms[0].id))
            }
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated, .checkinCreated])
        }
    }

    @Test(arguments: Backend.enabled)
    func listsFilterAndPage(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let elsewhere = try await f.makeResource(at: try await f.makeLocation(name: "Annex"), name: "A1")
            let booking = try await f.book(desk.member, desk.rooms[1], hours(14, 38))
            let pending = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: desk.rooms[0].id, startsAt: hours(40, 44).start, endsAt: hours(40, 44).end))
            f.clock.set(hours(10, 11).start)
            let inProgress = try await f.frontdesk.checkIn(f.owner, try await desk.walkIn(f).id)
            f.clock.advance(by: 1)
            let annex = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: elsewhere.id))
            let arrived = try await f.frontdesk.checkIn(f.owner, annex.id)
            f.clock.set(hours(12, 13).start)  // stamps are not in the future
            let complete = try await f.frontdesk.checkOut(f.owner, arrived.id, at: hours(12, 13).start)
            f.clock.advance(by: 1)
            let linked = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: desk.rooms[1].id, bookingID: booking.id))

            func ids(_ filter: CheckinFilter) async throws -> [UUID] { try await f.allCheckins(filter: filter).map(\.id) }
            #expect(try await ids(CheckinFilter()) == [pending.id, inProgress.id, complete.id, linked.id])
            #expect(try await ids(CheckinFilter(states: [.pending])) == [pending.id, linked.id])
            #expect(try await ids(CheckinFilter(states: [.inProgress, .complete])) == [inProgress.id, complete.id])
            #expect(try await ids(CheckinFilter(resourceID: desk.rooms[0].id)) == [pending.id, inProgress.id])
            #expect(try await ids(CheckinFilter(memberID: desk.member.id)) == [inProgress.id, linked.id])
            #expect(try await ids(CheckinFilter(bookingID: booking.id)) == [linked.id])
            #expect(try await ids(CheckinFilter(locationIDs: [desk.location.id])) == [pending.id, inProgress.id, linked.id])
            // Planned windows, else the actual visit (open while in progress).
            #expect(try await ids(CheckinFilter(window: hours(41, 42))) == [pending.id, inProgress.id])
            #expect(try await ids(CheckinFilter(window: hours(11, 12))) == [inProgress.id, complete.id])
            #expect(try await ids(CheckinFilter(window: hours(12, 13))) == [inProgress.id])
            #expect(try await ids(CheckinFilter(window: hours(15, 16))) == [inProgress.id, linked.id])

            #expect(try await ids(CheckinFilter(states: [.pending], window: hours(15, 16))) == [linked.id])

            let paged = try await pageSizes(limit: 3) { try await f.frontdesk.checkins(f.owner, filter: CheckinFilter(), page: $0) }
            #expect(paged.sizes == [3, 1] && paged.ids == [pending.id, inProgress.id, complete.id, linked.id])
            // A window's page is cut from `checkins_by_visit` before any visit is read.
            let windowed = try await pageSizes(limit: 1) {
                try await f.frontdesk.checkins(f.owner, filter: CheckinFilter(window: hours(11, 16)), page: $0)
            }
            #expect(windowed.sizes == [1, 1, 1] && windowed.ids == [inProgress.id, complete.id, linked.id])
            let other = try await f.makeOrganization()
            #expect(try await f.allCheckins(other).isEmpty)
            #expect(try await f.allCheckins(other, filter: CheckinFilter(window: hours(0, 100))).isEmpty)
            await expectError("not_found") { try await f.frontdesk.checkin(other, pending.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func visitsAndBookingsStayAtTheLocationTheyWereMadeAt(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let annex = try await f.makeLocation(name: "Annex")
            let booking = try await f.book(desk.member, desk.rooms[0], hours(14, 38))
            let visit = try await desk.walkIn(f)
            #expect(booking.locationID == desk.location.id && visit.locationID == desk.location.id)

            _ = try await f.frontdesk.updateResource(f.owner, desk.rooms[0].id, ResourceInput(locationID: annex.id))
            let after = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: desk.rooms[0].id))
            #expect(after.locationID == annex.id)
            #expect(try await f.allCheckins(filter: CheckinFilter(locationIDs: [desk.location.id])).map(\.id) == [visit.id])
            #expect(try await f.allCheckins(filter: CheckinFilter(locationIDs: [annex.id])).map(\.id) == [after.id])
            #expect(try await f.allBookings(filter: BookingFilter(locationIDs: [desk.location.id])).map(\.id) == [booking.id])
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)).locationID == desk.location.id)
        }
    }

    @Test(arguments: Backend.enabled)
    func deletionKeepsTheAuditTrailAndEvents(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let created = try await desk.walkIn(f)
            let started = try await f.frontdesk.checkIn(f.owner, created.id)
            try await f.frontdesk.deleteCheckin(f.owner, created.id)
            await expectError("not_found") { try await f.frontdesk.checkin(f.owner, created.id) }
            await expectError("not_found") { try await f.frontdesk.deleteCheckin(f.owner, created.id) }
            let events = try await f.allEvents()
            #expect(events.map(\.type) == [.checkinCreated, .checkinStarted, .checkinDeleted])
            #expect(sameJSON(events[2].data, DomainJSON.encode(started)))
            let audit = try await f.store.auditEntries(f.owner.organizationID, entityID: created.id)
            #expect(audit.map(\.action) == ["create", "check_in", "delete"] && audit[2].after == nil)
        }
    }

    @Test(arguments: Backend.enabled)
    func permissionsFollowTheDeskRoles(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let desk = try await Desk(f)
            let kiosk = Caller(key: try await f.frontdesk.createKey(f.owner, name: "lobby", role: .kiosk).key)
            let viewer = Caller(key: try await f.frontdesk.createKey(f.owner, name: "screen", role: .viewer).key)
            let created = try await f.frontdesk.createCheckin(kiosk, CheckinRequest(resourceID: desk.rooms[0].id))
            _ = try await f.frontdesk.checkIn(kiosk, created.id)
            _ = try await f.frontdesk.checkOut(kiosk, created.id)
            #expect(try await f.frontdesk.checkin(viewer, created.id).state == .complete)
            await expectError("forbidden") { try await f.frontdesk.revertCheckin(kiosk, created.id, reason: "x") }
            await expectError("forbidden") { try await f.frontdesk.deleteCheckin(kiosk, created.id) }
            await expectError("forbidden") { try await f.frontdesk.updateCheckin(kiosk, created.id, CheckinPatch(notes: "x")) }
            await expectError("forbidden") { try await f.frontdesk.checkinAudit(kiosk, created.id) }
            await expectError("forbidden") {
                try await f.frontdesk.createCheckin(viewer, CheckinRequest(resourceID: desk.rooms[0].id))
            }
        }
    }
}
