/// Whether a resource is ready for its next occupant. A `flag_for_cleaning` action makes it
/// dirty; cleaning it (`POST /api/v1/resources/{id}/clean`) makes it clean again.
public enum Housekeeping: String, Sendable, Codable, CaseIterable {
    case clean
    case dirty
}
