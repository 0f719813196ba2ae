import Foundation

/// Booking numbers such as `BK-2026-0001`: a prefix, the year in the organization's time zone,
/// and a sequence per organization and year that the store takes: unique and increasing, gapless
/// on SQLite, with gaps on PostgreSQL (a booking refused after taking its number leaves it unused).
public enum BookingNumber {
    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func year(of instant: Date, in timeZone: TimeZone) -> Int {
        LocalDate(instant, in: timeZone).year
    }

    /// Whether `text` looks like a booking number rather than an id.
    public static func looksLikeNumber(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        func digits(_ part: Substring) -> Bool { !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isWholeNumber } }
        return parts.count == 3 && !parts[0].isEmpty && parts[1].count == 4 && digits(parts[1]) && digits(parts[2])
    }
}
