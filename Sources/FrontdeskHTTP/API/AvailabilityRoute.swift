import Foundation
import FrontdeskCore
import FrontdeskEngine
import Hummingbird
import NIOCore

/// `GET /api/v1/availability`, served by this hand-written route instead of the generated server.
/// An answer lists every matching resource (half a megabyte for a thousand of them); `JSONWriter`
/// writes it in a fraction of the time `JSONEncoder` takes, and the generated server offers no way
/// to plug in another encoder. openapi.yaml documents the operation like any other; the
/// generator's filter (openapi-generator-config.yaml) leaves its tag out of the generated server.
enum AvailabilityRoute {
    static let path: RouterPath = "/api/v1/availability"

    static func register<Context: RequestContext>(on router: Router<Context>, frontdesk: Frontdesk) {
        router.get(path) { request, _ in
            let query = request.uri.queryParameters
            let window = try WindowSpec(
                startsAt: try instant(query.get("starts_at"), "starts_at"), endsAt: try instant(query.get("ends_at"), "ends_at"),
                checkIn: query.get("check_in"), checkOut: query.get("check_out"))
            let filter = ResourceFilter(locationIDs: try Read.uuids(query.get("location_id"), "location_id"),
                                        kind: query.get("kind"), category: query.get("category"))
            let availability = try await frontdesk.availability(try RequestCaller.require(), window: window, filter: filter)
            return Response(status: .ok, headers: [.contentType: WireJSON.contentType],
                            body: .init(byteBuffer: await json(availability)))
        }
    }

    /// The answer, its two lists written at once by two tasks (a core each when the machine has
    /// them free: the lists are most of the time an answer takes).
    static func json(_ availability: Availability) async -> ByteBuffer {
        async let available = list(availability.available.count) { availability.writeAvailable(to: &$0) }
        let unavailable = list(availability.unavailable.count) { availability.writeUnavailable(to: &$0) }
        let availableBytes = await available
        let frame = Availability.frame
        var answer = ByteBuffer()
        answer.reserveCapacity(availableBytes.count + unavailable.count + 32)
        answer.writeStaticString(frame.open)
        answer.writeBytes(availableBytes)
        answer.writeStaticString(frame.between)
        answer.writeBytes(unavailable)
        answer.writeStaticString(frame.close)
        return answer
    }

    private static func list(_ count: Int, _ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(capacity: 640 * count + 16)
        write(&json)
        return json.bytes
    }

    private static func instant(_ text: String?, _ field: String) throws(FrontdeskError) -> Date? {
        guard let text else { return nil }
        do { return try InstantFormat.parse(text) } catch { throw error.problem(field) }
    }
}
