import Foundation
import FrontdeskAPI
import FrontdeskCore

/// Attendance values between the API's types and Core's.
extension Schedule {
    /// A schedule a client sent; a time that is not `HH:MM` is a 422 on its field.
    init(_ api: Components.Schemas.Schedule, _ field: String) throws(FrontdeskError) {
        var v = Validator()
        let (start, end) = (LocalTime(api.start), LocalTime(api.end))
        v.check(start != nil, "\(field).start", "must be a time HH:MM such as 09:00")
        v.check(end != nil, "\(field).end", "must be a time HH:MM such as 17:00")
        try v.validate()
        self.init(days: api.days.compactMap { Day(rawValue: $0.rawValue) }, start: start!, end: end!,
                  hoursPerDay: api.hoursPerDay)
    }
}

extension ScanRequest {
    init(_ api: Components.Schemas.ScanRequest) throws {
        self.init(code: api.code, place: try ScanPlace(location: api.locationId, resource: api.resourceId, "location_id"),
                  method: try api.method.map { try .init(matching: $0) }, device: api.device, at: api.at)
    }
}

extension ScanPlace {
    /// Where a scan happened: exactly one of a location and a resource (else a 422 on `field`).
    init(location: String?, resource: String?, _ field: String) throws {
        switch (try Read.uuidIfPresent(location, "location_id"), try Read.uuidIfPresent(resource, "resource_id")) {
        case (let location?, nil): self = .location(location)
        case (nil, let resource?): self = .resource(resource)
        case (.some, .some), (nil, nil):
            throw FrontdeskError.validationFailed([FieldIssue(field, "give exactly one of location_id and resource_id")])
        }
    }
}

extension Components.Schemas.Schedule {
    init(_ schedule: Schedule) throws {
        self.init(days: try schedule.days.map { try .init(matching: $0) }, start: schedule.start.description,
                  end: schedule.end.description, hoursPerDay: schedule.hoursPerDay)
    }
}

extension AttendanceSettings.TypeSettings {
    init(_ api: Components.Schemas.AttendanceTypeSettings, type: String) throws {
        self.init(openVisits: api.openVisits, detection: try api.detection.map { try .init(matching: $0) },
                  graceMinutes: api.graceMinutes, schedule: try api.schedule.map { try Schedule($0, "types.\(type).schedule") },
                  autoCheckout: api.autoCheckout.map { .init(afterHours: $0.afterHours, maxSessionHours: $0.maxSessionHours) },
                  overtimeHours: api.overtimeHours, fullDayHours: api.fullDayHours)
    }
}

extension Components.Schemas.AttendanceSettings {
    init(_ settings: AttendanceSettings) throws {
        self.init(
            scanDebounceSeconds: settings.scanDebounceSeconds, visitRetentionDays: settings.visitRetentionDays,
            allowedMemberTypes: settings.allowedMemberTypes,
            types: .init(additionalProperties: try settings.types.mapValues { type in
                Components.Schemas.AttendanceTypeSettings(
                    openVisits: type.openVisits, detection: try type.detection.map { try .init(matching: $0) },
                    graceMinutes: type.graceMinutes, schedule: try type.schedule.map(Components.Schemas.Schedule.init),
                    autoCheckout: type.autoCheckout.map { .init(afterHours: $0.afterHours, maxSessionHours: $0.maxSessionHours) },
                    overtimeHours: type.overtimeHours, fullDayHours: type.fullDayHours)
            }))
    }
}

extension Components.Schemas.VisitAttendance {
    init(_ attendance: VisitAttendance) throws {
        self.init(_type: try .init(matching: attendance.type), day: attendance.day.description,
                  workedMinutes: attendance.workedMinutes, lateMinutes: attendance.lateMinutes,
                  earlyExitMinutes: attendance.earlyExitMinutes, workDays: attendance.workDays,
                  autoCheckedOut: attendance.autoCheckedOut, overridden: attendance.overridden)
    }
}
