import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://` or `postgresql://` URL that could not be read. The message never repeats the password.
public struct InvalidPostgresURL: Error, CustomStringConvertible {
    public var description: String
}

extension PostgresClient.Configuration {
    /// Reads `postgres://user:password@host:port/database`. Port defaults to 5432, the database to
    /// the user's name. `sslmode` reads as in libpq: `disable`, `prefer` (the default: TLS when the
    /// server offers it, unverified), `require` (TLS, unverified), `verify-ca`, `verify-full`.
    init(url: String) throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else { throw InvalidPostgresURL(description: "expected postgres://user:password@host:port/database") }
        guard let host = components.host, !host.isEmpty else {
            throw InvalidPostgresURL(description: "the PostgreSQL URL has no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw InvalidPostgresURL(description: "the PostgreSQL URL has no user")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let sslMode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        let tls: TLS
        switch sslMode {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(Self.tlsConfiguration(verify: .none))
        case "require": tls = .require(Self.tlsConfiguration(verify: .none))
        case "verify-ca": tls = .require(Self.tlsConfiguration(verify: .noHostnameVerification))
        case "verify-full": tls = .require(Self.tlsConfiguration(verify: .fullVerification))
        default: throw InvalidPostgresURL(description: "unknown sslmode \(sslMode)")
        }
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                  database: database.isEmpty ? nil : database, tls: tls)
    }

    private static func tlsConfiguration(verify: CertificateVerification) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = verify
        return configuration
    }
}
