import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Attendance through the API: a member's codes, the kiosk's scan in and out with its problems,
/// and the settings.
@Suite struct AttendanceHTTPTests {
    @Test(arguments: Backend.enabled)
    func aKioskScansAMemberInAndOut(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let gym = try await client.post("/api/v1/locations", ["name": "Gym", "timezone": "Europe/Lisbon"])
            let floor = try await client.post("/api/v1/resources", [
                "location_id": gym.id, "name": "Floor", "kind": "gym", "capacity": 80, "rate_amount": 0, "rate_unit": "session",
            ])
            #expect(floor.status == 201)
            let member = try await client.post("/api/v1/members", ["name": "Ada Lovelace", "type": "member", "external_ref": "crm-1"])
            #expect(member["status"] as? String == "active" && member["attendance_enabled"] as? Bool == true)
            let badge = try await client.post("/api/v1/members/\(member.id)/codes", ["value": "BADGE-1", "kind": "badge"])
            #expect(badge.status == 201 && badge["member_id"] as? String == member.id && badge["kind"] as? String == "badge")
            let taken = try await client.post("/api/v1/members/\(member.id)/codes", ["value": "BADGE-1", "kind": "rfid"])
            #expect(taken.status == 409 && taken.code == "code_taken")
            #expect(try await client.get("/api/v1/members/\(member.id)/codes").items.map { $0["id"] as? String } == [badge.id])
            #expect(try await client.get("/api/v1/members?code=BADGE-1").items.map { $0["id"] as? String } == [member.id])
            #expect(try await client.get("/api/v1/members?external_ref=crm-1").items.count == 1)

            let key = try await client.post("/api/v1/api-keys", ["name": "door", "role": "kiosk"])
            let kiosk = client.with(key: try #require(key["secret"] as? String))
            let arrived = try await kiosk.post("/api/v1/scan", ["code": "BADGE-1", "location_id": gym.id])
            #expect(arrived.status == 200 && arrived["step"] as? String == "check_in")
            let visit = try #require(arrived["checkin"] as? [String: Any])
            #expect(visit["state"] as? String == "in_progress" && visit["member_id"] as? String == member.id)
            #expect((visit["member_stats"] as? [String: Int])?["total_visits"] == 1)

            let again = try await kiosk.post("/api/v1/scan", ["code": "BADGE-1", "location_id": gym.id])
            #expect(again.status == 429 && again.code == "scan_debounced")
            #expect(again["checkin_ids"] as? [String] == [visit["id"] as? String ?? ""])
            #expect(again.headers[.contentType] == "application/problem+json")

            let unknown = try await kiosk.post("/api/v1/scan", ["code": "NOBODY", "resource_id": floor.id])
            #expect(unknown.status == 404 && unknown.code == "code_not_found")
            let failed = try await client.get("/api/v1/events").items.last
            #expect(failed?["type"] as? String == "checkin_failed")
            #expect((failed?["data"] as? [String: Any])?["resource_id"] as? String == floor.id)

            for body: [String: Any] in [["code": "BADGE-1"], ["code": "BADGE-1", "location_id": gym.id, "resource_id": floor.id]] {
                let refused = try await kiosk.post("/api/v1/scan", body)
                #expect(refused.status == 422 && refused.code == "validation_failed")
            }
            #expect(try await kiosk.post("/api/v1/scan", ["code": "BADGE-1", "location_id": "gym"]).status == 400)
            #expect(try await kiosk.post("/api/v1/scan", ["code": "BADGE-1", "location_id": gym.id, "at": "now"]).status == 400)
            #expect(try await kiosk.get("/api/v1/attendance/settings").status == 403)

            #expect(try await client.delete("/api/v1/members/\(member.id)/codes/\(badge.id)").status == 204)
            #expect(try await client.delete("/api/v1/members/\(member.id)/codes/\(badge.id)").code == "not_found")
            #expect(try await client.delete("/api/v1/members/\(member.id)/codes/nope").status == 400)
        }
    }

    @Test func theSettingsAreReadAndChanged() async throws {
        try await TestApp.run { client, _ in
            let read = try await client.get("/api/v1/attendance/settings")
            #expect(read["scan_debounce_seconds"] as? Int == 60 && read["allowed_member_types"] as? [String] == ["*"])
            let changed = try await client.patch("/api/v1/attendance/settings", ["allowed_member_types": ["employee"]])
            #expect(changed.status == 200 && changed["allowed_member_types"] as? [String] == ["employee"])
            #expect(changed["scan_debounce_seconds"] as? Int == 60)
            let member = try await client.post("/api/v1/members", ["name": "Guest", "status": "paused"])
            #expect(member["status"] as? String == "paused")

            let bad = try await client.patch("/api/v1/attendance/settings", ["scan_debounce_seconds": 7200])
            #expect(bad.status == 422 && bad.code == "validation_failed")
            #expect(try await client.patch("/api/v1/attendance/settings", ["allowed_member_types": NSNull()]).status == 400)
            #expect(try await client.get("/api/v1/attendance/settings")["allowed_member_types"] as? [String] == ["employee"])
        }
    }
}

/// A walk-in in one call, and a member's second visit in a location refused naming the first.
@Suite struct OpenVisitsHTTPTests {
    @Test(arguments: Backend.enabled)
    func aWalkInIsOneCallAndASecondIsRefused(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client, rooms: 2, capacity: 4)
            let first = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "member_id": catalog.memberID, "check_in": "now", "method": "mobile_app",
                "device": "phone-7", "geo": ["latitude": 38.7223, "longitude": -9.1393, "accuracy": 12.5],
            ])
            #expect(first.status == 201 && first["state"] as? String == "in_progress" && first["method"] as? String == "mobile_app")
            #expect((first["geo"] as? [String: Double]) == ["latitude": 38.7223, "longitude": -9.1393, "accuracy": 12.5])
            // The answer counts the visit in the member's statistics; an anonymous one has none.
            #expect(first["member_stats"] as? [String: Int] == [
                "total_visits": 1, "visits_this_month": 1, "current_streak": 1, "longest_streak": 1,
            ])
            let second = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[1], "member_id": catalog.memberID, "check_in": "2025-01-01T09:00:00Z",
            ])
            #expect(second.status == 409 && second.code == "duplicate_checkin")
            #expect(second["checkin_ids"] as? [String] == [first.id])
            for bad: [String: Any] in [["check_in": "soon"], ["check_in": "2025-02-30T09:00:00Z"], ["method": "telepathy"]] {
                let refused = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1]].merging(bad) { $1 })
                #expect(refused.status == 400 && refused.code == "malformed_request")
            }
            let ahead = try await client.post("/api/v1/checkins", ["resource_id": catalog.roomIDs[1], "check_in": "2099-01-01T00:00:00Z"])
            #expect(ahead.status == 422 && (ahead["errors"] as? [[String: Any]])?.first?["field"] as? String == "check_in")
            #expect(try await client.get("/api/v1/checkins").items.count == 1)
            #expect(try await client.get("/api/v1/checkins").items.first?["member_stats"] == nil)
        }
    }
}

/// Detection, statistics, occupancy and the batch auto-checkout through the API.
@Suite struct DetectionHTTPTests {
    @Test(arguments: Backend.enabled)
    func anEmployeesDayIsClassifiedCountedAndSeen(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client, rooms: 1, capacity: 10, timezone: "UTC")
            let settings = try await client.patch("/api/v1/attendance/settings", ["types": [
                "employee": ["schedule": ["days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "17:00"],
                             "grace_minutes": 10],
            ]])
            #expect(settings.status == 200)
            let types = settings["types"] as? [String: [String: Any]]
            #expect(types?["employee"]?["grace_minutes"] as? Int == 10)
            let employee = try await client.post("/api/v1/members", ["name": "Ada", "type": "employee"])
            // Monday 2025-03-03, 09:30 to 13:00 UTC: a half morning, late.
            let visit = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "member_id": employee.id, "check_in": "2025-03-03T09:30:00Z",
            ])
            #expect(visit.status == 201)
            let occupancy = try await client.get("/api/v1/occupancy?location_id=\(catalog.locationID)")
            #expect(occupancy["total"] as? Int == 1)
            #expect((occupancy["by_member_type"] as? [[String: Any]])?.first?["key"] as? String == "employee")
            let out = try await client.post("/api/v1/checkins/\(visit.id)/check-out", ["at": "2025-03-03T13:00:00Z"])
            let attendance = try #require(out["attendance"] as? [String: Any])
            #expect(attendance["type"] as? String == "half_day_morning" && attendance["late_minutes"] as? Int == 30)
            #expect(attendance["day"] as? String == "2025-03-03" && attendance["work_days"] as? Double == 0.5)
            #expect(attendance["worked_minutes"] as? Int == 210 && attendance["auto_checked_out"] as? Bool == false)

            let stats = try await client.get("/api/v1/members/\(employee.id)/attendance")
            #expect(stats["total_visits"] as? Int == 1 && stats["average_minutes"] as? Int == 210)
            #expect(stats["favorite_time_slot"] as? String == "morning" && stats["engagement"] as? String == "dormant")
            #expect(try await client.get("/api/v1/members/\(UUID().uuidString.lowercased())/attendance").status == 404)

            let left = try await client.post("/api/v1/checkins", [
                "resource_id": catalog.roomIDs[0], "member_id": employee.id, "check_in": "2025-03-04T09:00:00Z",
            ])
            let closed = try await client.post("/api/v1/attendance/checkout-expired", ["member_type": "employee"])
            #expect(closed["closed"] as? Int == 1 && (closed["items"] as? [[String: Any]])?.first?["id"] as? String == left.id)
            let capped = try await client.get("/api/v1/checkins/\(left.id)")
            #expect(capped["check_out"] as? String == "2025-03-04T21:00:00.000Z")
            #expect((capped["attendance"] as? [String: Any])?["auto_checked_out"] as? Bool == true)
            let ahead = try await client.post("/api/v1/attendance/checkout-expired", ["before": "2099-01-01T00:00:00Z"])
            #expect(ahead.status == 422)
            let bad = try await client.patch("/api/v1/members/\(employee.id)", ["schedule": ["days": ["mon"], "start": "9am", "end": "17:00"]])
            #expect(bad.status == 422 && (bad["errors"] as? [[String: Any]])?.first?["field"] as? String == "schedule.start")
        }
    }
}

/// An offline device's batch through the API.
@Suite struct OfflineScanHTTPTests {
    @Test(arguments: Backend.enabled)
    func aBatchAnswersEachScanInTheOrderSent(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client, rooms: 1, capacity: 10)
            #expect(try await client.post("/api/v1/members/\(catalog.memberID)/codes", ["value": "QR-9", "kind": "qr"]).status == 201)
            let scans: [[String: Any]] = [
                ["code": "QR-9", "location_id": catalog.locationID, "at": "2025-05-05T18:30:00Z", "nonce": "b"],
                ["code": "QR-9", "location_id": catalog.locationID, "at": "2025-05-05T17:00:00Z", "nonce": "a"],
            ]
            let answered = try await client.post("/api/v1/scans/batch", ["scans": scans])
            #expect(answered.status == 200)
            #expect(answered.items.map { $0["step"] as? String } == ["check_out", "check_in"])
            #expect(Set(answered.items.compactMap { $0["checkin_id"] as? String }).count == 1)
            let again = try await client.post("/api/v1/scans/batch", ["scans": scans])
            #expect(again.items.map { $0["step"] as? String } == ["check_out", "check_in"])
            let twice = try await client.post("/api/v1/scans/batch", ["scans": [scans[0], scans[0]]])
            #expect(twice.status == 422)
            #expect(try await client.post("/api/v1/scans/batch", ["scans": []]).status == 422)
        }
    }
}
