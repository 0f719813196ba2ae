import Foundation

/// How an organization takes attendance: who may attend by scanning, and how long a repeated scan
/// of one code is ignored. Stored as the JSON of what was set (`stored`), read over the defaults,
/// so that a setting added later has its default for every organization.
public struct AttendanceSettings: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case scanDebounceSeconds = "scan_debounce_seconds"
        case allowedMemberTypes = "allowed_member_types"
    }

    public static let defaultScanDebounceSeconds = 60

    /// A scan of the same member at the same place within this many seconds of the visit's last
    /// stamp changes nothing (`scan_debounced`): a badge held to the reader twice is one tap.
    public var scanDebounceSeconds: Int
    /// The member types that may attend; `["*"]` (the default): every type.
    public var allowedMemberTypes: [String]

    public static let everyType = ["*"]

    public init(scanDebounceSeconds: Int = defaultScanDebounceSeconds, allowedMemberTypes: [String] = everyType) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scanDebounceSeconds: try container.decodeIfPresent(Int.self, forKey: .scanDebounceSeconds)
                ?? Self.defaultScanDebounceSeconds,
            allowedMemberTypes: try container.decodeIfPresent([String].self, forKey: .allowedMemberTypes) ?? Self.everyType)
    }

    /// The settings a stored document holds ("{}" before any change).
    public init(stored json: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(json.utf8))
    }

    /// The document stored for these settings, keys sorted.
    public var stored: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try! encoder.encode(self), as: UTF8.self)  // strings and numbers only: cannot fail
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.check((0...3_600).contains(scanDebounceSeconds), "scan_debounce_seconds", "must be between 0 and 3600")
        let types = allowedMemberTypes
        v.check(!types.isEmpty, "allowed_member_types", "give at least one type, or \"*\" for every type")
        v.check(types.count <= 50, "allowed_member_types", "must hold at most 50 types")
        v.check(Set(types).count == types.count, "allowed_member_types", "must not repeat a type")
        v.check(!types.contains("*") || types == Self.everyType, "allowed_member_types",
                "\"*\" (every type) stands alone")
        for type in types { v.text(type, "allowed_member_types", required: true, max: 50) }
        try v.validate()
    }

    /// Whether `member` may check in by scanning: attendance on, active, of an allowed type.
    public func admit(_ member: Member) throws(FrontdeskError) {
        guard member.attendanceEnabled else {
            throw .unprocessable(code: "attendance_not_enabled",
                                 detail: "Attendance is turned off for member \(member.id.text).")
        }
        guard member.status == .active else {
            throw .unprocessable(code: "member_inactive",
                                 detail: "Member \(member.id.text) is \(member.status.rawValue): only active members check in.")
        }
        if allowedMemberTypes != Self.everyType, !allowedMemberTypes.contains(member.type) {
            throw .unprocessable(
                code: "member_type_not_allowed",
                detail: "Members of type \(member.type) do not attend here; allowed: \(allowedMemberTypes.joined(separator: ", ")).")
        }
    }
}

/// A change of the attendance settings: nil leaves a setting as it is.
public struct AttendanceSettingsPatch: Sendable, Hashable {
    public var scanDebounceSeconds: Int?
    public var allowedMemberTypes: [String]?

    public init(scanDebounceSeconds: Int? = nil, allowedMemberTypes: [String]? = nil) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
    }

    public func applied(to settings: AttendanceSettings) throws(FrontdeskError) -> AttendanceSettings {
        var next = settings
        if let scanDebounceSeconds { next.scanDebounceSeconds = scanDebounceSeconds }
        if let allowedMemberTypes { next.allowedMemberTypes = allowedMemberTypes }
        try next.validate()
        return next
    }
}
