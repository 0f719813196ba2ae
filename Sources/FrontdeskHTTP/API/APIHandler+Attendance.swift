import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func scanBatch(_ input: Operations.ScanBatch.Input) async throws -> Operations.ScanBatch.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let scans = try body.scans.enumerated().map { index, scan in
            BatchScan(request: ScanRequest(
                code: scan.code, place: try ScanPlace(location: scan.locationId, resource: scan.resourceId,
                                                      "scans[\(index)].location_id"),
                method: try scan.method.map { try .init(matching: $0) }, device: scan.device, at: scan.at), nonce: scan.nonce)
        }
        let answers = try await frontdesk.scanBatch(try caller, scans)
        return .ok(.init(body: .json(.init(items: try answers.map { answer in
            Components.Schemas.ScanAnswer(nonce: answer.nonce, status: answer.status,
                                          step: try answer.step.map { try .init(matching: $0) },
                                          checkinId: answer.checkinID?.text, code: answer.code, detail: answer.detail)
        }))))
    }

    func getAttendanceSettings(
        _ input: Operations.GetAttendanceSettings.Input
    ) async throws -> Operations.GetAttendanceSettings.Output {
        .ok(.init(body: .json(try .init(try await frontdesk.attendanceSettings(try caller)))))
    }

    func updateAttendanceSettings(
        _ input: Operations.UpdateAttendanceSettings.Input
    ) async throws -> Operations.UpdateAttendanceSettings.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let types = try body.types?.additionalProperties.reduce(into: [String: AttendanceSettings.TypeSettings]()) {
            $0[$1.key] = try AttendanceSettings.TypeSettings($1.value, type: $1.key)
        }
        let settings = try await frontdesk.updateAttendanceSettings(try caller, AttendanceSettingsPatch(
            scanDebounceSeconds: body.scanDebounceSeconds, allowedMemberTypes: body.allowedMemberTypes, types: types,
            visitRetentionDays: body.visitRetentionDays))
        return .ok(.init(body: .json(try .init(settings))))
    }

    func checkOutExpired(_ input: Operations.CheckOutExpired.Input) async throws -> Operations.CheckOutExpired.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let closed = try await frontdesk.checkOutExpired(try caller, before: body.before, memberType: body.memberType,
                                                         limit: body.limit ?? 500)
        return .ok(.init(body: .json(.init(closed: closed.count, items: try closed.map(Components.Schemas.Checkin.init)))))
    }

    func getMemberAttendance(
        _ input: Operations.GetMemberAttendance.Input
    ) async throws -> Operations.GetMemberAttendance.Output {
        let stats = try await frontdesk.memberAttendance(try caller, try Read.pathID(input.path.id, "member"))
        return .ok(.init(body: .json(.init(
            totalVisits: stats.totalVisits, visitsThisMonth: stats.visitsThisMonth, uniqueDays: stats.uniqueDays,
            currentStreak: stats.currentStreak, longestStreak: stats.longestStreak, milestones: stats.milestones,
            engagement: try .init(matching: stats.engagement), loyaltyScore: stats.loyaltyScore,
            favoriteTimeSlot: try stats.favoriteTimeSlot.map { try .init(matching: $0) },
            averageMinutes: stats.averageMinutes, lastVisitDay: stats.lastVisitDay?.description))))
    }

    func getOccupancy(_ input: Operations.GetOccupancy.Input) async throws -> Operations.GetOccupancy.Output {
        let headcount = try await frontdesk.occupancy(try caller, locationID: try Read.uuidIfPresent(input.query.locationId,
                                                                                                   "location_id"))
        func counts(_ counts: [Headcount.Count]) -> [Components.Schemas.OccupancyCount] {
            counts.map { .init(key: $0.key, name: $0.name, count: $0.count) }
        }
        return .ok(.init(body: .json(.init(
            total: headcount.total, byLocation: counts(headcount.byLocation), byResource: counts(headcount.byResource),
            byMemberType: counts(headcount.byMemberType),
            visits: try headcount.visits.map { try Components.Schemas.Checkin($0.visit) }))))
    }

    func getMemberAttendanceHistory(
        _ input: Operations.GetMemberAttendanceHistory.Input
    ) async throws -> Operations.GetMemberAttendanceHistory.Output {
        let months = try await frontdesk.memberAttendanceHistory(try caller, try Read.pathID(input.path.id, "member"))
        return .ok(.init(body: .json(.init(items: months.map {
            .init(month: $0.month, visits: $0.visits, days: $0.days, workDays: $0.workDays, minutes: $0.minutes)
        }))))
    }

    func getAttendanceDashboard(
        _ input: Operations.GetAttendanceDashboard.Input
    ) async throws -> Operations.GetAttendanceDashboard.Output {
        let query = input.query
        let board = try await frontdesk.attendanceDashboard(
            try caller, from: query.from, to: query.to, locationID: try Read.uuidIfPresent(query.locationId, "location_id"))
        func member(_ count: AttendanceDashboard.MemberCount) -> Components.Schemas.DashboardMember {
            .init(memberId: count.memberID.text, name: count.name, visits: count.visits,
                  lastVisitDay: count.lastVisitDay.description)
        }
        return .ok(.init(body: .json(.init(
            totalVisits: board.totalVisits, uniqueMembers: board.uniqueMembers, visitMinutes: board.visitMinutes,
            workDays: board.workDays,
            daily: board.daily.map { .init(day: $0.day.description, visits: $0.visits, members: $0.members) },
            timeSlots: .init(additionalProperties: Dictionary(uniqueKeysWithValues: board.timeSlots.map { ($0.key.rawValue, $0.value) })),
            engagement: .init(additionalProperties: Dictionary(uniqueKeysWithValues: board.engagement.map { ($0.key.rawValue, $0.value) })),
            topMembers: board.topMembers.map(member), atRiskMembers: board.atRiskMembers.map(member)))))
    }
}
