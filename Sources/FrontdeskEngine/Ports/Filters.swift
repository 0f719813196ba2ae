import Foundation
import FrontdeskCore

public struct ResourceFilter: Sendable, Hashable {
    /// Resources at one of these locations; empty: at any.
    public var locationIDs: [UUID]
    public var kind: String?
    public var category: String?

    public init(locationIDs: [UUID] = [], kind: String? = nil, category: String? = nil) {
        self.locationIDs = locationIDs
        self.kind = kind
        self.category = category
    }

    public func matches(_ resource: Resource) -> Bool {
        (locationIDs.isEmpty || locationIDs.contains(resource.locationID))
            && (kind.map { $0 == resource.kind } ?? true)
            && (category.map { $0 == resource.category } ?? true)
    }
}

public struct MemberFilter: Sendable, Hashable {
    /// Matches name, email or phone, case-insensitively.
    public var query: String?
    /// The member holding this code (expired or not), exactly.
    public var code: String?
    /// The member with this id in another system, exactly.
    public var externalRef: String?

    public init(query: String? = nil, code: String? = nil, externalRef: String? = nil) {
        self.query = query
        self.code = code
        self.externalRef = externalRef
    }
}

public struct BookingFilter: Sendable, Hashable {
    public var statuses: [BookingStatus]
    public var memberID: UUID?
    public var resourceID: UUID?
    /// Bookings of one of these locations (`Booking.locationID`: their first line's resource's when
    /// made); empty: of any.
    public var locationIDs: [UUID]
    /// Bookings with a line overlapping this window.
    public var window: TimeWindow?
    /// Bookings that started at or before this instant and have no checkin: the seed's no-shows.
    public var startedWithoutCheckin: Date?

    public init(statuses: [BookingStatus] = [], memberID: UUID? = nil, resourceID: UUID? = nil,
                locationIDs: [UUID] = [], window: TimeWindow? = nil, startedWithoutCheckin: Date? = nil) {
        self.statuses = statuses
        self.memberID = memberID
        self.resourceID = resourceID
        self.locationIDs = locationIDs
        self.window = window
        self.startedWithoutCheckin = startedWithoutCheckin
    }
}

public struct CheckinFilter: Sendable, Hashable {
    public var states: [CheckinState]
    public var resourceID: UUID?
    public var memberID: UUID?
    public var bookingID: UUID?
    /// Checkins at one of these locations (`Checkin.locationID`: where the visit happened); empty: at any.
    public var locationIDs: [UUID]
    /// Checkins whose visit overlaps this window: the planned one, else from the check-in (or, pending,
    /// the creation) to the check-out (or, still there, without end).
    public var window: TimeWindow?

    public init(states: [CheckinState] = [], resourceID: UUID? = nil, memberID: UUID? = nil, bookingID: UUID? = nil,
                locationIDs: [UUID] = [], window: TimeWindow? = nil) {
        self.states = states
        self.resourceID = resourceID
        self.memberID = memberID
        self.bookingID = bookingID
        self.locationIDs = locationIDs
        self.window = window
    }
}

/// Which of the organization's audit entries a list holds; every filter given must match.
public struct AuditFilter: Sendable, Hashable {
    /// The entity types the audit log records.
    public static let entityTypes = ["booking", "checkin", "correction", "invoice"]
    /// The kinds of actor an entry names (`Actor.type`).
    public static let actorTypes = ["api_key", "user", "system"]

    public var entityType: String?
    public var entityID: UUID?
    public var actorType: String?
    public var actorID: String?
    /// Entries made at or after `from` and before `to`.
    public var from: Date?
    public var to: Date?

    public init(entityType: String? = nil, entityID: UUID? = nil, actorType: String? = nil, actorID: String? = nil,
                from: Date? = nil, to: Date? = nil) {
        self.entityType = entityType
        self.entityID = entityID
        self.actorType = actorType
        self.actorID = actorID
        self.from = from
        self.to = to
    }

    /// Names each filter a client got wrong: an unknown type (listing the known ones), a period that ends before it starts.
    public func validate() throws(FrontdeskError) {
        var v = Validator()
        if let entityType {
            v.check(Self.entityTypes.contains(entityType), "entity_type",
                    "must be one of " + Self.entityTypes.joined(separator: ", "))
        }
        if let actorType {
            v.check(Self.actorTypes.contains(actorType), "actor_type", "must be one of " + Self.actorTypes.joined(separator: ", "))
        }
        v.text(actorID, "actor_id")
        if let from, let to { v.check(from < to, "to", "must be after from") }
        try v.validate()
    }
}

/// A booking named by its id or by its number (`BK-2026-0001`).
public enum BookingReference: Sendable, Hashable, CustomStringConvertible {
    case id(UUID)
    case number(String)

    public init(_ text: String) throws(FrontdeskError) {
        if let id = UUID(text: text) {
            self = .id(id)
        } else if BookingNumber.looksLikeNumber(text) {
            self = .number(text)
        } else {
            throw .malformedRequest("A booking is named by its id (a UUID) or its number (BK-2026-0001), not \(text)")
        }
    }

    public var description: String {
        switch self {
        case .id(let id): id.text
        case .number(let number): number
        }
    }
}

/// Which of the organization's corrections a list holds: each list given matches any of its values.
public struct CorrectionFilter: Sendable, Hashable {
    public var statuses: [CorrectionStatus]
    public var types: [CorrectionType]
    public var priorities: [CorrectionPriority]
    public var memberID: UUID?
    public var checkinID: UUID?

    public init(statuses: [CorrectionStatus] = [], types: [CorrectionType] = [], priorities: [CorrectionPriority] = [],
                memberID: UUID? = nil, checkinID: UUID? = nil) {
        self.statuses = statuses
        self.types = types
        self.priorities = priorities
        self.memberID = memberID
        self.checkinID = checkinID
    }
}
