import Foundation

/// How an organization takes attendance: who may attend by scanning, and how long a repeated scan
/// of one code is ignored. Stored as the JSON of what was set (`stored`), read over the defaults,
/// so that a setting added later has its default for every organization.
public struct AttendanceSettings: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case scanDebounceSeconds = "scan_debounce_seconds"
        case allowedMemberTypes = "allowed_member_types"
        case types
        case visitRetentionDays = "visit_retention_days"
    }

    /// What one member type does differently; each setting left out is its default (`AttendancePolicy`).
    public struct TypeSettings: Sendable, Hashable, Codable {
        enum CodingKeys: String, CodingKey {
            case openVisits = "open_visits"
            case detection
            case graceMinutes = "grace_minutes"
            case schedule
            case autoCheckout = "auto_checkout"
            case overtimeHours = "overtime_hours"
            case fullDayHours = "full_day_hours"
        }

        /// When the sweeper closes a visit left open: `afterHours` past its planned end, or
        /// `maxSessionHours` after its check-in, whichever comes first.
        public struct AutoCheckout: Sendable, Hashable, Codable {
            enum CodingKeys: String, CodingKey {
                case afterHours = "after_hours"
                case maxSessionHours = "max_session_hours"
            }

            public var afterHours: Double?
            public var maxSessionHours: Double?

            public init(afterHours: Double? = nil, maxSessionHours: Double? = nil) {
                self.afterHours = afterHours
                self.maxSessionHours = maxSessionHours
            }
        }

        /// How many visits in progress a member of the type may have in one location (`OpenVisits`).
        public var openVisits: Int?
        public var detection: DetectionMode?
        /// Minutes of lateness or early exit forgiven against the schedule.
        public var graceMinutes: Int?
        /// The type's schedule; a member's own overrides it.
        public var schedule: Schedule?
        public var autoCheckout: AutoCheckout?
        /// `time_based`: a visit this long is overtime, one of `fullDayHours` a full day.
        public var overtimeHours: Double?
        public var fullDayHours: Double?

        public init(openVisits: Int? = nil, detection: DetectionMode? = nil, graceMinutes: Int? = nil,
                    schedule: Schedule? = nil, autoCheckout: AutoCheckout? = nil, overtimeHours: Double? = nil,
                    fullDayHours: Double? = nil) {
            self.openVisits = openVisits
            self.detection = detection
            self.graceMinutes = graceMinutes
            self.schedule = schedule
            self.autoCheckout = autoCheckout
            self.overtimeHours = overtimeHours
            self.fullDayHours = fullDayHours
        }

        /// These settings with each one `patch` sets (deep: an auto-checkout setting alone keeps the other).
        func merged(_ patch: TypeSettings) -> TypeSettings {
            TypeSettings(
                openVisits: patch.openVisits ?? openVisits, detection: patch.detection ?? detection,
                graceMinutes: patch.graceMinutes ?? graceMinutes, schedule: patch.schedule ?? schedule,
                autoCheckout: patch.autoCheckout.map { new in
                    AutoCheckout(afterHours: new.afterHours ?? autoCheckout?.afterHours,
                                 maxSessionHours: new.maxSessionHours ?? autoCheckout?.maxSessionHours)
                } ?? autoCheckout,
                overtimeHours: patch.overtimeHours ?? overtimeHours, fullDayHours: patch.fullDayHours ?? fullDayHours)
        }

        func check(_ type: String, _ v: inout Validator) {
            let field = "types.\(type)"
            if let openVisits { v.check((1...100).contains(openVisits), "\(field).open_visits", "must be between 1 and 100") }
            if let graceMinutes { v.check((0...240).contains(graceMinutes), "\(field).grace_minutes", "must be between 0 and 240") }
            schedule?.check("\(field).schedule", &v)
            if let after = autoCheckout?.afterHours {
                v.check(after > 0 && after <= 48, "\(field).auto_checkout.after_hours", "must be more than 0 and at most 48")
            }
            if let cap = autoCheckout?.maxSessionHours {
                v.check(cap >= 1 && cap <= 72, "\(field).auto_checkout.max_session_hours", "must be between 1 and 72")
            }
            let full = fullDayHours ?? AttendancePolicy.defaultFullDayHours
            let overtime = overtimeHours ?? AttendancePolicy.defaultOvertimeHours
            v.check(full > 0 && overtime > full && overtime <= 24, "\(field).overtime_hours",
                    "full_day_hours must be more than 0, and overtime_hours more than it and at most 24")
        }
    }

    public static let defaultScanDebounceSeconds = 60
    public static let defaultVisitRetentionDays = 730

    /// A scan of the same member at the same place within this many seconds of the visit's last
    /// stamp changes nothing (`scan_debounced`): a badge held to the reader twice is one tap.
    public var scanDebounceSeconds: Int
    /// The member types that may attend; `["*"]` (the default): every type.
    public var allowedMemberTypes: [String]
    /// Settings by member type, over the defaults.
    public var types: [String: TypeSettings]
    /// Visits outside bookings that ended longer ago are purged by the sweeper, their members'
    /// days kept (`MemberDay`); 0 keeps them all.
    public var visitRetentionDays: Int

    public static let everyType = ["*"]

    public init(scanDebounceSeconds: Int = defaultScanDebounceSeconds, allowedMemberTypes: [String] = everyType,
                types: [String: TypeSettings] = [:], visitRetentionDays: Int = defaultVisitRetentionDays) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
        self.types = types
        self.visitRetentionDays = visitRetentionDays
    }

    /// How many visits in progress a member of `type` may have in one location: one by default.
    public func openVisits(for type: String) -> Int { types[type]?.openVisits ?? 1 }

    /// How a member of `type` with their own `schedule` (if any) is taken attendance of.
    public func policy(for type: String, schedule: Schedule?) -> AttendancePolicy {
        AttendancePolicy(type: type, settings: types[type] ?? TypeSettings(), memberSchedule: schedule)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            scanDebounceSeconds: try container.decodeIfPresent(Int.self, forKey: .scanDebounceSeconds)
                ?? Self.defaultScanDebounceSeconds,
            allowedMemberTypes: try container.decodeIfPresent([String].self, forKey: .allowedMemberTypes) ?? Self.everyType,
            types: try container.decodeIfPresent([String: TypeSettings].self, forKey: .types) ?? [:],
            visitRetentionDays: try container.decodeIfPresent(Int.self, forKey: .visitRetentionDays)
                ?? Self.defaultVisitRetentionDays)
    }

    /// The settings a stored document holds ("{}" before any change), decoded once per document
    /// text (`StoredSettings`): every scan reads them, and JSONDecoder cost more than the scan's reads.
    public init(stored json: String) throws {
        self = try Self.storedDocuments.settings(json)
    }

    private static let storedDocuments = StoredSettings<AttendanceSettings>(limit: 1_000)

    /// The document stored for these settings, keys sorted.
    public var stored: String { String(decoding: sortedJSON, as: UTF8.self) }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.check((0...3_600).contains(scanDebounceSeconds), "scan_debounce_seconds", "must be between 0 and 3600")
        v.check((0...36_500).contains(visitRetentionDays), "visit_retention_days", "must be between 0 (keep) and 36500")
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
            settings.check(type, &v)
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
    public var visitRetentionDays: Int?

    public init(scanDebounceSeconds: Int? = nil, allowedMemberTypes: [String]? = nil,
                types: [String: AttendanceSettings.TypeSettings]? = nil, visitRetentionDays: Int? = nil) {
        self.scanDebounceSeconds = scanDebounceSeconds
        self.allowedMemberTypes = allowedMemberTypes
        self.types = types
        self.visitRetentionDays = visitRetentionDays
    }

    public func applied(to settings: AttendanceSettings) throws(FrontdeskError) -> AttendanceSettings {
        var next = settings
        if let scanDebounceSeconds { next.scanDebounceSeconds = scanDebounceSeconds }
        if let allowedMemberTypes { next.allowedMemberTypes = allowedMemberTypes }
        if let visitRetentionDays { next.visitRetentionDays = visitRetentionDays }
        for (type, patch) in types ?? [:] {
            next.types[type] = (next.types[type] ?? AttendanceSettings.TypeSettings()).merged(patch)
        }
        try next.validate()
        return next
    }
}
