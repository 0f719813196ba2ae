import Foundation
import FrontdeskCore

/// Attendance: the codes members show at the door, the scan that toggles their visit, and the
/// organization's attendance settings.
public protocol AttendanceStore: Sendable {
    /// Throws `notFound(member)` unless the member is live, `conflict(code_taken)` if another code
    /// of the organization has the value.
    func insertCode(_ code: MemberCode) async throws
    /// A live member's codes, oldest first; `notFound(member)` otherwise.
    func codes(_ organizationID: UUID, member memberID: UUID) async throws -> [MemberCode]
    /// Throws `notFound(code)` unless the member has that code.
    func deleteCode(_ organizationID: UUID, member memberID: UUID, _ id: UUID) async throws

    func attendanceSettings(_ organizationID: UUID) async throws -> AttendanceSettings
    func updateAttendanceSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (AttendanceSettings) throws -> AttendanceSettings
    ) async throws -> AttendanceSettings

    /// In one transaction: reads what `ScanContext` holds for `request` (the place named must be
    /// the organization's: else `validationFailed`), asks `decide`, and writes what it returns. With
    /// a `nonce` (an offline device's), a scan answered before is `replayed`, and one answered now
    /// keeps its answer (`ScanWrite.answer`) for the nonce, in the same transaction. With
    /// `memberDays`, also the scanned member's days (as `memberDays(_:member:)` reads them) once the
    /// scan is written, for a scan that began, ended or lost to a member's visit.
    func scan(
        _ organizationID: UUID, _ request: ScanRequest, nonce: String?, memberDays: Bool,
        decide: @escaping @Sendable (ScanContext) throws -> ScanWrite
    ) async throws -> (write: ScanWrite, memberDays: MemberDays?)

    /// Keeps a refused scan's answer for its nonce (the refusal wrote nothing else); an answer kept
    /// before stays.
    func recordScanAnswer(_ organizationID: UUID, _ answer: ScanAnswer) async throws

    /// The visits in progress of members outside bookings, of one organization or of all, oldest
    /// check-in first, each with what classifies it: the sweeper closes those expired
    /// (`AttendancePolicy.expiry`).
    func openAttendanceVisits(of organizationID: UUID?, limit: Int) async throws -> [OpenAttendanceVisit]

    /// A live member, their days (`MemberDay`, of every location, oldest first), the zone their day
    /// is read in now (that of their last visit's location, else their organization's) and their
    /// organization's attendance settings; `notFound(member)` otherwise.
    func memberDays(_ organizationID: UUID, member memberID: UUID) async throws -> MemberDays

    /// The dashboard of the local `days` (first to last), of one location or of all, added up from
    /// the members' days: each day's figures, the members counted once, the `topCount` members
    /// with the most visits (then by name); and of the members who ever came (there), how many are
    /// in each engagement as last evaluated, and the `atRiskCount` at risk, longest gone first.
    func attendanceDashboard(_ organizationID: UUID, days: ClosedRange<LocalDate>, at locationID: UUID?) async throws
        -> AttendanceDashboard

    /// The tallies due for evaluation at `now`, of every organization: changed since their last
    /// evaluation, or past their `evaluateAt`; at most `limit`.
    func dueTallies(at now: Date, limit: Int) async throws -> [MemberTally]

    /// Keeps an evaluation's tally, with the events announcing what moved, in one transaction, if
    /// the stored tally is still evaluated as `was` says (evaluation, milestones, engagement);
    /// returns false, writing nothing, when another evaluation came first.
    func keepEvaluation(_ evaluation: TallyEvaluation) async throws -> Bool

    /// The visits in progress, of one location or of all, with their places' names and members' types.
    func presentVisits(_ organizationID: UUID, at locationID: UUID?) async throws -> [PresentVisit]
}

/// A member's days as their statistics read them, the zone their day is read in now (that of
/// their last visit's location, else their organization's), and the settings that give their policy.
public struct MemberDays: Sendable {
    public var member: Member
    public var days: [MemberDay]
    public var zone: TimeZone
    public var settings: AttendanceSettings

    public init(member: Member, days: [MemberDay], zone: TimeZone, settings: AttendanceSettings) {
        self.member = member
        self.days = days
        self.zone = zone
        self.settings = settings
    }

    /// The member's statistics on their local day `now`: streaks count the days of their schedule
    /// (their own, else their type's) when they are measured against one.
    public func stats(now: Date) -> MemberStats {
        let policy = settings.policy(for: member.type, schedule: member.schedule)
        return MemberStats(days: days, today: LocalDate(now, in: zone),
                           schedule: policy.detection == .scheduleAware ? policy.schedule : nil)
    }
}

/// A member's tally as evaluated (`AttendanceNews.tally`), the tally it was read as, and, when
/// something moved, the audit entry and events announcing it.
public struct TallyEvaluation: RecordedChange {
    public var tally: MemberTally
    public var was: MemberTally
    public var audits: [AuditEntry]
    public var events: [EventDraft]

    public init(tally: MemberTally, was: MemberTally, audit: AuditEntry?, events: [EventDraft]) {
        self.tally = tally
        self.was = was
        self.audits = audit.map { [$0] } ?? []
        self.events = events
    }

    public var organizationID: UUID { tally.organizationID }
}

/// A member's visit in progress outside bookings, and what classifies it.
public struct OpenAttendanceVisit: Sendable {
    public var visit: Checkin
    public var context: AttendanceContext

    public init(visit: Checkin, context: AttendanceContext) {
        self.visit = visit
        self.context = context
    }
}

/// What a scan's transaction read: the facts Core decides on, and the open visit's booking.
public struct ScanContext: Sendable {
    public var facts: ScanFacts
    /// The open visit's booking, when it has one (read with its checkins, as a checkin's step reads it).
    public var linked: LinkedBooking?
    /// What classifies the member's visits at the place.
    public var attendance: AttendanceContext?
    /// What classifies each of `facts.elsewhere`, by visit.
    public var elsewhere: [UUID: AttendanceContext]

    public init(facts: ScanFacts, linked: LinkedBooking?, attendance: AttendanceContext?,
                elsewhere: [UUID: AttendanceContext] = [:]) {
        self.facts = facts
        self.linked = linked
        self.attendance = attendance
        self.elsewhere = elsewhere
    }
}

/// What a scan writes: a visit begun or ended, or, for a code no member holds, only its
/// `checkin_failed` event; nothing for a stale scan or one answered before.
public enum ScanWrite: Sendable {
    /// The visit begun or ended, and those ended first elsewhere (`ScanStep.checkIn`).
    case visit(CheckinWrite, leaving: [CheckinWrite] = [])
    case failed(FailedScan)
    /// Older than the member's latest stamp at the place: the visit it lost to.
    case stale(Checkin)
    case replayed(ScanAnswer)

    /// The member whose visit the scan began, ended or lost to.
    public var memberID: UUID? {
        switch self {
        case .visit(let write, _): write.checkin.checkin.memberID
        case .stale(let visit): visit.memberID
        case .failed, .replayed: nil
        }
    }

    /// The answer kept for the scan's `nonce`.
    public func answer(nonce: String) -> ScanAnswer {
        switch self {
        case .visit(let write, _):
            let visit = write.checkin.checkin
            return ScanAnswer(nonce: nonce, status: 200, step: visit.checkOut == nil ? .checkIn : .checkOut,
                              checkinID: visit.id)
        case .stale(let visit): return ScanAnswer(nonce: nonce, status: 200, step: .stale, checkinID: visit.id)
        case .failed: return ScanAnswer(nonce: nonce, refusal: .codeNotFound)
        case .replayed(let answer): return answer
        }
    }
}

/// A scan's answer in a batch, kept for its nonce: a retried batch gets the same answers.
public struct ScanAnswer: Sendable, Hashable, Codable {
    public var nonce: String
    public var status: Int
    /// For a scan carried out.
    public var step: ScanResult.Step?
    public var checkinID: UUID?
    /// The problem's code and detail, for a scan refused.
    public var code: String?
    public var detail: String?

    public init(nonce: String, status: Int, step: ScanResult.Step? = nil, checkinID: UUID? = nil, code: String? = nil,
                detail: String? = nil) {
        self.nonce = nonce
        self.status = status
        self.step = step
        self.checkinID = checkinID
        self.code = code
        self.detail = detail
    }

    public init(nonce: String, refusal: FrontdeskError) {
        self.init(nonce: nonce, status: refusal.status, code: refusal.code, detail: refusal.detail)
    }

    /// As kept: its JSON.
    public var stored: String { String(decoding: sortedJSON, as: UTF8.self) }

    public init(stored text: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
    }
}

/// A scan that found no member: its audit entry (who scanned what, where) and its event, written alone.
public struct FailedScan: RecordedChange {
    public var audit: AuditEntry
    public var event: EventDraft

    public init(audit: AuditEntry, event: EventDraft) {
        self.audit = audit
        self.event = event
    }

    public var organizationID: UUID { audit.organizationID }
    public var audits: [AuditEntry] { [audit] }
    public var events: [EventDraft] { [event] }
}
