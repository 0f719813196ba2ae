import Foundation
import FrontdeskCore

extension Frontdesk {
    public static let maxEventPage = 1_000

    /// The organization's outbox after `sequence`, oldest first.
    public func events(_ caller: Caller, after sequence: Int64, limit: Int) async throws -> [Event] {
        try caller.require(.eventRead)
        var v = Validator()
        v.check(sequence >= 0, "after", "must be zero or more")
        v.check((1...Self.maxEventPage).contains(limit), "limit", "must be between 1 and \(Self.maxEventPage)")
        try v.validate()
        return try await store.events(caller.organizationID, after: sequence, limit: limit)
    }
}
