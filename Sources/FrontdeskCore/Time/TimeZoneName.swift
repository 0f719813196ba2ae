import Foundation

/// The time zones an organization or a location may name: IANA names (`Europe/Paris`,
/// `America/Argentina/Buenos_Aires`, `Etc/GMT+5`) and `UTC`. Foundation also reads `GMT+5`,
/// `UTC+3` or `GMT-14` as fixed offsets; they are refused: a fixed offset knows no daylight saving
/// time, and only IANA names are documented. Foundation's own list of names leaves out aliases
/// such as `Asia/Kolkata`, so a name of the IANA shape (`Area/Location`) that Foundation reads as
/// itself is taken too.
public enum TimeZoneName {
    public static func isValid(_ identifier: String) -> Bool {
        if identifier == "UTC" || known.contains(identifier) { return true }
        guard hasRegionShape(identifier) else { return false }
        return TimeZone(identifier: identifier)?.identifier == identifier
    }

    public static let message = "must be an IANA time zone name such as Europe/Paris, or UTC"

    private static let known = Set(TimeZone.knownTimeZoneIdentifiers)

    /// `Area/Location[/More]`, each part an ASCII letter then letters, digits, `_`, `+` or `-`.
    private static func hasRegionShape(_ identifier: String) -> Bool {
        let parts = identifier.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count >= 2, identifier.utf8.count <= 64 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.first, isLetter(first) else { return false }
            return part.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

extension Validator {
    /// A time zone setting: `TimeZoneName`'s rule.
    public mutating func timeZone(_ identifier: String?, _ field: String) {
        if let identifier { check(TimeZoneName.isValid(identifier), field, TimeZoneName.message) }
    }
}
