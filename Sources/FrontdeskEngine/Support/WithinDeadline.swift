/// Runs `body` and returns its answer, or `late` once `limit` has passed, whichever comes first.
/// `body` runs in a task of its own, cancelled and left to finish when late: the answer comes in
/// time even when what `body` waits on ignores cancellation (a connection pool trying to connect).
public func withinDeadline<T: Sendable>(
    _ limit: Duration, else late: T, _ body: @escaping @Sendable () async -> T
) async -> T {
    let (answers, answer) = AsyncStream.makeStream(of: T.self)
    let work = Task { answer.yield(await body()) }
    let timer = Task {
        try? await Task.sleep(for: limit)
        answer.yield(late)
    }
    defer { work.cancel(); timer.cancel() }
    for await first in answers { return first }
    return late
}
