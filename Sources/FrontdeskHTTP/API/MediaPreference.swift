import Foundation

/// Which of the media types a route can answer with a request's `Accept` header prefers (RFC 9110
/// §12.5.1): each offered type takes the quality of the most specific range that matches it (an
/// exact type, then `type/*`, then `*/*`); the highest wins, and on a tie the route's first. A
/// header that accepts none of them gets the first too: a client that asks for something else
/// still gets an answer it can read, not a 406.
enum MediaPreference {
    static func preferred(of offered: [String], accept header: String?) -> String {
        guard let header else { return offered[0] }
        let ranges = header.split(separator: ",").map(Self.range)
        var best = (type: offered[0], quality: 0.0)
        for type in offered {
            let main = type.prefix { $0 != "/" }
            let matching = ranges
                .compactMap { range -> (specificity: Int, quality: Double)? in
                    if range.type == type { return (2, range.quality) }
                    if range.type == main + "/*" { return (1, range.quality) }
                    if range.type == "*/*" { return (0, range.quality) }
                    return nil
                }
                .max { $0.specificity < $1.specificity }
            if let quality = matching?.quality, quality > best.quality { best = (type, quality) }
        }
        return best.type
    }

    /// A media range of the header, lowercased without its parameters, and its `q` (1 if absent,
    /// 0 if unreadable: a range a client spelt wrong accepts nothing).
    private static func range(_ text: Substring) -> (type: String, quality: Double) {
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var quality = 1.0
        for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
            quality = Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) } ?? 0
        }
        return (parts.first ?? "", quality)
    }
}
