import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// A booking's invoice: open while the booking is, following its lines; extras, payments and
/// refunds; finalized with a gapless number at completion and immutable from then on, corrected by
/// credit notes; cancelled with its booking; every bad amount refused with nothing written.
@Suite struct InvoiceConformanceTests {
    /// A room at 1,000 an hour, a guest, and VAT at 10 % on `standard`, 5 % on rooms.
    struct Hotel {
        let rooms: [Resource]
        let guest: Member

        init(_ f: StoreFixture) async throws {
            let location = try await f.makeLocation()
            rooms = [try await f.makeResource(at: location, name: "101", category: "room", rate: 1_000, unit: .hour),
                     try await f.makeResource(at: location, name: "102", category: "room", rate: 1_000, unit: .hour)]
            guest = try await f.makeMember(name: "Ada")
            _ = try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(
                taxRates: [.init(category: "standard", name: "VAT", rate: 10), .init(category: "rooms", name: "VAT", rate: 5)],
                resourceTaxCategories: ["room": "rooms"]))
        }
    }

    @Test(arguments: Backend.enabled)
    func anInvoiceFollowsItsBookingAndIsFinalizedAtCompletion(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let stay = try await f.book(hotel.guest, hotel.rooms[0], hours(14, 20))
            let open = try await invoice(of: stay, f)
            #expect(open.status == .open && open.number == nil && open.bookingNumber == stay.number)
            #expect(open.lines.map(\.line.kind) == [.booking] && open.lines[0].line.bookingLineID == stay.lines[0].id)
            #expect((open.netAmount, open.taxAmount, open.totalAmount, open.balance) == (6_000, 300, 6_300, 6_300))
            #expect(open.memberName == "Ada" && open.taxes.map(\.tax) == [300])

            // The minibar, taxed at the standard rate; a room added to the stay appears by itself.
            let extra = try await f.frontdesk.addInvoiceItem(f.owner, open.id, InvoiceItemRequest(
                description: "Minibar", quantity: 2, unitAmount: 350))
            #expect(extra.lines.map(\.line.kind) == [.booking, .extra] && extra.totalAmount == 6_300 + 770)
            #expect(extra.taxes.map(\.tax) == [300, 70] && extra.version == 2)
            let grown = try await f.frontdesk.addBookingLine(f.owner, .id(stay.id), resourceID: hotel.rooms[1].id)
            #expect(try await f.frontdesk.invoice(f.owner, open.id).totalAmount == 6_300 * 2 + 770)
            _ = try await f.frontdesk.removeBookingLine(f.owner, .id(stay.id), lineID: grown.lines[1].id)
            #expect(try await f.frontdesk.invoice(f.owner, open.id).totalAmount == 7_070)

            // Paid in part, refunded in part.
            let paid = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                invoiceID: open.id, amount: 2_000, method: .card, reference: "TXN-1"))
            #expect(paid.direction == .payment && paid.currency == "USD" && paid.locationID == stay.locationID)
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                invoiceID: open.id, direction: .refund, amount: 500, method: .card))
            let settled = try await f.frontdesk.invoice(f.owner, open.id)
            #expect((settled.paid, settled.refunded, settled.balance) == (2_000, 500, 7_070 - 1_500))

            // Completed: numbered, written down, immutable; another rate later does not move it.
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(stay.id))
            _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(stay.id))
            let final = try await f.frontdesk.invoice(f.owner, open.id)
            #expect(final.status == .finalized && final.number == "INV-2026-0001" && final.issuedAt == f.now)
            #expect(final.totalAmount == 7_070 && final.lines.allSatisfy { $0.line.taxRate != nil })
            _ = try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(
                taxRates: [.init(category: "standard", name: "VAT", rate: 20), .init(category: "rooms", name: "VAT", rate: 8)]))
            #expect(try await f.frontdesk.invoice(f.owner, open.id).json == final.json)
            await expectError("invoice_finalized") {
                try await f.frontdesk.addInvoiceItem(f.owner, open.id, InvoiceItemRequest(description: "Late", unitAmount: 1))
            }

            // Corrected by a credit note, never beyond what it charges.
            let note = try await f.frontdesk.issueCreditNote(f.owner, CreditNoteRequest(
                invoiceID: open.id, amount: 1_070, reason: "Minibar was not used"))
            #expect(note.number == "CN-2026-0001")
            let credited = try await f.frontdesk.invoice(f.owner, open.id)
            #expect((credited.credited, credited.balance, credited.payments.count) == (1_070, final.balance - 1_070, 2))
            await expectError("credit_exceeds_invoice") {
                try await f.frontdesk.issueCreditNote(f.owner, CreditNoteRequest(invoiceID: open.id, amount: 6_001, reason: "x"))
            }

            let types = try await f.allEvents().filter { $0.entityType == "invoice" }.map(\.type)
            #expect(types == [.invoiceCreated, .invoiceUpdated, .invoiceUpdated, .invoiceUpdated, .paymentRecorded,
                              .refundRecorded, .invoiceFinalized, .creditNoteIssued])
            let actions = try await f.frontdesk.auditEntries(
                f.owner, filter: AuditFilter(entityType: "invoice", entityID: open.id), page: PageRequest()).items.map(\.action)
            #expect(actions == ["add_item", "record_payment", "record_refund", "finalize", "issue_credit_note"])
        }
    }

    @Test(arguments: Backend.enabled)
    func badMoneyIsRefusedAndWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let stay = try await f.book(hotel.guest, hotel.rooms[0], hours(14, 20))
            let open = try await invoice(of: stay, f)
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: open.id, amount: 1_000, method: .cash))
            let before = try await f.frontdesk.invoice(f.owner, open.id)
            let events = try await f.allEvents().count

            for amount in [0, -5, maxAmount + 1] {
                await expectError("validation_failed") {
                    try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: open.id, amount: amount, method: .cash))
                }
                await expectError("validation_failed") {
                    try await f.frontdesk.addInvoiceItem(f.owner, open.id, InvoiceItemRequest(description: "x", unitAmount: amount))
                }
            }
            await expectError("validation_failed") {
                try await f.frontdesk.addInvoiceItem(f.owner, open.id, InvoiceItemRequest(
                    description: "x", unitAmount: 5, taxCategory: "luxury"))
            }
            await expectError("currency_mismatch") {
                try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                    invoiceID: open.id, amount: 10, method: .cash, currency: "EUR"))
            }
            await expectError("refund_exceeds_paid") {
                try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                    invoiceID: open.id, direction: .refund, amount: 1_001, method: .cash))
            }
            await expectError("payment_exceeds_balance") {
                try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: open.id, amount: 5_301, method: .cash))
            }
            await expectError("invoice_not_finalized") {
                try await f.frontdesk.issueCreditNote(f.owner, CreditNoteRequest(invoiceID: open.id, amount: 10, reason: "x"))
            }
            await expectError("not_found") {
                try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: UUID(), amount: 10, method: .cash))
            }
            #expect(try await f.frontdesk.invoice(f.owner, open.id) == before)
            #expect(try await f.allEvents().count == events)

            // Cancelled with its booking: having kept money, numbered and credited in full (no policy,
            // no fee); no more items or payments; kept with its payments.
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(stay.id), reason: "plans changed")
            let cancelled = try await f.frontdesk.invoice(f.owner, open.id)
            #expect(cancelled.status == .cancelled && cancelled.number == "INV-2026-0001" && cancelled.paid == 1_000)
            #expect(cancelled.credited == cancelled.totalAmount && cancelled.balance == -1_000)
            await expectError("invoice_cancelled") {
                try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: open.id, amount: 10, method: .cash))
            }
            await expectError("invoice_cancelled") {
                try await f.frontdesk.addInvoiceItem(f.owner, open.id, InvoiceItemRequest(description: "x", unitAmount: 5))
            }
            await expectError("invoice_has_payments") { try await f.frontdesk.deleteBooking(f.owner, .id(stay.id)) }
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                invoiceID: open.id, direction: .refund, amount: 1_000, method: .cash))
            #expect(try await f.frontdesk.invoice(f.owner, open.id).balance == 0)

            // Another organization's invoice is not found.
            let other = try await f.makeOrganization()
            await expectError("not_found") { try await f.frontdesk.invoice(other, open.id) }
        }
    }

    @Test(arguments: Backend.enabled)
    func numbersAreGaplessUnderConcurrentFinalizations(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let guest = try await f.makeMember()
            var stays: [Booking] = []
            for i in 0..<8 {
                let room = try await f.makeResource(at: location, name: "Room \(i)", rate: 1_000, unit: .hour)
                stays.append(try await f.book(guest, room, hours(14, 20)))
                _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(stays[i].id))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for stay in stays {
                    group.addTask { _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(stay.id)) }
                }
                try await group.waitForAll()
            }
            let invoices = try await collectPages { page in
                try await f.frontdesk.invoices(f.owner, filter: InvoiceFilter(statuses: [.finalized]), page: page)
            }
            #expect(invoices.compactMap(\.number).sorted() == (1...8).map { "INV-2026-000\($0)" })
            let notes = try await withThrowingTaskGroup(of: String.self) { group in
                for invoice in invoices {
                    group.addTask {
                        try await f.frontdesk.issueCreditNote(f.owner, CreditNoteRequest(
                            invoiceID: invoice.id, amount: 100, reason: "goodwill")).number
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(notes.sorted() == (1...8).map { "CN-2026-000\($0)" })
        }
    }

    @Test(arguments: Backend.enabled)
    func listsFilterByBookingStatusAndDate(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let first = try await f.book(hotel.guest, hotel.rooms[0], hours(14, 20))
            f.clock.advance(by: 60)
            let second = try await f.book(hotel.guest, hotel.rooms[1], hours(14, 20))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(second.id))
            let list = { (filter: InvoiceFilter) in
                try await collectPages(limit: 1) { page in try await f.frontdesk.invoices(f.owner, filter: filter, page: page) }
                    .map(\.bookingID)
            }
            #expect(try await list(InvoiceFilter()) == [first.id, second.id])
            #expect(try await list(InvoiceFilter(bookingID: second.id)) == [second.id])
            #expect(try await list(InvoiceFilter(statuses: [.open])) == [first.id])
            #expect(try await list(InvoiceFilter(from: StoreFixture.start + 30)) == [second.id])
            #expect(try await list(InvoiceFilter(to: StoreFixture.start + 30)) == [first.id])

            let invoiceID = try await invoice(of: first, f).id
            for method in [Payment.Method.cash, .upi] {
                _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: invoiceID, amount: 100, method: method))
            }
            let payments = { (filter: PaymentFilter) in
                try await collectPages(limit: 1) { page in try await f.frontdesk.payments(f.owner, filter: filter, page: page) }
                    .map(\.method)
            }
            #expect(try await payments(PaymentFilter()) == [.cash, .upi])
            #expect(try await payments(PaymentFilter(method: .upi)) == [.upi])
            #expect(try await payments(PaymentFilter(invoiceID: UUID())) == [])
        }
    }

    @Test(arguments: Backend.enabled)
    func takingsAreCountedByLocalDayAndBalancesListWhatIsOwed(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let lisbon = try await f.makeLocation(name: "Lisbon", timeZone: "Europe/Lisbon")
            let newYork = try await f.makeLocation(name: "New York", timeZone: "America/New_York")
            let guest = try await f.makeMember()
            let here = try await f.book(guest, try await f.makeResource(at: lisbon, rate: 1_000, unit: .hour), hours(14, 20))
            let there = try await f.book(guest, try await f.makeResource(at: newYork, rate: 1_000, unit: .hour), hours(14, 20))
            let (hereInvoice, thereInvoice) = (try await invoice(of: here, f), try await invoice(of: there, f))
            // 23:30 UTC: the next day in Lisbon (UTC+1), still the same day in New York (UTC-4).
            f.clock.set(hours(23.5, 24).start)
            for (invoice, method) in [(hereInvoice, Payment.Method.card), (hereInvoice, .card), (thereInvoice, .cash)] {
                _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: invoice.id, amount: 1_000, method: method))
            }
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(
                invoiceID: hereInvoice.id, direction: .refund, amount: 250, method: .card))
            let period = ActivityQuery(from: hours(0, 1).start, to: hours(48, 49).start)
            let takings = try await f.frontdesk.takingsReport(f.owner, period)
            #expect(takings.rows.map { "\($0.day) \($0.method.rawValue) \($0.count) \($0.paid) \($0.refunded)" }.sorted()
                    == ["2026-06-01 cash 1 1000 0", "2026-06-02 card 3 2000 250"])
            #expect((takings.paid, takings.refunded) == (3_000, 250))
            #expect(takings.csv.hasPrefix("day,location_id,method,payments,paid,refunded,net\r\n"))
            #expect(takings.csv.contains(",card,3,20.00,2.50,17.50\r\n"))
            let lisbonOnly = ActivityQuery(from: period.from, to: period.to, locationID: lisbon.id)
            #expect(try await f.frontdesk.takingsReport(f.owner, lisbonOnly).rows.map(\.locationID) == [lisbon.id])
            await expectError("validation_failed") {
                try await f.frontdesk.takingsReport(f.owner, ActivityQuery(from: period.to, to: period.from))
            }

            let balances = try await f.frontdesk.balancesReport(f.owner)
            #expect(balances.invoices.map(\.id) == [hereInvoice.id, thereInvoice.id])
            #expect(balances.invoices.map(\.balance) == [6_000 - 1_750, 5_000] && balances.balance == 9_250)
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: thereInvoice.id, amount: 5_000, method: .cash))
            #expect(try await f.frontdesk.balancesReport(f.owner).invoices.map(\.id) == [hereInvoice.id])
        }
    }

    @Test(arguments: Backend.enabled)
    func aLateCancellationOwesThePolicysFeeAndGivesTheRestBack(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            _ = try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(cancellationPolicy: CancellationPolicy(
                freeCancelHours: 48, fee: .init(percent: 50), noShowFee: .init(amount: 2_000))))

            // Paid, then cancelled within 48 hours of its start: half its price (taxed at the
            // standard rate) owed, the rest credited, and part of the money given back.
            let paidStay = try await f.book(hotel.guest, hotel.rooms[0], hours(14, 20))
            let paid = try await invoice(of: paidStay, f)
            _ = try await f.frontdesk.recordPayment(f.owner, PaymentRequest(invoiceID: paid.id, amount: 6_300, method: .card))
            await expectError("refund_exceeds_paid") {
                try await f.frontdesk.perform(f.owner, .cancel, on: .id(paidStay.id), refund: CancellationRefund(amount: 6_301))
            }
            #expect(try await f.frontdesk.booking(f.owner, .id(paidStay.id)).status == .confirmed)
            await expectError("validation_failed") {
                try await f.frontdesk.perform(f.owner, .confirm, on: .id(paidStay.id), refund: CancellationRefund(amount: 1))
            }
            let events = try await f.allEvents().count
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(paidStay.id), reason: "flu",
                                              refund: CancellationRefund(amount: 2_000))
            let credited = try await f.frontdesk.invoice(f.owner, paid.id)
            #expect(credited.status == .cancelled && credited.number == "INV-2026-0001" && credited.issuedAt == f.now)
            #expect(credited.lines.map(\.line.kind) == [.booking, .fee] && credited.lines[1].gross == 3_300)
            #expect(credited.totalAmount == 9_600 && credited.credited == 6_300)
            #expect(credited.creditNotes.map(\.number) == ["CN-2026-0001"] && credited.refunded == 2_000)
            #expect(credited.payments.last?.method == .card && credited.balance == 3_300 - (6_300 - 2_000))
            #expect(try await f.allEvents().dropFirst(events).map(\.type)
                    == [.bookingCancelled, .invoiceUpdated, .creditNoteIssued, .refundRecorded])

            // Unpaid and cancelled a week ahead: free, its lines void, no number.
            let early = try await f.book(hotel.guest, hotel.rooms[1], hours(14 + 168, 20 + 168))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(early.id))
            let void = try await invoice(of: early, f)
            #expect(void.status == .cancelled && void.number == nil && void.totalAmount == 0)
            #expect(void.lines.allSatisfy { $0.line.voided } && void.balance == 0)

            // A guest who never came owes the no-show fee, and nothing else.
            let missed = try await f.book(hotel.guest, hotel.rooms[1], hours(14, 20))
            f.clock.set(hours(23, 24).start)
            _ = try await f.frontdesk.perform(f.owner, .noShow, on: .id(missed.id))
            let owed = try await invoice(of: missed, f)
            #expect(owed.lines.map(\.line.kind) == [.booking, .fee] && owed.lines[0].line.voided)
            #expect(owed.totalAmount == 2_200 && owed.balance == 2_200 && owed.number == nil)

            // A location's own policy comes before the organization's: here, a flat 7.00 up to a year ahead.
            let location = hotel.rooms[0].locationID.text
            _ = try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(
                locationCancellationPolicies: [location: CancellationPolicy(freeCancelHours: 8_760, fee: .init(amount: 700))]))
            await expectError("validation_failed") {
                try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(
                    locationCancellationPolicies: ["room-1": CancellationPolicy(fee: .init(amount: 700, percent: 5))]))
            }
            let local = try await f.book(hotel.guest, hotel.rooms[0], hours(14 + 168, 20 + 168))
            _ = try await f.frontdesk.perform(f.owner, .cancel, on: .id(local.id))
            let flat = try await invoice(of: local, f)
            #expect(flat.lines.map(\.line.kind) == [.booking, .fee] && flat.totalAmount == 770)
        }
    }

    @Test(arguments: Backend.enabled)
    func aRentalReturnedLateOwesEachStartedHour(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            _ = try await f.frontdesk.updateBillingSettings(f.owner, BillingSettingsPatch(
                lateReturn: LateReturnPolicy(graceMinutes: 15, hourlyFee: 300)))
            let onTime = try await f.book(hotel.guest, hotel.rooms[0], hours(10, 13))
            let late = try await f.book(hotel.guest, hotel.rooms[1], hours(10, 13))
            f.clock.set(hours(15, 16).start)
            for (booking, returned) in [(onTime, 13.2), (late, 14 + 1 / 3)] {
                _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id), at: hours(10, 11).start)
                _ = try await f.frontdesk.perform(f.owner, .checkOut, on: .id(booking.id), at: hours(returned, 16).start)
            }
            #expect(try await invoice(of: onTime, f).lines.map(\.line.kind) == [.booking])
            let charged = try await invoice(of: late, f)
            #expect(charged.status == .finalized && charged.lines.map(\.line.kind) == [.booking, .fee])
            #expect(charged.lines[1].line.quantity == 2 && charged.lines[1].gross == 660)  // 80 minutes late: 2 hours
        }
    }

    @Test(arguments: Backend.enabled)
    func aDepositIsHeldCapturedForDamageAtReturnAndTheRestReleased(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await Hotel(f)
            let bike = try await f.book(hotel.guest, hotel.rooms[0], hours(10, 13))  // 3,000 + 5 %: 3,150
            let other = try await f.book(hotel.guest, hotel.rooms[1], hours(10, 13))
            let deposit = try await f.frontdesk.holdDeposit(f.owner, .id(bike.id), amount: 10_000, method: .card, note: "PRE-1")
            #expect(deposit.status == .held && deposit.held == 10_000)
            let spare = try await f.frontdesk.holdDeposit(f.owner, .id(other.id), amount: 5_000, method: .cash)
            _ = try await f.frontdesk.captureDeposit(f.owner, spare.id, amount: 1_000)
            await expectError("deposit_exceeded") { try await f.frontdesk.captureDeposit(f.owner, spare.id, amount: 4_001) }
            let released = try await f.frontdesk.releaseDeposit(f.owner, spare.id)
            #expect((released.captured, released.released, released.status) == (1_000, 4_000, .released))
            await expectError("deposit_settled") { try await f.frontdesk.releaseDeposit(f.owner, spare.id) }
            #expect(try await invoice(of: other, f).paid == 1_000)

            // Back with a bent wheel: the damage charged, the deposit captured for what is owed.
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(bike.id))
            let events = try await f.allEvents().count
            let back = try await f.frontdesk.returnBooking(
                f.owner, .id(bike.id), damage: Damage(description: "Bent front wheel", amount: 2_500), captureDeposit: true)
            #expect(back.status == .completed)
            let final = try await invoice(of: bike, f)
            #expect(final.status == .finalized && final.lines.map(\.line.kind) == [.booking, .damage])
            #expect(final.totalAmount == 3_150 + 2_750 && final.paid == 5_900 && final.balance == 0)
            #expect(final.deposits.map(\.captured) == [5_900] && final.deposits[0].status == .held)
            #expect(try await f.allEvents().dropFirst(events).map(\.type) == [
                .bookingCompleted, .checkoutStarted, .checkoutCompleted, .bookingDamageRecorded, .invoiceFinalized,
                .depositCaptured, .paymentRecorded,
            ])
            let trail = try await f.frontdesk.bookingAudit(f.owner, .id(bike.id)).map(\.action)
            #expect(trail.suffix(2) == ["check_out", "record_damage"])
            // What it still holds is given back; a booking's invoice kept with its deposit.
            #expect(try await f.frontdesk.releaseDeposit(f.owner, deposit.id).released == 4_100)
            await expectError("invoice_finalized") {
                try await f.frontdesk.holdDeposit(f.owner, .id(bike.id), amount: 100, method: .cash)
            }
            await expectError("not_found") { try await f.frontdesk.captureDeposit(f.owner, UUID()) }
        }
    }

    private func invoice(of booking: Booking, _ f: StoreFixture) async throws -> Invoice {
        let page = try await f.frontdesk.invoices(f.owner, filter: InvoiceFilter(bookingID: booking.id), page: PageRequest())
        return try #require(page.items.first)
    }
}
