extension Duration {
    /// How long a test waits for what should happen at once (a connection closed, a local answer).
    /// Not a second or two: the whole suite runs in parallel on two cores, and a task that is ready
    /// can wait its turn for a thread for 20 s (seen in CI). What such a test checks is that it
    /// happens, not how fast; a bound on time is a benchmark's. Under the server's default idle
    /// timeout (60 s), so that a connection left open is still told from one closed at once.
    public static let patience: Duration = .seconds(30)
}
