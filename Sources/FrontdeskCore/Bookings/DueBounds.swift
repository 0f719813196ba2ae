import Foundation

/// What the sweep looks for at one location: its desk settings (`LocationSettings.resolved(over:)`)
/// turned into instants at `now`, the one place they are. A store fetches the bookings these bounds
/// name by index and decides nothing; `Booking.isDueForNoShow` has the last word on each no-show.
public struct DueBounds: Sendable, Hashable {
    public var organizationID: UUID
    public var locationID: UUID
    /// Confirmed bookings that started by then are past their no-show grace; nil where the
    /// location does not mark no-shows (`auto_no_show` off).
    public var noShowStartedBy: Date?
    /// Pending bookings created by then have outlived their hold: they expire.
    public var expireCreatedBy: Date
    public var noShowGrace: TimeInterval

    public init(organizationID: UUID, locationID: UUID, settings: DeskSettings, now: Date) {
        self.organizationID = organizationID
        self.locationID = locationID
        noShowGrace = TimeInterval(settings.noShowGraceMinutes) * 60
        noShowStartedBy = settings.autoNoShow ? now.addingTimeInterval(-noShowGrace) : nil
        expireCreatedBy = now.addingTimeInterval(-TimeInterval(settings.pendingHoldMinutes) * 60)
    }
}
