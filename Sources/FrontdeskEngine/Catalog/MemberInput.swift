import FrontdeskCore

/// The fields of a member a client sends; on PATCH, nil leaves a field as it is and "" clears it.
public struct MemberInput: Sendable {
    public var type: String?
    public var name: String?
    public var email: String?
    public var phone: String?
    public var externalRef: String?
    public var notes: String?
    public var status: MemberStatus?
    public var attendanceEnabled: Bool?
    public var schedule: Schedule?

    public init(type: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil,
                externalRef: String? = nil, notes: String? = nil, status: MemberStatus? = nil,
                attendanceEnabled: Bool? = nil, schedule: Schedule? = nil) {
        self.type = type
        self.name = name
        self.email = email
        self.phone = phone
        self.externalRef = externalRef
        self.notes = notes
        self.status = status
        self.attendanceEnabled = attendanceEnabled
        self.schedule = schedule
    }

    func applied(to m: Member) -> Member {
        func clearable(_ new: String?, _ old: String?) -> String? {
            guard let new else { return old }
            return new.isEmpty ? nil : new
        }
        var m = m
        m.type = type ?? m.type
        m.name = name ?? m.name
        m.email = clearable(email, m.email)
        m.phone = clearable(phone, m.phone)
        m.externalRef = clearable(externalRef, m.externalRef)
        m.notes = clearable(notes, m.notes)
        m.status = status ?? m.status
        m.attendanceEnabled = attendanceEnabled ?? m.attendanceEnabled
        m.schedule = schedule ?? m.schedule
        return m
    }
}
