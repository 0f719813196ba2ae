/// What an action does when its trigger fires.
public enum ActionType: String, Sendable, Codable, CaseIterable {
    /// POSTs the event, signed, to the action's `url`.
    case webhook
    /// Marks the event's resource `housekeeping: dirty` until someone cleans it.
    case flagForCleaning = "flag_for_cleaning"
}
