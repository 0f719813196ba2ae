/// The name of a state change in the outbox; triggers, streams and webhooks select on it.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case bookingCreated = "booking_created"
    case bookingUpdated = "booking_updated"
    case bookingConfirmed = "booking_confirmed"
    case bookingCheckedIn = "booking_checked_in"
    /// A line checked in while the booking's status stayed as it was (a further room arrives).
    case bookingLineCheckedIn = "booking_line_checked_in"
    /// A line checked out while the booking's status stayed as it was (other rooms stay).
    case bookingLineCheckedOut = "booking_line_checked_out"
    /// A line added to, released from or changed in a booking at the desk (`BookingRevision`); the
    /// data names the line under `line`.
    case bookingLineAdded = "booking_line_added"
    case bookingLineRemoved = "booking_line_removed"
    case bookingLineChanged = "booking_line_changed"
    /// Another member holds the booking.
    case bookingMemberChanged = "booking_member_changed"
    case bookingStarted = "booking_started"
    case bookingCompleted = "booking_completed"
    case bookingCancelled = "booking_cancelled"
    case bookingNoShow = "booking_no_show"
    case bookingExpired = "booking_expired"
    case bookingDeleted = "booking_deleted"
    /// A `ready_next_booking` action stamped `ready_at`: the resource is free for the next guest.
    case bookingReady = "booking_ready"
    case checkinCreated = "checkin_created"
    case checkinStarted = "checkin_started"
    case checkinUpdated = "checkin_updated"
    case checkinDeleted = "checkin_deleted"
    case checkoutStarted = "checkout_started"
    case checkoutCompleted = "checkout_completed"
    /// A scan of a code no member holds (`code_not_found`): nothing else was written.
    case checkinFailed = "checkin_failed"
    /// The sweeper closed a member's visit left open past its expiry (`AttendancePolicy.expiry`).
    case sessionExpired = "session_expired"
    /// An attendance correction's steps: submitted, reviewed either way, and applied to its visit
    /// (whose own events are written with it).
    case correctionSubmitted = "correction_submitted"
    case correctionApproved = "correction_approved"
    case correctionRejected = "correction_rejected"
    case correctionApplied = "correction_applied"
    /// A member's streak reached one of `MemberStats.milestoneDays` for the first time.
    case streakMilestone = "streak_milestone"
    /// A member's engagement moved (`MemberStats.Engagement`), by a visit or by the days going by.
    case engagementChanged = "engagement_changed"
    /// A booking's invoice: made with it, changed while open (an item, a line, another member),
    /// finalized at its completion with its number. Cancelled, it is `invoice_updated`.
    case invoiceCreated = "invoice_created"
    case invoiceUpdated = "invoice_updated"
    case invoiceFinalized = "invoice_finalized"
    /// Money taken against an invoice, or given back.
    case paymentRecorded = "payment_recorded"
    case refundRecorded = "refund_recorded"
    case creditNoteIssued = "credit_note_issued"
    /// Money held against a booking, and its release or capture (a captured part is also a
    /// `payment_recorded`).
    case depositHeld = "deposit_held"
    case depositReleased = "deposit_released"
    case depositCaptured = "deposit_captured"
    /// Damage found as a rental came back, charged on its invoice.
    case bookingDamageRecorded = "booking_damage_recorded"
}
