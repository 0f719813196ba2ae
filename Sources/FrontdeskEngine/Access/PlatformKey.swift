import Foundation
import FrontdeskCore

extension Frontdesk {
    /// The caller for `FRONTDESK_MASTER_KEY`: a platform key that creates organizations and acts as
    /// owner of the default one. It lives in the environment, never in the database.
    public static func platformCaller(now: Date = Date()) -> Caller {
        Caller(key: APIKey(
            id: platformKeyID, organizationID: Organization.defaultID,
            name: "platform", role: .owner, prefix: "master", hash: "", isPlatform: true, createdAt: now))
    }

    private static let platformKeyID = UUID(uuidString: "00000000-0000-0000-0000-00000000000f")!
}
