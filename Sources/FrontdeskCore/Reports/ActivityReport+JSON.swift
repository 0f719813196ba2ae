import Foundation

/// The JSON of a report, identical to the API's `ActivityReport` schema; keys in sorted order at
/// every level, as every answer.
extension ActivityReport {
    public var json: [UInt8] {
        var json = JSONWriter(capacity: 256 * (resources.count + locations.count + 1))
        json.object { json in
            json.key("from"); json.instant(period.start)
            json.key("locations")
            json.array(locations) { json, row in row.figures.write(to: &json, location: row.locationID, name: row.name) }
            json.key("organization"); organization.write(to: &json)
            json.key("resources")
            json.array(resources) { json, row in
                row.figures.write(to: &json, location: row.locationID, name: row.name, resource: row.resourceID)
            }
            json.key("to"); json.instant(period.end)
        }
        return json.bytes
    }
}

extension ActivityFigures {
    /// The figures as one object, with the ids and name of the row that has them among them.
    func write(to json: inout JSONWriter, location: UUID? = nil, name: String? = nil, resource: UUID? = nil) {
        json.object { json in
            json.key("booked_minutes"); json.int(bookedMinutes)
            json.key("idle_minutes"); json.int(idleMinutes)
            if let location { json.key("location_id"); json.uuid(location) }
            if let name { json.key("name"); json.string(name) }
            json.key("no_shows"); json.int(noShows)
            json.key("peak_hours")
            json.array(peakHours) { json, peak in
                json.object { json in
                    json.key("hour"); json.int(peak.hour)
                    json.key("visit_minutes"); json.int(peak.visitMinutes)
                }
            }
            if let resource { json.key("resource_id"); json.uuid(resource) }
            json.key("used_minutes"); json.int(usedMinutes)
            json.key("utilization_rate"); json.double(utilizationRate)
            json.key("visit_minutes"); json.int(visitMinutes)
            json.key("visits"); json.int(visits)
        }
    }
}
