import Foundation

/// The OpenAPI document the server is generated from, as shipped in this module's bundle.
public enum OpenAPIDocument {
    /// The raw YAML of `openapi.yaml`, served at `GET /openapi.yaml`.
    public static let yaml: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url)
        else { return Data() }
        return data
    }()
}
