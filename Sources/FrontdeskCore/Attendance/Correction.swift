import Foundation

/// A request to correct a member's attendance after the fact: submitted by the desk, reviewed by
/// someone else, then applied to the visit (`Correction+Rules.swift` says what is legal).
public struct Correction: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var type: CorrectionType
    public var status: CorrectionStatus
    public var priority: CorrectionPriority
    /// The visit corrected; for `add_missing_attendance`, the visit created once applied.
    public var checkinID: UUID?
    /// The visit's member (read from the visit when submitted), or the member of the visit to add.
    public var memberID: UUID?
    /// The resource of the visit to add (`add_missing_attendance` only).
    public var resourceID: UUID?
    /// The check-in proposed: `update_check_in_time`'s value, or the visit to add's.
    public var checkIn: Date?
    /// The check-out proposed: `update_check_out_time`'s value, or the visit to add's.
    public var checkOut: Date?
    /// `override_attendance_type`'s value.
    public var attendanceType: AttendanceType?
    public var reason: String
    public var submittedBy: Actor
    public var reviewedBy: Actor?
    public var reviewedAt: Date?
    public var reviewNote: String?
    public var appliedBy: Actor?
    public var appliedAt: Date?
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, type: CorrectionType, status: CorrectionStatus = .pending,
                priority: CorrectionPriority = .normal, checkinID: UUID? = nil, memberID: UUID? = nil,
                resourceID: UUID? = nil, checkIn: Date? = nil, checkOut: Date? = nil,
                attendanceType: AttendanceType? = nil, reason: String, submittedBy: Actor, reviewedBy: Actor? = nil,
                reviewedAt: Date? = nil, reviewNote: String? = nil, appliedBy: Actor? = nil, appliedAt: Date? = nil,
                version: Int = 1, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.type = type
        self.status = status
        self.priority = priority
        self.checkinID = checkinID
        self.memberID = memberID
        self.resourceID = resourceID
        self.checkIn = checkIn?.truncatedToMilliseconds
        self.checkOut = checkOut?.truncatedToMilliseconds
        self.attendanceType = attendanceType
        self.reason = reason
        self.submittedBy = submittedBy
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt?.truncatedToMilliseconds
        self.reviewNote = reviewNote
        self.appliedBy = appliedBy
        self.appliedAt = appliedAt?.truncatedToMilliseconds
        self.version = version
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }
}

/// What a correction changes on its visit.
public enum CorrectionType: String, Sendable, Codable, CaseIterable {
    case updateCheckInTime = "update_check_in_time"
    case updateCheckOutTime = "update_check_out_time"
    case addMissingAttendance = "add_missing_attendance"
    case deleteDuplicate = "delete_duplicate"
    case overrideAttendanceType = "override_attendance_type"
}

/// pending → approved or rejected; approved → applied. Rejected and applied are final.
public enum CorrectionStatus: String, Sendable, Codable, CaseIterable {
    case pending, approved, rejected, applied
}

/// How urgent a reviewer should find it; lists filter on it.
public enum CorrectionPriority: String, Sendable, Codable, CaseIterable {
    case low, normal, high, urgent
}
