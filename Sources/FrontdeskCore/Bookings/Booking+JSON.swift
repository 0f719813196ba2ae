import Foundation

/// The JSON shape of a booking, identical to the API's `Booking` schema: events and audit entries
/// carry exactly what a client would read.
extension Booking: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, number, status, lines, source, notes, currency, version
        case memberID = "member_id"
        case cancellationReason = "cancellation_reason"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case actualStartAt = "actual_start_at"
        case actualEndAt = "actual_end_at"
        case totalAmount = "total_amount"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(number, forKey: .number)
        try c.encode(status, forKey: .status)
        try c.encode(memberID, forKey: .memberID)
        try c.encode(lines, forKey: .lines)
        try c.encode(source, forKey: .source)
        try c.encode(notes, forKey: .notes)
        try c.encode(cancellationReason, forKey: .cancellationReason)
        try c.encode(window.start, forKey: .startsAt)
        try c.encode(window.end, forKey: .endsAt)
        try c.encode(actualStartAt, forKey: .actualStartAt)
        try c.encode(actualEndAt, forKey: .actualEndAt)
        try c.encode(totalAmount, forKey: .totalAmount)
        try c.encode(currency, forKey: .currency)
        try c.encode(version, forKey: .version)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}

extension BookingLine: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, state, amount
        case resourceID = "resource_id"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case checkedInAt = "checked_in_at"
        case checkedOutAt = "checked_out_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(resourceID, forKey: .resourceID)
        try c.encode(window.start, forKey: .startsAt)
        try c.encode(window.end, forKey: .endsAt)
        try c.encode(state, forKey: .state)
        try c.encode(checkedInAt, forKey: .checkedInAt)
        try c.encode(checkedOutAt, forKey: .checkedOutAt)
        try c.encode(amount, forKey: .amount)
    }
}
