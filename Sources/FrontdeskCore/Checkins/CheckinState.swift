import Foundation

/// Where a visit stands, derived from its stamps: no `check_in` is pending; `check_in` without
/// `check_out` is in progress; both is complete. The stores keep it beside the stamps as this
/// derives it, with every write of a checkin, for the lists by state to read from an index.
public enum CheckinState: String, Sendable, Codable, CaseIterable, Hashable {
    case pending
    case inProgress = "in_progress"
    case complete

    public init(checkIn: Date?, checkOut: Date?) {
        switch (checkIn, checkOut) {
        case (nil, _): self = .pending
        case (_?, nil): self = .inProgress
        case (_?, _?): self = .complete
        }
    }
}
