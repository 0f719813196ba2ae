import Foundation
import FrontdeskCore

/// Bookings: created against the lines that hold their resources, changed, swept when their time
/// has passed.
public protocol BookingStore: Sendable {
    /// In one transaction: locks the requested resources (in id order), reads them with the lines
    /// that hold them around `request`'s windows (and, as `holds`, those checked in that ended before
    /// them by `now`), asks `decide` for the change, then writes the
    /// booking, its lines, the number series, the audit entry and the event.
    func createBooking(
        _ organizationID: UUID, _ request: BookingRequest, now: Date,
        decide: @escaping @Sendable (BookingContext) throws -> BookingChange
    ) async throws -> Booking
    func booking(_ organizationID: UUID, _ reference: BookingReference) async throws -> Booking?
    func bookings(_ organizationID: UUID, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking>
    /// Locks the booking, reads the checkins linked to it, asks `decide` for its next state and
    /// writes it with its audit and event, and the checkins the change creates or moves.
    func changeBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking, [Checkin]) throws -> BookingChange
    ) async throws -> Booking
    /// As `changeBooking`, for a revision (`BookingRevision`): with the resources `requested` names
    /// for the stored booking, read as `createBooking` reads them (in id order, locked on PostgreSQL,
    /// with the lines holding them around those windows, the booking's own among them), and the
    /// name of `memberID`, when given and a live member of the organization. Bookings are read with
    /// their member's name and their lines' resources' names and categories.
    func reviseBooking(
        _ organizationID: UUID, _ reference: BookingReference, memberID: UUID?, now: Date,
        requested: @escaping @Sendable (Booking) -> [BookingRequest.Line],
        decide: @escaping @Sendable (BookingRevisionContext) throws -> BookingChange
    ) async throws -> Booking
    /// Locks the booking, asks `decide` (which may refuse) and deletes it, keeping audit and event.
    func deleteBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking) throws -> BookingChange
    ) async throws
    /// The lines holding the organization's resources in `window`, and the catalog version; with them
    /// the lines checked in and not out whose window ended before `window` and by `now`, which may
    /// be overdue and hold on (`Occupancy.heldWindow` decides).
    func holds(_ organizationID: UUID, window: TimeWindow, now: Date) async throws -> Holds
    /// Every location with its desk settings and its organization's, deleted ones too (their
    /// bookings are still swept): what the sweep makes its `DueBounds` of.
    func locationDesks() async throws -> [LocationDesk]
    /// Up to `limit` bookings the bounds name, fetched by index: in each bound's location, confirmed
    /// ones that started by its `noShowStartedBy` with no checkin checked in, and pending ones created
    /// by its `expireCreatedBy`.
    func dueBookings(_ bounds: [DueBounds], limit: Int) async throws -> [DueBooking]
}

/// A booking the sweeper should move on.
public struct DueBooking: Sendable, Hashable {
    public var organizationID: UUID
    public var bookingID: UUID
    public var action: BookingAction
    /// The no-show grace of the booking's location (its bounds'), which `Booking.isDueForNoShow`
    /// decides with.
    public var noShowGrace: TimeInterval

    public init(organizationID: UUID, bookingID: UUID, action: BookingAction, noShowGrace: TimeInterval) {
        self.organizationID = organizationID
        self.bookingID = bookingID
        self.action = action
        self.noShowGrace = noShowGrace
    }
}


/// A location's desk settings, and its organization's that it falls back on.
public struct LocationDesk: Sendable, Hashable {
    public var organizationID: UUID
    public var locationID: UUID
    public var organization: DeskSettings
    public var location: LocationSettings

    public init(organizationID: UUID, locationID: UUID, organization: DeskSettings, location: LocationSettings) {
        self.organizationID = organizationID
        self.locationID = locationID
        self.organization = organization
        self.location = location
    }

    /// What the sweep looks for there at `now`.
    public func dueBounds(at now: Date) -> DueBounds {
        DueBounds(organizationID: organizationID, locationID: locationID, settings: location.resolved(over: organization),
                  now: now)
    }
}
