import FrontdeskCore
import Testing

/// What each role may do, and which roles it may hand out.
@Suite struct RoleTests {
    @Test func ownerHasEverythingButCreatingOrganizations() {
        let all = Set(Permission.allCases)
        #expect(Role.owner.permissions == all.subtracting([.organizationCreate]))
        #expect(Role.owner.permissions.count == Permission.allCases.count - 1)
    }

    @Test("no key role creates organizations", arguments: Role.allCases)
    func onlyThePlatformCreatesOrganizations(_ role: Role) {
        #expect(!role.permissions.contains(.organizationCreate))
    }

    @Test("every role may read bookings", arguments: Role.allCases)
    func everyRoleReadsBookings(_ role: Role) {
        #expect(role.permissions.contains(.bookingRead))
    }

    @Test func viewerCannotBook() {
        let p = Role.viewer.permissions
        for denied: Permission in [.bookingCreate, .bookingUpdate, .bookingCheckin, .bookingCheckout, .bookingCancel,
                                   .bookingDelete, .memberWrite, .resourceWrite, .keyManage, .settingsManage] {
            #expect(!p.contains(denied), "viewer has \(denied.rawValue)")
        }
        #expect(p.isSuperset(of: [.bookingRead, .resourceRead, .memberRead, .locationRead]))
    }

    @Test func kioskChecksInButCannotCreate() {
        let p = Role.kiosk.permissions
        #expect(p.contains(.bookingCheckin))
        #expect(p.contains(.bookingCheckout))
        #expect(!p.contains(.bookingCreate))
        #expect(!p.contains(.bookingCancel))
        #expect(!p.contains(.memberRead), "a kiosk must not list members")
        #expect(!p.contains(.keyManage))
    }

    @Test func frontDeskBooksButDoesNotAdminister() {
        let p = Role.frontDesk.permissions
        #expect(p.isSuperset(of: [.bookingCreate, .bookingUpdate, .bookingCheckin, .bookingCheckout, .bookingCancel,
                                  .memberWrite]))
        for denied: Permission in [.bookingDelete, .resourceWrite, .settingsManage, .keyManage, .auditRead] {
            #expect(!p.contains(denied), "front_desk has \(denied.rawValue)")
        }
    }

    @Test func managerRunsTheCatalogButNotKeysOrSettings() {
        let p = Role.manager.permissions
        #expect(p.isSuperset(of: Role.frontDesk.permissions))
        #expect(p.isSuperset(of: [.bookingDelete, .resourceWrite, .locationWrite, .auditRead]))
        #expect(!p.contains(.keyManage))
        #expect(!p.contains(.settingsManage))
    }

    /// Which roles each role may grant: no stronger than its own, and only an owner makes owners.
    static let grants: [Role: Set<Role>] = [
        .owner: [.owner, .admin, .manager, .frontDesk, .viewer, .kiosk],
        .admin: [.admin, .manager, .frontDesk, .viewer, .kiosk],
        .manager: [.manager, .frontDesk, .viewer, .kiosk],
        .frontDesk: [.frontDesk, .viewer, .kiosk],
        .viewer: [.viewer],
        .kiosk: [.kiosk],
    ]

    @Test("mayGrant", arguments: Role.allCases, Role.allCases)
    func mayGrant(_ granter: Role, _ granted: Role) {
        #expect(granter.mayGrant(granted) == Self.grants[granter]!.contains(granted))
    }

    @Test func adminCannotMintAnOwner() {
        #expect(!Role.admin.mayGrant(.owner))
        #expect(Role.owner.mayGrant(.owner))
        // Even though an admin holds every permission an owner does.
        #expect(Role.owner.permissions.isSubset(of: Role.admin.permissions))
    }

    @Test func rawValues() {
        #expect(Role.frontDesk.rawValue == "front_desk")
        #expect(Permission.bookingCheckin.rawValue == "booking:checkin")
        #expect(Permission.organizationCreate.rawValue == "organization:create")
    }
}
