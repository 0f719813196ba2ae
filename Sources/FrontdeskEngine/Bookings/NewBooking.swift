import Foundation
import FrontdeskCore

/// A booking as a client asks for it, before its windows are resolved.
public struct NewBooking: Sendable {
    public struct Line: Sendable {
        public var resourceID: UUID
        public var window: WindowSpec

        public init(resourceID: UUID, window: WindowSpec) {
            self.resourceID = resourceID
            self.window = window
        }
    }

    /// Who holds the booking: a member of the organization, or a guest made with it.
    public enum Holder: Sendable {
        case member(UUID)
        case newMember(MemberInput)
    }

    public var holder: Holder
    public var lines: [Line]
    public var status: BookingStatus
    public var source: Booking.Source
    public var notes: String?

    public init(memberID: UUID, lines: [Line], status: BookingStatus = .confirmed,
                source: Booking.Source = .api, notes: String? = nil) {
        self.init(holder: .member(memberID), lines: lines, status: status, source: source, notes: notes)
    }

    public init(holder: Holder, lines: [Line], status: BookingStatus = .confirmed,
                source: Booking.Source = .api, notes: String? = nil) {
        self.holder = holder
        self.lines = lines
        self.status = status
        self.source = source
        self.notes = notes
    }

    /// The API's two spellings: `resource_ids` sharing one `window`, or `lines` each with its own
    /// window (a line without one takes the booking's).
    public init(holder: Holder, resourceIDs: [UUID]?, window: WindowSpec?, lines: [(UUID, WindowSpec?)]?,
                status: BookingStatus?, source: Booking.Source?, notes: String?) throws(FrontdeskError) {
        var v = Validator()
        v.check(!(resourceIDs != nil && lines != nil), "lines", "give resource_ids or lines, not both")
        v.check(resourceIDs != nil || lines != nil, "resource_ids", "give resource_ids or lines")
        var resolved: [Line] = []
        for id in resourceIDs ?? [] {
            if let window { resolved.append(Line(resourceID: id, window: window)) }
        }
        if resourceIDs != nil { v.check(window != nil, "starts_at", "resource_ids need a window") }
        for (i, (id, lineWindow)) in (lines ?? []).enumerated() {
            guard let lineWindow = lineWindow ?? window else {
                v.check(false, "lines[\(i)].starts_at", "each line needs a window, its own or the booking's")
                continue
            }
            resolved.append(Line(resourceID: id, window: lineWindow))
        }
        try v.validate()
        self.init(holder: holder, lines: resolved, status: status ?? .confirmed, source: source ?? .api, notes: notes)
    }
}

/// A change a client asks for through `PATCH /bookings/{id}`.
public struct BookingPatch: Sendable {
    public var status: BookingStatus?
    public var notes: String?

    public init(status: BookingStatus? = nil, notes: String? = nil) {
        self.status = status
        self.notes = notes
    }
}
