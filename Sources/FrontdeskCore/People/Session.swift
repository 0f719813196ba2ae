import Foundation

/// A person signed in: a bearer token (and the web desk's cookie), stored by its SHA-256 only.
/// It lasts while used: it ends after `SessionPolicy.idle` without a request, and at the latest
/// `SessionPolicy.absolute` after the sign-in.
public struct Session: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var organizationID: UUID
    public var userID: UUID
    public var tokenHash: String
    public var createdAt: Date
    /// The last request seen, to the minute (`SessionPolicy.touchEvery`).
    public var lastSeenAt: Date

    public init(id: UUID, organizationID: UUID, userID: UUID, tokenHash: String, createdAt: Date, lastSeenAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.userID = userID
        self.tokenHash = tokenHash
        self.createdAt = createdAt.truncatedToMilliseconds
        self.lastSeenAt = (lastSeenAt ?? createdAt).truncatedToMilliseconds
    }
}

/// How long sessions last.
public struct SessionPolicy: Sendable, Hashable {
    /// Without a request for this long, a session ends.
    public var idle: Duration
    /// A session ends this long after its sign-in, used or not.
    public var absolute: Duration

    public init(idle: Duration = .seconds(8 * 3_600), absolute: Duration = .seconds(7 * 86_400)) {
        self.idle = idle
        self.absolute = absolute
    }

    /// A session's last request is written down at most this often.
    public static let touchEvery: TimeInterval = 60

    /// When `session` ends if no request comes.
    public func expiry(of session: Session) -> Date {
        min(session.lastSeenAt + Self.seconds(idle), session.createdAt + Self.seconds(absolute))
    }

    public func isLive(_ session: Session, at now: Date) -> Bool {
        now < expiry(of: session)
    }

    /// Whether a request at `now` is written down as the session's last.
    public func needsTouch(_ session: Session, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) >= Self.touchEvery
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
