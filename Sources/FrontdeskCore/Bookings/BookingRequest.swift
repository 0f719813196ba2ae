import Foundation

/// What a client asks for when it creates a booking, windows already resolved to instants.
public struct BookingRequest: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var resourceID: UUID
        public var window: TimeWindow
        /// The dates it was booked by, when it was (a hotel's check-in and check-out days).
        public var dates: StayDates?

        public init(resourceID: UUID, window: TimeWindow, dates: StayDates? = nil) {
            self.resourceID = resourceID
            self.window = window
            self.dates = dates
        }
    }

    public var memberID: UUID
    public var lines: [Line]
    public var status: BookingStatus
    public var source: Booking.Source
    public var notes: String?
    /// A guest made at the desk with the booking, written in its transaction (`memberID` is theirs).
    public var newMember: Member?

    public init(memberID: UUID, lines: [Line], status: BookingStatus = .confirmed,
                source: Booking.Source = .api, notes: String? = nil, newMember: Member? = nil) {
        self.memberID = memberID
        self.lines = lines
        self.status = status
        self.source = source
        self.notes = notes
        self.newMember = newMember
    }

    public static let maxLines = 100
    /// The longest window one line may hold: a little over a year.
    public static let maxLineDuration: TimeInterval = 400 * 86_400
    public static let maxLineMinutes = Int(maxLineDuration / 60)

    public var resourceIDs: [UUID] { Array(Set(lines.map(\.resourceID))) }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.check(!lines.isEmpty, "lines", "must hold at least one resource")
        v.check(lines.count <= Self.maxLines, "lines", "must hold at most \(Self.maxLines) resources")
        v.check(BookingStatus.creatable.contains(status), "status", "must be pending, confirmed or active")
        v.text(notes, "notes", max: 10_000, multiline: true)
        var positions: [UUID: Int] = [:]
        for (i, line) in lines.enumerated() {
            if let first = positions[line.resourceID] {
                v.check(false, "lines[\(i)].resource_id",
                        "\(line.resourceID.text) is already lines[\(first)]: a booking holds a resource once")
            }
            positions[line.resourceID] = positions[line.resourceID] ?? i
            v.check(!line.window.isEmpty, "lines[\(i)].ends_at", "must be after starts_at")
            v.check(line.window.duration <= Self.maxLineDuration, "lines[\(i)].ends_at", "a line may last at most 400 days")
        }
        try v.validate()
    }
}
