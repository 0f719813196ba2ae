import FrontdeskEngine

/// Whether the store can serve requests, as `/health/ready` tells a load balancer: the database
/// answers within `limit` and carries every migration this build knows.
enum Readiness {
    static let limit: Duration = .seconds(2)

    /// Nil when ready, else why not, as a sentence. The answer comes within `limit` even when the
    /// driver does not give up on cancellation (a pool waiting to connect): the check runs in a task
    /// of its own, which is cancelled and left to finish.
    static func problem(of store: any SchemaStore, within limit: Duration = limit) async -> String? {
        let (answers, answer) = AsyncStream.makeStream(of: String?.self)
        let check = Task {
            do {
                try await store.verifySchema()
                answer.yield(nil)
            } catch let error as StoreError {
                answer.yield(error.description)
            } catch {
                // The driver's words stay in the server: this answer needs no key.
                answer.yield("The database does not answer.")
            }
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            answer.yield("The database did not answer within \(limit).")
        }
        defer { check.cancel(); timer.cancel() }
        for await first in answers { return first }
        return nil
    }
}
