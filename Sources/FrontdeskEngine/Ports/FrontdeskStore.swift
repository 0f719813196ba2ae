import Foundation
import FrontdeskCore

/// The storage contract. One method per invariant, each one transaction: a method that checks and
/// writes does both inside its transaction, on rows it has locked, and asks the engine to decide
/// through its closure. Adapters (SQLite, PostgreSQL) implement it and pass the same conformance suite.
/// Lookups are always scoped to an organization: an id from another one is simply not found.
public protocol FrontdeskStore: ActionStore {
    // MARK: Schema

    /// Applies every migration this build knows and the database lacks.
    func migrate() async throws
    /// Throws `StoreError.unknownMigrations` if the database was migrated by a newer build.
    func verifySchema() async throws
    /// Closes connections; the store cannot be used afterwards.
    func shutdown() async throws

    // MARK: Organizations and keys

    /// Inserts the organization unless one with its id exists. Returns whether it inserted.
    @discardableResult
    func ensureOrganization(_ organization: Organization) async throws -> Bool
    func insertOrganization(_ organization: Organization, owner: APIKey) async throws
    func organization(_ id: UUID) async throws -> Organization?
    func updateOrganization(
        _ id: UUID, _ change: @escaping @Sendable (Organization) throws -> Organization
    ) async throws -> Organization

    func apiKey(hash: String) async throws -> APIKey?
    func insertAPIKey(_ key: APIKey) async throws
    func apiKeys(_ organizationID: UUID) async throws -> [APIKey]
    /// Returns whether a key was deleted.
    func deleteAPIKey(_ organizationID: UUID, _ id: UUID) async throws -> Bool
    func apiKeyCount() async throws -> Int

    // MARK: Locations, resources, members

    func insertLocation(_ location: Location) async throws
    func location(_ organizationID: UUID, _ id: UUID) async throws -> Location?
    func locations(_ organizationID: UUID, page: PageRequest) async throws -> Page<Location>
    func updateLocation(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Location) throws -> Location
    ) async throws -> Location
    /// Throws `conflict(location_in_use)` while it has resources.
    func deleteLocation(_ organizationID: UUID, _ id: UUID) async throws

    /// Throws `validationFailed(location_id)` if the location is not the organization's.
    func insertResource(_ resource: Resource) async throws
    func resource(_ organizationID: UUID, _ id: UUID) async throws -> Resource?
    func resources(_ organizationID: UUID, filter: ResourceFilter, page: PageRequest) async throws -> Page<Resource>
    func updateResource(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Resource) throws -> Resource
    ) async throws -> Resource
    /// Throws `conflict(resource_in_use)` while a booking line holds it at or after `now`, or is
    /// checked in (an overdue line holds on until it is checked out).
    func deleteResource(_ organizationID: UUID, _ id: UUID, now: Date) async throws

    func insertMember(_ member: Member) async throws
    func member(_ organizationID: UUID, _ id: UUID) async throws -> Member?
    func members(_ organizationID: UUID, filter: MemberFilter, page: PageRequest) async throws -> Page<Member>
    func updateMember(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Member) throws -> Member
    ) async throws -> Member
    /// Throws `conflict(member_in_use)` while a booking of the member holds a resource.
    func deleteMember(_ organizationID: UUID, _ id: UUID) async throws

    // MARK: Bookings

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
    /// Locks the booking, asks `decide` (which may refuse) and deletes it, keeping audit and event.
    func deleteBooking(
        _ organizationID: UUID, _ reference: BookingReference,
        decide: @escaping @Sendable (Booking) throws -> BookingChange
    ) async throws
    /// The organization's catalog and its version.
    func catalog(_ organizationID: UUID) async throws -> Catalog
    /// The lines holding the organization's resources in `window`, and the catalog version; with them
    /// the lines checked in and not out whose window ended before `window` and by `now`, which may
    /// be overdue and hold on (`Occupancy.heldWindow` decides).
    func holds(_ organizationID: UUID, window: TimeWindow, now: Date) async throws -> Holds
    /// The time zone and desk settings a request's dates are read in: each resource's location's
    /// (`LocalDesk(zone:settings:in:)`). A resource that is not there has none.
    func resourceDesks(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: LocalDesk]
    /// Bookings whose time may have passed, found by index, by the desk settings of their location
    /// (a booking's is its first line's; each setting the location's, else the organization's, as
    /// `LocationSettings.resolved(over:)` has it): confirmed ones past their no-show grace with no
    /// checkin checked in where no-shows are marked (`auto_no_show`), pending ones past their hold.
    /// Returns (organization, booking id, action, grace) to apply; `Booking.isDueForNoShow` has the
    /// last word on a no-show.
    func dueBookings(now: Date, limit: Int) async throws -> [DueBooking]

    // MARK: Checkins

    /// In one transaction: reads the resource, member and booking `request` names, asks `decide`
    /// for the checkin, and writes it with its audit entry and events.
    func createCheckin(
        _ organizationID: UUID, _ request: CheckinRequest,
        decide: @escaping @Sendable (CheckinContext) throws -> CheckinChange
    ) async throws -> Checkin
    func checkin(_ organizationID: UUID, _ id: UUID) async throws -> Checkin?
    func checkins(_ organizationID: UUID, filter: CheckinFilter, page: PageRequest) async throws -> Page<Checkin>
    /// Locks the checkin and, when it has one, its booking (read with the booking's checkins), asks
    /// `decide` for the next state and writes it with its audit and events, and the booking's
    /// change when the step moves the booking.
    func changeCheckin(
        _ organizationID: UUID, _ id: UUID,
        decide: @escaping @Sendable (Checkin, LinkedBooking?) throws -> CheckinWrite
    ) async throws -> Checkin
    /// Locks the checkin, asks `decide` and deletes it, keeping its audit and events.
    func deleteCheckin(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Checkin) throws -> CheckinChange
    ) async throws

    // MARK: Audit and events

    func auditEntries(_ organizationID: UUID, entityID: UUID) async throws -> [AuditEntry]
    /// A page of the organization's audit entries matching `filter`, in creation order.
    func auditEntries(_ organizationID: UUID, filter: AuditFilter, page: PageRequest) async throws -> Page<AuditEntry>
    func events(_ organizationID: UUID, after sequence: Int64, limit: Int) async throws -> [Event]
    /// Yields to `wakeUp` after each commit that wrote events of the organization (see
    /// `EventNotifier`): through this store and, where the database can tell, through any other
    /// process on the same database, until `wakeUp` finishes. A hint to re-read `events(after:)`,
    /// never the events themselves.
    func notifyEvents(of organizationID: UUID, to wakeUp: AsyncStream<Void>.Continuation)

    // MARK: Idempotency

    func claimIdempotencyKey(
        _ scope: IdempotencyScope, key: String, fingerprint: String, now: Date
    ) async throws -> IdempotencyClaim
    func recordIdempotentResponse(_ scope: IdempotencyScope, key: String, response: StoredResponse) async throws
    /// Forgets a claim whose request failed before it could answer, so a retry runs again.
    func releaseIdempotencyKey(_ scope: IdempotencyScope, key: String) async throws
}

/// A booking the sweeper should move on.
public struct DueBooking: Sendable, Hashable {
    public var organizationID: UUID
    public var bookingID: UUID
    public var action: BookingAction
    /// The no-show grace the query used (the booking's location's), which `Booking.isDueForNoShow`
    /// decides with.
    public var noShowGrace: TimeInterval

    public init(organizationID: UUID, bookingID: UUID, action: BookingAction, noShowGrace: TimeInterval) {
        self.organizationID = organizationID
        self.bookingID = bookingID
        self.action = action
        self.noShowGrace = noShowGrace
    }
}

/// Failures of the storage itself, not of a rule.
public enum StoreError: Error, Sendable, Equatable {
    /// The database has migrations this build does not know: it was written by a newer Frontdesk.
    case unknownMigrations([String])
    /// The database has not been migrated (run `frontdesk migrate`).
    case notMigrated
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownMigrations(let versions):
            "The database has migrations this build does not know (\(versions.joined(separator: ", "))): "
                + "it was migrated by a newer Frontdesk. Run that version, or restore a backup."
        case .notMigrated:
            "The database is not migrated: run `frontdesk migrate`."
        }
    }
}
