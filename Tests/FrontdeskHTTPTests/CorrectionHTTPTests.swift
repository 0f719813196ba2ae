import Foundation
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// Attendance corrections through the API: submitted by the desk, reviewed and applied by a
/// manager, listed with filters, and each refusal a problem with its code.
@Suite struct CorrectionHTTPTests {
    @Test(arguments: Backend.enabled)
    func aCorrectionIsSubmittedReviewedAndApplied(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let gym = try await client.post("/api/v1/locations", ["name": "Gym", "timezone": "Europe/Lisbon"])
            let floor = try await client.post("/api/v1/resources", [
                "location_id": gym.id, "name": "Floor", "kind": "gym", "capacity": 80, "rate_amount": 0, "rate_unit": "session",
            ])
            let member = try await client.post("/api/v1/members", ["name": "Ada Lovelace", "type": "member"])
            let desk = client.with(key: try #require(try await client.post("/api/v1/api-keys", ["name": "desk", "role": "front_desk"])["secret"] as? String))
            let manager = client.with(key: try #require(try await client.post("/api/v1/api-keys", ["name": "boss", "role": "manager"])["secret"] as? String))

            let added = try await desk.post("/api/v1/attendance/corrections", [
                "type": "add_missing_attendance", "member_id": member.id, "resource_id": floor.id,
                "check_in": "2026-01-05T09:00:00Z", "check_out": "2026-01-05T17:00:00Z", "reason": "scanner was down",
            ])
            #expect(added.status == 201 && added["status"] as? String == "pending" && added["priority"] as? String == "normal")
            #expect(added["checkin_id"] == nil && added["check_in"] as? String == "2026-01-05T09:00:00.000Z")
            #expect(try await desk.post("/api/v1/attendance/corrections/\(added.id)/approve", ["note": "ok"]).code == "forbidden")
            let approved = try await manager.post("/api/v1/attendance/corrections/\(added.id)/approve", ["note": "ok"])
            #expect(approved.status == 200 && approved["status"] as? String == "approved" && approved["review_note"] as? String == "ok")
            let applied = try await manager.post("/api/v1/attendance/corrections/\(added.id)/apply")
            #expect(applied.status == 200 && applied["status"] as? String == "applied")
            let visitID = try #require(applied["checkin_id"] as? String)
            let visit = try await client.get("/api/v1/checkins/\(visitID)")
            #expect(visit["state"] as? String == "complete" && visit["member_id"] as? String == member.id)
            #expect((visit["attendance"] as? [String: Any])?["overridden"] as? Bool == false)

            let moved = try await desk.post("/api/v1/attendance/corrections", [
                "type": "update_check_out_time", "checkin_id": visitID, "value": "2026-01-05T18:00:00Z", "reason": "stayed",
                "priority": "high",
            ])
            #expect(moved.status == 201 && moved["value"] as? String == "2026-01-05T18:00:00.000Z")
            #expect(moved["member_id"] as? String == member.id)
            _ = try await manager.post("/api/v1/attendance/corrections/\(moved.id)/approve")
            _ = try await manager.post("/api/v1/attendance/corrections/\(moved.id)/apply")
            #expect(try await client.get("/api/v1/checkins/\(visitID)")["check_out"] as? String == "2026-01-05T18:00:00.000Z")

            let own = try await manager.post("/api/v1/attendance/corrections", [
                "type": "override_attendance_type", "checkin_id": visitID, "value": "overtime", "reason": "training",
            ])
            let selfReview = try await manager.post("/api/v1/attendance/corrections/\(own.id)/approve")
            #expect(selfReview.status == 409 && selfReview.code == "self_review")
            #expect(selfReview.headers[.contentType] == "application/problem+json")
            let notApproved = try await client.post("/api/v1/attendance/corrections/\(own.id)/apply")
            #expect(notApproved.status == 409 && notApproved.code == "correction_not_approved")
            _ = try await client.post("/api/v1/attendance/corrections/\(own.id)/approve", ["note": "fine"])
            #expect(try await client.post("/api/v1/attendance/corrections/\(own.id)/apply").status == 200)
            let overridden = try #require(try await client.get("/api/v1/checkins/\(visitID)")["attendance"] as? [String: Any])
            #expect(overridden["type"] as? String == "overtime" && overridden["overridden"] as? Bool == true)
            #expect(try await client.get("/api/v1/checkins/\(visitID)/audit").items.last?["action"] as? String == "correction")

            let all = try await client.get("/api/v1/attendance/corrections")
            #expect(all.items.compactMap { $0["id"] as? String } == [added.id, moved.id, own.id])
            #expect(try await client.get("/api/v1/attendance/corrections?priority=high,urgent").items.count == 1)
            #expect(try await client.get("/api/v1/attendance/corrections?status=applied&type=add_missing_attendance")
                .items.count == 1)
            #expect(try await client.get("/api/v1/attendance/corrections?checkin_id=\(visitID)").items.count == 3)
            let paged = try await client.get("/api/v1/attendance/corrections?limit=2")
            let cursor = try #require(paged["next_cursor"] as? String)
            #expect(try await client.get("/api/v1/attendance/corrections?limit=2&cursor=\(cursor)").items.count == 1)
            #expect(try await client.get("/api/v1/attendance/corrections/\(own.id)")["value"] as? String == "overtime")
            let types = try await client.get("/api/v1/events").items.compactMap { $0["type"] as? String }
            // Three submitted, approved and applied; the refused self-review wrote nothing.
            #expect(types.filter { $0.hasPrefix("correction_") }.count == 9)
            #expect(try await client.get("/api/v1/audit?entity_type=correction").items.count == 9)
        }
    }

    @Test func badInputIsAProblemThatWritesNothing() async throws {
        try await TestApp.run { client, _ in
            let gym = try await client.post("/api/v1/locations", ["name": "Gym"])
            let floor = try await client.post("/api/v1/resources", [
                "location_id": gym.id, "name": "Floor", "kind": "gym", "capacity": 80, "rate_amount": 0, "rate_unit": "session",
            ])
            let member = try await client.post("/api/v1/members", ["name": "Ada Lovelace"])
            let open = try await client.post("/api/v1/checkins", ["resource_id": floor.id, "member_id": member.id,
                                                                  "check_in": "now"])
            let events = try await client.get("/api/v1/events").items.count
            let cases: [(Int, String, [String: Any])] = [
                (422, "validation_failed", ["type": "delete_duplicate", "checkin_id": open.id, "reason": "  "]),
                (422, "visit_not_found", ["type": "delete_duplicate", "checkin_id": UUID().uuidString, "reason": "x"]),
                (409, "visit_not_finished", ["type": "override_attendance_type", "checkin_id": open.id, "value": "short",
                                             "reason": "x"]),
                (422, "validation_failed", ["type": "override_attendance_type", "checkin_id": open.id, "value": "nap",
                                            "reason": "x"]),
                (400, "malformed_request", ["type": "update_check_in_time", "checkin_id": open.id, "value": "soon",
                                            "reason": "x"]),
                (422, "validation_failed", ["type": "update_check_in_time", "checkin_id": open.id,
                                            "value": "2199-01-01T00:00:00Z", "reason": "x"]),
                (422, "validation_failed", ["type": "add_missing_attendance", "checkin_id": open.id, "reason": "x"]),
                (400, "malformed_request", ["type": "delete_duplicate", "checkin_id": "nope", "reason": "x"]),
                (400, "malformed_request", ["type": "erase", "checkin_id": open.id, "reason": "x"]),
                (400, "malformed_request", ["type": "delete_duplicate", "checkin_id": open.id]),
            ]
            for (status, code, body) in cases {
                let refused = try await client.post("/api/v1/attendance/corrections", body)
                #expect(refused.status == status && refused.code == code, "\(body): \(refused.status) \(refused.code ?? "")")
                #expect(refused.headers[.contentType] == "application/problem+json")
            }
            #expect(try await client.get("/api/v1/events").items.count == events)
            #expect(try await client.get("/api/v1/attendance/corrections").items.isEmpty)
            #expect(try await client.get("/api/v1/attendance/corrections/nope").status == 400)
            #expect(try await client.get("/api/v1/attendance/corrections/\(UUID().uuidString)").code == "not_found")
            #expect(try await client.post("/api/v1/attendance/corrections/\(UUID().uuidString)/apply").code == "not_found")
            #expect(try await client.get("/api/v1/attendance/corrections?status=open").status == 400)
        }
    }
}
