import Foundation

/// The JSON shape of a resource, identical to the API's `Resource` schema (an availability answer
/// writes a thousand of them). An unset category is left out.
extension Resource: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("capacity"); json.int(capacity)
            if let category { json.key("category"); json.string(category) }
            json.key("created_at"); json.instant(createdAt)
            json.key("housekeeping"); json.string(housekeeping.rawValue)
            json.key("id"); json.uuid(id)
            json.key("kind"); json.string(kind)
            json.key("location_id"); json.uuid(locationID)
            json.key("name"); json.string(name)
            json.key("organization_id"); json.uuid(organizationID)
            json.key("rate_amount"); json.int(rateAmount)
            if !rateTiers.isEmpty {
                json.key("rate_tiers")
                json.array(rateTiers) { json, tier in
                    json.object { json in
                        json.key("rate_amount"); json.int(tier.rateAmount)
                        json.key("rate_unit"); json.string(tier.rateUnit.rawValue)
                        json.key("up_to_minutes"); json.int(tier.upToMinutes)
                    }
                }
            }
            json.key("rate_unit"); json.string(rateUnit.rawValue)
            json.key("status"); json.string(status.rawValue)
            json.key("updated_at"); json.instant(updatedAt)
        }
    }
}
