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
        func names(_ booking: Booking) -> [String] { booking.allowedActions.map(\.rawValue) }
        #expect(names(Self.booking(.pending, [.reserved])) == ["confirm", "cancel"])
        #expect(names(Self.booking(.confirmed, [.reserved])) == ["check_in", "start", "cancel", "no_show"])
        // One room in, one to arrive: the second's check-in, the first's check-out, and undoing the first.
        #expect(names(Self.booking(.checkedIn, [.occupied, .reserved])) == ["check_in", "start", "check_out", "cancel", "revert"])
        #expect(names(Self.booking(.active, [.occupied])) == ["check_out", "revert"])
        #expect(Self.booking(.completed, [.released], checkedOut: true).allowedActions == [.revert])
        for ended in [BookingStatus.cancelled, .noShow, .expired] {
            #expect(Self.booking(ended, [.released]).allowedActions.isEmpty)
        }
    }
}
