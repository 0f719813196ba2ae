import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The stored state the lists by state read (migration 0013) follows every change of the stamps,
/// whoever makes it: a checkin's own buttons, its revert, a booking's check-in and check-out.
@Suite("Checkin state lists")
struct CheckinStateListTests {
    @Test(arguments: Backend.enabled)
    func aListByStateFollowsEveryStampChange(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let rooms = [try await f.makeResource(at: location, name: "101"), try await f.makeResource(at: location, name: "102")]
            let member = try await f.makeMember()
            func listed() async throws -> [CheckinState: [UUID]] {
                var result: [CheckinState: [UUID]] = [:]
                for state in CheckinState.allCases {
                    let ids = try await f.allCheckins(filter: CheckinFilter(states: [state])).map(\.id)
                    if !ids.isEmpty { result[state] = ids }
                }
                return result
            }

            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: rooms[0].id))
            #expect(try await listed() == [.pending: [visit.id]])
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkIn(f.owner, visit.id)
            #expect(try await listed() == [.inProgress: [visit.id]])
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.checkOut(f.owner, visit.id)
            #expect(try await listed() == [.complete: [visit.id]])
            _ = try await f.frontdesk.revertCheckin(f.owner, visit.id, reason: "pressed check-out by mistake")
            #expect(try await listed() == [.inProgress: [visit.id]])
            _ = try await f.frontdesk.revertCheckin(f.owner, visit.id, reason: "not here yet")
            #expect(try await listed() == [.pending: [visit.id]])

            let booking = try await f.book(member, rooms[1], hours(14, 38))
            f.clock.advance(by: 60)
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let stay = try #require(try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id)).first)
            #expect(try await listed() == [.pending: [visit.id], .inProgress: [stay.id]])
            f.clock.advance(by: 3_600)
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id))
            #expect(try await listed() == [.pending: [visit.id], .complete: [stay.id]])
            #expect(try await f.allCheckins(filter: CheckinFilter(states: [.pending, .complete])).map(\.id)
                == [visit.id, stay.id])
        }
    }
}
