import CoreMetrics
import FrontdeskEngine
import Metrics
import Prometheus

/// The process's metrics: swift-metrics bootstrapped once onto a Prometheus registry that
/// `GET /metrics` renders.
enum PrometheusMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func exposition() -> String { registry.emitToString() }

    /// The store's connection gauges, read at the request rather than kept in the registry.
    static func exposition(of gauges: [ConnectionGauge]) -> String {
        gauges.map { "# HELP \($0.name) \($0.help)\n# TYPE \($0.name) gauge\n\($0.name) \($0.value)\n" }.joined()
    }
}
