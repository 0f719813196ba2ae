import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

/// Domain values as the generated API types: one initializer per schema, checked by the compiler
/// against `openapi.yaml`.
extension Components.Schemas.Booking {
    init(_ booking: Booking) throws {
        let window = booking.window
        self.init(
            allowedActions: try booking.allowedActions.map { try .init(matching: $0) },
            id: booking.id.text, number: booking.number,
            status: try .init(matching: booking.status), memberId: booking.memberID.text, memberName: booking.memberName,
            locationId: booking.locationID.text,
            lines: try booking.lines.map(Components.Schemas.BookingLine.init), source: try .init(matching: booking.source),
            notes: booking.notes, cancellationReason: booking.cancellationReason, startsAt: window.start,
            endsAt: window.end, actualStartAt: booking.actualStartAt, actualEndAt: booking.actualEndAt,
            readyAt: booking.readyAt, totalAmount: Int64(booking.totalAmount), currency: booking.currency,
            version: booking.version, createdAt: booking.createdAt, updatedAt: booking.updatedAt)
    }
}

extension Components.Schemas.BookingLine {
    init(_ line: BookingLine) throws {
        self.init(
            id: line.id.text, resourceId: line.resourceID.text, resourceName: line.resourceName,
            resourceCategory: line.resourceCategory, checkIn: line.dates?.checkIn.description,
            checkOut: line.dates?.checkOut.description, startsAt: line.window.start, endsAt: line.window.end, state: try .init(matching: line.state),
            checkedInAt: line.checkedInAt, checkedOutAt: line.checkedOutAt, overdue: line.overdue ? true : nil,
            amount: Int64(line.amount))
    }
}

extension Components.Schemas.Checkin {
    /// The checkin, with its member's statistics for an answer to a check-in or a scan.
    init(_ checkin: Checkin, memberStats: MemberStats?) throws {
        try self.init(checkin)
        self.memberStats = memberStats.map {
            .init(totalVisits: $0.totalVisits, visitsThisMonth: $0.visitsThisMonth, currentStreak: $0.currentStreak,
                  longestStreak: $0.longestStreak)
        }
    }

    init(_ checkin: Checkin) throws {
        self.init(
            id: checkin.id.text, resourceId: checkin.resourceID.text, locationId: checkin.locationID.text,
            memberId: checkin.memberID?.text,
            bookingId: checkin.bookingID?.text, bookingLineId: checkin.bookingLineID?.text,
            startsAt: checkin.planned?.start, endsAt: checkin.planned?.end, checkIn: checkin.checkIn,
            checkOut: checkin.checkOut, state: try .init(matching: checkin.state), notes: checkin.notes,
            metadata: try .init(checkin.metadata), method: try checkin.method.map { try .init(matching: $0) },
            device: checkin.device,
            geo: checkin.geo.map { .init(latitude: $0.latitude, longitude: $0.longitude, accuracy: $0.accuracy) },
            attendance: try checkin.attendance.map(Components.Schemas.VisitAttendance.init),
            version: checkin.version, createdAt: checkin.createdAt, updatedAt: checkin.updatedAt)
    }
}

extension Components.Schemas.Resource {
    init(_ resource: Resource) throws {
        self.init(
            id: resource.id.text, organizationId: resource.organizationID.text,
            locationId: resource.locationID.text, name: resource.name, kind: resource.kind,
            category: resource.category, capacity: resource.capacity, rateAmount: Int64(resource.rateAmount),
            rateTiers: resource.rateTiers.isEmpty ? nil : try resource.rateTiers.map {
                .init(upToMinutes: $0.upToMinutes, rateAmount: Int64($0.rateAmount), rateUnit: try .init(matching: $0.rateUnit))
            },
            rateUnit: try .init(matching: resource.rateUnit), status: try .init(matching: resource.status),
            housekeeping: try .init(matching: resource.housekeeping), createdAt: resource.createdAt,
            updatedAt: resource.updatedAt)
    }
}

extension Components.Schemas.Organization {
    init(_ o: Organization) {
        self.init(
            id: o.id.text, name: o.name, timezone: o.timeZone, currency: o.currency, checkInTime: o.checkInTime,
            checkOutTime: o.checkOutTime, bookingNumberPrefix: o.bookingNumberPrefix,
            noShowGraceMinutes: o.noShowGraceMinutes, pendingHoldMinutes: o.pendingHoldMinutes,
            autoNoShow: o.autoNoShow, createdAt: o.createdAt, updatedAt: o.updatedAt)
    }
}

extension Components.Schemas.Location {
    /// The location with its overrides and, over `organization`'s desk settings, the effective ones.
    init(_ l: Location, over organization: DeskSettings) {
        let effective = l.settings.resolved(over: organization)
        self.init(id: l.id.text, organizationId: l.organizationID.text, name: l.name, timezone: l.timeZone,
                  settings: .init(l.settings),
                  effectiveSettings: .init(
                      checkInTime: effective.checkInTime, checkOutTime: effective.checkOutTime,
                      noShowGraceMinutes: effective.noShowGraceMinutes,
                      pendingHoldMinutes: effective.pendingHoldMinutes, autoNoShow: effective.autoNoShow),
                  onePlaceAtATime: l.onePlaceAtATime, createdAt: l.createdAt, updatedAt: l.updatedAt)
    }
}

extension Components.Schemas.LocationSettings {
    init(_ s: LocationSettings) {
        self.init(checkInTime: s.checkInTime, checkOutTime: s.checkOutTime, noShowGraceMinutes: s.noShowGraceMinutes,
                  pendingHoldMinutes: s.pendingHoldMinutes, autoNoShow: s.autoNoShow)
    }

    var domain: LocationSettings {
        LocationSettings(checkInTime: checkInTime, checkOutTime: checkOutTime, noShowGraceMinutes: noShowGraceMinutes,
                         pendingHoldMinutes: pendingHoldMinutes, autoNoShow: autoNoShow)
    }
}

extension Components.Schemas.Member {
    init(_ m: Member) throws {
        self.init(id: m.id.text, organizationId: m.organizationID.text, _type: m.type, name: m.name, email: m.email,
                  phone: m.phone, externalRef: m.externalRef, notes: m.notes, status: try .init(matching: m.status),
                  attendanceEnabled: m.attendanceEnabled, schedule: try m.schedule.map(Components.Schemas.Schedule.init),
                  createdAt: m.createdAt, updatedAt: m.updatedAt)
    }
}

extension GeoPoint {
    init(_ geo: Components.Schemas.GeoPoint) {
        self.init(latitude: geo.latitude, longitude: geo.longitude, accuracy: geo.accuracy)
    }
}

extension Components.Schemas.MemberCode {
    init(_ code: MemberCode) throws {
        self.init(id: code.id.text, memberId: code.memberID.text, value: code.value, kind: try .init(matching: code.kind),
                  expiresAt: code.expiresAt, createdAt: code.createdAt)
    }
}


extension Components.Schemas.ApiKey {
    /// Never the hash: a key is shown by its name, role, prefix and what it may do.
    init(_ key: APIKey) throws {
        self.init(id: key.id.text, name: key.name, role: try .init(matching: key.role), prefix: key.prefix,
                  createdAt: key.createdAt, permissions: key.role.permissions.map(\.rawValue).sorted())
    }
}

extension Components.Schemas.CreatedApiKey {
    /// The one time a key's secret is shown.
    init(_ issued: IssuedKey) throws {
        let key = try Components.Schemas.ApiKey(issued.key)
        self.init(id: key.id, name: key.name, role: key.role, prefix: key.prefix, createdAt: key.createdAt,
                  permissions: key.permissions, secret: issued.secret)
    }
}

extension Components.Schemas.AuditEntry {
    init(_ entry: AuditEntry) throws {
        self.init(
            id: entry.id.text, entityType: entry.entityType, entityId: entry.entityID.text, action: entry.action,
            actor: .init(_type: entry.actor.type, id: entry.actor.id, name: entry.actor.name),
            before: try entry.before.map { BeforePayload(additionalProperties: try .init(storedJSON: $0)) },
            after: try entry.after.map { AfterPayload(additionalProperties: try .init(storedJSON: $0)) },
            reason: entry.reason, createdAt: entry.createdAt)
    }
}

extension Components.Schemas.Event {
    init(_ event: Event) throws {
        self.init(
            id: event.id.text, sequence: event.sequence, _type: try .init(matching: event.type),
            entityType: event.entityType, entityId: event.entityID.text, createdAt: event.createdAt,
            data: DataPayload(additionalProperties: try .init(storedJSON: event.data)))
    }
}

extension NewBooking {
    /// A booking request as `POST /api/v1/bookings` takes it.
    init(_ body: Components.Schemas.BookingCreate) throws {
        let hasWindow = body.startsAt != nil || body.endsAt != nil || body.checkIn != nil || body.checkOut != nil
        let window = hasWindow
            ? try WindowSpec(startsAt: body.startsAt, endsAt: body.endsAt, checkIn: body.checkIn, checkOut: body.checkOut)
            : nil
        let lines = try body.lines?.enumerated().map { i, line throws in
            let hasOwn = line.startsAt != nil || line.endsAt != nil || line.checkIn != nil || line.checkOut != nil
            return (try Read.uuid(line.resourceId, "lines[\(i)].resource_id"),
                    hasOwn ? try WindowSpec(startsAt: line.startsAt, endsAt: line.endsAt, checkIn: line.checkIn,
                                            checkOut: line.checkOut, field: "lines[\(i)].") : nil)
        }
        try self.init(
            holder: try Self.holder(body),
            resourceIDs: try body.resourceIds?.enumerated().map { i, id throws in try Read.uuid(id, "resource_ids[\(i)]") },
            window: window, lines: lines,
            status: body.status.flatMap { BookingStatus(rawValue: $0.rawValue) },
            source: body.source.flatMap { Booking.Source(rawValue: $0.rawValue) }, notes: body.notes)
    }

    /// `member_id`, or `member` to make with the booking: one of the two.
    private static func holder(_ body: Components.Schemas.BookingCreate) throws -> Holder {
        switch (body.memberId, body.member) {
        case (let id?, nil): return .member(try Read.uuid(id, "member_id"))
        case (nil, let member?): return .newMember(try MemberInput(member))
        case (.some, .some), (nil, nil):
            throw FrontdeskError.validationFailed([FieldIssue("member_id", "give member_id or member, one of the two")])
        }
    }
}
