import Foundation
import FrontdeskCore
import Testing

/// Which events an action fires for, which resources it flags, and what a valid action is.
@Suite struct ActionRuleTests {
    static let room = (resourceID: Fixture.id(0x201), locationID: Fixture.id(0x301))
    static let desk = (resourceID: Fixture.id(0x202), locationID: Fixture.id(0x302))

    static func action(_ scope: ActionScope, trigger: EventType = .checkoutCompleted,
                       type: ActionType = .flagForCleaning, url: String? = nil) -> Action {
        Action(id: Fixture.id(0xAC), organizationID: Fixture.organizationID, trigger: trigger, scope: scope, type: type,
               url: url, secret: nil, createdAt: Fixture.created)
    }

    @Test func theTriggerMustBeTheEventsType() {
        let action = Self.action(.organization)
        #expect(action.matches(.checkoutCompleted, resources: [Self.room]))
        #expect(!action.matches(.checkoutStarted, resources: [Self.room]))
    }

    @Test func aScopeHoldsItsResourceItsLocationsResourcesOrAll() {
        let both = [Self.room, Self.desk]
        #expect(Self.action(.organization).resources(in: both) == [Self.room.resourceID, Self.desk.resourceID])
        #expect(Self.action(.location(Self.desk.locationID)).resources(in: both) == [Self.desk.resourceID])
        #expect(Self.action(.resource(Self.room.resourceID)).resources(in: both) == [Self.room.resourceID])
        #expect(!Self.action(.resource(Self.room.resourceID)).matches(.checkoutCompleted, resources: [Self.desk]))
        #expect(!Self.action(.location(Self.room.locationID)).matches(.checkoutCompleted, resources: [Self.desk]))
        #expect(Self.action(.location(Self.room.locationID)).matches(.checkoutCompleted, resources: both))
    }

    @Test func aScopeNeedsAnIdExactlyWhenItNamesALocationOrResource() {
        #expect(ActionScope(kind: "organization", targetID: nil) == .organization)
        #expect(ActionScope(kind: "organization", targetID: Fixture.id(1)) == nil)
        #expect(ActionScope(kind: "location", targetID: nil) == nil)
        #expect(ActionScope(kind: "resource", targetID: Fixture.id(1)) == .resource(Fixture.id(1)))
        #expect(ActionScope(kind: "planet", targetID: Fixture.id(1)) == nil)
    }

    static func event(_ json: String) -> Event {
        Event(id: Fixture.id(0xE0), organizationID: Fixture.organizationID, sequence: 1, type: .bookingCreated,
              entityType: "booking", entityID: Fixture.id(0xB0), data: Data(json.utf8), createdAt: Fixture.created)
    }

    @Test func anEventIsAboutItsCheckinsResourceOrItsBookingsLines() {
        let (a, b) = (Self.room.resourceID, Self.desk.resourceID)
        #expect(Self.event(#"{"resource_id":"\#(a.text)"}"#).resourceIDs == [a])
        #expect(Self.event(#"{"lines":[{"resource_id":"\#(b.text)"},{"resource_id":"\#(a.text)"},{"resource_id":"\#(b.text)"}]}"#)
            .resourceIDs == [b, a])
        #expect(Self.event("{}").resourceIDs == [])
    }

    @Test func anEventsCheckOutIsItsCheckinsOrItsBookingsEnd() {
        let left = Fixture.instant("2026-06-01T09:30:00Z")
        #expect(Self.event(#"{"check_out":"2026-06-01T09:30:00.000Z"}"#).checkedOutAt == left)
        #expect(Self.event(#"{"actual_end_at":"2026-06-01T09:30:00.000Z","lines":[]}"#).checkedOutAt == left)
        #expect(Self.event(#"{"check_out":null,"actual_end_at":null}"#).checkedOutAt == nil)
        #expect(Self.event("{}").checkedOutAt == nil)
    }

    @Test func aWebhookNeedsAPublicHTTPURLAndOtherTypesNone() throws {
        func issue(_ action: Action, allowPrivate: Bool = false) -> String? {
            do {
                try action.validate(allowPrivate: allowPrivate)
                return nil
            } catch {
                guard case .validationFailed(let issues) = error else { return "\(error)" }
                return issues.map(\.message).joined(separator: "; ")
            }
        }
        let hook = { (url: String?) in Self.action(.organization, type: .webhook, url: url) }
        #expect(issue(hook("https://hooks.example.com/frontdesk")) == nil)
        #expect(issue(hook(nil)) == "is required for a webhook")
        #expect(issue(hook("ftp://example.com")) == "must be an absolute http or https URL")
        #expect(issue(hook("/relative")) == "must be an absolute http or https URL")
        for url in ["http://127.0.0.1:9000/h", "http://localhost/h", "http://10.1.2.3/", "http://192.168.0.10/",
                    "http://172.20.0.1/", "http://169.254.169.254/latest", "http://[::1]:80/", "http://[fd00::1]/",
                    "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"] {
            #expect(issue(hook(url)) == "must not be a private or loopback address", "\(url)")
            #expect(issue(hook(url), allowPrivate: true) == nil, "\(url)")
        }
        #expect(issue(hook("http://172.32.0.1/")) == nil)
        #expect(issue(Self.action(.organization, url: "https://example.com")) == "is only for webhooks")
    }

    @Test func readyingTheNextBookingFiresOnACheckOutOnly() {
        for trigger in EventType.allCases {
            let fields = validationFields { () throws(FrontdeskError) in
                try Self.action(.organization, trigger: trigger, type: .readyNextBooking).validate(allowPrivate: false)
            }
            let isCheckOut = [.checkoutStarted, .checkoutCompleted, .bookingCompleted, .bookingLineCheckedOut].contains(trigger)
            #expect(fields == (isCheckOut ? [] : ["trigger"]), "\(trigger)")
        }
        #expect(validationFields { () throws(FrontdeskError) in
            try Self.action(.organization, type: .readyNextBooking, url: "https://example.com").validate(allowPrivate: false)
        } == ["url"])
    }
}
