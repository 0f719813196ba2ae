import Foundation
import FrontdeskCore
import Testing

/// Shared values for the Core tests: instants written as ISO 8601, deterministic ids, zones.
enum Fixture {
    /// An instant from `2026-03-28T13:00:00Z` (or with fractional seconds `…00.123Z`).
    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".")
            ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad instant \(text)") }
        return date
    }

    static func window(_ start: String, _ end: String) -> TimeWindow {
        TimeWindow(start: instant(start), end: instant(end))
    }

    /// A deterministic id whose text has capital hex digits, so lowercase encoding is observable.
    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "ABCDEF00-0000-4000-8000-%012X", n))!
    }

    static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else { fatalError("no zone \(identifier)") }
        return zone
    }

    static let organizationID = id(0xA1)
    static let memberID = id(0xB1)
    static let locationID = id(0xC1)
    static let created = instant("2026-03-01T09:00:00Z")

    static func organization(timeZone: String = "Europe/Paris", currency: String = "EUR") -> Organization {
        Organization(id: organizationID, name: "Hotel du Lac", timeZone: timeZone, currency: currency,
                     createdAt: created)
    }

    static func resource(_ id: UUID, capacity: Int = 1, rate: Int = 10_000, unit: RateUnit = .night,
                         status: Resource.Status = .active) -> Resource {
        Resource(id: id, organizationID: organizationID, locationID: locationID, name: "Room \(id.uuidString.suffix(3))",
                 kind: "room", category: nil, capacity: capacity, rateAmount: rate, rateUnit: unit, status: status,
                 createdAt: created)
    }

    static func member() -> Member {
        Member(id: memberID, organizationID: organizationID, type: "guest", name: "Ada Lovelace",
               email: "ada@example.com", phone: nil, externalRef: nil, notes: nil, createdAt: created)
    }

    static func line(_ n: Int, state: BookingLine.State = .reserved, checkedInAt: Date? = nil,
                     checkedOutAt: Date? = nil, amount: Int = 10_000,
                     window: TimeWindow = window("2026-06-01T14:00:00Z", "2026-06-03T10:00:00Z")) -> BookingLine {
        BookingLine(id: id(0x100 + n), resourceID: id(0x200 + n), window: window, state: state,
                    checkedInAt: checkedInAt, checkedOutAt: checkedOutAt, amount: amount)
    }

    static func booking(_ status: BookingStatus, lines: [BookingLine], actualStartAt: Date? = nil,
                        version: Int = 3) -> Booking {
        Booking(id: id(0xD1), organizationID: organizationID, number: "BK-2026-0007", status: status,
                memberID: memberID, locationID: locationID, lines: lines, source: .web, notes: nil, actualStartAt: actualStartAt,
                currency: "EUR", version: version, createdAt: created, updatedAt: created)
    }
}

/// The fields of the `validation_failed` error `body` throws; `[]` when it does not throw.
/// Any other error is recorded as a test failure.
func validationFields(_ body: () throws(FrontdeskError) -> Void,
                      sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    do {
        try body()
        return []
    } catch .validationFailed(let issues) {
        return issues.map(\.field)
    } catch {
        Issue.record("expected validation_failed, got \(error)", sourceLocation: sourceLocation)
        return []
    }
}

/// The error `body` throws, or nil (recorded as a failure) when it does not throw.
func thrownError<T>(_ body: () throws(FrontdeskError) -> T,
                    sourceLocation: SourceLocation = #_sourceLocation) -> FrontdeskError? {
    do {
        _ = try body()
        Issue.record("expected an error, got none", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
