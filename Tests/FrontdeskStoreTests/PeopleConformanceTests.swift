import Foundation
import FrontdeskCore
import FrontdeskEngine
import FrontdeskTestSupport
import Testing

/// The people who sign in to the desk: users made by a manager of users or invited, signed in and
/// out, sessions that end when idle or old, wrong passwords throttled, writes audited with the person.
@Suite struct PeopleConformanceTests {
    static let password = "correct horse battery"

    @Test(arguments: Backend.enabled)
    func aUserIsInvitedSignsInActsAndSignsOut(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let made = try await f.frontdesk.createUser(f.owner, UserInput(email: " Ada@Example.com ", name: "Ada", role: .frontDesk))
            #expect(made.user.email == "ada@example.com" && made.user.status == "invited")
            let invite = try #require(made.inviteToken)
            await expectError("invalid_credentials") {
                try await f.frontdesk.signIn(email: "ada@example.com", password: Self.password, address: nil)
            }
            await expectError("validation_failed") { try await f.frontdesk.acceptInvitation(token: invite, password: "short") }
            let first = try await f.frontdesk.acceptInvitation(token: invite, password: Self.password)
            #expect(first.user.status == "active" && first.token.hasPrefix("fds_"))
            await expectError("not_found") { try await f.frontdesk.acceptInvitation(token: invite, password: Self.password) }

            // Signed in with either case of the email; the session's caller is the person, with the role.
            let signedIn = try await f.frontdesk.signIn(email: "ADA@example.com", password: Self.password, address: "10.0.0.1")
            #expect(signedIn.expiresAt == f.now + 8 * 3_600)
            let (ada, session) = try await f.frontdesk.authenticate(sessionToken: signedIn.token)
            #expect(ada.kind == .person(made.user.id) && ada.role == .frontDesk && session.id == signedIn.session.id)
            #expect(ada.actor == Actor(type: "user", id: made.user.id.text, name: "Ada"))

            // What the person does is audited with the person.
            let guest = try await f.frontdesk.createMember(ada, MemberInput(name: "Grace"))
            let room = try await f.makeResource(at: try await f.makeLocation(), name: "101", rate: 1_000, unit: .hour)
            let stay = try await f.frontdesk.createBooking(ada, NewBooking(
                memberID: guest.id, lines: [.init(resourceID: room.id, window: .instants(hours(14, 20)))]))
            #expect(try await f.frontdesk.bookingAudit(f.owner, .id(stay.id)).map(\.actor) == [ada.actor])
            await expectError("forbidden") { try await f.frontdesk.users(ada) }

            try await f.frontdesk.signOut(sessionToken: signedIn.token)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: signedIn.token) }
            _ = try await f.frontdesk.authenticate(sessionToken: first.token)  // another session goes on
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: "fds_" + String(repeating: "x", count: 40)) }
        }
    }

    @Test(arguments: Backend.enabled)
    func sessionsEndWhenIdleOrOld(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            _ = try await f.frontdesk.createUser(f.owner, UserInput(email: "lin@example.com", name: "Lin", role: .manager,
                                                                    password: Self.password))
            let signedIn = try await f.frontdesk.signIn(email: "lin@example.com", password: Self.password, address: nil)
            // Used every seven hours, it lasts, up to seven days after the sign-in.
            for _ in 0..<23 {
                f.clock.advance(by: 7 * 3_600)
                _ = try await f.frontdesk.authenticate(sessionToken: signedIn.token)
            }
            f.clock.advance(by: 7 * 3_600)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: signedIn.token) }

            // Left alone past eight hours, it ends.
            let idle = try await f.frontdesk.signIn(email: "lin@example.com", password: Self.password, address: nil)
            f.clock.advance(by: 8 * 3_600 + 1)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: idle.token) }
        }
    }

    @Test(arguments: Backend.enabled)
    func wrongPasswordsAreThrottledAndAnswerAlike(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            _ = try await f.frontdesk.createUser(f.owner, UserInput(email: "sam@example.com", name: "Sam", role: .viewer,
                                                                    password: Self.password))
            for _ in 0..<5 {
                await expectError("invalid_credentials") {
                    try await f.frontdesk.signIn(email: "sam@example.com", password: "wrong password", address: "10.0.0.2")
                }
            }
            // The account is held, even with the right password and from another address.
            let held = await expectError("too_many_attempts") {
                try await f.frontdesk.signIn(email: "sam@example.com", password: Self.password, address: "10.0.0.3")
            }
            guard case .tooManyAttempts(let seconds)? = held else { return }
            #expect(seconds == 15 * 60)
            // So is the address, for any account; an email no one has is refused as a wrong password.
            await expectError("too_many_attempts") {
                try await f.frontdesk.signIn(email: "nobody@example.com", password: Self.password, address: "10.0.0.2")
            }
            await expectError("invalid_credentials") {
                try await f.frontdesk.signIn(email: "nobody@example.com", password: Self.password, address: "10.0.0.4")
            }
            // A NUL would end the password early for bcrypt: refused before any check.
            await expectError("validation_failed") {
                try await f.frontdesk.signIn(email: "sam@example.com", password: Self.password + "\u{0}x", address: "10.0.0.5")
            }
            f.clock.advance(by: 15 * 60)
            _ = try await f.frontdesk.signIn(email: "sam@example.com", password: Self.password, address: "10.0.0.2")
        }
    }

    /// Servers on one database count wrong passwords together: three on one, two on another, and
    /// the account is held on both; a success clears it on both.
    @Test(arguments: Backend.enabled)
    func wrongPasswordsAreCountedByEveryServer(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let other = Frontdesk(store: f.store, clock: { f.clock.now }, passwordCost: 4)
            _ = try await f.frontdesk.createUser(f.owner, UserInput(email: "sam@example.com", name: "Sam", role: .viewer,
                                                                    password: Self.password))
            for (server, count) in [(f.frontdesk, 2), (other, 2)] {
                for _ in 0..<count {
                    await expectError("invalid_credentials") {
                        try await server.signIn(email: "sam@example.com", password: "wrong password", address: nil)
                    }
                }
            }
            f.clock.advance(by: 60)
            _ = try await other.signIn(email: "sam@example.com", password: Self.password, address: nil)  // four: not held
            for server in [f.frontdesk, other, f.frontdesk, other, f.frontdesk] {
                await expectError("invalid_credentials") {
                    try await server.signIn(email: "sam@example.com", password: "wrong password", address: nil)
                }
            }
            for server in [f.frontdesk, other] {
                let held = await expectError("too_many_attempts") {
                    try await server.signIn(email: "sam@example.com", password: Self.password, address: nil)
                }
                guard case .tooManyAttempts(let seconds)? = held else { return }
                #expect(seconds == 15 * 60)
            }
        }
    }

    @Test(arguments: Backend.enabled)
    func usersAreManagedWithinTheCallersRole(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            let hotel = try await f.makeLocation(name: "Hotel")
            let admin = try await f.frontdesk.createUser(f.owner, UserInput(email: "admin@example.com", name: "Admin", role: .admin,
                                                                            password: Self.password)).user
            let adminCaller = try await f.frontdesk.authenticate(sessionToken: try await f.frontdesk.signIn(
                email: "admin@example.com", password: Self.password, address: nil).token).caller
            // Refused, with nothing written: an owner made by an admin, a taken email, a location not there.
            await expectError("validation_failed") {
                try await f.frontdesk.createUser(adminCaller, UserInput(email: "boss@example.com", name: "Boss", role: .owner))
            }
            await expectError("email_taken") {
                try await f.frontdesk.createUser(adminCaller, UserInput(email: "ADMIN@example.com", name: "Twin", role: .viewer))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.createUser(adminCaller, UserInput(email: "x@example.com", name: "X", role: .viewer,
                                                                        locationIDs: [UUID()]))
            }
            await expectError("validation_failed") {
                try await f.frontdesk.createUser(adminCaller, UserInput(email: "not an email", name: "Y", role: .viewer))
            }
            #expect(try await f.frontdesk.users(f.owner).map(\.email) == ["admin@example.com"])

            let desk = try await f.frontdesk.createUser(adminCaller, UserInput(
                email: "desk@example.com", name: "Desk", role: .frontDesk, locationIDs: [hotel.id], password: Self.password)).user
            #expect(desk.locationIDs == [hotel.id] && desk.status == "active")
            let deskSession = try await f.frontdesk.signIn(email: "desk@example.com", password: Self.password, address: nil)

            // A new password ends the user's sessions; a new role applies at the next request.
            let changed = try await f.frontdesk.updateUser(adminCaller, desk.id, UserInput(role: .manager, password: "another password"))
            #expect(changed.role == .manager && changed.locationIDs == [hotel.id])
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: deskSession.token) }
            let again = try await f.frontdesk.signIn(email: "desk@example.com", password: "another password", address: nil)
            #expect(try await f.frontdesk.authenticate(sessionToken: again.token).caller.role == .manager)
            await expectError("email_taken") {
                try await f.frontdesk.updateUser(adminCaller, desk.id, UserInput(email: "admin@example.com"))
            }
            await expectError("validation_failed") { try await f.frontdesk.updateUser(adminCaller, desk.id, UserInput()) }

            // An admin cannot touch the owner's peers above it; deleting a user ends their sessions.
            let owner = try await f.frontdesk.createUser(f.owner, UserInput(email: "owner@example.com", name: "Owner", role: .owner)).user
            await expectError("validation_failed") { try await f.frontdesk.deleteUser(adminCaller, owner.id) }
            try await f.frontdesk.deleteUser(adminCaller, desk.id)
            await expectError("unauthorized") { try await f.frontdesk.authenticate(sessionToken: again.token) }
            await expectError("not_found") { try await f.frontdesk.user(adminCaller, desk.id) }
            #expect(try await f.frontdesk.users(f.owner).map(\.id) == [admin.id, owner.id])
            // Another organization's users are not found.
            let other = try await f.makeOrganization()
            await expectError("not_found") { try await f.frontdesk.user(other, admin.id) }
        }
    }

    /// Two users given one email at once: one takes it, the other is told it is taken (on
    /// PostgreSQL the unique index decides when neither check saw the other).
    @Test(arguments: Backend.enabled)
    func oneEmailGivenTwiceAtOnceIsTakenOnce(_ backend: Backend) async throws {
        try await withStore(backend) { f in
            for round in 0..<5 {
                var ids: [UUID] = []
                for n in 1...2 {
                    ids.append(try await f.frontdesk.createUser(f.owner, UserInput(
                        email: "u\(round)-\(n)@example.com", name: "U\(n)", role: .viewer)).user.id)
                }
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for id in ids {
                        group.addTask {
                            do {
                                _ = try await f.frontdesk.updateUser(f.owner, id, UserInput(email: "same\(round)@example.com"))
                                return "ok"
                            } catch let error as FrontdeskError {
                                return error.code
                            } catch {
                                return "\(error)"
                            }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                #expect(outcomes.sorted() == ["email_taken", "ok"])
            }
        }
    }
}
