import Foundation

/// Ids are written in lowercase everywhere (JSON, events, audit), as PostgreSQL and most clients
/// write them. Foundation writes a `UUID` in capitals; these overloads win over the generic
/// `encode` in this module's synthesized and hand-written encoders.
extension KeyedEncodingContainer {
    public mutating func encode(_ value: UUID, forKey key: Key) throws {
        try encode(value.text, forKey: key)
    }

    public mutating func encodeIfPresent(_ value: UUID?, forKey key: Key) throws {
        try encodeIfPresent(value?.text, forKey: key)
    }
}
