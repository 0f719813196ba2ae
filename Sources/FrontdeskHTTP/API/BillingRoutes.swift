import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore

/// The Billing tag's operations, served by hand-written routes: their answers are the JSON the
/// outbox carries (`Invoice`, `Payment` and `CreditNote` written by `JSONWriter`, the shapes of
/// the API's schemas), and an invoice is also a printable page (`Accept: text/html`). Requests
/// are read into the generated types; openapi.yaml documents the operations, and the generator's
/// filter (openapi-generator-config.yaml) leaves them out of the generated server.
enum BillingRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.get("/api/v1/billing/settings") { _, _ in
            WireJSON.response(.ok, DomainJSON.encode(try await frontdesk.billingSettings(try RequestCaller.require())))
        }
        router.patch("/api/v1/billing/settings") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.BillingSettingsPatch.self, from: request)
            let settings = try await frontdesk.updateBillingSettings(try RequestCaller.require(), BillingSettingsPatch(
                invoicePrefix: body.invoicePrefix, creditNotePrefix: body.creditNotePrefix,
                pricesIncludeTax: body.pricesIncludeTax,
                taxRates: body.taxRates?.map { .init(category: $0.category, name: $0.name, rate: $0.rate) },
                resourceTaxCategories: body.resourceTaxCategories?.additionalProperties,
                cancellationPolicy: body.cancellationPolicy.map(policy),
                lateReturn: body.lateReturn.map { late in
                    LateReturnPolicy(graceMinutes: late.graceMinutes ?? 0, hourlyFee: late.hourlyFee.map { Int(clamping: $0) })
                },
                locationCancellationPolicies: body.locationCancellationPolicies?.additionalProperties.mapValues(policy)))
            return WireJSON.response(.ok, DomainJSON.encode(settings))
        }
        router.get("/api/v1/invoices") { request, _ in
            let query = request.uri.queryParameters
            let filter = InvoiceFilter(
                bookingID: try Read.uuidIfPresent(query.get("booking_id"), "booking_id"),
                statuses: try ListQuery.values(query.getAll("status"), "status", as: Invoice.Status.self),
                from: try Read.instant(query.get("from"), "from"), to: try Read.instant(query.get("to"), "to"))
            let page = try await frontdesk.invoices(try RequestCaller.require(), filter: filter,
                                                    page: try ListQuery.page(query, list: .invoices))
            return WireJSON.response(.ok, ListQuery.answer(page, .invoices))
        }
        router.get("/api/v1/invoices/:id") { request, context in
            let id = try Read.pathID(try context.parameters.require("id"), "invoice")
            let caller = try RequestCaller.require()
            if MediaPreference.preferred(of: ["application/json", "text/html"], accept: request.headers[.accept]) == "text/html" {
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: try await frontdesk.printableInvoice(caller, id))))
            }
            let invoice = try await frontdesk.invoice(caller, id)
            return WireJSON.response(.ok, DomainJSON.encode(invoice))
        }
        router.post("/api/v1/invoices/:id/items") { request, context in
            let id = try Read.pathID(try context.parameters.require("id"), "invoice")
            let body = try await WireJSON.decode(Components.Schemas.InvoiceItemCreate.self, from: request)
            let invoice = try await frontdesk.addInvoiceItem(try RequestCaller.require(), id, InvoiceItemRequest(
                description: body.description, quantity: body.quantity ?? 1, unitAmount: try amount(body.unitAmount),
                taxCategory: body.taxCategory, currency: body.currency))
            return WireJSON.response(.created, DomainJSON.encode(invoice))
        }
        router.delete("/api/v1/invoices/:id/items/:item_id") { _, context in
            let id = try Read.pathID(try context.parameters.require("id"), "invoice")
            let itemID = try Read.pathID(try context.parameters.require("item_id"), "invoice item")
            let invoice = try await frontdesk.removeInvoiceItem(try RequestCaller.require(), id, itemID)
            return WireJSON.response(.ok, DomainJSON.encode(invoice))
        }
        router.post("/api/v1/payments") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.PaymentCreate.self, from: request)
            let payment = try await frontdesk.recordPayment(try RequestCaller.require(), PaymentRequest(
                invoiceID: try Read.uuid(body.invoiceId, "invoice_id"),
                direction: try body.direction.map { try Payment.Direction(matching: $0) } ?? .payment,
                amount: try amount(body.amount), method: try Payment.Method(matching: body.method),
                reference: body.reference, currency: body.currency))
            return WireJSON.response(.created, DomainJSON.encode(payment))
        }
        router.get("/api/v1/payments") { request, _ in
            let query = request.uri.queryParameters
            let filter = PaymentFilter(
                invoiceID: try Read.uuidIfPresent(query.get("invoice_id"), "invoice_id"),
                method: try ListQuery.values(query.getAll("method"), "method", as: Payment.Method.self).first,
                direction: try ListQuery.values(query.getAll("direction"), "direction", as: Payment.Direction.self).first,
                from: try Read.instant(query.get("from"), "from"), to: try Read.instant(query.get("to"), "to"))
            let page = try await frontdesk.payments(try RequestCaller.require(), filter: filter,
                                                    page: try ListQuery.page(query, list: .payments))
            return WireJSON.response(.ok, ListQuery.answer(page, .payments))
        }
        router.post("/api/v1/bookings/:id/deposit") { request, context in
            let reference = try BookingReference(try context.parameters.require("id"))
            let body = try await WireJSON.decode(Components.Schemas.DepositCreate.self, from: request)
            let deposit = try await frontdesk.holdDeposit(
                try RequestCaller.require(), reference, amount: try amount(body.amount),
                method: try Payment.Method(matching: body.method), note: body.reference)
            return WireJSON.response(.created, DomainJSON.encode(deposit))
        }
        router.post("/api/v1/deposits/:id/capture") { request, context in
            let id = try Read.pathID(try context.parameters.require("id"), "deposit")
            let body = try await WireJSON.decode(Components.Schemas.DepositCapture.self, from: request)
            let deposit = try await frontdesk.captureDeposit(try RequestCaller.require(), id,
                                                             amount: try body.amount.map { try amount($0) })
            return WireJSON.response(.ok, DomainJSON.encode(deposit))
        }
        router.post("/api/v1/deposits/:id/release") { _, context in
            let id = try Read.pathID(try context.parameters.require("id"), "deposit")
            return WireJSON.response(.ok, DomainJSON.encode(try await frontdesk.releaseDeposit(try RequestCaller.require(), id)))
        }
        router.post("/api/v1/bookings/:id/return") { request, context in
            let reference = try BookingReference(try context.parameters.require("id"))
            let body = try await WireJSON.decode(Components.Schemas.BookingReturnRequest.self, from: request)
            let booking = try await frontdesk.returnBooking(
                try RequestCaller.require(), reference, at: body.at,
                damage: try body.damage.map { Damage(description: $0.description, amount: try amount($0.amount)) },
                captureDeposit: body.captureDeposit ?? false, ifMatch: try Read.version(ifMatch: request.headers[.ifMatch]))
            return WireJSON.response(.ok, DomainJSON.encode(booking), etag: Read.etag(booking))
        }
        router.get("/api/v1/reports/takings") { request, _ in
            let query = request.uri.queryParameters
            let report = try await frontdesk.takingsReport(try RequestCaller.require(), ActivityQuery(
                from: try Read.instant(query.get("from"), "from", required: true)!,
                to: try Read.instant(query.get("to"), "to", required: true)!,
                locationID: try Read.uuidIfPresent(query.get("location_id"), "location_id")))
            return ActivityReportRoute.answer(json: report.json, csv: report.csv, accept: request.headers[.accept])
        }
        router.get("/api/v1/reports/balances") { request, _ in
            let report = try await frontdesk.balancesReport(try RequestCaller.require())
            return ActivityReportRoute.answer(json: report.json, csv: report.csv, accept: request.headers[.accept])
        }
        router.post("/api/v1/credit-notes") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.CreditNoteCreate.self, from: request)
            let note = try await frontdesk.issueCreditNote(try RequestCaller.require(), CreditNoteRequest(
                invoiceID: try Read.uuid(body.invoiceId, "invoice_id"), amount: try amount(body.amount),
                reason: body.reason, currency: body.currency))
            return WireJSON.response(.created, DomainJSON.encode(note))
        }
    }

    private static func policy(_ policy: Components.Schemas.CancellationPolicy) -> CancellationPolicy {
        func fee(_ fee: Components.Schemas.CancellationFee) -> CancellationPolicy.Fee {
            CancellationPolicy.Fee(amount: fee.amount.map { Int(clamping: $0) }, percent: fee.percent)
        }
        return CancellationPolicy(freeCancelHours: policy.freeCancelHours ?? 0, fee: policy.fee.map(fee),
                                  noShowFee: policy.noShowFee.map(fee))
    }

    /// An amount of a request: one beyond what `Int` holds is refused as any amount out of range.
    private static func amount(_ value: Int64) throws(FrontdeskError) -> Int {
        guard let amount = Int(exactly: value) else { throw .validationFailed([FieldIssue("amount", "is out of range")]) }
        return amount
    }
}
