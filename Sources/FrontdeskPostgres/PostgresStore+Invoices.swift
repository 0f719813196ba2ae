import Foundation
import FrontdeskCore
import FrontdeskEngine
import PostgresNIO

/// An invoice's writes lock as its booking's do (the organization, then the booking), then the
/// invoice and, when it issues a document, the row of that series for the year: numbers are taken
/// in the issuing transaction, so a rolled back issue takes none and the series stays gapless.
extension PostgresStore: InvoiceStore {
    public func billingSettings(_ organizationID: UUID) async throws -> BillingSettings {
        try await requireOrganization(organizationID, query).billing
    }

    public func updateBillingSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (BillingSettings) throws -> BillingSettings
    ) async throws -> BillingSettings {
        try await transaction { connection in
            try await self.lockOrganization(organizationID, connection)
            let next = try change(try await self.requireOrganization(organizationID) {
                try await connection.rows($0, logger: self.logger)
            }.billing)
            try await connection.run("UPDATE organizations SET billing = \(next.stored) WHERE id = \(organizationID)",
                                     logger: self.logger)
            return next
        }
    }

    public func invoice(_ organizationID: UUID, _ id: UUID) async throws -> Invoice? {
        try await transaction { connection in
            try await self.invoice(organizationID, "id = \(id)", lock: false, connection)
        }
    }

    public func invoices(_ organizationID: UUID, filter: InvoiceFilter, page: PageRequest) async throws -> Page<Invoice> {
        var conditions: [SQL] = ["i.organization_id = \(organizationID)"]
        if let bookingID = filter.bookingID { conditions.append("i.booking_id = \(bookingID)") }
        if !filter.statuses.isEmpty { conditions.append("i.status \(SQL.oneOf(filter.statuses.map(\.rawValue)))") }
        if let from = filter.from { conditions.append("i.dated_at >= \(from)") }
        if let to = filter.to { conditions.append("i.dated_at < \(to)") }
        if let after = page.after { conditions.append("(i.created_at, i.id) > (\(after.createdAt), \(after.id))") }
        let invoices = try await transaction { connection in
            let records = try await connection.rows("""
                SELECT * FROM invoices i WHERE \(SQL(joining: conditions, separator: " AND "))
                ORDER BY i.created_at, i.id LIMIT \(page.limit + 1)
                """, logger: self.logger).map(InvoiceRecord.init(row:))
            return try await self.invoices(organizationID, records, connection)
        }
        return Page(fetched: invoices, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func changeInvoice(
        _ organizationID: UUID, _ id: UUID, numbering: Set<DocumentNumber.Series>, now: Date,
        decide: @escaping @Sendable (Invoice, DocumentNumbers) throws -> InvoiceChange
    ) async throws -> InvoiceChange {
        try await recording(organizationID) { connection in
            guard let bookingID = try await connection.rows("""
                SELECT booking_id FROM invoices WHERE organization_id = \(organizationID) AND id = \(id)
                """, logger: self.logger).first?.value("booking_id", as: UUID.self)
            else { throw FrontdeskError.notFound(entity: "invoice", id: id.text) }
            let booking = try await self.lockBooking(organizationID, .id(bookingID), connection)
            guard let invoice = try await self.invoice(organizationID, "id = \(id)", lock: true, booking: booking, connection)
            else { throw FrontdeskError.notFound(entity: "invoice", id: id.text) }
            return try await self.change(invoice, numbering: numbering, now: now, decide, connection)
        }
    }

    public func payments(_ organizationID: UUID, filter: PaymentFilter, page: PageRequest) async throws -> Page<Payment> {
        var conditions: [SQL] = ["p.organization_id = \(organizationID)"]
        if let invoiceID = filter.invoiceID { conditions.append("p.invoice_id = \(invoiceID)") }
        if let method = filter.method { conditions.append("p.method = \(method.rawValue)") }
        if let direction = filter.direction { conditions.append("p.direction = \(direction.rawValue)") }
        if !filter.locationIDs.isEmpty { conditions.append("p.location_id \(SQL.oneOf(filter.locationIDs))") }
        if let from = filter.from { conditions.append("p.created_at >= \(from)") }
        if let to = filter.to { conditions.append("p.created_at < \(to)") }
        if let after = page.after { conditions.append("(p.created_at, p.id) > (\(after.createdAt), \(after.id))") }
        let payments = try await query("""
            SELECT * FROM payments p WHERE \(SQL(joining: conditions, separator: " AND "))
            ORDER BY p.created_at, p.id LIMIT \(page.limit + 1)
            """).map(Payment.init(row:))
        return Page(fetched: payments, limit: page.limit) { Cursor(createdAt: $0.createdAt, id: $0.id) }
    }

    public func deposit(_ organizationID: UUID, _ id: UUID) async throws -> Deposit? {
        try await query("SELECT * FROM deposits WHERE organization_id = \(organizationID) AND id = \(id)")
            .first.map(Deposit.init(row:))
    }

    // MARK: Inside a transaction

    /// What a booking's change does to its invoice (`BookingChange.invoice`), the booking locked:
    /// a new booking's is inserted with it (`createInvoice`); another is read as the booking now is,
    /// locked, and changed. A booking made before invoices existed may have none: it is left so.
    func follow(_ change: BookingChange, _ connection: PostgresConnection) async throws {
        guard case .change(let numbering, let decide) = change.invoice else { return }
        guard let invoice = try await invoice(change.organizationID, "booking_id = \(change.booking.id)", lock: true,
                                              booking: change.booking, connection) else { return }
        _ = try await self.change(invoice, numbering: numbering, now: change.booking.updatedAt, decide, connection)
    }

    /// The invoice of `booking`, read whole as the booking is in this transaction.
    func invoice(ofBooking booking: Booking, _ connection: PostgresConnection) async throws -> Invoice? {
        try await invoice(booking.organizationID, "booking_id = \(booking.id)", lock: false, booking: booking, connection)
    }

    /// The CTE inserting the invoice made with a new booking, if any, followed by a comma.
    static func createInvoice(_ change: BookingChange) -> SQL {
        guard let created = change.createdInvoice else { return "" }
        return "invoice AS (\(SQL.insert(into: "invoices", created.invoice.record.fields(change.organizationID)))),"
    }

    /// Asks `decide` for `invoice`'s change, with the next number of each series `numbering`
    /// names (its row locked, in the series' order), and writes it.
    private func change(
        _ invoice: Invoice, numbering: Set<DocumentNumber.Series>, now: Date,
        _ decide: (Invoice, DocumentNumbers) throws -> InvoiceChange, _ connection: PostgresConnection
    ) async throws -> InvoiceChange {
        let organizationID = invoice.organizationID
        var numbers: DocumentNumbers = [:]
        let zone = numbering.isEmpty ? nil
            : try await requireOrganization(organizationID) { try await connection.rows($0, logger: self.logger) }.zone
        for series in DocumentNumber.Series.allCases where numbering.contains(series) {
            let year = BookingNumber.year(of: now, in: zone!)
            let last = try await connection.rows("""
                INSERT INTO document_series (organization_id, series, year, last_sequence)
                VALUES (\(organizationID), \(series.rawValue), \(year), 0)
                ON CONFLICT (organization_id, series, year) DO UPDATE SET last_sequence = document_series.last_sequence
                RETURNING last_sequence
                """, logger: logger)[0].value("last_sequence", as: Int.self)
            numbers[series] = DocumentNumbering(series: series, year: year, next: last + 1)
        }
        let change = try decide(invoice, numbers)
        var writes: [SQL] = [
            "record AS (\(SQL.update("invoices", change.invoice.record.fields(organizationID))) WHERE id = \(invoice.id))",
        ]
        if change.closes {
            // Written down as it closed: every line with the rate it was taxed at (the items it had
            // are written over: one statement cannot delete and insert the same row).
            let rows = change.invoice.lines.enumerated().map { position, taxed in
                taxed.line.fields(invoiceID: invoice.id, position: position)
            }
            if !rows.isEmpty {
                writes.append("""
                    written AS (\(SQL.insert(into: "invoice_items", rows: rows))
                                ON CONFLICT (invoice_id, id) DO UPDATE SET position = EXCLUDED.position,
                                    tax_name = EXCLUDED.tax_name, tax_basis_points = EXCLUDED.tax_basis_points,
                                    voided = EXCLUDED.voided)
                    """)
            }
        }
        if let item = change.addedItem {
            writes.append("""
                added AS (\(SQL.insert(into: "invoice_items", item.fields(invoiceID: invoice.id, position: invoice.lines.count))))
                """)
        }
        if let itemID = change.removedItemID {
            writes.append("removed AS (DELETE FROM invoice_items WHERE invoice_id = \(invoice.id) AND id = \(itemID))")
        }
        if let payment = change.payment { writes.append("payment AS (\(SQL.insert(into: "payments", payment.fields)))") }
        if let note = change.creditNote { writes.append("note AS (\(SQL.insert(into: "credit_notes", note.fields)))") }
        if let deposit = change.deposit {
            writes.append("""
                deposit AS (\(SQL.insert(into: "deposits", deposit.fields))
                            ON CONFLICT (id) DO UPDATE SET captured = EXCLUDED.captured, released = EXCLUDED.released,
                                updated_at = EXCLUDED.updated_at)
                """)
        }
        for numbering in change.takes.compactMap({ numbers[$0] }) {
            writes.append("""
                \(raw: numbering.series.rawValue)_numbered AS (UPDATE document_series SET last_sequence = \(numbering.next)
                             WHERE organization_id = \(organizationID) AND series = \(numbering.series.rawValue)
                               AND year = \(numbering.year))
                """)
        }
        try await connection.run("WITH \(SQL(joining: writes, separator: ", ")), \(Self.record(change))", logger: logger)
        return change
    }

    /// The invoice `match` selects, read whole (locked when `lock`), with `booking` as it is in
    /// this transaction when given.
    private func invoice(
        _ organizationID: UUID, _ match: SQL, lock: Bool, booking: Booking? = nil, _ connection: PostgresConnection
    ) async throws -> Invoice? {
        let locking: SQL = lock ? " FOR NO KEY UPDATE" : ""
        guard let record = try await connection.rows("""
            SELECT * FROM invoices WHERE organization_id = \(organizationID) AND \(match)\(locking)
            """, logger: logger).first.map(InvoiceRecord.init(row:)) else { return nil }
        return try await invoices(organizationID, [record], connection, bookings: booking.map { [$0] }).first
    }

    /// Invoices read whole from their records: their bookings (`bookings` when given), items,
    /// payments and credit notes, one query each.
    private func invoices(
        _ organizationID: UUID, _ records: [InvoiceRecord], _ connection: PostgresConnection,
        bookings given: [Booking]? = nil
    ) async throws -> [Invoice] {
        guard !records.isEmpty else { return [] }
        let rows = { (sql: SQL) in try await connection.rows(sql, logger: self.logger) }
        let billing = try await requireOrganization(organizationID, rows).billing
        let ids = records.map(\.id)
        var bookings = given ?? []
        if given == nil {
            bookings = try Booking.fromRows(try await rows("""
                SELECT b.*, \(Booking.lineColumns) FROM bookings b LEFT JOIN booking_lines l ON l.booking_id = b.id
                \(Booking.nameJoins)
                WHERE b.organization_id = \(organizationID) AND b.id = ANY(\(records.map(\.bookingID)))
                ORDER BY b.id, l.position
                """))
        }
        let byID = Dictionary(uniqueKeysWithValues: bookings.map { ($0.id, $0) })
        let items = try Dictionary(grouping: try await rows("""
            SELECT * FROM invoice_items WHERE invoice_id = ANY(\(ids)) ORDER BY position
            """).map { (try $0.value("invoice_id", as: UUID.self), try InvoiceLine(row: $0)) }, by: \.0)
        let payments = try Dictionary(grouping: try await rows("""
            SELECT * FROM payments WHERE invoice_id = ANY(\(ids)) ORDER BY created_at, id
            """).map(Payment.init(row:)), by: \.invoiceID)
        let notes = try Dictionary(grouping: try await rows("""
            SELECT * FROM credit_notes WHERE invoice_id = ANY(\(ids)) ORDER BY created_at, id
            """).map(CreditNote.init(row:)), by: \.invoiceID)
        let deposits = try Dictionary(grouping: try await rows("""
            SELECT * FROM deposits WHERE invoice_id = ANY(\(ids)) ORDER BY created_at, id
            """).map(Deposit.init(row:)), by: \.invoiceID)
        return records.compactMap { record in
            byID[record.bookingID].map { booking in
                Invoice(record, booking: booking, items: items[record.id]?.map(\.1) ?? [],
                        payments: payments[record.id] ?? [], creditNotes: notes[record.id] ?? [],
                        deposits: deposits[record.id] ?? [], billing: billing)
            }
        }
    }

    /// The organization, read with `rows`.
    private func requireOrganization(
        _ organizationID: UUID, _ rows: (SQL) async throws -> [PostgresRandomAccessRow]
    ) async throws -> Organization {
        guard let row = try await rows("SELECT * FROM organizations WHERE id = \(organizationID)").first else {
            throw FrontdeskError.notFound(entity: "organization", id: organizationID.text)
        }
        return try Organization(row: row)
    }
}
