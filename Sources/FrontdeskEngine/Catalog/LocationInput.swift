/// The fields of a location a client sends; on PATCH, nil leaves a field as it is.
public struct LocationInput: Sendable {
    public var name: String?
    public var timeZone: String?

    public init(name: String? = nil, timeZone: String? = nil) {
        self.name = name
        self.timeZone = timeZone
    }
}
