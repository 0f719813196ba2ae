import Foundation
import FrontdeskCore
import Testing

/// The desk's buttons follow the status machine and the lines: one right button per row.
@Suite struct AllowedActionsTests {
    static func booking(_ status: BookingStatus, _ states: [BookingLine.State], checkedOut: Bool = false) -> Booking {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let lines = states.map { state in
            BookingLine(id: UUID(), resourceID: UUID(), window: TimeWindow(start: start, end: start + 86_400), state: state,
                        checkedInAt: state == .reserved ? nil : start, checkedOutAt: checkedOut && state == .released ? start + 60 : nil,
                        amount: 100)
        }
        return Booking(id: UUID(), organizationID: UUID(), number: "BK-2026-0001", status: status, memberID: UUID(),
                       locationID: UUID(), lines: lines, source: .api, notes: nil, currency: "EUR", createdAt: start, updatedAt: start)
    }

    @Test func eachStatusOffersItsButtons() {
        #expect(Self.booking(.pending, [.reserved]).allowedActions == [.confirm, .cancel])
        #expect(Self.booking(.confirmed, [.reserved]).allowedActions == [.checkIn, .start, .cancel, .noShow])
        // One room in, one to arrive: the second's check-in, the first's check-out, and undoing the first.
        #expect(Self.booking(.checkedIn, [.occupied, .reserved]).allowedActions
            == [.checkIn, .start, .checkOut, .cancel, .revert])
        #expect(Self.booking(.active, [.occupied]).allowedActions == [.checkOut, .revert])
        #expect(Self.booking(.completed, [.released], checkedOut: true).allowedActions == [.revert])
        for ended in [BookingStatus.cancelled, .noShow, .expired] {
            #expect(Self.booking(ended, [.released]).allowedActions.isEmpty)
        }
    }
}
