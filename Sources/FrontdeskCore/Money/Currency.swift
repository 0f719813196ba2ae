/// ISO 4217 currencies: amounts are integer minor units, shown with the currency's own number of
/// decimals (JPY 0, EUR 2, BHD 3).
public enum Currency {
    public static func isValid(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
    }

    /// The currencies whose minor unit is not a hundredth (ISO 4217's table); every other has 2.
    private static let exponents: [String: Int] = [
        "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0, "RWF": 0,
        "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
        "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
        "CLF": 4, "UYW": 4,
    ]

    /// How many decimals the currency's minor unit has.
    public static func decimals(_ code: String) -> Int { exponents[code] ?? 2 }

    /// `minor` in major units with the currency's decimals and a thousands separator, without
    /// rounding: `format(123456, "EUR")` is `1,234.56`, `format(-5, "JPY")` is `-5`.
    public static func format(_ minor: Int, _ code: String) -> String {
        let decimals = decimals(code)
        let digits = String(minor.magnitude)
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let whole = padded.dropLast(decimals)
        var grouped = ""
        for (i, digit) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = decimals == 0 ? "" : "." + padded.suffix(decimals)
        return (minor < 0 ? "-" : "") + grouped + fraction
    }
}
