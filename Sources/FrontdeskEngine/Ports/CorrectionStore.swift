import Foundation
import FrontdeskCore

/// Attendance corrections: submitted, reviewed, applied to their visit, listed.
public protocol CorrectionStore: Sendable {
    /// In one transaction: reads what `request` names (`CorrectionFacts`), asks `decide`, and
    /// writes the correction with its audit entry and event.
    func submitCorrection(
        _ organizationID: UUID, _ request: CorrectionRequest,
        decide: @escaping @Sendable (CorrectionFacts) throws -> CorrectionChange
    ) async throws -> Correction
    /// Locks the correction (`notFound(correction)` otherwise), asks `decide`, writes its change.
    func reviewCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (Correction) throws -> CorrectionChange
    ) async throws -> Correction
    /// Locks the correction and its visit, reads what the visit to write needs (`CorrectionTarget`),
    /// asks `decide`, and writes the correction's change with the visit's: created (admitted as a
    /// new visit is), changed, or deleted keeping its audit and events.
    func applyCorrection(
        _ organizationID: UUID, _ id: UUID, decide: @escaping @Sendable (CorrectionTarget) throws -> AppliedCorrection
    ) async throws -> Correction
    func correction(_ organizationID: UUID, _ id: UUID) async throws -> Correction?
    func corrections(_ organizationID: UUID, filter: CorrectionFilter, page: PageRequest) async throws -> Page<Correction>
}

/// What a submission's transaction read: the visit named, if the organization's, or for a
/// visit to add whether its member is live and its resource.
public struct CorrectionFacts: Sendable {
    public var visit: Checkin?
    public var memberExists: Bool
    public var resource: Resource?

    public init(visit: Checkin?, memberExists: Bool, resource: Resource?) {
        self.visit = visit
        self.memberExists = memberExists
        self.resource = resource
    }
}

/// What an application's transaction read and locked: the correction, its visit as it is now
/// (nil once deleted), what classifies the visit, and for a visit to add its member and resource.
public struct CorrectionTarget: Sendable {
    public var correction: Correction
    public var visit: Checkin?
    public var attendance: AttendanceContext?
    public var facts: CorrectionFacts

    public init(correction: Correction, visit: Checkin?, attendance: AttendanceContext?, facts: CorrectionFacts) {
        self.correction = correction
        self.visit = visit
        self.attendance = attendance
        self.facts = facts
    }
}

/// A correction's write: its new state, its audit entry and its event.
public struct CorrectionChange: RecordedChange {
    public var correction: Correction
    /// The correction as it was stored, nil when it is new.
    public var previous: Correction?
    public var audit: AuditEntry
    public var event: EventDraft

    public init(correction: Correction, previous: Correction?, audit: AuditEntry, event: EventDraft) {
        self.correction = correction
        self.previous = previous
        self.audit = audit
        self.event = event
    }

    public var organizationID: UUID { correction.organizationID }
    public var audits: [AuditEntry] { [audit] }
    public var events: [EventDraft] { [event] }
}

/// An application's write: the correction applied and its visit's write, which deletes the visit
/// for `delete_duplicate`.
public struct AppliedCorrection: Sendable {
    public var correction: CorrectionChange
    public var visit: CheckinWrite
    public var deletesVisit: Bool

    public init(correction: CorrectionChange, visit: CheckinWrite, deletesVisit: Bool) {
        self.correction = correction
        self.visit = visit
        self.deletesVisit = deletesVisit
    }
}
