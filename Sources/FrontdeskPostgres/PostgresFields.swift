import Foundation
import FrontdeskCore
import FrontdeskEngine

/// A row's columns with their values, as INSERT and UPDATE both write them.
typealias Fields = [(column: String, value: SQL)]

extension SQL {
    static func insert(into table: String, _ fields: Fields) -> SQL {
        insert(into: table, rows: [fields])
    }

    /// One INSERT of several rows of the same columns, written in order.
    static func insert(into table: String, rows: [Fields]) -> SQL {
        let values = rows.map { fields -> SQL in "(\(SQL(joining: fields.map(\.value), separator: ", ")))" }
        return """
            INSERT INTO \(raw: table) (\(raw: rows[0].map(\.column).joined(separator: ", "))) \
            VALUES \(SQL(joining: values, separator: ", "))
            """
    }

    /// `UPDATE table SET …` of every field but the row's identity and creation; the caller adds `WHERE`.
    static func update(_ table: String, _ fields: Fields) -> SQL {
        let assignments = fields.filter { !["id", "organization_id", "created_at"].contains($0.column) }
            .map { field -> SQL in "\(raw: field.column) = \(field.value)" }
        return "UPDATE \(raw: table) SET \(SQL(joining: assignments, separator: ", ")) "
    }
}

extension Organization {
    var fields: Fields {
        [("id", "\(id)"), ("name", "\(name)"), ("timezone", "\(timeZone)"), ("currency", "\(currency)"),
         ("check_in_time", "\(checkInTime)"), ("check_out_time", "\(checkOutTime)"),
         ("booking_number_prefix", "\(bookingNumberPrefix)"), ("no_show_grace_minutes", "\(noShowGraceMinutes)"),
         ("pending_hold_minutes", "\(pendingHoldMinutes)"), ("auto_no_show", "\(autoNoShow)"),
         ("billing", "\(billing.stored)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension APIKey {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("name", "\(name)"), ("role", "\(role.rawValue)"),
         ("prefix", "\(prefix)"), ("hash", "\(hash)"), ("is_platform", "\(isPlatform)"),
         ("created_at", "\(createdAt)")]
    }
}

extension Location {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("name", "\(name)"), ("timezone", "\(timeZone)"),
         ("check_in_time", "\(settings.checkInTime)"), ("check_out_time", "\(settings.checkOutTime)"),
         ("no_show_grace_minutes", "\(settings.noShowGraceMinutes)"),
         ("pending_hold_minutes", "\(settings.pendingHoldMinutes)"), ("auto_no_show", "\(settings.autoNoShow)"),
         ("one_place_at_a_time", "\(onePlaceAtATime)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension Resource {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("location_id", "\(locationID)"),
         ("name", "\(name)"), ("kind", "\(kind)"), ("category", "\(category)"), ("capacity", "\(capacity)"),
         ("rate_amount", "\(rateAmount)"), ("rate_unit", "\(rateUnit.rawValue)"), ("status", "\(status.rawValue)"),
         ("housekeeping", "\(housekeeping.rawValue)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)"),
         ("rate_tiers", "\(RateTier.stored(rateTiers))")]
    }
}

extension Member {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("type", "\(type)"), ("name", "\(name)"),
         ("email", "\(email)"), ("phone", "\(phone)"), ("external_ref", "\(externalRef)"), ("notes", "\(notes)"),
         ("status", "\(status.rawValue)"), ("attendance_enabled", "\(attendanceEnabled)"),
         ("schedule", "\(schedule?.stored)"),
         ("search_text", "\(searchText)"), ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }

    /// What a member search looks in: one field a line, lowercased as Swift does it, beyond ASCII.
    var searchText: String {
        [name, email, phone].compactMap { $0 }.joined(separator: "\n").lowercased()
    }
}

extension MemberCode {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("member_id", "\(memberID)"), ("value", "\(value)"),
         ("kind", "\(kind.rawValue)"), ("expires_at", "\(expiresAt)"), ("created_at", "\(createdAt)")]
    }
}

extension Booking {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("number", "\(number)"),
         ("status", "\(status.rawValue)"), ("member_id", "\(memberID)"),
         ("location_id", "\(locationID)"), ("source", "\(source.rawValue)"),
         ("notes", "\(notes)"), ("cancellation_reason", "\(cancellationReason)"),
         ("starts_at", "\(window.start)"), ("ends_at", "\(window.end)"),
         ("actual_start_at", "\(actualStartAt)"), ("actual_end_at", "\(actualEndAt)"), ("ready_at", "\(readyAt)"),
         ("currency", "\(currency)"), ("version", "\(version)"), ("created_at", "\(createdAt)"),
         ("updated_at", "\(updatedAt)")]
    }
}

extension Checkin {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("resource_id", "\(resourceID)"),
         ("location_id", "\(locationID)"), ("member_id", "\(memberID)"), ("booking_id", "\(bookingID)"),
         ("booking_line_id", "\(bookingLineID)"),
         ("starts_at", "\(planned?.start)"), ("ends_at", "\(planned?.end)"), ("check_in", "\(checkIn)"),
         ("check_out", "\(checkOut)"), ("state", "\(state.rawValue)"), ("notes", "\(notes)"),
         ("metadata", "\(String(decoding: JSONValue.object(metadata).json, as: UTF8.self))"),
         ("method", "\(method?.rawValue)"), ("device", "\(device)"), ("geo", "\(geo?.stored)"),
         ("attendance_type", "\(attendance?.type.rawValue)"), ("attendance_day", "\(attendance?.day.description)"),
         ("worked_minutes", "\(attendance?.workedMinutes)"), ("late_minutes", "\(attendance?.lateMinutes)"),
         ("early_exit_minutes", "\(attendance?.earlyExitMinutes)"),
         ("auto_checked_out", "\(attendance?.autoCheckedOut ?? false)"),
         ("attendance_overridden", "\(attendance?.overridden ?? false)"), ("version", "\(version)"),
         ("created_at", "\(createdAt)"), ("updated_at", "\(updatedAt)")]
    }
}

extension AuditEntry {
    var fields: Fields {
        [("id", "\(id)"), ("organization_id", "\(organizationID)"), ("entity_type", "\(entityType)"),
         ("entity_id", "\(entityID)"), ("action", "\(action)"), ("actor_type", "\(actor.type)"),
         ("actor_id", "\(actor.id)"), ("actor_name", "\(actor.name)"), ("before", "\(before)"), ("after", "\(after)"),
         ("reason", "\(reason)"), ("created_at", "\(createdAt)")]
    }
}
