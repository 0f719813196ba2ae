import Foundation

/// The report as CSV (RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote or a
/// line break, its quotes doubled): a header, then one row per resource, per location, and the
/// organization's, each in the JSON's order. Peak hours are their hours, busiest first, joined by
/// `;` (`9;10;17`); the rate has 4 decimals.
extension ActivityReport {
    public static let csvHeader = [
        "scope", "id", "name", "booked_minutes", "used_minutes", "utilization_rate", "no_shows", "visits",
        "visit_minutes", "idle_minutes", "peak_hours",
    ]

    public var csv: String {
        var rows = [Self.csvHeader]
        rows += resources.map { Self.row("resource", $0.resourceID, $0.name, $0.figures) }
        rows += locations.map { Self.row("location", $0.locationID, $0.name, $0.figures) }
        rows.append(Self.row("organization", organizationID, organizationName, organization))
        return rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func row(_ scope: String, _ id: UUID, _ name: String, _ figures: ActivityFigures) -> [String] {
        [scope, id.text, name, String(figures.bookedMinutes), String(figures.usedMinutes),
         String(format: "%.4f", figures.utilizationRate), String(figures.noShows), String(figures.visits),
         String(figures.visitMinutes), String(figures.idleMinutes),
         figures.peakHours.map { String($0.hour) }.joined(separator: ";")]
    }

    /// A field as RFC 4180 writes it.
    static func field(_ text: String) -> String {
        // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
