import Foundation

/// What a client asks for when it registers a checkin.
public struct CheckinRequest: Sendable, Hashable {
    public var resourceID: UUID
    public var memberID: UUID?
    public var bookingID: UUID?
    public var startsAt: Date?
    public var endsAt: Date?
    public var notes: String?
    public var metadata: [String: JSONValue]
    /// The arrival, recorded with the registration: one call for a visit that begins now.
    public var checkIn: Arrival?
    public var method: CheckinMethod?
    public var device: String?
    public var geo: GeoPoint?

    /// When a visit registered checked in arrived.
    public enum Arrival: Sendable, Hashable {
        /// The instant the registration is written.
        case now
        case at(Date)
    }

    public init(resourceID: UUID, memberID: UUID? = nil, bookingID: UUID? = nil, startsAt: Date? = nil,
                endsAt: Date? = nil, notes: String? = nil, metadata: [String: JSONValue] = [:], checkIn: Arrival? = nil,
                method: CheckinMethod? = nil, device: String? = nil, geo: GeoPoint? = nil) {
        self.resourceID = resourceID
        self.memberID = memberID
        self.bookingID = bookingID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.notes = notes
        self.metadata = metadata
        self.checkIn = checkIn
        self.method = method
        self.device = device
        self.geo = geo
    }

    /// `now` is the instant of the registration, for a stamp `at` it must not be ahead of.
    public func validate(now: Date? = nil) throws(FrontdeskError) {
        var v = Validator()
        Checkin.checkPlanned(startsAt, endsAt, &v)
        Checkin.checkDetails(notes: notes, metadata: metadata, &v)
        v.text(device, "device", max: 200)
        geo?.check("geo", &v)
        if case .at(let instant) = checkIn {
            if let now { v.stamp(instant, "check_in", now: now) } else { v.bookable(instant, "check_in") }
        }
        v.check(checkIn == nil || bookingID == nil, "check_in",
                "a booking's visit is checked in by its check-in call, which moves its booking with it")
        try v.validate()
    }
}

extension Checkin {
    /// The most bytes a checkin's `metadata` may take as JSON (as the server writes it back).
    public static let maxMetadataBytes = 16_384

    /// Registers a pending visit, checked against what the store read in its transaction: the live
    /// resource, whether the member exists, and the booking named. A booking's checkin must be its
    /// member's (taken from the booking when omitted) on one of its lines' resources; without a
    /// planned window it takes that line's.
    public static func registering(
        _ request: CheckinRequest, id: UUID, organizationID: UUID, resource: Resource?, memberExists: Bool,
        booking: Booking?, now: Date
    ) throws(FrontdeskError) -> Checkin {
        try request.validate(now: now)
        var v = Validator()
        v.check(resource != nil, "resource_id", "no such resource")
        v.check(request.memberID == nil || memberExists, "member_id", "no such member")
        var line: BookingLine?
        if let bookingID = request.bookingID {
            if let booking {
                line = booking.lines.first { $0.resourceID == request.resourceID }
                v.check(line != nil, "resource_id", "is not a resource of booking \(booking.number)")
                v.check(request.memberID.map { $0 == booking.memberID } ?? true, "member_id",
                        "is not the member of booking \(booking.number)")
            } else {
                v.check(false, "booking_id", "no such booking \(bookingID.text)")
            }
        }
        try v.validate()
        guard let resource else { throw .validationFailed([FieldIssue("resource_id", "no such resource")]) }
        let planned = request.startsAt.flatMap { start in request.endsAt.map { TimeWindow(start: start, end: $0) } }
        return Checkin(
            id: id, organizationID: organizationID, resourceID: request.resourceID, locationID: resource.locationID,
            memberID: request.memberID ?? booking?.memberID, bookingID: booking?.id, bookingLineID: line?.id,
            planned: planned ?? line?.window,
            checkIn: request.checkIn.map { arrival in
                switch arrival {
                case .now: now
                case .at(let instant): instant
                }
            },
            notes: request.notes.flatMap { $0.isEmpty ? nil : $0 }, metadata: request.metadata, method: request.method, device: request.device.flatMap { $0.isEmpty ? nil : $0 },
            geo: request.geo, createdAt: now)
    }

    static func checkPlanned(_ startsAt: Date?, _ endsAt: Date?, _ v: inout Validator) {
        v.bookable(startsAt, "starts_at")
        v.bookable(endsAt, "ends_at")
        v.check((startsAt == nil) == (endsAt == nil), startsAt == nil ? "starts_at" : "ends_at",
                "give starts_at and ends_at together")
        if let startsAt, let endsAt {
            v.check(endsAt > startsAt, "ends_at", "must be after starts_at")
            v.check(endsAt.timeIntervalSince(startsAt) <= BookingRequest.maxLineDuration, "ends_at",
                    "a visit may last at most 400 days")
        }
    }

    static func checkDetails(notes: String?, metadata: [String: JSONValue]?, _ v: inout Validator) {
        v.text(notes, "notes", max: 10_000, multiline: true)
        if let metadata { FreeJSON.check(.object(metadata), "metadata", maxBytes: maxMetadataBytes, &v) }
    }
}
