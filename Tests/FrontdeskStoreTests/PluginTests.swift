import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Logging
import Synchronization
import Testing

/// Plugins around check-ins, check-outs and booking actions: a before-hook vetoes inside the
/// write's transaction (nothing written), an after-hook sees what committed, and its failure is
/// logged or, fail-fast, thrown.
@Suite("Plugins")
struct PluginTests {
    @Test(arguments: Backend.enabled)
    func aVetoedCheckInWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            let frontdesk = f.with(plugins: [Doorman()])
            let banned = try await frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: room.id, memberID: member.id, notes: "banned"))
            let eventsBefore = try await f.allEvents()

            await #expect(throws: FrontdeskError.vetoed("The door stays shut.")) {
                try await frontdesk.checkIn(f.owner, banned.id)
            }
            await #expect(throws: FrontdeskError.vetoed("The door stays shut.")) {
                try await frontdesk.updateCheckin(f.owner, banned.id, CheckinPatch(checkIn: f.now))
            }
            #expect(try await f.frontdesk.checkin(f.owner, banned.id) == banned)
            #expect(try await f.allEvents() == eventsBefore)
            #expect(try await f.frontdesk.checkinAudit(f.owner, banned.id).map(\.action) == ["create"])
        }
    }

    @Test(arguments: Backend.enabled)
    func aVetoedBookingActionWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            let booking = try await f.book(member, room, hours(14, 38))
            let frontdesk = f.with(plugins: [Doorman()])

            await #expect(throws: FrontdeskError.vetoed("No cancelling on the day.")) {
                try await frontdesk.perform(f.owner, .cancel, on: .id(booking.id))
            }
            await #expect(throws: FrontdeskError.vetoed("No cancelling on the day.")) {
                try await frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(status: .cancelled))
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(booking.id)) == booking)
            #expect(try await f.allEvents().map(\.type) == [.bookingCreated, .invoiceCreated])
            // Notes alone are no transition: plugins are not asked.
            _ = try await frontdesk.updateBooking(f.owner, .id(booking.id), BookingPatch(notes: "late arrival"))
        }
    }

    @Test(arguments: Backend.enabled)
    func afterHooksSeeEachCommittedTransitionInOrder(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (member, room) = try await f.makeMemberAndRoom()
            let recorder = Recorder()
            let frontdesk = f.with(plugins: [recorder])
            let booking = try await f.book(member, room, hours(14, 38))
            _ = try await frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let visit = try await frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id))
            _ = try await frontdesk.checkIn(f.owner, visit.id)
            _ = try await frontdesk.revertCheckin(f.owner, visit.id, reason: "wrong button")
            let done = try await frontdesk.updateCheckin(
                f.owner, visit.id, CheckinPatch(checkIn: f.now.addingTimeInterval(-60), checkOut: f.now))

            #expect(recorder.seen.withLock { $0 } == [
                "before check_in booking checked_in", "after check_in booking checked_in",
                "before check-in in_progress", "after check-in in_progress",
                "before check-in complete", "before check-out complete",
                "after check-in complete", "after check-out complete",
            ])
            #expect(done.state == .complete)
        }
    }

    @Test(arguments: Backend.enabled)
    func anAfterHookErrorIsLoggedUnlessFailFast(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let (_, room) = try await f.makeMemberAndRoom()
            let log = LogRecorder()
            let tolerant = Frontdesk(store: f.store, clock: { f.clock.now }, logger: log.logger, plugins: [Flaky()])
            let visit = try await tolerant.createCheckin(f.owner, CheckinRequest(resourceID: room.id))

            #expect(try await tolerant.checkIn(f.owner, visit.id).state == .inProgress)
            let logged = log.entries.withLock { $0 }
            #expect(logged.map(\.level) == [.error])
            #expect(logged.first?.metadata["plugin"] == "Flaky")
            #expect(logged.first?.metadata["error"]?.description.contains("webhookDown") == true)

            let strict = Frontdesk(store: f.store, clock: { f.clock.now }, plugins: [Flaky()], failFast: true)
            await #expect(throws: Flaky.Failure.webhookDown) { try await strict.checkOut(f.owner, visit.id) }
            // Thrown after the commit: the check-out stays written.
            #expect(try await f.frontdesk.checkin(f.owner, visit.id).state == .complete)
        }
    }

    @Test(arguments: Backend.enabled)
    func theSweeperRunsTheHooksAndAVetoSkipsOnlyThatBooking(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "1"), try await f.makeResource(at: location, name: "2"),
                         try await f.makeResource(at: location, name: "3")]
            let member = try await f.makeMember()
            let tonight = TimeWindow(start: f.now + 3_600, end: f.now + 86_400)
            let nextWeek = TimeWindow(start: f.now + 7 * 86_400, end: f.now + 8 * 86_400)
            let missed = try await f.book(member, rooms[0], tonight)
            let kept = try await f.book(member, rooms[1], nextWeek, status: .pending, notes: "regular")
            let lapsed = try await f.book(member, rooms[2], nextWeek, status: .pending)
            let keeper = Keeper()
            let log = LogRecorder()
            let frontdesk = Frontdesk(store: f.store, clock: { f.clock.now }, logger: log.logger, plugins: [keeper])

            f.clock.set(tonight.start + 121 * 60)  // past the no-show grace and every hold
            #expect(try await frontdesk.sweep() == 2)
            #expect(try await f.frontdesk.booking(f.owner, .id(missed.id)).status == .noShow)
            #expect(try await f.frontdesk.booking(f.owner, .id(lapsed.id)).status == .expired)
            #expect(try await f.frontdesk.booking(f.owner, .id(kept.id)) == kept)
            #expect(Set(keeper.seen.withLock { $0 }) == [
                "before system expire booking expired", "after system expire booking expired",
                "before system no_show booking no_show", "after system no_show booking no_show",
            ])
            let notices = log.entries.withLock { $0 }.filter { $0.level == .notice }
            #expect(notices.map { $0.metadata["booking"]?.description } == [kept.id.description])
            #expect(notices.first?.metadata["reason"]?.description == "Kept for a regular.")
            #expect(try await f.bookingEvents().filter { $0.entityID == kept.id }.map(\.type) == [.bookingCreated])

            #expect(try await frontdesk.sweep() == 0)  // vetoed again, and nothing else is due
        }
    }
}

extension StoreFixture {
    /// The engine over the same store and clock, with `plugins`.
    func with(plugins: [any FrontdeskPlugin]) -> Frontdesk {
        Frontdesk(store: store, clock: { clock.now }, plugins: plugins)
    }
}

/// Refuses to check in a checkin noted "banned", and any cancellation.
private struct Doorman: FrontdeskPlugin {
    func before(_ transition: Transition, by caller: Caller) throws {
        switch transition {
        case .checkIn(let checkin) where checkin.notes == "banned":
            throw FrontdeskError.vetoed("The door stays shut.")
        case .booking(.cancel, _):
            throw FrontdeskError.vetoed("No cancelling on the day.")
        default:
            break
        }
    }
}

/// Writes down every hook call, with the state the entity is written in.
private final class Recorder: FrontdeskPlugin {
    let seen = Mutex<[String]>([])

    func before(_ transition: Transition, by caller: Caller) throws {
        seen.withLock { $0.append("before " + Self.describe(transition)) }
    }

    func after(_ transition: Transition, by caller: Caller) async throws {
        seen.withLock { $0.append("after " + Self.describe(transition)) }
    }

    static func describe(_ transition: Transition) -> String {
        switch transition {
        case .checkIn(let checkin): "check-in \(checkin.state.rawValue)"
        case .checkOut(let checkin): "check-out \(checkin.state.rawValue)"
        case .booking(let action, let booking): "\(action.rawValue) booking \(booking.status.rawValue)"
        case .streakMilestone(_, let days): "streak milestone \(days)"
        case .engagementChanged(_, let change): "engagement \(change.from?.rawValue ?? "none") to \(change.to.rawValue)"
        }
    }
}

/// Keeps the pending bookings of regulars from expiring, and writes down every hook call with
/// the kind of caller it was told.
private final class Keeper: FrontdeskPlugin {
    let seen = Mutex<[String]>([])

    func before(_ transition: Transition, by caller: Caller) throws {
        seen.withLock { $0.append("before \(caller.actor.type) " + Recorder.describe(transition)) }
        if case .booking(.expire, let booking) = transition, booking.notes == "regular" {
            throw FrontdeskError.vetoed("Kept for a regular.")
        }
    }

    func after(_ transition: Transition, by caller: Caller) async throws {
        seen.withLock { $0.append("after \(caller.actor.type) " + Recorder.describe(transition)) }
    }
}

/// An after-hook whose webhook is down.
private struct Flaky: FrontdeskPlugin {
    enum Failure: Error { case webhookDown }

    func after(_ transition: Transition, by caller: Caller) async throws { throw Failure.webhookDown }
}
