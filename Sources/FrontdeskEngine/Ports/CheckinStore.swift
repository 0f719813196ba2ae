import Foundation
import FrontdeskCore

/// Checkins: visits, standalone or linked to a booking line.
public protocol CheckinStore: Sendable {
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
    /// change when the step moves the booking. A member's visit outside bookings comes with what
    /// classifies it (`AttendanceContext`).
    func changeCheckin(
        _ organizationID: UUID, _ id: UUID,
        decide: @escaping @Sendable (Checkin, LinkedBooking?, AttendanceContext?) throws -> CheckinWrite
    ) async throws -> Checkin
    /// Locks the checkin, asks `decide` and deletes it, keeping its audit and events.
    func deleteCheckin(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Checkin) throws -> CheckinChange
    ) async throws
}
