import Foundation
import FrontdeskCore

/// What a scan did: the member's visit it began or ended.
public struct ScanResult: Sendable {
    public enum Step: String, Sendable {
        case checkIn = "check_in"
        case checkOut = "check_out"
    }

    public var step: Step
    public var checkin: Checkin
}

/// A code shown at the door toggles its member's visit there (`ScanFacts.step`). It takes both
/// `booking:checkin` and `booking:checkout`, which the kiosk role has.
extension Frontdesk {
    public func scan(_ caller: Caller, _ request: ScanRequest) async throws -> ScanResult {
        try caller.require(.bookingCheckin)
        try caller.require(.bookingCheckout)
        try request.validate()
        // Made once, outside the transaction that a group commit may run again: a visit begun by a
        // second run is the same visit, and its move gets the plugins' first verdict.
        let (actor, newID, hooks, visitID, failureID) = (caller.actor, self.newID, beforeHooks(caller), newID(), newID())
        let found = FoundTransitions()
        let write = try await store.scan(caller.organizationID, request) { context in
            let now = self.now  // in the transaction, as for checkins
            let step: ScanStep
            do {
                step = try context.facts.step(request, visitID: visitID, now: now)
            } catch FrontdeskError.codeNotFound {
                let data = FailedScanData(request).json
                return .failed(FailedScan(
                    audit: AuditEntry(id: newID(), organizationID: caller.organizationID, entityType: "scan",
                                      entityID: failureID, action: "scan_failed", actor: actor, before: nil,
                                      after: data, reason: "code_not_found", createdAt: now),
                    event: EventDraft(id: failureID, type: .checkinFailed, entityType: "scan", entityID: failureID,
                                      data: data, createdAt: now)))
            }
            switch step {
            case .checkIn(let visit):
                let transitions = [Transition.checkIn(visit)]
                try hooks.run(transitions)
                found.set(transitions)
                return .visit(CheckinWrite(checkin: Self.change(visit, before: nil, action: "scan", actor: actor,
                                                                reason: nil, at: now, newID: newID)))
            case .checkOut(let open):
                let next = try open.checkingOut(at: now, now: now)
                return .visit(try Self.write(context.attendance?.classified(next) ?? next, from: open, linked: context.linked,
                                             action: "scan", actor: actor, reason: nil, at: now, newID: newID,
                                             hooks: hooks, found: found))
            }
        }
        switch write {
        case .failed:
            throw FrontdeskError.codeNotFound
        case .visit(let visit):
            try await runAfter(found.all, caller)
            let checkin = visit.checkin.checkin
            return ScanResult(step: checkin.checkOut == nil ? .checkIn : .checkOut, checkin: checkin)
        }
    }
}

/// The data of a `checkin_failed` event: what was scanned, where.
private struct FailedScanData: Encodable {
    var code: String
    var location_id: String?
    var resource_id: String?
    var reason = "code_not_found"

    init(_ request: ScanRequest) {
        code = request.code
        switch request.place {
        case .location(let id): location_id = id.text
        case .resource(let id): resource_id = id.text
        }
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try! encoder.encode(self)  // strings only: cannot fail
    }
}
