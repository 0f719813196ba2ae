import Foundation

/// The desk settings a location overrides; each one it leaves unset (nil) is its organization's.
public struct LocationSettings: Sendable, Hashable, Codable {
    /// The same names as the organization's settings.
    typealias CodingKeys = DeskSettings.CodingKeys

    public var checkInTime: LocalTimeText?
    public var checkOutTime: LocalTimeText?
    public var noShowGraceMinutes: Int?
    public var pendingHoldMinutes: Int?
    public var autoNoShow: Bool?

    public init(checkInTime: LocalTimeText? = nil, checkOutTime: LocalTimeText? = nil, noShowGraceMinutes: Int? = nil,
                pendingHoldMinutes: Int? = nil, autoNoShow: Bool? = nil) {
        self.checkInTime = checkInTime
        self.checkOutTime = checkOutTime
        self.noShowGraceMinutes = noShowGraceMinutes
        self.pendingHoldMinutes = pendingHoldMinutes
        self.autoNoShow = autoNoShow
    }

    /// The one rule of effective settings: each one the location sets, else the organization's.
    public func resolved(over organization: DeskSettings) -> DeskSettings {
        DeskSettings(checkInTime: checkInTime ?? organization.checkInTime,
                     checkOutTime: checkOutTime ?? organization.checkOutTime,
                     noShowGraceMinutes: noShowGraceMinutes ?? organization.noShowGraceMinutes,
                     pendingHoldMinutes: pendingHoldMinutes ?? organization.pendingHoldMinutes,
                     autoNoShow: autoNoShow ?? organization.autoNoShow)
    }

    /// Adds the issues of the settings that are set, named `settings.<name>`.
    func check(_ v: inout Validator) {
        DeskSettings.check(&v, checkInTime: checkInTime, checkOutTime: checkOutTime,
                           noShowGraceMinutes: noShowGraceMinutes, pendingHoldMinutes: pendingHoldMinutes,
                           field: "settings.")
    }
}
