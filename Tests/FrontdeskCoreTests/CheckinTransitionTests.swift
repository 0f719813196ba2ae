import Foundation
import FrontdeskCore
import Testing

/// A visit's derived state and its steps: check-in, check-out, revert, PATCH, and their events.
@Suite struct CheckinTransitionTests {
    static let t = (0...5).map { Fixture.instant("2026-06-01T1\($0):00:00Z") }

    static func visit(checkIn: Date? = nil, checkOut: Date? = nil) -> Checkin {
        Checkin(id: Fixture.id(0xE1), organizationID: Fixture.organizationID, resourceID: Fixture.id(0x201), locationID: Fixture.locationID,
                memberID: Fixture.memberID, checkIn: checkIn, checkOut: checkOut, metadata: ["badge": .integer(7)],
                createdAt: Fixture.created)
    }

    static let pending = visit()
    static let inProgress = visit(checkIn: t[1])
    static let complete = visit(checkIn: t[1], checkOut: t[2])

    func code(_ error: FrontdeskError?) -> String? { error?.code }

    @Test func stateIsDerivedFromTheStamps() {
        #expect(CheckinState(checkIn: nil, checkOut: nil) == .pending)
        #expect(CheckinState(checkIn: nil, checkOut: Self.t[0]) == .pending)
        #expect(CheckinState(checkIn: Self.t[0], checkOut: nil) == .inProgress)
        #expect(CheckinState(checkIn: Self.t[0], checkOut: Self.t[1]) == .complete)
        #expect([Self.pending, Self.inProgress, Self.complete].map(\.state) == [.pending, .inProgress, .complete])
    }

    @Test func checkInStampsAPendingVisitOnly() throws {
        let t = Self.t
        let next = try Self.pending.checkingIn(at: t[1].addingTimeInterval(0.0004), now: t[2])
        #expect(next.state == .inProgress)
        #expect(next.checkIn == t[1])
        #expect(next.version == 2 && next.updatedAt == t[2])
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.inProgress.checkingIn(at: t[3], now: t[3]) }) == "duplicate_checkin")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.complete.checkingIn(at: t[3], now: t[3]) }) == "duplicate_checkin")
        #expect(thrownError { () throws(FrontdeskError) in try Self.inProgress.checkingIn(at: t[3], now: t[3]) }?.status == 409)
    }

    @Test func checkOutNeedsACheckInAndComesAfterIt() throws {
        let t = Self.t
        let done = try Self.inProgress.checkingOut(at: t[3], now: t[4])
        #expect(done.state == .complete && done.checkOut == t[3] && done.version == 2 && done.updatedAt == t[4])
        #expect(try Self.inProgress.checkingOut(at: t[1], now: t[4]).checkOut == t[1], "a zero-length visit is fine")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.pending.checkingOut(at: t[3], now: t[3]) }) == "not_checked_in")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.complete.checkingOut(at: t[3], now: t[3]) }) == "already_checked_out")
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.inProgress.checkingOut(at: t[0], now: t[3]) } == ["at"])
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.inProgress.checkingOut(at: t[0], now: t[3], field: "check_out") }
                == ["check_out"])
    }

    @Test func revertUndoesTheLastStep() throws {
        let t = Self.t
        let reopened = try Self.complete.reverting(now: t[4])
        #expect(reopened.state == .inProgress && reopened.checkIn == t[1] && reopened.checkOut == nil)
        #expect(reopened.version == 2 && reopened.updatedAt == t[4])
        let back = try reopened.reverting(now: t[5])
        #expect(back.state == .pending && back.checkIn == nil && back.version == 3)
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.pending.reverting(now: t[4]) }) == "nothing_to_revert")
    }

    @Test func patchEditsThePlanAndDetails() throws {
        let t = Self.t
        let planned = try Self.pending.applying(CheckinPatch(startsAt: t[1], endsAt: t[3], notes: "desk 4",
                                                             metadata: ["door": .string("north")]), now: t[4])
        #expect(planned.planned == TimeWindow(start: t[1], end: t[3]))
        #expect(planned.notes == "desk 4" && planned.metadata == ["door": .string("north")])
        #expect(planned.version == 2 && planned.updatedAt == t[4] && planned.state == .pending)

        let moved = try planned.applying(CheckinPatch(endsAt: t[5], notes: ""), now: t[5])
        #expect(moved.planned == TimeWindow(start: t[1], end: t[5]))
        #expect(moved.notes == nil && moved.metadata == ["door": .string("north")])

        #expect(validationFields { () throws(FrontdeskError) in _ = try planned.applying(CheckinPatch(startsAt: t[4]), now: t[5]) } == ["ends_at"])
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.pending.applying(CheckinPatch(startsAt: t[1]), now: t[5]) } == ["ends_at"])
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.pending.applying(CheckinPatch(), now: t[5]) } == ["body"])
        #expect(validationFields { () throws(FrontdeskError) in
            _ = try Self.pending.applying(CheckinPatch(notes: String(repeating: "x", count: 10_001)), now: t[5])
        } == ["notes"])
        let big: [String: JSONValue] = ["blob": .string(String(repeating: "x", count: Checkin.maxMetadataBytes))]
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.pending.applying(CheckinPatch(metadata: big), now: t[5]) } == ["metadata"])
    }

    @Test func patchStampsFollowTheCallsRules() throws {
        let t = Self.t
        let both = try Self.pending.applying(CheckinPatch(notes: "late", checkIn: t[1], checkOut: t[2]), now: t[3])
        #expect(both.state == .complete && both.checkIn == t[1] && both.checkOut == t[2])
        #expect(both.version == 2, "one PATCH is one version")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.inProgress.applying(CheckinPatch(checkIn: t[2]), now: t[3]) })
                == "duplicate_checkin")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.pending.applying(CheckinPatch(checkOut: t[2]), now: t[3]) })
                == "not_checked_in")
        #expect(code(thrownError { () throws(FrontdeskError) in try Self.complete.applying(CheckinPatch(checkOut: t[3]), now: t[3]) })
                == "already_checked_out")
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.inProgress.applying(CheckinPatch(checkOut: t[0]), now: t[3]) }
                == ["check_out"])
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.pending.applying(CheckinPatch(checkIn: t[2], checkOut: t[1]), now: t[3]) }
                == ["check_out"])
    }

    @Test func eventsNameWhatChanged() throws {
        let t = Self.t
        let started = try Self.pending.checkingIn(at: t[1], now: t[1])
        let done = try started.checkingOut(at: t[2], now: t[2])
        let noted = try Self.pending.applying(CheckinPatch(notes: "x"), now: t[1])
        let notedAndIn = try Self.pending.applying(CheckinPatch(notes: "x", checkIn: t[1]), now: t[1])
        let same = try Self.pending.applying(CheckinPatch(notes: nil, metadata: Self.pending.metadata), now: t[1])
        #expect(Checkin.events(before: nil, after: Self.pending) == [.checkinCreated])
        #expect(Checkin.events(before: nil, after: Self.inProgress) == [.checkinCreated, .checkinStarted])
        #expect(Checkin.events(before: Self.pending, after: started) == [.checkinStarted])
        #expect(Checkin.events(before: started, after: done) == [.checkoutStarted, .checkoutCompleted])
        #expect(Checkin.events(before: Self.pending, after: done) == [.checkinStarted, .checkoutStarted, .checkoutCompleted])
        #expect(Checkin.events(before: Self.pending, after: noted) == [.checkinUpdated])
        #expect(Checkin.events(before: Self.pending, after: notedAndIn) == [.checkinUpdated, .checkinStarted])
        #expect(Checkin.events(before: Self.pending, after: same) == [.checkinUpdated])
        #expect(Checkin.events(before: done, after: try done.reverting(now: t[3])) == [.checkinUpdated])
        #expect(Checkin.events(before: Self.complete, after: nil) == [.checkinDeleted])
    }

    @Test func jsonIsTheAPIShape() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Self.inProgress.json) as? [String: Any])
        #expect(json["state"] as? String == "in_progress")
        #expect(json["id"] as? String == Fixture.id(0xE1).uuidString.lowercased())
        #expect((json["metadata"] as? [String: Any])?["badge"] as? Int == 7)
        #expect(json["check_out"] == nil && json["booking_id"] == nil && json["starts_at"] == nil)
        #expect(Set(json.keys) == ["id", "resource_id", "location_id", "member_id", "check_in", "state", "metadata",
                                   "version", "created_at", "updated_at"])
    }

    @Test func metadataRoundTripsAnyJSON() throws {
        let text = #"{"a":[1,2.5,"x",true,null,{"b":{}}],"n":-3}"#
        let value = try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8))
        #expect(value["n"] == .integer(-3))
        #expect(value["a"] == .array([.integer(1), .number(2.5), .string("x"), .bool(true), .null, .object(["b": .object([:])])]))
        #expect(try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(value)) == value)
        #expect(try JSONDecoder().decode([String: JSONValue].self, from: JSONValue.object(value).json) == value)
    }
}
