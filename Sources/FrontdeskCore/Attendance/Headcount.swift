import Foundation

/// A visit in progress as the occupancy reads it: the checkin, where it is, and who.
public struct PresentVisit: Sendable, Hashable {
    public var visit: Checkin
    public var resourceName: String
    public var locationName: String
    /// The member's type; nil for a visit of no one.
    public var memberType: String?

    public init(visit: Checkin, resourceName: String, locationName: String, memberType: String?) {
        self.visit = visit
        self.resourceName = resourceName
        self.locationName = locationName
        self.memberType = memberType
    }
}

/// Who is in now: the visits in progress counted by location, resource and member type.
public struct Headcount: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        public var key: String
        public var name: String?
        public var count: Int
    }

    public var total: Int
    public var byLocation: [Count]
    public var byResource: [Count]
    /// Visits of no one counted under `none`.
    public var byMemberType: [Count]
    public var visits: [PresentVisit]

    public init(_ visits: [PresentVisit]) {
        func counted(_ key: (PresentVisit) -> (String, String?)) -> [Count] {
            Dictionary(grouping: visits.map(key), by: \.0).map { key, group in Count(key: key, name: group[0].1, count: group.count) }
                .sorted { ($0.name ?? $0.key, $0.key) < ($1.name ?? $1.key, $1.key) }
        }
        total = visits.count
        byLocation = counted { ($0.visit.locationID.text, $0.locationName) }
        byResource = counted { ($0.visit.resourceID.text, $0.resourceName) }
        byMemberType = counted { ($0.memberType ?? "none", nil) }
        self.visits = visits.sorted { ($0.visit.checkIn ?? .distantPast, $0.visit.id.text) < ($1.visit.checkIn ?? .distantPast, $1.visit.id.text) }
    }
}
