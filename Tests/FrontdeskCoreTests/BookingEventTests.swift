import Foundation
import FrontdeskCore
import Testing

/// An event says what happened: the status a booking ends in names it; a line moving alone is a line event.
@Suite struct BookingEventTests {
    static let at = Fixture.instant("2026-06-01T15:00:00Z")
    let l1 = Fixture.id(0x101), l2 = Fixture.id(0x102), l3 = Fixture.id(0x103)

    func booking(_ status: BookingStatus, _ states: [BookingLine.State]) -> Booking {
        let stamp = Fixture.instant("2026-06-01T14:00:00Z")
        return Fixture.booking(status, lines: states.enumerated().map { i, state in
            Fixture.line(i + 1, state: state, checkedInAt: state == .reserved ? nil : stamp,
                         checkedOutAt: state == .released && status != .cancelled ? stamp : nil)
        })
    }

    /// The event of entering each status going forward.
    func entering(_ status: BookingStatus) -> EventType {
        BookingAction(entering: status)!.eventType
    }

    @Test func everyActionOnEveryStatusNamesTheStatusItEndsIn() throws {
        for status in BookingStatus.allCases {
            for action in BookingAction.allCases {
                let before = booking(status, status == .checkedIn || status == .active ? [.occupied, .occupied] : [.reserved, .reserved])
                guard let after = try? before.applying(action, at: Self.at, now: Self.at) else { continue }
                let types = after.events(from: before).map(\.type)
                #expect(after.status != before.status, "\(status) \(action)")
                #expect(types == [entering(after.status)], "\(status) → \(after.status)")
            }
        }
    }

    @Test func everyPartialLineCaseOfAThreeLineBooking() throws {
        // Every booking status and line selection a desk can press, checking in or out.
        let states: [[BookingLine.State]] = [
            [.reserved, .reserved, .reserved], [.occupied, .reserved, .reserved], [.occupied, .occupied, .reserved],
            [.occupied, .occupied, .occupied], [.released, .occupied, .reserved], [.released, .occupied, .occupied],
            [.released, .released, .occupied],
        ]
        let ids = [l1, l2, l3]
        let selections: [Set<UUID>] = [[l1], [l2], [l3], [l1, l2], [l2, l3], [l1, l3], [l1, l2, l3]]
        var checked = 0
        for status in [BookingStatus.confirmed, .checkedIn, .active] {
            // An active booking began as a whole: every line it holds is occupied.
            for lineStates in states where status != .active || !lineStates.contains(.reserved) {
                for action in [BookingAction.checkIn, .checkOut] {
                    for selection in selections {
                        let before = booking(status, lineStates)
                        guard let after = try? before.applying(action, at: Self.at, now: Self.at, lineIDs: selection)
                        else { continue }
                        checked += 1
                        let types = after.events(from: before).map(\.type)
                        if after.status != before.status {
                            #expect(types == [entering(after.status)], "\(status) \(lineStates) \(action) \(selection)")
                            #expect(after.status == (action == .checkIn ? .checkedIn : .completed))
                        } else {
                            let moved = ids.filter(selection.contains)
                            #expect(types == moved.map { _ in action == .checkIn ? .bookingLineCheckedIn : .bookingLineCheckedOut },
                                    "\(status) \(lineStates) \(action) \(selection)")
                            #expect(after.events(from: before).compactMap(\.line?.id) == moved)
                        }
                        // Never `booking_completed` while a line still holds its resource.
                        if types.contains(.bookingCompleted) { #expect(after.lines.allSatisfy { !$0.holds }) }
                        if types.contains(.bookingCheckedIn) { #expect(before.status != .checkedIn) }
                    }
                }
            }
        }
        #expect(checked > 30)
    }

    @Test func aLineEventCarriesTheBookingAndItsLine() throws {
        let before = booking(.checkedIn, [.occupied, .occupied])
        let after = try before.applying(.checkOut, at: Self.at, now: Self.at, lineIDs: [l2])
        let event = try #require(after.events(from: before).first)
        #expect(event.type == .bookingLineCheckedOut)
        let data = event.data(of: after)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["number"] as? String == after.number && (object["lines"] as? [Any])?.count == 2)
        let line = try #require(object["line"] as? [String: Any])
        #expect(line["id"] as? String == l2.text && line["state"] as? String == "released")

        let stored = Event(id: Fixture.id(1), organizationID: Fixture.organizationID, sequence: 1, type: event.type,
                           entityType: "booking", entityID: after.id, data: data, createdAt: Self.at)
        #expect(stored.resourceIDs == [after.lines[1].resourceID], "an action acts on that line's resource only")
        #expect(stored.checkedOutAt == Self.at)
        #expect(after.events(from: after) .map(\.type) == [.bookingUpdated])
    }
}
