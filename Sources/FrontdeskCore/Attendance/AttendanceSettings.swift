import Foundation

/// How an organization takes attendance: who may attend by scanning, and how long a repeated scan
/// of one code is ignored. Stored as the JSON of what was set (`stored`), read over the defaults,
/// so that a setting added later has its default for every organization.
public struct AttendanceSettings: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case scanDebounceSeconds = "scan_debounce_seconds"
        case allowedMemberTypes = "allowed_member_types"
        case types
    }

    /// What one member type may do differently.
    public struct TypeSettings: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey {
            case openVisits = "open_visits"
        }

        /// How many visits in progress a member of the type may have in one location (`OpenVisits`).
        public var openVisits: Int?

        public init(openVisits: Int? = nil) { self.openVisits = openVisits }

        /// These settings with each one `patch` sets.
        func merged(_ patch: TypeSettings) -> TypeSettings {
            TypeSettings(openVisits: patch.openVisits ?? openVisits)
        }
    }

    public static let defaultScanDebounceSeconds = 60

    /// A scan of the same member at the same place within this many seconds of the visit's last
    /// stamp changes nothing (`scan_debounced`): a badge held to the reader twice is one tap.
    public var scanDebounceSeconds: Int
    /// The member types that may attend; `["*"]` (the default): every type.
    public var allowedMemberTypes: [String]
    /// Settings by member type, over the defaults.
    public var types: [String: TypeSettings]

    public static let everyType = ["*"]

    public init(scanDebounceSeconds: Int = defaultScanDebounceSeconds, allowedMemberTypes: [String] = everyType,
                types: [String: TypeSettings] = [:]) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
        self.types = types
    }

    /// How many visits in progress a member of `type` may have in one location: one by default.
    public func openVisits(for type: String) -> Int { types[type]?.openVisits ?? 1 }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scanDebounceSeconds: try container.decodeIfPresent(Int.self, forKey: .scanDebounceSeconds)
                ?? Self.defaultScanDebounceSeconds,
            allowedMemberTypes: try container.decodeIfPresent([String].self, forKey: .allowedMemberTypes) ?? Self.everyType,
            types: try container.decodeIfPresent([String: TypeSettings].self, forKey: .types) ?? [:])
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
        let allowed = allowedMemberTypes
        v.check(!allowed.isEmpty, "allowed_member_types", "give at least one type, or \"*\" for every type")
        v.check(allowed.count <= 50, "allowed_member_types", "must hold at most 50 types")
        v.check(Set(allowed).count == allowed.count, "allowed_member_types", "must not repeat a type")
        v.check(!allowed.contains("*") || allowed == Self.everyType, "allowed_member_types",
                "\"*\" (every type) stands alone")
        for type in allowed { v.text(type, "allowed_member_types", required: true, max: 50) }
        v.check(types.count <= 50, "types", "must hold at most 50 types")
        for (type, settings) in types.sorted(by: { $0.key < $1.key }) {
            v.text(type, "types", required: true, max: 50)
            if let open = settings.openVisits {
                v.check((1...100).contains(open), "types.\(type).open_visits", "must be between 1 and 100")
            }
        }
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
    /// Merged into each type's settings: a setting it leaves out keeps its value.
    public var types: [String: AttendanceSettings.TypeSettings]?

    public init(scanDebounceSeconds: Int? = nil, allowedMemberTypes: [String]? = nil,
                types: [String: AttendanceSettings.TypeSettings]? = nil) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
        self.types = types
    }

    public func applied(to settings: AttendanceSettings) throws(FrontdeskError) -> AttendanceSettings {
        var next = settings
        if let scanDebounceSeconds { next.scanDebounceSeconds = scanDebounceSeconds }
        if let allowedMemberTypes { next.allowedMemberTypes = allowedMemberTypes }
        for (type, patch) in types ?? [:] {
            next.types[type] = (next.types[type] ?? AttendanceSettings.TypeSettings()).merged(patch)
        }
        try next.validate()
        return next
    }
}
