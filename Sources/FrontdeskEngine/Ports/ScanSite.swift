import Foundation
import FrontdeskCore

/// Where a scan happens, as a store reads it in one statement of the scan's transaction: the
/// organization's attendance settings and zone, and the location scanned in.
public struct ScanSite: Sendable {
    /// The location as read: nil when it is none of the organization's.
    public struct Place: Sendable {
        public var id: UUID
        /// Its own zone, if any (`Location.zone`).
        public var zone: String?
        public var onePlaceAtATime: Bool
        /// Not deleted.
        public var live: Bool
    }

    public var settings: AttendanceSettings
    public var organizationZone: String
    public var location: Place?

    /// `storedSettings`: the organization's document, decoded once per text (`AttendanceSettings(stored:)`);
    /// `location`: the location's columns, nil when it is none of the organization's.
    public init(storedSettings: String, organizationZone: String,
                location: (id: UUID, zone: String?, onePlaceAtATime: Bool, live: Bool)?) throws {
        settings = try AttendanceSettings(stored: storedSettings)
        self.organizationZone = organizationZone
        self.location = location.map { Place(id: $0.id, zone: $0.zone, onePlaceAtATime: $0.onePlaceAtATime, live: $0.live) }
    }

    /// A live location of the organization.
    public var isLiveLocation: Bool { location?.live == true }

    /// What classifies `member`'s visits here; nil without a location.
    public func attendance(of member: Member) -> AttendanceContext? {
        location.map { location in
            AttendanceContext(memberType: member.type, schedule: member.schedule, settings: settings,
                              locationZone: location.zone, organizationZone: organizationZone)
        }
    }
}
