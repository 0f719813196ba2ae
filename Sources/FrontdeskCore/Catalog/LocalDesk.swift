import Foundation

/// How a resource's dates are read and its desk is run: its location's time zone and effective
/// desk settings (each the location's own, else its organization's).
public struct LocalDesk: Sendable, Hashable {
    public var timeZone: TimeZone
    public var settings: DeskSettings

    public init(timeZone: TimeZone, settings: DeskSettings) {
        self.timeZone = timeZone
        self.settings = settings
    }

    /// The desk of a location with time zone `zone` (an identifier, nil: the organization's) and
    /// overrides `settings`, in `organization`.
    public init(zone: String?, settings: LocationSettings, in organization: Organization) {
        self.init(timeZone: Location.zone(zone, else: organization.zone), settings: settings.resolved(over: organization.desk))
    }
}
