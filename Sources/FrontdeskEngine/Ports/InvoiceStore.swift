import Foundation
import FrontdeskCore

/// Invoices, their items, payments and credit notes, and the billing settings. An invoice is made
/// with its booking and closed by the booking's changes (`BookingChange.invoice`); what it is made
/// of is read with it: its booking as it is now while it is open, its items, payments and credit notes.
public protocol InvoiceStore: Sendable {
    func billingSettings(_ organizationID: UUID) async throws -> BillingSettings
    /// Reads the settings in the write's transaction, asks `change` and stores what it returns.
    func updateBillingSettings(
        _ organizationID: UUID, _ change: @escaping @Sendable (BillingSettings) throws -> BillingSettings
    ) async throws -> BillingSettings
    func invoice(_ organizationID: UUID, _ id: UUID) async throws -> Invoice?
    func invoices(_ organizationID: UUID, filter: InvoiceFilter, page: PageRequest) async throws -> Page<Invoice>
    /// In one transaction: locks the invoice and reads it whole (`notFound(invoice)` otherwise),
    /// with the next number of each series `numbering` names for the year of `now` in the
    /// organization's time zone, locked; asks `decide` and writes its change.
    func changeInvoice(
        _ organizationID: UUID, _ id: UUID, numbering: Set<DocumentNumber.Series>, now: Date,
        decide: @escaping @Sendable (Invoice, DocumentNumbers) throws -> InvoiceChange
    ) async throws -> InvoiceChange
    func payments(_ organizationID: UUID, filter: PaymentFilter, page: PageRequest) async throws -> Page<Payment>
    func deposit(_ organizationID: UUID, _ id: UUID) async throws -> Deposit?
}

/// The next numbers of the document series a change asked for, by series.
public typealias DocumentNumbers = [DocumentNumber.Series: DocumentNumbering]

/// The next number of a document series, as `InvoiceStore.changeInvoice` locked it: the change
/// that issues a document takes `number(prefix:)` and names its series in `InvoiceChange.takes`.
public struct DocumentNumbering: Sendable, Hashable {
    public var series: DocumentNumber.Series
    public var year: Int
    public var next: Int

    public init(series: DocumentNumber.Series, year: Int, next: Int) {
        self.series = series
        self.year = year
        self.next = next
    }

    public func number(prefix: String) -> String { DocumentNumber.format(prefix: prefix, year: year, sequence: next) }
}

/// One write of an invoice: its new state, what it adds (an item, a payment, a credit note) or
/// removes (an item), and its audit entries and events. An invoice that leaves `open` is written
/// down as it closed: its lines stored with the rates they were taxed at.
public struct InvoiceChange: RecordedChange {
    public var invoice: Invoice
    /// As stored before, nil when it is new.
    public var previous: Invoice?
    public var addedItem: InvoiceLine?
    public var removedItemID: UUID?
    public var payment: Payment?
    public var creditNote: CreditNote?
    /// A deposit held, or changed.
    public var deposit: Deposit?
    /// The series whose next number the change took.
    public var takes: Set<DocumentNumber.Series>
    public var audits: [AuditEntry]
    public var events: [EventDraft]

    public init(invoice: Invoice, previous: Invoice?, addedItem: InvoiceLine? = nil, removedItemID: UUID? = nil,
                payment: Payment? = nil, creditNote: CreditNote? = nil, deposit: Deposit? = nil,
                takes: Set<DocumentNumber.Series> = [], audits: [AuditEntry], events: [EventDraft]) {
        self.invoice = invoice
        self.previous = previous
        self.addedItem = addedItem
        self.removedItemID = removedItemID
        self.payment = payment
        self.creditNote = creditNote
        self.deposit = deposit
        self.takes = takes
        self.audits = audits
        self.events = events
    }

    public var organizationID: UUID { invoice.organizationID }
    /// Whether the invoice leaves `open` with this change.
    public var closes: Bool { previous?.status == .open && invoice.status != .open }
}

/// What a booking's change does to its invoice, in the booking's transaction: make it (with a new
/// booking), or change it once the store has read it as the booking now is (`decide`; with the
/// next numbers, locked, of the series `numbering` names).
public enum InvoiceFollow: Sendable {
    case create(InvoiceChange)
    case change(numbering: Set<DocumentNumber.Series>, decide: @Sendable (Invoice, DocumentNumbers) throws -> InvoiceChange)
}

public struct InvoiceFilter: Sendable, Hashable {
    public var bookingID: UUID?
    public var statuses: [Invoice.Status]
    /// Invoices dated in `[from, to)`: issued then once finalized, made then before.
    public var from: Date?
    public var to: Date?

    public init(bookingID: UUID? = nil, statuses: [Invoice.Status] = [], from: Date? = nil, to: Date? = nil) {
        self.bookingID = bookingID
        self.statuses = statuses
        self.from = from
        self.to = to
    }
}

public struct PaymentFilter: Sendable, Hashable {
    public var invoiceID: UUID?
    public var method: Payment.Method?
    public var direction: Payment.Direction?
    public var from: Date?
    public var to: Date?
    /// Payments taken at one of these locations (the invoice's booking's); empty: at any.
    public var locationIDs: [UUID]

    public init(invoiceID: UUID? = nil, method: Payment.Method? = nil, direction: Payment.Direction? = nil,
                from: Date? = nil, to: Date? = nil, locationIDs: [UUID] = []) {
        self.invoiceID = invoiceID
        self.method = method
        self.direction = direction
        self.from = from
        self.to = to
        self.locationIDs = locationIDs
    }
}
