import Foundation
import FrontdeskCore

/// What a caller limited to some locations may name. A booking's, a visit's, an invoice's and a
/// resource's location never change, so a read before the write decides as well as one inside it.
/// Callers who see every location (keys, most people) pass without a read.
extension Frontdesk {
    /// The booking, when the caller sees its location; else not found.
    func requireVisible(_ reference: BookingReference, _ caller: Caller) async throws {
        guard caller.locationIDs != nil else { return }
        guard let booking = try await store.booking(caller.organizationID, reference), caller.sees(booking.locationID) else {
            throw FrontdeskError.notFound(entity: "booking", id: reference.description)
        }
    }

    func requireVisible(checkin id: UUID, _ caller: Caller) async throws {
        guard caller.locationIDs != nil else { return }
        guard let checkin = try await store.checkin(caller.organizationID, id), caller.sees(checkin.locationID) else {
            throw FrontdeskError.notFound(entity: "checkin", id: id.text)
        }
    }

    func requireVisible(invoice id: UUID, _ caller: Caller) async throws {
        guard caller.locationIDs != nil else { return }
        guard let invoice = try await store.invoice(caller.organizationID, id), caller.sees(invoice.locationID) else {
            throw FrontdeskError.notFound(entity: "invoice", id: id.text)
        }
    }

    /// Each resource, when the caller sees its location; else the first unseen is not found.
    func requireVisible(resources ids: some Sequence<UUID>, _ caller: Caller) async throws {
        guard caller.locationIDs != nil else { return }
        for id in ids {
            guard let resource = try await store.resource(caller.organizationID, id), caller.sees(resource.locationID) else {
                throw FrontdeskError.notFound(entity: "resource", id: id.text)
            }
        }
    }
}
