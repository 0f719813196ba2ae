import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// Attendance corrections on every engine: each type submitted, reviewed and applied to its visit
/// with the visit's audit entry and events, a stale one refused, reviews by someone else only,
/// and nothing seen across organizations.
@Suite("Corrections")
struct CorrectionConformanceTests {
    /// A gym with a hall, a member, and a desk key and a manager key besides the owner's.
    struct Gym {
        let hall: Resource
        let member: Member
        let desk: Caller
        let manager: Caller

        init(_ f: StoreFixture) async throws {
            let location = try await f.makeLocation(name: "Gym")
            hall = try await f.makeResource(at: location, name: "Hall", kind: "hall", capacity: 20, unit: .hour)
            member = try await f.frontdesk.createMember(f.owner, MemberInput(type: "member", name: "Grace"))
            desk = Caller(key: try await f.frontdesk.createKey(f.owner, name: "desk", role: .frontDesk).key)
            manager = Caller(key: try await f.frontdesk.createKey(f.owner, name: "manager", role: .manager).key)
        }

        /// A finished visit: in now, out `minutes` later (the clock moves on to its check-out).
        func visit(_ f: StoreFixture, minutes: Double) async throws -> Checkin {
            let visit = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: hall.id, memberID: member.id,
                                                                                    checkIn: .now))
            f.clock.advance(by: minutes * 60)
            return try await f.frontdesk.checkOut(f.owner, visit.id)
        }

        /// Submitted by the desk, approved and applied by the manager.
        func correct(_ f: StoreFixture, _ request: CorrectionRequest) async throws -> Correction {
            let submitted = try await f.frontdesk.submitCorrection(desk, request)
            #expect(submitted.status == .pending && submitted.submittedBy == desk.actor)
            let approved = try await f.frontdesk.approveCorrection(manager, submitted.id, note: "checked the camera")
            #expect(approved.status == .approved && approved.reviewedBy == manager.actor)
            let applied = try await f.frontdesk.applyCorrection(manager, submitted.id)
            #expect(applied.status == .applied && applied.appliedBy == manager.actor && applied.appliedAt == f.now)
            #expect(try await f.frontdesk.correction(f.owner, submitted.id) == applied)
            let events = try await f.allEvents().filter { $0.entityID == submitted.id }
            #expect(events.map(\.type) == [.correctionSubmitted, .correctionApproved, .correctionApplied])
            #expect(sameJSON(try #require(events.last).data, DomainJSON.encode(applied)))
            return applied
        }
    }

    @Test(arguments: Backend.enabled)
    func timeCorrectionsMoveTheStampsAndClassifyAgain(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let visit = try await gym.visit(f, minutes: 120)
            let checkOut = try #require(visit.checkOut), checkIn = try #require(visit.checkIn)
            let eventsBefore = try await f.allEvents().count
            f.clock.advance(by: 2 * 3_600)

            let out = try await gym.correct(f, CorrectionRequest(
                type: .updateCheckOutTime, checkinID: visit.id, value: .instant(checkOut + 3_600), reason: "left late"))
            #expect(out.memberID == gym.member.id && out.checkinID == visit.id && out.checkOut == checkOut + 3_600)
            var corrected = try await f.frontdesk.checkin(f.owner, visit.id)
            #expect(corrected.checkOut == checkOut + 3_600 && corrected.attendance?.workedMinutes == 180)
            #expect(corrected.version == visit.version + 1)
            let audit = try #require(try await f.frontdesk.checkinAudit(f.owner, visit.id).last)
            #expect(audit.action == "correction" && audit.actor == gym.manager.actor)
            #expect(audit.reason?.contains(out.id.text) == true)
            let visitEvents = try await f.allEvents().dropFirst(eventsBefore).filter { $0.entityID == visit.id }
            #expect(visitEvents.map(\.type) == [.checkinUpdated])

            _ = try await gym.correct(f, CorrectionRequest(
                type: .updateCheckInTime, checkinID: visit.id, value: .instant(checkIn - 3_600), reason: "came early",
                priority: .high))
            corrected = try await f.frontdesk.checkin(f.owner, visit.id)
            #expect(corrected.checkIn == checkIn - 3_600 && corrected.attendance?.workedMinutes == 240)
        }
    }

    @Test(arguments: Backend.enabled)
    func anOverrideIsKeptUntilAnotherCorrection(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let visit = try await gym.visit(f, minutes: 30)
            #expect(visit.attendance?.type == .short)
            _ = try await gym.correct(f, CorrectionRequest(
                type: .overrideAttendanceType, checkinID: visit.id, value: .attendanceType(.fullDay), reason: "training day"))
            let overridden = try await f.frontdesk.checkin(f.owner, visit.id)
            #expect(overridden.attendance?.type == .fullDay && overridden.attendance?.overridden == true)
            #expect(overridden.attendance?.workedMinutes == 30)

            // A later step of the visit keeps it; a correction of its times classifies it anew.
            let noted = try await f.frontdesk.updateCheckin(f.owner, visit.id, CheckinPatch(notes: "badge fixed"))
            #expect(noted.attendance?.type == .fullDay && noted.attendance?.overridden == true)
            _ = try await gym.correct(f, CorrectionRequest(
                type: .updateCheckOutTime, checkinID: visit.id, value: .instant(visit.checkOut! - 60), reason: "clock"))
            let reclassified = try await f.frontdesk.checkin(f.owner, visit.id)
            #expect(reclassified.attendance?.type == .short && reclassified.attendance?.overridden == false)
        }
    }

    @Test(arguments: Backend.enabled)
    func aDuplicateIsDeletedAndAMissingVisitAdded(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let duplicate = try await gym.visit(f, minutes: 60)
            let deleted = try await gym.correct(f, CorrectionRequest(
                type: .deleteDuplicate, checkinID: duplicate.id, reason: "scanned twice"))
            #expect(deleted.checkinID == duplicate.id)
            await expectError("not_found") { try await f.frontdesk.checkin(f.owner, duplicate.id) }
            #expect(try await f.frontdesk.checkinAudit(f.owner, duplicate.id).last?.action == "correction")
            #expect(try await f.allEvents().filter { $0.entityID == duplicate.id }.last?.type == .checkinDeleted)

            let (start, end) = (f.now - 26 * 3_600, f.now - 20 * 3_600)
            let added = try await gym.correct(f, CorrectionRequest(
                type: .addMissingAttendance, memberID: gym.member.id, resourceID: gym.hall.id, checkIn: start, checkOut: end,
                reason: "scanner was down"))
            let visit = try await f.frontdesk.checkin(f.owner, try #require(added.checkinID))
            #expect(visit.memberID == gym.member.id && visit.resourceID == gym.hall.id && visit.bookingID == nil)
            #expect(visit.checkIn == start && visit.checkOut == end && visit.attendance?.workedMinutes == 360)
            #expect(try await f.allEvents().filter { $0.entityID == visit.id }.map(\.type)
                    == [.checkinCreated, .checkinStarted, .checkoutStarted, .checkoutCompleted])
            #expect(try await f.frontdesk.checkinAudit(f.owner, visit.id).map(\.action) == ["correction"])
        }
    }

    @Test(arguments: Backend.enabled)
    func aCorrectionTheVisitNoLongerTakesIsStale(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let visit = try await gym.visit(f, minutes: 120)
            let checkIn = try #require(visit.checkIn)
            let later = try await f.frontdesk.submitCorrection(gym.desk, CorrectionRequest(
                type: .updateCheckInTime, checkinID: visit.id, value: .instant(checkIn + 90 * 60), reason: "came late"))
            _ = try await f.frontdesk.approveCorrection(gym.manager, later.id, note: nil)
            // Checked out again before the proposed check-in: the correction no longer makes sense.
            _ = try await f.frontdesk.revertCheckin(f.owner, visit.id, reason: "wrong stamp")
            let changed = try await f.frontdesk.checkOut(f.owner, visit.id, at: checkIn + 3_600)
            await expectError("correction_stale") { try await f.frontdesk.applyCorrection(gym.manager, later.id) }
            #expect(try await f.frontdesk.checkin(f.owner, visit.id) == changed)
            #expect(try await f.frontdesk.correction(f.owner, later.id).status == .approved)

            let gone = try await f.frontdesk.submitCorrection(gym.desk, CorrectionRequest(
                type: .updateCheckOutTime, checkinID: visit.id, value: .instant(checkIn + 2 * 3_600), reason: "clock"))
            _ = try await f.frontdesk.approveCorrection(gym.manager, gone.id, note: nil)
            try await f.frontdesk.deleteCheckin(f.owner, visit.id)
            let events = try await f.allEvents().count
            await expectError("correction_stale") { try await f.frontdesk.applyCorrection(gym.manager, gone.id) }
            #expect(try await f.allEvents().count == events)
        }
    }

    @Test(arguments: Backend.enabled)
    func reviewsFollowTheirRules(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let visit = try await gym.visit(f, minutes: 60)
            let request = CorrectionRequest(type: .deleteDuplicate, checkinID: visit.id, reason: "twice")
            let own = try await f.frontdesk.submitCorrection(gym.manager, request)
            await expectError("self_review") { try await f.frontdesk.approveCorrection(gym.manager, own.id, note: nil) }
            await expectError("correction_not_approved") { try await f.frontdesk.applyCorrection(f.owner, own.id) }
            let rejected = try await f.frontdesk.rejectCorrection(f.owner, own.id, note: "not a duplicate")
            #expect(rejected.status == .rejected && rejected.reviewNote == "not a duplicate")
            await expectError("correction_not_pending") { try await f.frontdesk.approveCorrection(f.owner, own.id, note: nil) }
            await expectError("correction_not_approved") { try await f.frontdesk.applyCorrection(f.owner, own.id) }
            #expect(try await f.frontdesk.checkin(f.owner, visit.id) == visit)

            // The desk submits but does not review; a viewer reads only.
            let submitted = try await f.frontdesk.submitCorrection(gym.desk, request)
            await expectError("forbidden") { try await f.frontdesk.approveCorrection(gym.desk, submitted.id, note: nil) }
            await expectError("forbidden") { try await f.frontdesk.applyCorrection(gym.desk, submitted.id) }
            let viewer = Caller(key: try await f.frontdesk.createKey(f.owner, name: "viewer", role: .viewer).key)
            await expectError("forbidden") { try await f.frontdesk.submitCorrection(viewer, request) }
            #expect(try await f.frontdesk.correction(viewer, submitted.id) == submitted)
            #expect(try await f.allEvents().filter { $0.entityID == own.id }.map(\.type)
                    == [.correctionSubmitted, .correctionRejected])
            #expect(try await f.frontdesk.auditEntries(f.owner, filter: AuditFilter(entityType: "correction"),
                                                        page: PageRequest()).items.map(\.action).sorted()
                    == ["reject", "submit", "submit"])
        }
    }

    @Test(arguments: Backend.enabled)
    func aSubmissionThatMakesNoSenseWritesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let visit = try await gym.visit(f, minutes: 60)
            let open = try await f.frontdesk.createCheckin(f.owner, CheckinRequest(resourceID: gym.hall.id,
                                                                                   memberID: gym.member.id, checkIn: .now))
            let booker = try await f.makeMember(name: "Booker")
            let booking = try await f.book(booker, gym.hall, TimeWindow(start: f.now, end: f.now + 3_600))
            _ = try await f.frontdesk.perform(f.owner, .checkIn, on: .id(booking.id))
            let booked = try #require(try await f.allCheckins(filter: CheckinFilter(bookingID: booking.id)).first)
            let events = try await f.allEvents().count
            let cases: [(String, CorrectionRequest)] = [
                ("visit_not_found", CorrectionRequest(type: .deleteDuplicate, checkinID: UUID(), reason: "x")),
                ("booking_visit", CorrectionRequest(type: .deleteDuplicate, checkinID: booked.id, reason: "x")),
                ("visit_not_finished", CorrectionRequest(type: .overrideAttendanceType, checkinID: open.id,
                                                         value: .attendanceType(.fullDay), reason: "x")),
                ("validation_failed", CorrectionRequest(type: .updateCheckOutTime, checkinID: visit.id,
                                                        value: .instant(visit.checkIn! - 60), reason: "x")),
                ("validation_failed", CorrectionRequest(type: .updateCheckInTime, checkinID: visit.id,
                                                        value: .instant(visit.checkOut!), reason: "x")),
                ("validation_failed", CorrectionRequest(type: .updateCheckOutTime, checkinID: open.id,
                                                        value: .instant(f.now + 120), reason: "x")),
                ("validation_failed", CorrectionRequest(type: .deleteDuplicate, checkinID: visit.id, reason: " ")),
                ("validation_failed", CorrectionRequest(type: .deleteDuplicate, checkinID: visit.id,
                                                        value: .attendanceType(.short), reason: "x")),
                ("validation_failed", CorrectionRequest(type: .addMissingAttendance, memberID: gym.member.id,
                                                        resourceID: gym.hall.id, checkIn: f.now - 60, checkOut: f.now - 120,
                                                        reason: "x")),
                ("validation_failed", CorrectionRequest(type: .addMissingAttendance, memberID: UUID(),
                                                        resourceID: gym.hall.id, checkIn: f.now - 120, checkOut: f.now - 60,
                                                        reason: "x")),
            ]
            for (code, request) in cases {
                await expectError(code) { try await f.frontdesk.submitCorrection(gym.desk, request) }
            }
            #expect(try await f.allEvents().count == events)
            #expect(try await f.frontdesk.corrections(f.owner, filter: CorrectionFilter(), page: PageRequest()).items.isEmpty)
        }
    }

    @Test(arguments: Backend.enabled)
    func listsFilterAndAnotherOrganizationSeesNothing(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let gym = try await Gym(f)
            let first = try await gym.visit(f, minutes: 60), second = try await gym.visit(f, minutes: 60)
            let a = try await f.frontdesk.submitCorrection(gym.desk, CorrectionRequest(
                type: .deleteDuplicate, checkinID: first.id, reason: "twice", priority: .urgent))
            let b = try await f.frontdesk.submitCorrection(gym.desk, CorrectionRequest(
                type: .overrideAttendanceType, checkinID: second.id, value: .attendanceType(.overtime), reason: "stayed"))
            let c = try await f.frontdesk.submitCorrection(gym.desk, CorrectionRequest(
                type: .updateCheckOutTime, checkinID: second.id, value: .instant(second.checkOut! - 60), reason: "clock"))
            _ = try await f.frontdesk.rejectCorrection(gym.manager, c.id, note: nil)
            func list(_ filter: CorrectionFilter, _ caller: Caller? = nil) async throws -> [UUID] {
                try await collectPages(limit: 1) { page in
                    try await f.frontdesk.corrections(caller ?? f.owner, filter: filter, page: page)
                }.map(\.id)
            }
            #expect(try await list(CorrectionFilter()) == [a.id, b.id, c.id])
            #expect(try await list(CorrectionFilter(statuses: [.pending])) == [a.id, b.id])
            #expect(try await list(CorrectionFilter(statuses: [.rejected, .applied])) == [c.id])
            #expect(try await list(CorrectionFilter(types: [.overrideAttendanceType, .deleteDuplicate])) == [a.id, b.id])
            #expect(try await list(CorrectionFilter(priorities: [.urgent])) == [a.id])
            #expect(try await list(CorrectionFilter(memberID: gym.member.id, checkinID: second.id)) == [b.id, c.id])

            let other = try await f.makeOrganization()
            #expect(try await list(CorrectionFilter(), other).isEmpty)
            await expectError("not_found") { try await f.frontdesk.correction(other, a.id) }
            await expectError("not_found") { try await f.frontdesk.approveCorrection(other, a.id, note: nil) }
            await expectError("not_found") { try await f.frontdesk.applyCorrection(other, a.id) }
            await expectError("visit_not_found") {
                try await f.frontdesk.submitCorrection(other, CorrectionRequest(type: .deleteDuplicate, checkinID: first.id,
                                                                                reason: "x"))
            }
            #expect(try await f.allEvents(other).filter { $0.entityType == "correction" }.isEmpty)
        }
    }
}
