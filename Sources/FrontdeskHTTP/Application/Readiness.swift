import FrontdeskEngine

/// Whether the store can serve requests, as `/health/ready` tells a load balancer: the database
/// answers within `limit` and carries every migration this build knows.
enum Readiness {
    static let limit: Duration = .seconds(2)

    /// Nil when ready, else why not, as a sentence, within `limit` (`withinDeadline`).
    static func problem(of store: any SchemaStore, within limit: Duration = limit) async -> String? {
        await withinDeadline(limit, else: Optional("The database did not answer within \(limit).")) {
            do {
                try await store.verifySchema()
                return nil
            } catch let error as StoreError {
                return error.description
            } catch {
                // The driver's words stay in the server: this answer needs no key.
                return "The database does not answer."
            }
        }
    }
}
