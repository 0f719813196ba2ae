import Foundation

/// Where a device stood when it recorded an arrival (a phone checking in, a mobile kiosk).
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    /// The radius of uncertainty, in metres, when the device gives one.
    public var accuracy: Double?

    public init(latitude: Double, longitude: Double, accuracy: Double? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.accuracy = accuracy
    }

    func check(_ field: String, _ v: inout Validator) {
        v.check((-90...90).contains(latitude), "\(field).latitude", "must be between -90 and 90")
        v.check((-180...180).contains(longitude), "\(field).longitude", "must be between -180 and 180")
        if let accuracy { v.check((0...100_000).contains(accuracy), "\(field).accuracy", "must be between 0 and 100000 metres") }
    }

    /// As stored and as the API writes it: `{"accuracy":…,"latitude":…,"longitude":…}`.
    public var stored: String { String(decoding: json, as: UTF8.self) }

    /// The point a stored text holds; nil if it holds none.
    public init?(stored text: String) {
        func number(_ value: JSONValue?) -> Double? {
            switch value {
            case .integer(let integer)?: Double(integer)
            case .number(let number)?: number
            default: nil
            }
        }
        guard let members = try? JSONValue.object(parsing: text),
              let latitude = number(members["latitude"]), let longitude = number(members["longitude"]) else { return nil }
        self.init(latitude: latitude, longitude: longitude, accuracy: number(members["accuracy"]))
    }
}

extension GeoPoint: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            if let accuracy { json.key("accuracy"); json.double(accuracy) }
            json.key("latitude"); json.double(latitude)
            json.key("longitude"); json.double(longitude)
        }
    }
}
