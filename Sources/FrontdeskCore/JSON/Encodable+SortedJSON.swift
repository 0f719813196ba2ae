import Foundation

extension Encodable {
    /// The JSON of a value made of text, numbers and ids, keys sorted: the same value is always
    /// the same text, as it is stored (settings, schedules, answers kept for a nonce).
    public var sortedJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try! encoder.encode(self)  // no float that is not finite, no failing `encode(to:)`: cannot fail
    }
}
