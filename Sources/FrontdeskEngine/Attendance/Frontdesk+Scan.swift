import Foundation
import FrontdeskCore

/// What a scan did: the member's visit it began or ended, or, for a stale one, the visit it lost to.
public struct ScanResult: Sendable {
    public enum Step: String, Sendable, Codable {
        case checkIn = "check_in"
        case checkOut = "check_out"
        case stale
    }

    public var step: Step
    public var checkin: Checkin
    /// The statistics of the visit's member, counting the scan (nil for an anonymous visit).
    public var memberStats: MemberStats?
}

/// A scan an offline device kept, sent in a batch: read at `request.at`, known by `nonce`.
public struct BatchScan: Sendable {
    public var request: ScanRequest
    public var nonce: String

    public init(request: ScanRequest, nonce: String) {
        self.request = request
        self.nonce = nonce
    }
}

/// A code shown at the door toggles its member's visit there (`ScanFacts.step`). It takes both
/// `booking:checkin` and `booking:checkout`, which the kiosk role has.
extension Frontdesk {
    public static let maxBatchScans = 500

    public func scan(_ caller: Caller, _ request: ScanRequest) async throws -> ScanResult {
        try caller.require(.bookingCheckin)
        try caller.require(.bookingCheckout)
        try request.validate(now: now)
        let (write, days) = try await scan(caller, request, nonce: nil, memberDays: true)
        let stats = days?.stats(now: now)
        switch write {
        case .failed: throw FrontdeskError.codeNotFound
        case .visit(let write, _): return ScanResult(step: write.checkin.checkin.checkOut == nil ? .checkIn : .checkOut,
                                                  checkin: write.checkin.checkin, memberStats: stats)
        case .stale(let visit): return ScanResult(step: .stale, checkin: visit, memberStats: stats)
        case .replayed: preconditionFailure("a scan without a nonce is never replayed")
        }
    }

    /// An offline device's scans, applied in the order of their stamps (`at`; ties in the order
    /// sent), each in its own transaction; a nonce answered before gets that answer again, and a
    /// refused scan's answer is kept too. The answers come in the order the scans were sent.
    public func scanBatch(_ caller: Caller, _ scans: [BatchScan]) async throws -> [ScanAnswer] {
        try caller.require(.bookingCheckin)
        try caller.require(.bookingCheckout)
        var v = Validator()
        v.check((1...Self.maxBatchScans).contains(scans.count), "scans", "send 1 to \(Self.maxBatchScans) scans")
        v.check(Set(scans.map(\.nonce)).count == scans.count, "scans", "a nonce names one scan of the batch")
        let now = self.now
        for (index, scan) in scans.enumerated() {
            v.text(scan.nonce, "scans[\(index)].nonce", required: true, max: 100)
            v.check(scan.request.at != nil, "scans[\(index)].at", "is required: when the device read the code")
            do {
                try scan.request.validate(now: now)
            } catch {
                if case .validationFailed(let issues) = error {
                    for issue in issues { v.check(false, "scans[\(index)].\(issue.field)", issue.message) }
                }
            }
        }
        try v.validate()
        var answers: [String: ScanAnswer] = [:]
        for scan in scans.enumerated().sorted(by: { ($0.element.request.at!, $0.offset) < ($1.element.request.at!, $1.offset) })
            .map(\.element) {
            do {
                answers[scan.nonce] = try await self.scan(caller, scan.request, nonce: scan.nonce, memberDays: false).write
                    .answer(nonce: scan.nonce)
            } catch let refusal as FrontdeskError {
                let answer = ScanAnswer(nonce: scan.nonce, refusal: refusal)
                try await store.recordScanAnswer(caller.organizationID, answer)
                answers[scan.nonce] = answer
            }
        }
        return scans.map { answers[$0.nonce]! }
    }

    /// One scan's write (and, when asked, its member's days after it); the plugins see the visit it
    /// begins or ends.
    private func scan(
        _ caller: Caller, _ request: ScanRequest, nonce: String?, memberDays: Bool
    ) async throws -> (write: ScanWrite, memberDays: MemberDays?) {
        // Made once, outside the transaction that a group commit may run again: a visit begun by a
        // second run is the same visit, and its move gets the plugins' first verdict.
        switch request.place {
        case .location(let id): try caller.requireVisible(location: id)
        case .resource(let id): try await requireVisible(resources: [id], caller)
        }
        let (actor, newID, hooks, visitID, failureID) = (caller.actor, self.newID, beforeHooks(caller), newID(), newID())
        let found = FoundTransitions()
        let scanned = try await store.scan(caller.organizationID, request, nonce: nonce, memberDays: memberDays) { context in
            let now = self.now  // in the transaction, as for checkins
            let step: ScanStep
            do {
                step = try context.facts.step(request, visitID: visitID, now: now)
            } catch FrontdeskError.codeNotFound {
                let data = FailedScanData(request).sortedJSON
                return .failed(FailedScan(
                    audit: AuditEntry(id: newID(), organizationID: caller.organizationID, entityType: "scan",
                                      entityID: failureID, action: "scan_failed", actor: actor, before: nil,
                                      after: data, reason: "code_not_found", createdAt: now),
                    event: EventDraft(id: failureID, type: .checkinFailed, entityType: "scan", entityID: failureID,
                                      data: data, createdAt: now)))
            }
            switch step {
            case .checkIn(let visit, let leaving):
                // Out of the other places first, each as its check-out would be.
                let left = try leaving.map { open in
                    let next = try open.checkingOut(at: visit.checkIn ?? now, now: now)
                    return try Self.write(context.elsewhere[open.id]?.classified(next) ?? next, from: open, linked: nil,
                                          action: "scan", actor: actor, reason: "checked in elsewhere", at: now,
                                          newID: newID, hooks: hooks, found: FoundTransitions())
                }
                try hooks.run([Transition.checkIn(visit)])
                found.set(left.map { Transition.checkOut($0.checkin.checkin) } + [Transition.checkIn(visit)])
                return .visit(CheckinWrite(checkin: Self.change(visit, before: nil, action: "scan", actor: actor,
                                                                reason: nil, at: now, newID: newID)), leaving: left)
            case .checkOut(let open):
                let next = try open.checkingOut(at: request.at ?? now, now: now)
                return .visit(try Self.write(context.attendance?.classified(next) ?? next, from: open, linked: context.linked,
                                             action: "scan", actor: actor, reason: nil, at: now, newID: newID,
                                             hooks: hooks, found: found))
            case .stale(let latest):
                return .stale(latest)
            }
        }
        if case .visit = scanned.write { try await runAfter(found.all, caller) }
        return scanned
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
}

extension ScanResult {
    /// The answer to a scan (the API's `ScanResult`): what it did, and the visit with its member's
    /// statistics.
    public var json: Data {
        var json = JSONWriter(capacity: 768)
        json.object { json in
            json.key("checkin"); checkin.write(to: &json, memberStats: memberStats)
            json.key("step"); json.string(step.rawValue)
        }
        return json.data
    }
}
