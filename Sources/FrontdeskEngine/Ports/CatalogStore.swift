import Foundation
import FrontdeskCore

/// What an organization offers and to whom: locations, resources, members, and the catalog that
/// availability and bookings read.
public protocol CatalogStore: Sendable {
    func insertLocation(_ location: Location) async throws
    func location(_ organizationID: UUID, _ id: UUID) async throws -> Location?
    func locations(_ organizationID: UUID, page: PageRequest) async throws -> Page<Location>
    func updateLocation(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Location) throws -> Location
    ) async throws -> Location
    /// Throws `conflict(location_in_use)` while it has resources.
    func deleteLocation(_ organizationID: UUID, _ id: UUID) async throws

    /// Throws `validationFailed(location_id)` if the location is not the organization's.
    func insertResource(_ resource: Resource) async throws
    func resource(_ organizationID: UUID, _ id: UUID) async throws -> Resource?
    func resources(_ organizationID: UUID, filter: ResourceFilter, page: PageRequest) async throws -> Page<Resource>
    func updateResource(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Resource) throws -> Resource
    ) async throws -> Resource
    /// Throws `conflict(resource_in_use)` while a booking line holds it at or after `now`, or is
    /// checked in (an overdue line holds on until it is checked out).
    func deleteResource(_ organizationID: UUID, _ id: UUID, now: Date) async throws

    func insertMember(_ member: Member) async throws
    func member(_ organizationID: UUID, _ id: UUID) async throws -> Member?
    func members(_ organizationID: UUID, filter: MemberFilter, page: PageRequest) async throws -> Page<Member>
    func updateMember(
        _ organizationID: UUID, _ id: UUID, _ change: @escaping @Sendable (Member) throws -> Member
    ) async throws -> Member
    /// Throws `conflict(member_in_use)` while a booking of the member holds a resource.
    func deleteMember(_ organizationID: UUID, _ id: UUID) async throws

    /// The organization's catalog and its version.
    func catalog(_ organizationID: UUID) async throws -> Catalog
    /// The time zone and desk settings a request's dates are read in: each resource's location's
    /// (`LocalDesk(zone:settings:in:)`). A resource that is not there has none.
    func resourceDesks(_ organizationID: UUID, _ resourceIDs: [UUID]) async throws -> [UUID: LocalDesk]
}
