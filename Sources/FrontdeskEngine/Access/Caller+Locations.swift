import Foundation
import FrontdeskCore

/// A person limited to some locations sees nothing of the others: their locations, resources,
/// bookings, visits and money are not found, and absent from lists.
extension Caller {
    /// Whether the caller sees what is at `locationID`.
    public func sees(_ locationID: UUID) -> Bool {
        locationIDs?.contains(locationID) ?? true
    }

    /// Whether the caller sees `event`: everything, or what happened at a location they see.
    public func sees(_ event: Event) -> Bool {
        guard locationIDs != nil else { return true }
        return event.locationID.map(sees) ?? false
    }

    /// Whether the caller may manage a user limited to `locationIDs` (none: every location): one
    /// who sees every location may; one limited, only a user limited to some of theirs.
    func manages(_ userLocationIDs: [UUID]) -> Bool {
        guard let locationIDs else { return true }
        return !userLocationIDs.isEmpty && userLocationIDs.allSatisfy(locationIDs.contains)
    }

    /// Not found, as if it were not there, when the caller does not see the location `id`.
    func requireVisible(location id: UUID) throws(FrontdeskError) {
        guard sees(id) else { throw .notFound(entity: Location.entityName, id: id.text) }
    }

    /// A figure of one location (`locationID`) or of the whole organization (nil): the location
    /// must be one the caller sees, and the whole organization all of it.
    func requireReach(_ locationID: UUID?) throws(FrontdeskError) {
        if let locationID { try requireVisible(location: locationID) } else { try requireEveryLocation() }
    }

    /// The locations a list may reach: those asked for (none: every one) that the caller sees;
    /// nil when none is left, and the list is empty.
    func reach(_ requested: [UUID]) -> [UUID]? {
        guard let locationIDs else { return requested }
        let reach = requested.isEmpty ? locationIDs.sorted { $0.text < $1.text } : requested.filter(locationIDs.contains)
        return reach.isEmpty ? nil : reach
    }

    /// What spans the whole organization (a report, a list, a new location) is the caller's only
    /// when they see all of it; else `field` is refused with `message`.
    func requireEveryLocation(_ field: String = "location_id",
                              _ message: String = "is required: you see only some locations") throws(FrontdeskError) {
        guard locationIDs == nil else { throw .validationFailed([FieldIssue(field, message)]) }
    }
}
