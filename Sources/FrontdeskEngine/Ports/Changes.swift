import Foundation
import FrontdeskCore

/// An outbox event before the store gives it its sequence number.
public struct EventDraft: Sendable, Hashable {
    public var id: UUID
    public var type: EventType
    public var entityType: String
    public var entityID: UUID
    public var data: Data
    public var createdAt: Date

    public init(id: UUID, type: EventType, entityType: String, entityID: UUID, data: Data, createdAt: Date) {
        self.id = id
        self.type = type
        self.entityType = entityType
        self.entityID = entityID
        self.data = data
        self.createdAt = createdAt.truncatedToMilliseconds
    }
}

/// What a write leaves behind besides the entity itself: audit entries and outbox events, which
/// the store writes in the write's transaction, in this order; each event takes the
/// organization's next sequence number.
public protocol RecordedChange: Sendable {
    var organizationID: UUID { get }
    var audits: [AuditEntry] { get }
    var events: [EventDraft] { get }
}

/// Everything one booking write leaves behind, written by the store in one transaction:
/// the booking's new state, its audit entries and outbox events (one audit entry per step: a
/// PATCH of a checkin stamping both `check_in` and `check_out` moves its booking twice), and the
/// checkins of its lines that the write checked in or out.
public struct BookingChange: RecordedChange {
    public var booking: Booking
    public var bookingAudits: [AuditEntry]
    public var bookingEvents: [EventDraft]
    public var checkins: [CheckinChange]
    /// What the change does to the booking's invoice; nil leaves it as it is (it follows the
    /// booking's lines by itself while open).
    public var invoice: InvoiceFollow?

    public init(booking: Booking, audits: [AuditEntry], events: [EventDraft], checkins: [CheckinChange] = [],
                invoice: InvoiceFollow? = nil) {
        self.booking = booking
        self.bookingAudits = audits
        self.bookingEvents = events
        self.checkins = checkins
        self.invoice = invoice
    }

    public var organizationID: UUID { booking.organizationID }
    public var audits: [AuditEntry] { bookingAudits + checkins.flatMap(\.audits) + (createdInvoice?.audits ?? []) }
    public var events: [EventDraft] { bookingEvents + checkins.flatMap(\.events) + (createdInvoice?.events ?? []) }

    /// The invoice made with a new booking.
    public var createdInvoice: InvoiceChange? {
        if case .create(let change) = invoice { change } else { nil }
    }
}

/// Everything one checkin write leaves behind: the checkin's new state (or, for a deletion, its
/// last), its audit entry and its events (`checkin_created`, `checkin_started`, …).
public struct CheckinChange: RecordedChange {
    public var checkin: Checkin
    /// The checkin as it was stored, nil when it is new: a store writes what changed.
    public var previous: Checkin?
    public var audit: AuditEntry
    public var events: [EventDraft]

    public init(checkin: Checkin, previous: Checkin?, audit: AuditEntry, events: [EventDraft]) {
        self.checkin = checkin
        self.previous = previous
        self.audit = audit
        self.events = events
    }

    /// Whether the checkin is new (inserted) rather than changed.
    public var isNew: Bool { previous == nil }

    public var organizationID: UUID { checkin.organizationID }
    public var audits: [AuditEntry] { [audit] }
}

/// A checkin's booking, read and locked in the checkin's transaction, with the booking's checkins
/// (the one changing among them, as it was).
public struct LinkedBooking: Sendable {
    public var booking: Booking
    public var checkins: [Checkin]

    public init(booking: Booking, checkins: [Checkin]) {
        self.booking = booking
        self.checkins = checkins
    }
}

/// A checkin's write: its own change, and its booking's when the step moves the booking (see
/// `Booking.following(_:from:linked:now:)`). That booking change carries the checkin's among its
/// `checkins`, and the store writes it instead, all in one transaction.
public struct CheckinWrite: Sendable {
    public var checkin: CheckinChange
    public var booking: BookingChange?

    public init(checkin: CheckinChange, booking: BookingChange? = nil) {
        self.checkin = checkin
        self.booking = booking
    }
}

/// What the checkin transaction has read when it asks the engine to register a checkin.
public struct CheckinContext: Sendable {
    /// The live resource named, if it is the organization's.
    public var resource: Resource?
    public var memberExists: Bool
    /// The booking named, if any and if it is the organization's.
    public var booking: Booking?

    public init(resource: Resource?, memberExists: Bool, booking: Booking?) {
        self.resource = resource
        self.memberExists = memberExists
        self.booking = booking
    }
}

/// What the booking transaction has read and locked when it asks the engine to decide.
/// What a booking's revision decides on, read in its transaction: the booking, its checkins, the
/// resources the revision would newly hold with the lines holding them, and the name of the member
/// it names (nil when that is no live member, or it names none).
public struct BookingRevisionContext: Sendable {
    public var booking: Booking
    public var linked: [Checkin]
    public var resources: [UUID: BookableResource]
    public var memberName: String?

    public init(booking: Booking, linked: [Checkin], resources: [UUID: BookableResource], memberName: String?) {
        self.booking = booking
        self.linked = linked
        self.resources = resources
        self.memberName = memberName
    }
}

public struct BookingContext: Sendable {
    public var organization: Organization
    public var resources: [UUID: BookableResource]
    /// The member's name; nil when the booking names no live member.
    public var memberName: String?
    /// The number the booking gets if it is written (the series' next value this year).
    public var nextSequence: Int

    public init(organization: Organization, resources: [UUID: BookableResource], memberName: String?, nextSequence: Int) {
        self.organization = organization
        self.resources = resources
        self.memberName = memberName
        self.nextSequence = nextSequence
    }
}
