import Foundation
import FrontdeskCore

extension Frontdesk {
    public static let maxEventPage = 1_000

    /// The organization's outbox after `sequence`, oldest first; for a person limited to some
    /// locations, what happened at them (read on until `limit` are found or the outbox ends).
    public func events(_ caller: Caller, after sequence: Int64, limit: Int) async throws -> [Event] {
        try caller.require(.eventRead)
        var v = Validator()
        v.check(sequence >= 0, "after", "must be zero or more")
        v.check((1...Self.maxEventPage).contains(limit), "limit", "must be between 1 and \(Self.maxEventPage)")
        try v.validate()
        var (found, after) = ([Event](), sequence)
        while true {
            let page = try await store.events(caller.organizationID, after: after, limit: limit)
            found += page.filter(caller.sees)
            guard found.count < limit, page.count == limit, let last = page.last else { break }
            after = last.sequence
        }
        return Array(found.prefix(limit))
    }

    /// The sequence of the organization's newest event: where a page that follows the stream from
    /// now starts (`eventStream(after:)`). Requires `event:read`.
    public func lastEventSequence(_ caller: Caller) async throws -> Int64 {
        try caller.require(.eventRead)
        return try await store.lastEventSequence(caller.organizationID)
    }

    /// The organization's events after `sequence` as an endless sequence: the stored ones, then
    /// each new one as it commits (through this process or, on PostgreSQL, any other). `types`
    /// keeps only those types; empty keeps all.
    ///
    /// ```swift
    /// for try await event in try frontdesk.eventStream(caller, after: lastSeen) {
    ///     print(event.sequence, event.type)
    /// }
    /// ```
    public func eventStream(_ caller: Caller, after sequence: Int64, types: Set<EventType> = []) throws -> EventStream {
        try caller.require(.eventRead)
        var v = Validator()
        v.check(sequence >= 0, "after", "must be zero or more")
        try v.validate()
        return EventStream(store: store, feeds: feeds, organizationID: caller.organizationID, after: sequence,
                           types: types, caller: caller)
    }
}
