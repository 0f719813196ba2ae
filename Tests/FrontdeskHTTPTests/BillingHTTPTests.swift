import Foundation
import FrontdeskCore
import FrontdeskTestSupport
import HTTPTypes
import Testing

/// The desk's money through the API: a stay's invoice settled and printed, the roles that may
/// touch money, and bad amounts refused with their codes.
@Suite struct BillingHTTPTests {
    @Test(arguments: Backend.enabled)
    func aStayIsInvoicedPaidFinalizedAndPrinted(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let settings = try await client.patch("/api/v1/billing/settings", [
                "tax_rates": [["category": "standard", "name": "VAT", "rate": 21], ["category": "rooms", "name": "VAT", "rate": 7.5]],
                "resource_tax_categories": ["double": "rooms"], "invoice_prefix": "HTL",
            ])
            #expect(settings.status == 200 && settings["prices_include_tax"] as? Bool == false)
            #expect(try await client.get("/api/v1/billing/settings").text == settings.text)
            let stay = try await catalog.book(client, from: "2025-03-01T14:00:00Z", to: "2025-03-03T11:00:00Z")  // 2 nights
            let found = try await client.get("/api/v1/invoices?booking_id=\(stay.id)&status=open,finalized")
            let invoice = try #require(found.items.first)
            let path = "/api/v1/invoices/\(invoice["id"] as? String ?? "")"
            #expect(invoice["total_amount"] as? Int == 21_500 && invoice["tax_amount"] as? Int == 1_500)
            #expect(invoice["member_name"] as? String == "Priya Mehta" && invoice["status"] as? String == "open")

            let minibar = try await client.post(path + "/items", ["description": "Minibar", "quantity": 3, "unit_amount": 450])
            #expect(minibar.status == 201 && minibar["total_amount"] as? Int == 21_500 + 1_634)
            let item = try #require((minibar["lines"] as? [[String: Any]])?.last)
            #expect(item["kind"] as? String == "extra" && item["tax_amount"] as? Int == 284 && item["tax_name"] as? String == "VAT")
            let paid = try await client.post("/api/v1/payments", [
                "invoice_id": invoice["id"] as Any, "amount": 23_134, "method": "upi", "reference": "UPI-TXN-123456",
            ])
            #expect(paid.status == 201 && paid["direction"] as? String == "payment" && paid["currency"] as? String == "USD")
            #expect(try await client.get(path)["balance"] as? Int == 0)
            #expect(try await client.get("/api/v1/payments?method=upi").items.map { $0["id"] as? String } == [paid.id])

            #expect(try await client.post("/api/v1/bookings/\(stay.id)/check-in", ["at": "2025-03-01T15:00:00Z"]).status == 200)
            #expect(try await client.post("/api/v1/bookings/\(stay.id)/check-out", ["at": "2025-03-03T10:00:00Z"]).status == 200)
            let final = try await client.get(path)
            #expect(final["status"] as? String == "finalized" && (final["number"] as? String)?.hasPrefix("HTL-") == true)
            let refused = try await client.post(path + "/items", ["description": "Late", "unit_amount": 100])
            #expect(refused.status == 409 && refused.code == "invoice_finalized")
            let note = try await client.post("/api/v1/credit-notes", [
                "invoice_id": invoice["id"] as Any, "amount": 1_634, "reason": "Minibar charged by mistake",
            ])
            #expect(note.status == 201 && (note["number"] as? String)?.hasPrefix("CN-") == true)
            #expect(try await client.get(path)["balance"] as? Int == -1_634)

            let page = try await client.request(.get, path, headers: ["Accept": "text/html"])
            #expect(page.status == 200 && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains(final["number"] as? String ?? "?") && page.text.contains("231.34"))
            #expect(page.text.contains("Minibar charged by mistake") && page.text.contains("VAT 7.5%"))

            let csv = try await client.request(.get, "/api/v1/reports/takings?from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z",
                                               headers: ["Accept": "text/csv"])
            #expect(csv.status == 200 && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let paidAt = try #require((paid["created_at"] as? String).flatMap(InstantFormat.date(from:)))
            let day = [paidAt, paidAt + 86_400].map(InstantFormat.string(from:))
            let takings = try await client.get("/api/v1/reports/takings?from=\(day[0])&to=\(day[1])")
            #expect(takings.status == 200 && takings["paid"] as? Int == 23_134)
            #expect((takings["rows"] as? [[String: Any]])?.first?["method"] as? String == "upi")
            let balances = try await client.get("/api/v1/reports/balances")
            #expect(balances["balance"] as? Int == -1_634 && (balances["invoices"] as? [Any])?.count == 1)
            let balancesCSV = try await client.request(.get, "/api/v1/reports/balances", headers: ["Accept": "text/csv"])
            #expect(balancesCSV.text.hasSuffix(",231.34,231.34,0.00,16.34,-16.34\r\n"))
            #expect(try await client.get("/api/v1/reports/takings?from=2025-01-01T00:00:00Z").code == "malformed_request")

            let types = try await client.get("/api/v1/events?limit=200").items.compactMap { $0["type"] as? String }
            for type in ["invoice_created", "invoice_updated", "payment_recorded", "invoice_finalized", "credit_note_issued"] {
                #expect(types.contains(type), "\(type)")
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func rolesAndBadInputAreRefused(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let stay = try await catalog.book(client)
            let invoiceID = try #require(try await client.get("/api/v1/invoices?booking_id=\(stay.id)").items.first?["id"] as? String)
            let created = try await client.post("/api/v1/api-keys", ["name": "desk", "role": "front_desk"])
            let desk = client.with(key: created["secret"] as? String)

            #expect(try await desk.post("/api/v1/payments", ["invoice_id": invoiceID, "amount": 500, "method": "cash"]).status == 201)
            let refund = try await desk.post("/api/v1/payments", [
                "invoice_id": invoiceID, "amount": 100, "method": "cash", "direction": "refund",
            ])
            #expect(refund.status == 403 && refund.text.contains("payment:refund"))
            #expect(try await desk.post("/api/v1/invoices/\(invoiceID)/items", ["description": "x", "unit_amount": 1]).status == 403)
            #expect(try await desk.patch("/api/v1/billing/settings", ["prices_include_tax": true]).status == 403)
            #expect(try await desk.get("/api/v1/invoices/\(invoiceID)").status == 200)

            let codes: [(Any, String, Int)] = [
                (["invoice_id": invoiceID, "amount": 0, "method": "cash"], "validation_failed", 422),
                (["invoice_id": invoiceID, "amount": 9_007_199_254_740_993, "method": "cash"], "validation_failed", 422),
                (["invoice_id": invoiceID, "amount": 10, "method": "cash", "currency": "EUR"], "currency_mismatch", 422),
                (["invoice_id": invoiceID, "amount": 20_001, "method": "card"], "payment_exceeds_balance", 422),
                (["invoice_id": invoiceID, "amount": 501, "method": "card", "direction": "refund"], "refund_exceeds_paid", 422),
                (["invoice_id": invoiceID, "amount": 10, "method": "cheque"], "malformed_request", 400),
                (["invoice_id": "inv_789", "amount": 10, "method": "cash"], "malformed_request", 400),
                (["invoice_id": UUID().uuidString, "amount": 10, "method": "cash"], "not_found", 404),
            ]
            for (body, code, status) in codes {
                let answer = try await client.post("/api/v1/payments", body)
                #expect(answer.status == status && answer.code == code, "\(body): \(answer.text)")
            }
            let open = try await client.post("/api/v1/credit-notes", ["invoice_id": invoiceID, "amount": 10, "reason": "x"])
            #expect(open.status == 409 && open.code == "invoice_not_finalized")
            #expect(try await client.get("/api/v1/invoices?status=paid").code == "malformed_request")
            #expect(try await client.get("/api/v1/invoices?from=yesterday").status == 400)
            #expect(try await client.get("/api/v1/invoices/\(invoiceID)")["paid"] as? Int == 500)
            // Money given back as the booking is cancelled takes payment:refund.
            #expect(try await desk.post("/api/v1/bookings/\(stay.id)/cancel", ["refund_amount": 100]).status == 403)
            let cancelled = try await client.post("/api/v1/bookings/\(stay.id)/cancel", [
                "reason": "plans changed", "refund_amount": 500, "refund_method": "cash",
            ])
            #expect(cancelled.status == 200 && cancelled["status"] as? String == "cancelled")
            let closed = try await client.get("/api/v1/invoices/\(invoiceID)")
            #expect(closed["status"] as? String == "cancelled" && closed["refunded"] as? Int == 500)
            #expect(closed["balance"] as? Int == 0 && (closed["credit_notes"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: Backend.enabled)
    func aRentalIsTakenBackWithItsDepositAndDamage(_ backend: Backend) async throws {
        try await TestApp.run(backend) { client, _ in
            let catalog = try await Catalog.make(client)
            let ride = try await catalog.book(client, from: "2025-03-01T10:00:00Z", to: "2025-03-02T10:00:00Z")
            let path = "/api/v1/bookings/\(ride.id)"
            let held = try await client.post(path + "/deposit", ["amount": 15_000, "method": "card", "reference": "PRE-7"])
            #expect(held.status == 201 && held["status"] as? String == "held" && held["held"] as? Int == 15_000)
            #expect(try await client.post(path + "/deposit", ["amount": 0, "method": "card"]).code == "validation_failed")
            #expect(try await client.post("/api/v1/deposits/\(held.id)/capture", ["amount": 15_001]).code == "deposit_exceeded")
            // Another bike handed over as the rental begins: swapped and checked in at once.
            #expect(try await client.post(path + "/check-out", ["resource_id": catalog.roomIDs[1]]).code == "validation_failed")
            #expect(try await client.post(path + "/check-in", ["resource_id": "bike-2"]).status == 400)
            let swapped = try await client.post(path + "/check-in", ["at": "2025-03-01T10:05:00Z", "resource_id": catalog.roomIDs[1]])
            let line = try #require((swapped["lines"] as? [[String: Any]])?.first)
            #expect(swapped.status == 200 && swapped["status"] as? String == "checked_in" && swapped.headers[.eTag] == "\"3\"")
            #expect(line["resource_id"] as? String == catalog.roomIDs[1] && line["state"] as? String == "occupied")
            let back = try await client.post(path + "/return", [
                "at": "2025-03-02T09:30:00Z", "damage": ["description": "Scratched frame", "amount": 4_000],
                "capture_deposit": true,
            ])
            #expect(back.status == 200 && back["status"] as? String == "completed")
            let invoice = try #require(try await client.get("/api/v1/invoices?booking_id=\(ride.id)").items.first)
            #expect(invoice["status"] as? String == "finalized" && invoice["total_amount"] as? Int == 14_000)
            #expect(invoice["paid"] as? Int == 14_000 && invoice["balance"] as? Int == 0)
            let released = try await client.post("/api/v1/deposits/\(held.id)/release")
            #expect(released.status == 200 && released["released"] as? Int == 1_000 && released["status"] as? String == "released")
            #expect(try await client.post("/api/v1/deposits/\(held.id)/release").code == "deposit_settled")
            #expect(try await client.post("/api/v1/deposits/not-an-id/release").status == 400)
        }
    }
}
