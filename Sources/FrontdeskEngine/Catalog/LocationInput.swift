import FrontdeskCore

/// The fields of a location a client sends; on PATCH, nil leaves a field as it is, and `settings`
/// replaces every override (`LocationSettings()` clears them all).
public struct LocationInput: Sendable {
    public var name: String?
    public var timeZone: String?
    public var settings: LocationSettings?
    public var onePlaceAtATime: Bool?

    public init(name: String? = nil, timeZone: String? = nil, settings: LocationSettings? = nil,
                onePlaceAtATime: Bool? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.settings = settings
        self.onePlaceAtATime = onePlaceAtATime
    }
}
