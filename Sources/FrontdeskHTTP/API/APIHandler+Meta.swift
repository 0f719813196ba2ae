import Foundation
import FrontdeskAPI
import FrontdeskEngine
import OpenAPIRuntime

extension APIHandler {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(health)))
    }

    private var health: Components.Schemas.Health {
        .init(status: "ok", version: ServerConfiguration.version, database: .init(rawValue: databaseKind) ?? .sqlite)
    }

    func getLiveness(_ input: Operations.GetLiveness.Input) async throws -> Operations.GetLiveness.Output {
        .ok(.init(body: .json(health)))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        guard let detail = await Readiness.problem(of: frontdesk.store) else { return .ok(.init(body: .json(health))) }
        return .serviceUnavailable(.init(body: .applicationProblemJson(.init(
            _type: "https://frontdesk.dev/problems/not-ready", title: "Not ready", status: 503, detail: detail,
            code: "not_ready"))))
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        .ok(.init(body: .plainText(HTTPBody(PrometheusMetrics.exposition()
            + PrometheusMetrics.exposition(of: frontdesk.store.connectionGauges)))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(OpenAPIDocument.yaml))))
    }
}
