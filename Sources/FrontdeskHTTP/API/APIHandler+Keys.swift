import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine

extension APIHandler {
    func createApiKey(_ input: Operations.CreateApiKey.Input) async throws -> Operations.CreateApiKey.Output {
        guard case .json(let body) = input.body else { throw FrontdeskError.malformedRequest("expected JSON") }
        let issued = try await frontdesk.createKey(try caller, name: body.name, role: Role(rawValue: body.role.rawValue)!)
        return .created(.init(body: .json(try Self.createdKey(issued))))
    }

    func listApiKeys(_ input: Operations.ListApiKeys.Input) async throws -> Operations.ListApiKeys.Output {
        let keys = try await frontdesk.keys(try caller)
        return .ok(.init(body: .json(.init(items: try keys.map { try Bridge.api(KeyJSON($0)) }))))
    }

    func deleteApiKey(_ input: Operations.DeleteApiKey.Input) async throws -> Operations.DeleteApiKey.Output {
        try await frontdesk.deleteKey(try caller, id: try Read.pathID(input.path.id, "api key"))
        return .noContent(.init())
    }

    static func createdKey(_ issued: IssuedKey) throws -> Components.Schemas.CreatedApiKey {
        try Bridge.api(KeyJSON(issued.key, secret: issued.secret))
    }
}

/// A key as the API shows it: never its hash; its secret only when just created.
struct KeyJSON: Encodable {
    var id: UUID
    var name: String
    var role: String
    var prefix: String
    var created_at: Date
    var permissions: [String]
    var secret: String?

    init(_ key: APIKey, secret: String? = nil) {
        id = key.id
        name = key.name
        role = key.role.rawValue
        prefix = key.prefix
        created_at = key.createdAt
        permissions = key.role.permissions.map(\.rawValue).sorted()
        self.secret = secret
    }
}
