import Foundation
import FrontdeskCore

/// The money reports, with `billing:read`: takings over a period, and the balances still open.
extension Frontdesk {
    /// Payments and refunds of `[from, to)` (at most 366 days), of one location when `locationID`
    /// is given, by local day, location and method.
    public func takingsReport(_ caller: Caller, _ query: ActivityQuery) async throws -> TakingsReport {
        try caller.require(.billingRead)
        try query.validate()
        var v = Validator()
        if let locationID = query.locationID {
            let known = caller.sees(locationID) ? try await store.location(caller.organizationID, locationID) != nil : false
            v.check(known, "location_id", "is not a location of the organization")
        } else {
            try caller.requireEveryLocation()
        }
        try v.validate()
        let organization = try await organization(of: caller)
        let filter = PaymentFilter(from: query.from, to: query.to, locationIDs: query.locationID.map { [$0] } ?? [])
        let payments = try await Page.all { page in try await store.payments(caller.organizationID, filter: filter, page: page) }
        let locations = try await Page.all { page in try await store.locations(caller.organizationID, page: page) }
        let zones = Dictionary(uniqueKeysWithValues: locations.map {
            ($0.id, Location.zone($0.timeZone, else: organization.zone))
        })
        return TakingsReport(payments, query: query, currency: organization.currency, zones: zones,
                             fallback: organization.zone)
    }

    /// Every invoice, open or finalized, whose balance is not zero.
    public func balancesReport(_ caller: Caller) async throws -> BalancesReport {
        try caller.require(.billingRead)
        try caller.requireEveryLocation("location_id", "you see only some locations: the balances are the whole organization's")
        let filter = InvoiceFilter(statuses: [.open, .finalized])
        let invoices = try await Page.all { page in try await store.invoices(caller.organizationID, filter: filter, page: page) }
        return BalancesReport(invoices, currency: try await organization(of: caller).currency)
    }
}
