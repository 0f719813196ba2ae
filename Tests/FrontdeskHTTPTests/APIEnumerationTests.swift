import Foundation
import FrontdeskAPI
import FrontdeskCore
@testable import FrontdeskHTTP
import Testing

/// Every enumeration the API shares with Core holds the same values on both sides: a Core value the
/// spec lacks could not be answered (`UnmatchedValue`, a 500), and a spec value Core lacks would be
/// taken in a request and dropped.
@Suite("API enumerations")
struct APIEnumerationTests {
    @Test func everyCoreValueHasItsCounterpartInTheSpecAndBack() {
        Self.expectSameValues(Role.self, Components.Schemas.Role.self)
        Self.expectSameValues(RateUnit.self, Components.Schemas.RateUnit.self)
        Self.expectSameValues(Resource.Status.self, Components.Schemas.ResourceStatus.self)
        Self.expectSameValues(Housekeeping.self, Components.Schemas.Housekeeping.self)
        Self.expectSameValues(BookingStatus.self, Components.Schemas.BookingStatus.self)
        Self.expectSameValues(Booking.Source.self, Components.Schemas.BookingSource.self)
        Self.expectSameValues(BookingLine.State.self, Components.Schemas.BookingLineState.self)
        Self.expectSameValues(DeskButton.self, Components.Schemas.DeskButton.self)
        Self.expectSameValues(CheckinState.self, Components.Schemas.CheckinState.self)
        Self.expectSameValues(EventType.self, Components.Schemas.EventType.self)
        Self.expectSameValues(ActionType.self, Components.Schemas.ActionType.self)
        Self.expectSameValues(DeliveryStatus.self, Components.Schemas.DeliveryStatus.self)
        Self.expectSameValues(CorrectionType.self, Components.Schemas.CorrectionType.self)
        Self.expectSameValues(CorrectionStatus.self, Components.Schemas.CorrectionStatus.self)
        Self.expectSameValues(CorrectionPriority.self, Components.Schemas.CorrectionPriority.self)
    }

    @Test func everyActionScopeHasItsCounterpartInTheSpecAndBack() throws {
        let scopes: [ActionScope] = [.organization, .location(UUID()), .resource(UUID())]
        #expect(try scopes.map { try Components.Schemas.ActionScope($0).rawValue } == scopes.map(\.kind))
        #expect(Set(Components.Schemas.ActionScope.allCases.map(\.rawValue)) == Set(scopes.map(\.kind)))
    }

    private static func expectSameValues<Core: CaseIterable & RawRepresentable, API: CaseIterable & RawRepresentable>(
        _ core: Core.Type, _ api: API.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) where Core.RawValue == String, API.RawValue == String {
        for value in Core.allCases {
            #expect(throws: Never.self, "\(Core.self).\(value.rawValue) has no counterpart in the spec's \(API.self)",
                    sourceLocation: sourceLocation) { try API(matching: value) }
        }
        for value in API.allCases {
            #expect(Core(rawValue: value.rawValue) != nil, "the spec's \(API.self).\(value.rawValue) is unknown to Core",
                    sourceLocation: sourceLocation)
        }
    }
}
