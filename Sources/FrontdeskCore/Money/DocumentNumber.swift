/// The numbers of invoices and credit notes, `INV-2026-0001`: a prefix, the year of issue in the
/// organization's time zone and a gapless sequence per organization, series and year, taken in the
/// issuing transaction (a refused or rolled back issue takes none). Formatted as booking numbers.
public enum DocumentNumber {
    public enum Series: String, Sendable, CaseIterable {
        case invoice
        case creditNote = "credit_note"
    }

    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        BookingNumber.format(prefix: prefix, year: year, sequence: sequence)
    }

    /// 1 to 10 capital letters or digits.
    public static func isPrefix(_ text: String) -> Bool {
        (1...10).contains(text.utf8.count) && text.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
