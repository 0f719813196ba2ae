import Foundation
import HTTPTypes
import Testing

@Suite struct CatalogHTTPTests {
    @Test func organizationSettingsAreReadAndValidated() async throws {
        try await TestApp.run { client, _ in
            let organization = try await client.get("/api/v1/organization")
            #expect(organization["check_in_time"] as? String == "14:00")
            #expect(organization["check_out_time"] as? String == "11:00")
            #expect(organization["booking_number_prefix"] as? String == "BK")
            #expect(organization["no_show_grace_minutes"] as? Int == 120)
            #expect(organization["pending_hold_minutes"] as? Int == 15)

            let bad = try await client.patch("/api/v1/organization", ["timezone": "Mars/Olympus", "currency": "euro"])
            #expect(bad.status == 422)
            let fields = (bad["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(Set(fields) == ["timezone", "currency"])
            #expect(try await client.get("/api/v1/organization")["timezone"] as? String == "UTC")

            let patched = try await client.patch("/api/v1/organization", ["timezone": "Europe/Lisbon", "currency": "EUR", "booking_number_prefix": "LIS"])
            #expect(patched.status == 200)
            #expect(patched["currency"] as? String == "EUR")
        }
    }

    /// A location shows the desk settings it overrides and those it runs on; `settings` on PATCH
    /// replaces the overrides, each one left out is the organization's again.
    @Test func locationsOverrideDeskSettings() async throws {
        try await TestApp.run { client, _ in
            #expect(try await client.get("/api/v1/organization")["auto_no_show"] as? Bool == true)
            #expect(try await client.patch("/api/v1/organization", ["no_show_grace_minutes": 90]).status == 200)
            let shop = try await client.post("/api/v1/locations", [
                "name": "Bikes", "settings": ["no_show_grace_minutes": 30, "check_in_time": "09:00"],
            ])
            #expect(shop.status == 201)
            #expect((shop["settings"] as? [String: Any])?.keys.sorted() == ["check_in_time", "no_show_grace_minutes"])
            let effective = try #require(shop["effective_settings"] as? [String: Any])
            #expect(effective["no_show_grace_minutes"] as? Int == 30 && effective["check_in_time"] as? String == "09:00")
            #expect(effective["check_out_time"] as? String == "11:00" && effective["pending_hold_minutes"] as? Int == 15)
            #expect(effective["auto_no_show"] as? Bool == true)

            let off = try await client.patch("/api/v1/locations/\(shop.id)", ["settings": ["auto_no_show": false]])
            #expect(off.status == 200)
            #expect((off["settings"] as? [String: Any])?.keys.sorted() == ["auto_no_show"])
            let now = try #require(off["effective_settings"] as? [String: Any])
            #expect(now["no_show_grace_minutes"] as? Int == 90 && now["auto_no_show"] as? Bool == false)
            let read = try await client.get("/api/v1/locations/\(shop.id)")
            #expect((read["effective_settings"] as? [String: Any])?["auto_no_show"] as? Bool == false)

            let bad = try await client.patch("/api/v1/locations/\(shop.id)", [
                "settings": ["check_out_time": "25:00", "pending_hold_minutes": 0, "no_show_grace_minutes": 10_081],
            ])
            #expect(bad.status == 422)
            let fields = (bad["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(Set(fields) == ["settings.check_out_time", "settings.pending_hold_minutes", "settings.no_show_grace_minutes"])
            let cleared = try await client.patch("/api/v1/locations/\(shop.id)", ["settings": [String: Any]()])
            #expect((cleared["settings"] as? [String: Any])?.isEmpty == true)
            #expect((cleared["effective_settings"] as? [String: Any])?["auto_no_show"] as? Bool == true)
        }
    }

    @Test func resourcesCRUDFiltersAndPages() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 5)
            let other = try await client.post("/api/v1/locations", ["name": "Shop"])
            let bike = try await client.post("/api/v1/resources", [
                "location_id": other.id, "name": "Bike 1", "kind": "bike", "rate_amount": 600, "rate_unit": "hour",
            ])
            #expect(bike.status == 201)
            #expect(bike["capacity"] as? Int == 1)
            #expect(bike["status"] as? String == "active")

            #expect(try await client.get("/api/v1/resources?kind=bike").items.count == 1)
            #expect(try await client.get("/api/v1/resources?location_id=\(catalog.locationID)").items.count == 5)
            #expect(try await client.get("/api/v1/resources?category=suite").items.count == 4)

            var seen: [String] = []
            var cursor: String?
            repeat {
                let page = try await client.get("/api/v1/resources?limit=4" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(page.status == 200)
                seen += page.items.compactMap { $0["id"] as? String }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == 6)
            #expect(Set(seen).count == 6)

            let patched = try await client.patch("/api/v1/resources/\(bike.id)", ["status": "out_of_service", "capacity": 2])
            #expect(patched["status"] as? String == "out_of_service")
            #expect(patched["capacity"] as? Int == 2)
            #expect(try await client.delete("/api/v1/resources/\(bike.id)").status == 204)
            #expect(try await client.get("/api/v1/resources/\(bike.id)").status == 404)
        }
    }

    @Test func invalidResourcesAreRefusedWithTheirFields() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client)
            let bad = try await client.post("/api/v1/resources", [
                "location_id": catalog.locationID, "name": "", "kind": "room", "capacity": 0, "rate_amount": -5,
            ])
            #expect(bad.status == 422)
            let fields = Set((bad["errors"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? [])
            #expect(fields == ["name", "capacity", "rate_amount"])
            let nowhere = try await client.post("/api/v1/resources", [
                "location_id": UUID().uuidString, "name": "Ghost", "kind": "room",
            ])
            #expect(nowhere.status == 422)
            let malformed = try await client.post("/api/v1/resources", ["location_id": "nope", "name": "X", "kind": "room"])
            #expect(malformed.status == 400)
            let wrongEnum = try await client.post("/api/v1/resources", [
                "location_id": catalog.locationID, "name": "X", "kind": "room", "rate_unit": "fortnight",
            ])
            #expect(wrongEnum.status == 400)
            #expect(try await client.get("/api/v1/resources").items.count == 2)
        }
    }

    @Test func locationWithResourcesCannotBeDeleted() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 1)
            let refused = try await client.delete("/api/v1/locations/\(catalog.locationID)")
            #expect(refused.status == 409)
            #expect(refused.code == "location_in_use")
            #expect(try await client.delete("/api/v1/resources/\(catalog.roomIDs[0])").status == 204)
            #expect(try await client.delete("/api/v1/locations/\(catalog.locationID)").status == 204)
            #expect(try await client.get("/api/v1/locations/\(catalog.locationID)").status == 404)
        }
    }

    @Test func membersAreSearchedByNameEmailAndPhone() async throws {
        try await TestApp.run { client, _ in
            _ = try await Catalog.make(client)
            _ = try await client.post("/api/v1/members", ["name": "Tomás Silva", "email": "tomas@example.org", "type": "customer"])
            #expect(try await client.get("/api/v1/members?q=priya").items.count == 1)
            #expect(try await client.get("/api/v1/members?q=EXAMPLE.ORG").items.count == 1)
            #expect(try await client.get("/api/v1/members?q=910").items.count == 1)
            #expect(try await client.get("/api/v1/members?q=example").items.count == 2)
            let bad = try await client.post("/api/v1/members", ["name": "X", "email": "not-an-email"])
            #expect(bad.status == 422)
            let member = try await client.get("/api/v1/members?q=tomas").items[0]
            let id = try #require(member["id"] as? String)
            let patched = try await client.patch("/api/v1/members/\(id)", ["notes": "VIP", "phone": "+1 555"])
            #expect(patched["notes"] as? String == "VIP")
            #expect(try await client.delete("/api/v1/members/\(id)").status == 204)
            #expect(try await client.get("/api/v1/members/\(id)").status == 404)
        }
    }
}
