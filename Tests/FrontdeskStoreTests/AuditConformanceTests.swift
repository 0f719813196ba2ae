import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The audit log: one entry per booking change, with who, what, before and after.
@Suite("Audit")
struct AuditConformanceTests {
    @Test(arguments: Backend.enabled)
    func everyChangeIsAuditedWithBeforeAndAfter(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let room = try await f.makeResource(at: location)
            let member = try await f.makeMember()
            let desk = try await f.frontdesk.createKey(f.owner, name: "night desk", role: .frontDesk)
            let deskCaller = Caller(key: desk.key)

            let created = try await f.book(member, room, hours(14, 38))
            f.clock.advance(by: 60)
            let checkedIn = try await f.frontdesk.perform(deskCaller, .checkIn, on: .id(created.id))
            f.clock.advance(by: 60)
            let cancelled = try await f.frontdesk.perform(deskCaller, .cancel, on: .id(created.id), reason: "left early")

            let audit = try await f.frontdesk.bookingAudit(f.owner, .number(created.number))
            try #require(audit.count == 3)
            #expect(audit.map(\.action) == ["create", "check_in", "cancel"])
            #expect(audit.map(\.createdAt) == [StoreFixture.start, StoreFixture.start + 60, StoreFixture.start + 120])
            #expect(audit.allSatisfy {
                $0.entityType == "booking" && $0.entityID == created.id && $0.organizationID == Organization.defaultID
            })
            #expect(Set(audit.map(\.id)).count == 3)

            let ownerKey = try #require(f.owner.key)
            #expect(audit[0].actor == Actor(type: "api_key", id: ownerKey.id.uuidString.lowercased(), name: "owner"))
            #expect(audit[1].actor == Actor(type: "api_key", id: desk.key.id.uuidString.lowercased(), name: "night desk"))
            #expect(audit[0].before == nil)
            #expect(sameJSON(audit[0].after, DomainJSON.encode(created)))
            // A change keeps the members it changed, each side as it was: replayed, the trail gives
            // every state of the booking.
            #expect(replays(audit[1], from: DomainJSON.encode(created), to: DomainJSON.encode(checkedIn)))
            #expect(replays(audit[2], from: DomainJSON.encode(checkedIn), to: DomainJSON.encode(cancelled)))
            #expect(jsonObject(audit[1].before)?["status"] as? String == created.status.rawValue)
            #expect(jsonObject(audit[2].before)?["status"] as? String == "checked_in")
            #expect(jsonObject(audit[2].after)?["status"] as? String == "cancelled")
            #expect(jsonObject(audit[2].after)?["cancellation_reason"] as? String == "left early")
            #expect(jsonObject(audit[2].before)?["cancellation_reason"] == nil)
            #expect(jsonObject(audit[2].after)?["number"] == nil && jsonObject(audit[2].before)?["number"] == nil)
            #expect(audit.map(\.reason) == [nil, nil, "left early"])

            #expect(try await f.store.auditEntries(Organization.defaultID, entityID: created.id) == audit)
        }
    }

    @Test(arguments: Backend.enabled)
    func auditOfAnotherOrganizationIsNotVisible(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let booking = try await f.book(try await f.makeMember(), try await f.makeResource(at: location), hours(14, 38))
            let b = try await f.makeOrganization()
            #expect(try await f.store.auditEntries(b.organizationID, entityID: booking.id).isEmpty)
            await expectError("not_found") { try await f.frontdesk.bookingAudit(b, .id(booking.id)) }
            #expect(try await f.store.auditEntries(Organization.defaultID, entityID: booking.id).count == 1)
        }
    }

    /// The audit names each kind of caller as such: a key by its id, the sweeper as `system`, a
    /// person signed in as a `user`; and each one's idempotency keys are its own.
    @Test(arguments: Backend.enabled)
    func theAuditNamesTheKeyTheSystemOrThePerson(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let location = try await f.makeLocation()
            let member = try await f.makeMember()
            let (one, two) = (try await f.makeResource(at: location, name: "1"), try await f.makeResource(at: location, name: "2"))
            let held = try await f.book(member, one, hours(14, 38), status: .pending)
            f.clock.advance(by: 3_600)
            #expect(try await f.frontdesk.sweep() == 1)
            let personID = UUID()
            let person = Caller(person: personID, name: "Grace at the desk", organizationID: Organization.defaultID,
                                role: .frontDesk)
            let booked = try await f.book(person, member, two, hours(14, 38))

            let swept = try await f.frontdesk.bookingAudit(f.owner, .id(held.id))
            let ownerKey = try #require(f.owner.key)
            #expect(swept.map(\.action) == ["create", "expire"])
            #expect(swept.map(\.actor) == [.key(ownerKey), Actor(type: "system", id: "system", name: "frontdesk")])
            let made = try await f.frontdesk.bookingAudit(f.owner, .id(booked.id))
            #expect(made.map(\.actor) == [Actor(type: "user", id: personID.text, name: "Grace at the desk")])

            #expect(f.owner.idempotencyScope.caller == "api_key:\(ownerKey.id.text)")
            #expect(Caller.system(Organization.defaultID).idempotencyScope.caller == "system:system")
            #expect(person.idempotencyScope.caller == "user:\(personID.text)")
            #expect(person.key == nil && Caller.system(Organization.defaultID).key == nil)
            await expectError("forbidden") { try await f.frontdesk.keys(person) }
        }
    }
}
