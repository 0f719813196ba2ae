/// How an arrival was recorded: by the desk, a reader at the door, or a client of the API.
public enum CheckinMethod: String, Sendable, Codable, CaseIterable {
    case manual
    case qrCode = "qr_code"
    case rfid, biometric
    case mobileApp = "mobile_app"
    case api, kiosk

    /// A scan's method when its device does not say: what reads a code of that kind.
    public init(reading kind: MemberCode.Kind) {
        switch kind {
        case .qr: self = .qrCode
        case .rfid: self = .rfid
        case .badge, .membership: self = .kiosk
        }
    }
}
