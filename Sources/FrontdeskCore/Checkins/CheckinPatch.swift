import Foundation

/// A change to a checkin: its planned window, notes, metadata, and the stamps `check_in` and
/// `check_out`, which follow the same rules as the check-in and check-out calls.
public struct CheckinPatch: Sendable, Hashable {
    public var startsAt: Date?
    public var endsAt: Date?
    /// An empty string clears the notes.
    public var notes: String?
    /// Replaces the metadata as a whole.
    public var metadata: [String: JSONValue]?
    public var checkIn: Date?
    public var checkOut: Date?

    public init(startsAt: Date? = nil, endsAt: Date? = nil, notes: String? = nil,
                metadata: [String: JSONValue]? = nil, checkIn: Date? = nil, checkOut: Date? = nil) {
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.notes = notes
        self.metadata = metadata
        self.checkIn = checkIn
        self.checkOut = checkOut
    }

    public var isEmpty: Bool { self == CheckinPatch() }

    /// What can be checked without the checkin: the fields on their own.
    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.check(!isEmpty, "body", "give at least one of starts_at, ends_at, notes, metadata, check_in, check_out")
        if let startsAt, let endsAt { Checkin.checkPlanned(startsAt, endsAt, &v) }
        Checkin.checkDetails(notes: notes, metadata: metadata, &v)
        try v.validate()
    }
}
