import Foundation

extension Event {
    /// The resources the event is about, read from its data: a checkin's resource; a line event's
    /// line's resource only; else each line's resource of a booking (in line order, without repeats).
    public var resourceIDs: [UUID] {
        struct Shape: Decodable {
            struct Line: Decodable { var resource_id: UUID }
            var resource_id: UUID?
            var lines: [Line]?
            var line: Line?
        }
        guard let shape = try? JSONDecoder().decode(Shape.self, from: data) else { return [] }
        if let line = shape.line { return [line.resource_id] }
        var ids = shape.resource_id.map { [$0] } ?? []
        for line in shape.lines ?? [] where !ids.contains(line.resource_id) { ids.append(line.resource_id) }
        return ids
    }
}
