import Foundation
import FrontdeskCore

/// How the organization takes attendance: read with `attendance:read`, changed with `attendance:manage`.
extension Frontdesk {
    public func attendanceSettings(_ caller: Caller) async throws -> AttendanceSettings {
        try caller.require(.attendanceRead)
        return try await store.attendanceSettings(caller.organizationID)
    }

    public func updateAttendanceSettings(
        _ caller: Caller, _ patch: AttendanceSettingsPatch
    ) async throws -> AttendanceSettings {
        try caller.require(.attendanceManage)
        return try await store.updateAttendanceSettings(caller.organizationID) { current in try patch.applied(to: current) }
    }
}
