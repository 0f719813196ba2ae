/// One figure of what a store's connections are doing at this moment, which `/metrics` shows as
/// a Prometheus gauge (`SchemaStore.connectionGauges`).
public struct ConnectionGauge: Sendable, Equatable {
    /// The metric's name, `frontdesk_db_…`.
    public var name: String
    /// What it counts, for the exposition's `# HELP` line.
    public var help: String
    public var value: Int

    public init(_ name: String, _ value: Int, help: String) {
        self.name = name
        self.help = help
        self.value = value
    }
}
