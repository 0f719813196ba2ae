import Foundation

/// The JSON shape of an event, identical to the API's `Event` schema. `data` is already JSON in the
/// outbox and goes out as it was stored: the live streams write every event, and reading the entity
/// back only to write it again would cost more than the rest of the event.
extension Event: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("created_at"); json.instant(createdAt)
            json.key("data"); json.raw(data)
            json.key("entity_id"); json.uuid(entityID)
            json.key("entity_type"); json.string(entityType)
            json.key("id"); json.uuid(id)
            json.key("sequence"); json.int(sequence)
            json.key("type"); json.string(type.rawValue)
        }
    }
}
