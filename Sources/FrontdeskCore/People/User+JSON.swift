import Foundation

/// A user as the API shows one: never the password's hash nor the invitation's.
extension User: JSONWritable {
    public func write(to json: inout JSONWriter) {
        write(to: &json, inviteURL: nil)
    }

    /// The user just made, with the link of their invitation.
    public func write(to json: inout JSONWriter, inviteURL: String?) {
        json.object { json in
            json.key("created_at"); json.instant(createdAt)
            json.key("email"); json.string(email)
            json.key("id"); json.uuid(id)
            if let inviteURL { json.key("invite_url"); json.string(inviteURL) }
            json.key("location_ids"); json.array(locationIDs) { json, id in json.uuid(id) }
            json.key("name"); json.string(name)
            json.key("organization_id"); json.uuid(organizationID)
            json.key("role"); json.string(role.rawValue)
            json.key("status"); json.string(status)
            json.key("updated_at"); json.instant(updatedAt)
        }
    }
}
