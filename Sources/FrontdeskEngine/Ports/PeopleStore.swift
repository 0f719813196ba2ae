import Foundation
import FrontdeskCore

/// The people who sign in to the desk, and their sessions.
public protocol PeopleStore: Sendable {
    /// Inserts the user: an email another user has is `409 email_taken`, an organization not
    /// there is a 404.
    func insertUser(_ user: User) async throws
    func users(_ organizationID: UUID) async throws -> [User]
    func user(_ organizationID: UUID, _ id: UUID) async throws -> User?
    /// The user of an email (lowercase), in any organization.
    func user(email: String) async throws -> User?
    /// The user whose open invitation's token has this hash.
    func user(inviteHash: String) async throws -> User?
    /// Changes a user in one transaction (`409 email_taken` as for an insert); a user not there is a 404.
    func updateUser(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (User) throws -> User
    ) async throws -> User
    /// Deletes the user and their sessions; whether there was one.
    func deleteUser(_ organizationID: UUID, _ id: UUID) async throws -> Bool
    func userCount() async throws -> Int

    func insertSession(_ session: Session) async throws
    /// The session whose token has this hash, with its user.
    func session(tokenHash: String) async throws -> (session: Session, user: User)?
    /// Writes down a request of the session.
    func touchSession(_ id: UUID, at: Date) async throws
    func deleteSession(_ id: UUID) async throws
    /// Ends every session of a user (a new password, another role).
    func deleteSessions(ofUser userID: UUID) async throws

    /// The wrong passwords counted under each of `keys` after `since` (`SignInThrottle`); a key
    /// with none is absent.
    func signInFailures(_ keys: [String], since: Date) async throws -> [String: [Date]]
    /// Counts a wrong password under each of `keys`, and forgets every failure before `forgetBefore`.
    func recordSignInFailure(_ keys: [String], at: Date, forgetBefore: Date) async throws
    /// Forgets the failures counted under `key`.
    func clearSignInFailures(_ key: String) async throws
}
