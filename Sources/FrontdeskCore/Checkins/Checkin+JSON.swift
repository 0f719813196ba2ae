import Foundation

/// The JSON shape of a checkin, identical to the API's `Checkin` schema: events and audit entries
/// carry exactly what a client would read.
extension Checkin: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, state, notes, metadata, version
        case resourceID = "resource_id"
        case memberID = "member_id"
        case bookingID = "booking_id"
        case bookingLineID = "booking_line_id"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case checkIn = "check_in"
        case checkOut = "check_out"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(resourceID, forKey: .resourceID)
        try c.encodeIfPresent(memberID, forKey: .memberID)
        try c.encodeIfPresent(bookingID, forKey: .bookingID)
        try c.encodeIfPresent(bookingLineID, forKey: .bookingLineID)
        try c.encodeIfPresent(planned?.start, forKey: .startsAt)
        try c.encodeIfPresent(planned?.end, forKey: .endsAt)
        try c.encodeIfPresent(checkIn, forKey: .checkIn)
        try c.encodeIfPresent(checkOut, forKey: .checkOut)
        try c.encode(state, forKey: .state)
        try c.encodeIfPresent(notes, forKey: .notes)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
