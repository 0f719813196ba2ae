import FrontdeskAPI
import HTTPTypes

/// The methods each path of the API accepts, read from the OpenAPI document the server is built
/// from, so a request with a method a path does not take is a `405` naming the ones it does
/// (`Allow`), not a `404`.
struct RouteTable: Sendable {
    private var routes: [(segments: [Substring], methods: [HTTPRequest.Method])] = []

    /// The table of `openapi.yaml`: its `paths`, each with the operations under it.
    static let api = RouteTable(openAPI: String(decoding: OpenAPIDocument.yaml, as: UTF8.self))

    /// Reads the two-space-indented path keys of the document's `paths` and the four-space
    /// operation keys under each.
    init(openAPI yaml: String) {
        let operations: [Substring: HTTPRequest.Method] = [
            "get": .get, "put": .put, "post": .post, "delete": .delete, "patch": .patch, "head": .head, "options": .options,
        ]
        var inPaths = false
        for line in yaml.split(separator: "\n") {
            if !line.hasPrefix(" ") { inPaths = line.hasPrefix("paths:") }
            guard inPaths, line.hasSuffix(":") else { continue }
            if line.hasPrefix("  /") {
                routes.append((line.dropFirst(2).dropLast().split(separator: "/"), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let method = operations[line.dropFirst(4).dropLast()] {
                routes[routes.count - 1].methods.append(method)
            }
        }
    }

    /// The methods `path` accepts (with `HEAD` wherever `GET` is), or nil for a path the API does not have.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/")
        func literals(_ route: [Substring]) -> Int? {
            guard route.count == segments.count else { return nil }
            var count = 0
            for (template, segment) in zip(route, segments) {
                if template == segment { count += 1 } else if !(template.hasPrefix("{") && template.hasSuffix("}")) { return nil }
            }
            return count
        }
        // The most specific template wins: `/events/stream` over a `/events/{id}`.
        guard let route = routes.compactMap({ route in literals(route.segments).map { (route, $0) } })
            .max(by: { $0.1 < $1.1 })?.0 else { return nil }
        let methods = route.methods.contains(.get) ? route.methods + [.head] : route.methods
        return Self.order.filter(methods.contains)
    }

    /// The order `Allow` lists methods in.
    private static let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
}
