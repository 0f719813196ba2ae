import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createApiKey(_ input: Operations.CreateApiKey.Input) async throws -> Operations.CreateApiKey.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let issued = try await frontdesk.createKey(try caller, name: body.name, role: try Role(matching: body.role))
        return .created(.init(body: .json(try .init(issued))))
    }

    func listApiKeys(_ input: Operations.ListApiKeys.Input) async throws -> Operations.ListApiKeys.Output {
        let keys = try await frontdesk.keys(try caller)
        return .ok(.init(body: .json(.init(items: try keys.map(Components.Schemas.ApiKey.init)))))
    }

    func deleteApiKey(_ input: Operations.DeleteApiKey.Input) async throws -> Operations.DeleteApiKey.Output {
        try await frontdesk.deleteKey(try caller, id: try Read.pathID(input.path.id, "api key"))
        return .noContent(.init())
    }
}
