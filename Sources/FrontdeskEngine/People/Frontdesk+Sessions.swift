import Foundation
import FrontdeskCore

/// A sign-in: the session's token (shown once), when the session ends if unused, and who it is.
public struct SignedIn: Sendable {
    public var token: String
    public var session: Session
    public var user: User
    public var expiresAt: Date
}

/// Signing in and out. A session token is `fds_` and 40 random characters; only its SHA-256 is
/// stored, as for API keys. Wrong passwords are counted per account and per address
/// (`SignInThrottle`): past the limit, `429 too_many_attempts` until the window lets one go.
extension Frontdesk {
    public func signIn(email: String, password: String, address: String?) async throws -> SignedIn {
        var v = Validator()
        v.text(email, "email", required: true, max: 254)
        v.check(!password.isEmpty, "password", "is required")
        v.check(password.utf8.count <= 1_000, "password", "must be at most 1000 bytes")
        // bcrypt reads a C string: a NUL would end the password early (no password holds one).
        v.check(!password.utf8.contains(0), "password", Validator.nulMessage)
        try v.validate()
        let email = UserInput.normalized(email)
        let keys = SignInThrottle.keys(email: email, address: address)
        let failures = try await store.signInFailures(keys, since: signIns.windowStart(at: now))
        if let wait = signIns.retryAfter(failures, at: now) { throw FrontdeskError.tooManyAttempts(retryAfter: wait) }
        let user = try await store.user(email: email)
        guard await passwords.verify(password, hash: user?.passwordHash), let user else {
            try await store.recordSignInFailure(keys, at: now, forgetBefore: signIns.windowStart(at: now))
            throw FrontdeskError.invalidCredentials
        }
        let account = SignInThrottle.accountKey(email)
        if failures[account] != nil { try await store.clearSignInFailures(account) }
        return try await openSession(for: user)
    }

    /// Sets the password of an invited user (`fdi_…`, once) and signs them in.
    public func acceptInvitation(token: String, password: String) async throws -> SignedIn {
        var v = Validator()
        UserInput.checkPassword(password, "password", &v)
        try v.validate()
        let inviteHash = KeySecret.hash(token)
        guard token.hasPrefix("fdi_"), let invited = try await store.user(inviteHash: inviteHash) else {
            throw FrontdeskError.notFound(entity: "invitation", id: String(token.prefix(10)) + "…")
        }
        let hash = await passwords.hash(password)
        let now = self.now
        let user = try await store.updateUser(invited.organizationID, invited.id) { current in
            guard current.inviteHash == inviteHash else {
                throw FrontdeskError.notFound(entity: "invitation", id: String(token.prefix(10)) + "…")
            }
            var next = current
            (next.passwordHash, next.inviteHash, next.updatedAt) = (hash, nil, now)
            return next
        }
        return try await openSession(for: user)
    }

    /// The caller a session token stands for, and its session; an unknown or ended session is
    /// `unauthorized` (an ended one is deleted). A request writes the session down as its last at
    /// most once a minute.
    public func authenticate(sessionToken token: String) async throws -> (caller: Caller, session: Session) {
        guard token.hasPrefix("fds_"), let (session, user) = try await store.session(tokenHash: KeySecret.hash(token)) else {
            throw FrontdeskError.unauthorized
        }
        let now = self.now
        guard sessionPolicy.isLive(session, at: now) else {
            try await store.deleteSession(session.id)
            throw FrontdeskError.unauthorized
        }
        var seen = session
        if sessionPolicy.needsTouch(session, at: now) {
            try await store.touchSession(session.id, at: now)
            seen.lastSeenAt = now
        }
        return (Caller(user: user), seen)
    }

    /// Ends the session of a token.
    public func signOut(sessionToken token: String) async throws {
        let (_, session) = try await authenticate(sessionToken: token)
        try await store.deleteSession(session.id)
    }

    private func openSession(for user: User) async throws -> SignedIn {
        let token = "fds_" + KeySecret.random(40)
        let session = Session(id: newID(), organizationID: user.organizationID, userID: user.id,
                              tokenHash: KeySecret.hash(token), createdAt: now)
        try await store.insertSession(session)
        return SignedIn(token: token, session: session, user: user, expiresAt: sessionPolicy.expiry(of: session))
    }
}
