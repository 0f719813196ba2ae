import Foundation
import FrontdeskCore
import Testing

/// Attendance corrections: what a submission must hold, the value checked against the visit, the
/// review's status machine, and the visit as an applied correction leaves it.
@Suite struct CorrectionTests {
    static let now = Fixture.instant("2026-03-02T20:00:00Z")
    static let desk = Actor(type: "api_key", id: "desk", name: "Desk")
    static let manager = Actor(type: "api_key", id: "manager", name: "Manager")
    static let gym = AttendanceContext(memberType: "member",
                                       policy: AttendancePolicy(type: "member", settings: .init(), memberSchedule: nil),
                                       zone: .gmt)

    /// A member's visit from 18:00 to 18:45 (short), finished and classified.
    static let visit = gym.classified(Checkin(
        id: Fixture.id(1), organizationID: Fixture.organizationID, resourceID: Fixture.id(2), locationID: Fixture.locationID,
        memberID: Fixture.memberID, checkIn: Fixture.instant("2026-03-02T18:00:00Z"),
        checkOut: Fixture.instant("2026-03-02T18:45:00Z"), createdAt: Fixture.instant("2026-03-02T18:00:00Z")))

    static func submit(_ request: CorrectionRequest, visit: Checkin? = visit) throws(FrontdeskError) -> Correction {
        try Correction.submitting(request, id: Fixture.id(9), organizationID: Fixture.organizationID, visit: visit,
                                  memberExists: true, resource: Fixture.resource(Fixture.id(2)), actor: desk, now: now)
    }

    static func request(_ type: CorrectionType, _ value: CorrectionRequest.Value? = nil) -> CorrectionRequest {
        CorrectionRequest(type: type, checkinID: visit.id, value: value, reason: "badge reader")
    }

    @Test func eachTypeTakesItsOwnFields() {
        #expect(validationFields { () throws(FrontdeskError) in try Self.request(.deleteDuplicate).validate(now: Self.now) } == [])
        #expect(validationFields { () throws(FrontdeskError) in try Self.request(.updateCheckInTime).validate(now: Self.now) } == ["value"])
        #expect(validationFields { () throws(FrontdeskError) in
            try Self.request(.overrideAttendanceType, .instant(Self.now)).validate(now: Self.now)
        } == ["value"])
        #expect(validationFields { () throws(FrontdeskError) in
            try CorrectionRequest(type: .deleteDuplicate, checkinID: Self.visit.id, memberID: Fixture.memberID,
                                  reason: "").validate(now: Self.now)
        } == ["reason", "member_id"])
        #expect(validationFields { () throws(FrontdeskError) in
            try CorrectionRequest(type: .addMissingAttendance, checkinID: Self.visit.id, reason: "x").validate(now: Self.now)
        } == ["checkin_id", "member_id", "resource_id", "check_in", "check_out"])
        // A stamp more than a minute ahead of the clock, or outside the bookable years.
        #expect(validationFields { () throws(FrontdeskError) in
            try Self.request(.updateCheckOutTime, .instant(Self.now + 61)).validate(now: Self.now)
        } == ["value"])
        #expect(validationFields { () throws(FrontdeskError) in
            try Self.request(.updateCheckOutTime, .instant(Self.now + 60)).validate(now: Self.now)
        } == [])
        #expect(validationFields { () throws(FrontdeskError) in
            try Self.request(.updateCheckInTime, .instant(Date(timeIntervalSince1970: -1))).validate(now: Self.now)
        } == ["value"])
    }

    @Test func theValueMustMakeSenseForTheVisit() throws {
        let start = Self.visit.checkIn!, end = Self.visit.checkOut!
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.submit(Self.request(.updateCheckInTime, .instant(end))) } == ["value"])
        #expect(validationFields { () throws(FrontdeskError) in _ = try Self.submit(Self.request(.updateCheckOutTime, .instant(start))) } == ["value"])
        let moved = try Self.submit(Self.request(.updateCheckOutTime, .instant(end + 3_600)))
        #expect(moved.status == .pending && moved.checkOut == end + 3_600 && moved.memberID == Fixture.memberID)

        var open = Self.visit
        open.checkOut = nil
        open.attendance = nil
        #expect(thrownError { () throws(FrontdeskError) in try Self.submit(Self.request(.overrideAttendanceType, .attendanceType(.fullDay)), visit: open) }?
            .code == "visit_not_finished")
        var pending = open
        pending.checkIn = nil
        #expect(thrownError { () throws(FrontdeskError) in try Self.submit(Self.request(.updateCheckOutTime, .instant(end)), visit: pending) }?.code
            == "not_checked_in")
        var booked = Self.visit
        booked.bookingID = Fixture.id(7)
        #expect(thrownError { () throws(FrontdeskError) in try Self.submit(Self.request(.deleteDuplicate), visit: booked) }?.code == "booking_visit")
        #expect(thrownError { () throws(FrontdeskError) in try Self.submit(Self.request(.deleteDuplicate), visit: nil) }?.code == "visit_not_found")
        var anonymous = Self.visit
        anonymous.memberID = nil
        #expect(thrownError { () throws(FrontdeskError) in try Self.submit(Self.request(.deleteDuplicate), visit: anonymous) }?.code
            == "visit_without_member")
    }

    @Test func reviewIsSomeoneElsesAndHappensOnce() throws {
        let pending = try Self.submit(Self.request(.deleteDuplicate))
        #expect(thrownError { () throws(FrontdeskError) in try pending.reviewing(approve: true, by: Self.desk, note: nil, now: Self.now) }?.code
            == "self_review")
        #expect(thrownError { () throws(FrontdeskError) in try pending.applying(by: Self.manager, now: Self.now) }?.code == "correction_not_approved")
        let approved = try pending.reviewing(approve: true, by: Self.manager, note: "ok", now: Self.now + 1)
        #expect(approved.status == .approved && approved.reviewedBy == Self.manager && approved.reviewNote == "ok")
        #expect(approved.version == 2 && approved.reviewedAt == Self.now + 1)
        #expect(thrownError { () throws(FrontdeskError) in try approved.reviewing(approve: false, by: Self.manager, note: nil, now: Self.now) }?.code
            == "correction_not_pending")
        let applied = try approved.applying(by: Self.manager, now: Self.now + 2)
        #expect(applied.status == .applied && applied.appliedAt == Self.now + 2)
        #expect(thrownError { () throws(FrontdeskError) in try applied.applying(by: Self.manager, now: Self.now) }?.code == "correction_not_approved")
        let rejected = try pending.reviewing(approve: false, by: Self.manager, note: nil, now: Self.now)
        #expect(rejected.status == .rejected)
        #expect(thrownError { () throws(FrontdeskError) in try rejected.applying(by: Self.manager, now: Self.now) }?.code == "correction_not_approved")
    }

    @Test func applyingClassifiesAgainAndAnOverrideSticks() throws {
        #expect(Self.visit.attendance?.type == .short)
        let override = try Self.submit(Self.request(.overrideAttendanceType, .attendanceType(.fullDay)))
        let overridden = try override.applied(to: Self.visit, context: Self.gym, now: Self.now)
        #expect(overridden.attendance?.type == .fullDay && overridden.attendance?.overridden == true)
        #expect(overridden.version == Self.visit.version + 1 && overridden.updatedAt == Self.now)
        // The visit's later steps keep the override; a correction of its times classifies anew.
        #expect(Self.gym.classified(overridden).attendance?.type == .fullDay)
        let later = try Self.submit(Self.request(.updateCheckOutTime, .instant(Self.visit.checkOut! + 60)))
        let moved = try later.applied(to: overridden, context: Self.gym, now: Self.now)
        #expect(moved.attendance?.type == .short && moved.attendance?.overridden == false)
        #expect(moved.attendance?.workedMinutes == 46)

        // Stale: the visit as it is now no longer takes the correction.
        let earlier = try Self.submit(Self.request(.updateCheckInTime, .instant(Self.visit.checkOut! - 60)))
        var shortened = Self.visit
        shortened.checkOut = Self.visit.checkIn! + 60
        #expect(validationFields { () throws(FrontdeskError) in _ = try earlier.applied(to: shortened, context: Self.gym, now: Self.now) } == ["value"])
    }

    @Test func aMissingVisitIsRegisteredComplete() throws {
        let start = Fixture.instant("2026-03-01T10:00:00Z"), end = Fixture.instant("2026-03-01T12:00:00Z")
        let correction = try Self.submit(CorrectionRequest(
            type: .addMissingAttendance, memberID: Fixture.memberID, resourceID: Fixture.id(2), checkIn: start,
            checkOut: end, reason: "scanner down"))
        let visit = try correction.missingVisit(id: Fixture.id(5), resource: Fixture.resource(Fixture.id(2)),
                                                memberExists: true, now: Self.now)
        #expect(visit.state == .complete && visit.checkIn == start && visit.checkOut == end && visit.version == 1)
        #expect(visit.memberID == Fixture.memberID && visit.locationID == Fixture.locationID)
        #expect(validationFields { () throws(FrontdeskError) in _ = try correction.missingVisit(id: Fixture.id(5), resource: nil, memberExists: true,
                                                                   now: Self.now) } == ["resource_id"])
    }
}
