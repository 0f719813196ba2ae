import Foundation
import FrontdeskCore

public struct ResourceFilter: Sendable, Hashable {
    public var locationID: UUID?
    public var kind: String?
    public var category: String?

    public init(locationID: UUID? = nil, kind: String? = nil, category: String? = nil) {
        self.locationID = locationID
        self.kind = kind
        self.category = category
    }
}

public struct MemberFilter: Sendable, Hashable {
    /// Matches name, email or phone, case-insensitively.
    public var query: String?

    public init(query: String? = nil) { self.query = query }
}

public struct BookingFilter: Sendable, Hashable {
    public var statuses: [BookingStatus]
    public var memberID: UUID?
    public var resourceID: UUID?
    public var locationID: UUID?
    /// Bookings with a line overlapping this window.
    public var window: TimeWindow?

    public init(statuses: [BookingStatus] = [], memberID: UUID? = nil, resourceID: UUID? = nil,
                locationID: UUID? = nil, window: TimeWindow? = nil) {
        self.statuses = statuses
        self.memberID = memberID
        self.resourceID = resourceID
        self.locationID = locationID
        self.window = window
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
            throw .notFound(entity: "booking", id: text)
        }
    }

    public var description: String {
        switch self {
        case .id(let id): id.text
        case .number(let number): number
        }
    }
}
