import Foundation
import FrontdeskAPI
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore

/// The People tag's operations, served by hand-written routes: signing in and out set and clear
/// the web desk's cookie, which the generated server cannot. Requests are read into the generated
/// types; users are written by `JSONWriter`, as the API's schemas have them.
enum PeopleRoutes {
    static func register<Context: RemoteAddressRequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.post("/api/v1/sessions") { request, context in
            let body = try await WireJSON.decode(Components.Schemas.SignIn.self, from: request)
            let signedIn = try await frontdesk.signIn(email: body.email, password: body.password,
                                                      address: context.remoteAddress?.ipAddress)
            return sessionResponse(signedIn, request, frontdesk)
        }
        router.post("/api/v1/invitations/accept") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.InvitationAcceptance.self, from: request)
            return sessionResponse(try await frontdesk.acceptInvitation(token: body.token, password: body.password), request,
                                   frontdesk)
        }
        router.get("/api/v1/sessions/current") { _, _ in
            let (_, session) = try await frontdesk.authenticate(sessionToken: try currentToken())
            let user = try await frontdesk.user(try RequestCaller.require(), session.userID)
            return WireJSON.response(.ok, object { json in
                json.key("expires_at"); json.instant(frontdesk.sessionPolicy.expiry(of: session))
                json.key("user"); user.write(to: &json)
            })
        }
        router.delete("/api/v1/sessions/current") { request, _ in
            try await frontdesk.signOut(sessionToken: try currentToken())
            return Response(status: .noContent, headers: [.setCookie: SessionCookie.header("", maxAge: 0, for: request)])
        }
        router.post("/api/v1/users") { request, _ in
            let body = try await WireJSON.decode(Components.Schemas.UserCreate.self, from: request)
            let created = try await frontdesk.createUser(try RequestCaller.require(), UserInput(
                email: body.email, name: body.name, role: try role(body.role.rawValue),
                locationIDs: try ids(body.locationIds), password: body.password))
            var json = JSONWriter()
            created.user.write(to: &json, inviteURL: created.inviteToken.map { inviteURL($0, request) })
            return WireJSON.response(.created, json.data)
        }
        router.get("/api/v1/users") { _, _ in
            let users = try await frontdesk.users(try RequestCaller.require())
            return WireJSON.response(.ok, object { json in
                json.key("items"); json.array(users) { json, user in user.write(to: &json) }
            })
        }
        router.get("/api/v1/users/:id") { _, context in
            let user = try await frontdesk.user(try RequestCaller.require(), try userID(context))
            return WireJSON.response(.ok, DomainJSON.encode(user))
        }
        router.patch("/api/v1/users/:id") { request, context in
            let body = try await WireJSON.decode(Components.Schemas.UserPatch.self, from: request)
            let user = try await frontdesk.updateUser(try RequestCaller.require(), try userID(context), UserInput(
                email: body.email, name: body.name, role: try body.role.map { try role($0.rawValue) },
                locationIDs: try ids(body.locationIds), password: body.password))
            return WireJSON.response(.ok, DomainJSON.encode(user))
        }
        router.delete("/api/v1/users/:id") { _, context in
            try await frontdesk.deleteUser(try RequestCaller.require(), try userID(context))
            return Response(status: .noContent)
        }
    }

    /// A sign-in's answer: the token, when the session ends if unused, the user; and the cookie.
    private static func sessionResponse(_ signedIn: SignedIn, _ request: Request, _ frontdesk: Frontdesk) -> Response {
        var response = WireJSON.response(.created, object { json in
            json.key("expires_at"); json.instant(signedIn.expiresAt)
            json.key("token"); json.string(signedIn.token)
            json.key("user"); signedIn.user.write(to: &json)
        })
        let lifetime = Int(frontdesk.sessionPolicy.absolute.components.seconds)
        response.headers[.setCookie] = SessionCookie.header(signedIn.token, maxAge: lifetime, for: request)
        return response
    }

    /// The session the request came with; a key has none.
    private static func currentToken() throws -> String {
        _ = try RequestCaller.require()
        guard let token = RequestCaller.sessionToken else {
            throw FrontdeskError.notFound(entity: "session", id: "current (this request came with an API key)")
        }
        return token
    }

    /// Where the desk serves an invitation: this server as the request reached it.
    private static func inviteURL(_ token: String, _ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1:8080"
        return "http://\(host)/invite/\(token)"
    }

    private static func userID<Context: RequestContext>(_ context: Context) throws -> UUID {
        try Read.pathID(try context.parameters.require("id"), "user")
    }

    private static func role(_ text: String) throws -> Role {
        guard let role = Role(rawValue: text) else { throw FrontdeskError.malformedRequest("role must be one of the roles") }
        return role
    }

    private static func ids(_ ids: [String]?) throws -> [UUID]? {
        try ids?.enumerated().map { index, id in try Read.uuid(id, "location_ids[\(index)]") }
    }

    private static func object(_ members: (inout JSONWriter) -> Void) -> Data {
        var json = JSONWriter()
        json.object(members)
        return json.data
    }
}
