import Foundation
import FrontdeskCore
import FrontdeskEngine
@testable import FrontdeskSQLite
import FrontdeskTestSupport
import GRDB
import Synchronization
import Testing

/// A plugin's before-hook is called once per write, even when SQLite's group commit runs the
/// write's batch again (each write in a savepoint) because another write of it failed after
/// writing. PostgreSQL runs each write once: the other plugin tests hold it there.
@Suite("Plugins once per write")
struct PluginOncePerWriteTests {
    private struct Refused: Error {}

    /// Counts every hook call, and refuses to check in a checkin noted "banned".
    private final class Counter: FrontdeskPlugin {
        let calls = Mutex<[String]>([])

        func before(_ transition: Transition, by caller: Caller) throws {
            record("before", transition)
            if case .checkIn(let checkin) = transition, checkin.notes == "banned" {
                throw FrontdeskError.vetoed("The door stays shut.")
            }
        }

        func after(_ transition: Transition, by caller: Caller) async throws { record("after", transition) }

        private func record(_ hook: String, _ transition: Transition) {
            let what = switch transition {
            case .checkIn(let checkin): checkin.notes == "banned" ? "banned check-in" : "check-in"
            case .checkOut: "check-out"
            case .booking(let action, _): action.rawValue
            case .streakMilestone, .engagementChanged: "attendance"
            }
            calls.withLock { $0.append("\(hook) \(what)") }
        }
    }

    @Test func aBatchRunAgainCallsEachBeforeHookOnce() async throws {
        try await withStore(.sqlite) { f in
            let store = try #require(f.store as? SQLiteStore)
            let counter = Counter()
            let frontdesk = f.with(plugins: [counter])
            let (member, room) = try await f.makeMemberAndRoom()
            let visit = try await frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: room.id, memberID: member.id))
            let banned = try await frontdesk.createCheckin(f.owner, CheckinRequest(
                resourceID: room.id, memberID: member.id, notes: "banned"))
            let booking = try await f.book(member, room, hours(14, 38), status: .pending)
            try await store.pool.write { db in try db.execute(sql: "CREATE TABLE written (k INTEGER PRIMARY KEY)") }
            let failingRuns = Mutex(0)

            // The first write holds the writer while the others queue up behind it, in this order:
            // they form one batch, whose last write fails after writing and sends it round again.
            async let held: Void = store.write { _ in Thread.sleep(forTimeInterval: 2) }
            try await Task.sleep(for: .milliseconds(50))
            async let checkedIn = frontdesk.checkIn(f.owner, visit.id)
            try await Task.sleep(for: .milliseconds(150))
            async let vetoed = frontdesk.checkIn(f.owner, banned.id)
            try await Task.sleep(for: .milliseconds(150))
            async let confirmed = frontdesk.perform(f.owner, .confirm, on: .id(booking.id))
            try await Task.sleep(for: .milliseconds(150))
            async let failed: Void = store.write { db in
                failingRuns.withLock { $0 += 1 }
                try db.run("INSERT INTO written (k) VALUES (1)", [])
                throw Refused()
            }
            let refused: Bool
            do {
                try await failed
                refused = false
            } catch {
                refused = error is Refused
            }
            #expect(refused)
            #expect(try await checkedIn.state == .inProgress)
            #expect(try await confirmed.status == .confirmed)
            var veto: FrontdeskError?
            do { _ = try await vetoed } catch let error as FrontdeskError { veto = error }
            #expect(veto == .vetoed("The door stays shut."))
            try await held

            #expect(failingRuns.withLock { $0 } == 2, "the batch ran again")
            let calls = counter.calls.withLock { $0 }
            #expect(calls.filter { $0.hasPrefix("before") }.sorted() == ["before banned check-in", "before check-in", "before confirm"])
            #expect(calls.filter { $0.hasPrefix("after") }.sorted() == ["after check-in", "after confirm"])
        }
    }
}
