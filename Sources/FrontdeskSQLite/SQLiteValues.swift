import Foundation
import FrontdeskCore
import GRDB

/// How domain values are stored: ids as lowercase text (`UUID.text`), instants as integer
/// milliseconds since 1970 (exact, sortable, cheap to compare).
extension Date {
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}

extension Row {
    func uuid(_ column: String) -> UUID { UUID(text: self[column] as String)! }
    /// Read from the column's bytes, without making a `String` of them first.
    func uuid(at index: Int) -> UUID {
        try! withUnsafeData(atIndex: index) { data in data!.withUnsafeBytes { UUID(utf8: $0)! } }
    }
    func optionalUUID(_ column: String) -> UUID? { (self[column] as String?).flatMap { UUID(text: $0) } }
    func date(_ column: String) -> Date { Date(millis: self[column]) }
    func optionalDate(_ column: String) -> Date? { (self[column] as Int64?).map(Date.init(millis:)) }
}

extension SQLiteStore {
    /// Core's statuses that hold a resource, as an SQL list.
    static let holdingStatuses = "(" + BookingStatus.holding.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")"
}
