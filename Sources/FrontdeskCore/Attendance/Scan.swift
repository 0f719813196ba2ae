import Foundation

/// Where a scan happens: a location's door (the visit lands on its only resource) or a resource.
public enum ScanPlace: Sendable, Hashable {
    case location(UUID)
    case resource(UUID)
}

/// A code shown at a place: `POST /api/v1/scan`.
public struct ScanRequest: Sendable, Hashable {
    public var code: String
    public var place: ScanPlace
    /// How the code was read; by default, what reads a code of its kind (`CheckinMethod(reading:)`).
    public var method: CheckinMethod?
    /// The reader or kiosk that read it.
    public var device: String?
    /// When the device read it, for a device that was offline; by default, when it is received.
    public var at: Date?

    public init(code: String, place: ScanPlace, method: CheckinMethod? = nil, device: String? = nil, at: Date? = nil) {
        self.code = code
        self.place = place
        self.method = method
        self.device = device
        self.at = at
    }

    /// `now`: a device's stamp may not lie ahead of it.
    public func validate(now: Date) throws(FrontdeskError) {
        var v = Validator()
        v.text(code, "code", required: true, max: 200)
        v.text(device, "device", max: 200)
        v.stamp(at, "at", now: now)
        try v.validate()
    }
}

/// What a scan does: begin a visit of the code's member, or end the one they have at the place.
public enum ScanStep: Sendable, Hashable {
    /// A new visit of the member, checked in on arrival, after checking out `leaving`: their visits
    /// in progress elsewhere, when the place keeps members in one place at a time.
    case checkIn(Checkin, leaving: [Checkin])
    /// The member's open visit at the place, to check out.
    case checkOut(Checkin)
    /// A scan older than the member's latest stamp at the place (an offline device's, arriving
    /// late): it toggles nothing; the visit it lost to.
    case stale(Checkin)
}

/// The toggle rule of a scan, decided on what the scan's transaction read.
public struct ScanFacts: Sendable {
    /// The code as stored, nil when no code has the scanned value.
    public var code: MemberCode?
    /// The code's member, nil once deleted.
    public var member: Member?
    /// The member's visit in progress at the place, the newest if several.
    public var open: Checkin?
    /// The member's newest visit at the place that was checked in (its last stamp debounces).
    public var latest: Checkin?
    /// Where a new visit can land: the resource scanned at, or the live resources of the location.
    public var resources: [Resource]
    public var settings: AttendanceSettings
    /// The member's visits in progress in other locations, outside bookings, when the place's
    /// location keeps members in one place at a time (`Location.onePlaceAtATime`).
    public var elsewhere: [Checkin]

    public init(code: MemberCode?, member: Member?, open: Checkin?, latest: Checkin?, resources: [Resource],
                settings: AttendanceSettings, elsewhere: [Checkin] = []) {
        self.code = code
        self.member = member
        self.open = open
        self.latest = latest
        self.resources = resources
        self.settings = settings
        self.elsewhere = elsewhere
    }

    /// The step a scan of `request` at `now` makes. An unknown, expired or orphaned code is
    /// `code_not_found`; a scan within the debounce window of the member's last stamp there is
    /// `scan_debounced` with that visit; an open visit is checked out whatever the member's status;
    /// a new one needs the member admitted (`AttendanceSettings.admit`) and one resource to land on.
    /// A new visit takes the id `visitID`. The scan happens at its device's stamp (`at`), else at
    /// `now`; one older than the latest stamp there is stale.
    public func step(_ request: ScanRequest, visitID: UUID, now: Date) throws(FrontdeskError) -> ScanStep {
        let at = request.at ?? now
        guard let code, code.isValid(at: at), let member else { throw .codeNotFound }
        if let latest, let stamp = latest.checkOut ?? latest.checkIn {
            if at < stamp { return .stale(latest) }
            let until = stamp.addingTimeInterval(TimeInterval(settings.scanDebounceSeconds))
            if at < until { throw .scanDebounced(checkinID: latest.id, until: until) }
        }
        if let open { return .checkOut(open) }
        try settings.admit(member)
        guard resources.count == 1, let resource = resources.first else {
            let names = resources.map(\.name).sorted().joined(separator: ", ")
            throw .validationFailed([FieldIssue("resource_id", resources.isEmpty
                ? "the location has no resource to check into"
                : "the location has \(resources.count) resources (\(names)): scan at one of them")])
        }
        return .checkIn(Checkin(id: visitID, organizationID: member.organizationID, resourceID: resource.id,
                                locationID: resource.locationID, memberID: member.id, checkIn: at,
                                method: request.method ?? CheckinMethod(reading: code.kind),
                                device: request.device.flatMap { $0.isEmpty ? nil : $0 }, createdAt: now),
                        leaving: elsewhere.filter { ($0.checkIn ?? at) <= at })
    }
}
