import Foundation
import Synchronization

/// The settings of each stored document text seen, decoded once. Keyed by the text itself, never
/// by organization: a document changed by another process sharing the database is another text,
/// so a stale entry can never be returned. Bounded: past `limit` texts it starts over.
final class StoredSettings<Settings: Decodable & Sendable>: Sendable {
    private let limit: Int
    private let decoded = Mutex<[String: Settings]>([:])

    init(limit: Int) { self.limit = limit }

    func settings(_ json: String) throws -> Settings {
        if let known = decoded.withLock({ $0[json] }) { return known }
        let settings = try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
        decoded.withLock { decoded in
            if decoded.count >= limit { decoded.removeAll(keepingCapacity: true) }
            decoded[json] = settings
        }
        return settings
    }
}
