import Foundation

/// A person who books, arrives and attends: a guest, a customer, an employee, a student.
public struct Member: Sendable, Hashable, Codable, Identifiable {
    enum CodingKeys: String, CodingKey {
        case id
        case organizationID = "organization_id"
        case type
        case name
        case email
        case phone
        case externalRef = "external_ref"
        case notes
        case status
        case attendanceEnabled = "attendance_enabled"
        case schedule
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public var id: UUID
    public var organizationID: UUID
    public var type: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var externalRef: String?
    public var notes: String?
    public var status: MemberStatus
    /// Off: the member's codes do not check them in (`attendance_not_enabled`).
    public var attendanceEnabled: Bool
    /// The member's own weekly schedule, over their type's (`AttendancePolicy`).
    public var schedule: Schedule?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, organizationID: UUID, type: String, name: String, email: String?, phone: String?,
                externalRef: String?, notes: String?, status: MemberStatus = .active, attendanceEnabled: Bool = true,
                schedule: Schedule? = nil, createdAt: Date, updatedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.type = type
        self.name = name
        self.email = email
        self.phone = phone
        self.externalRef = externalRef
        self.notes = notes
        self.status = status
        self.attendanceEnabled = attendanceEnabled
        self.schedule = schedule
        self.createdAt = createdAt.truncatedToMilliseconds
        self.updatedAt = (updatedAt ?? createdAt).truncatedToMilliseconds
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.text(type, "type", required: true, max: 50)
        v.text(name, "name", required: true)
        v.email(email, "email")
        v.text(phone, "phone", max: 40)
        v.text(externalRef, "external_ref", max: 200)
        v.text(notes, "notes", max: 10_000, multiline: true)
        schedule?.check("schedule", &v)
        try v.validate()
    }
}
