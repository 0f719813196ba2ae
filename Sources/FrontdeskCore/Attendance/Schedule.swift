import Foundation

/// A weekly working schedule in a location's time zone: the days worked and the hours of each
/// (`09:00`–`17:00`; an end at or before the start is an overnight shift, `22:00`–`06:00`, which
/// belongs to the day it starts on).
public struct Schedule: Sendable, Hashable {
    public enum Day: String, Sendable, Codable, CaseIterable {
        case mon, tue, wed, thu, fri, sat, sun
    }

    public var days: [Day]
    public var start: LocalTime
    public var end: LocalTime
    /// The hours a day's attendance is measured against; by default, from start to end.
    public var hoursPerDay: Double?

    public init(days: [Day], start: LocalTime, end: LocalTime, hoursPerDay: Double? = nil) {
        self.days = days
        self.start = start
        self.end = end
        self.hoursPerDay = hoursPerDay
    }

    public var isOvernight: Bool { end.minutes <= start.minutes }

    /// The minutes a scheduled day's attendance is measured against.
    public var scheduledMinutes: Double {
        hoursPerDay.map { $0 * 60 } ?? Double(end.minutes - start.minutes + (isOvernight ? 24 * 60 : 0))
    }

    /// One scheduled day's shift: the local day it belongs to, and when it starts and ends.
    public struct Shift: Sendable, Hashable {
        public var day: LocalDate
        public var start: Date
        public var end: Date
    }

    /// The local day a visit that began at `instant` counts for: its own, or, for an overnight
    /// schedule, the day before when it began before the end of the night's shift.
    public func day(of instant: Date, in zone: TimeZone) -> LocalDate {
        let day = LocalDate(instant, in: zone)
        return isOvernight && LocalTime(instant, in: zone).minutes < end.minutes ? day.adding(days: -1) : day
    }

    /// The shift of the day a visit that began at `instant` counts for; nil on a day off.
    public func shift(for instant: Date, in zone: TimeZone) -> Shift? {
        let day = day(of: instant, in: zone)
        guard days.contains(Day.allCases[day.weekday]) else { return nil }
        return Shift(day: day, start: day.instant(at: start, in: zone),
                     end: (isOvernight ? day.adding(days: 1) : day).instant(at: end, in: zone))
    }

    func check(_ field: String, _ v: inout Validator) {
        v.check(!days.isEmpty, "\(field).days", "name at least one day")
        v.check(Set(days).count == days.count, "\(field).days", "must not repeat a day")
        if let hoursPerDay { v.check(hoursPerDay > 0 && hoursPerDay <= 24, "\(field).hours_per_day", "must be more than 0 and at most 24") }
    }
}

extension Schedule: Codable {
    enum CodingKeys: String, CodingKey {
        case days, start, end
        case hoursPerDay = "hours_per_day"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys) throws -> LocalTime {
            let text = try container.decode(String.self, forKey: key)
            guard let time = LocalTime(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "\(text) is not HH:MM")
            }
            return time
        }
        self.init(days: try container.decode([Day].self, forKey: .days), start: try time(.start), end: try time(.end),
                  hoursPerDay: try container.decodeIfPresent(Double.self, forKey: .hoursPerDay))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days, forKey: .days)
        try container.encode(start.description, forKey: .start)
        try container.encode(end.description, forKey: .end)
        try container.encodeIfPresent(hoursPerDay, forKey: .hoursPerDay)
    }
}

extension Schedule {
    /// As stored: its JSON, keys sorted.
    public var stored: String { String(decoding: sortedJSON, as: UTF8.self) }

    public init(stored text: String) throws {
        self = try JSONDecoder().decode(Self.self, from: Data(text.utf8))
    }
}

extension LocalDate {
    /// A date as stored (`YYYY-MM-DD`); another text is a stored value this build cannot read.
    public init(stored text: String) throws {
        guard let date = LocalDate(text) else { throw TimeTextError(text: text, expected: LocalDate.expected, reason: "is stored") }
        self = date
    }
}
