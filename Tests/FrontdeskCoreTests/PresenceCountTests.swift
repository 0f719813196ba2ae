import Foundation
import FrontdeskCore
import Testing

/// A store may count a resource's visits in progress without reading them, when they leave room
/// for the arrivals whichever they are: `admit` decides alike.
@Suite struct PresenceCountTests {
    static let floor = Fixture.resource(Fixture.id(0x200), capacity: 3)

    static func arrival(_ n: Int) -> Arrival {
        Arrival(checkin: Checkin(id: Fixture.id(0x300 + n), organizationID: Fixture.organizationID, resourceID: floor.id,
                                 locationID: Fixture.locationID, memberID: Fixture.memberID, checkIn: Fixture.created,
                                 createdAt: Fixture.created))
    }

    static func presence(counted: Int, visits: [Visit] = []) -> [UUID: Presence] {
        [floor.id: Presence(resource: floor, timeZone: .gmt, visits: visits, inProgress: counted)]
    }

    @Test func visitsThatLeaveRoomNeedNotBeRead() throws {
        #expect(Presence.mayBeFull(Self.presence(counted: 2), for: [Self.arrival(1)]).isEmpty)
        try Presence.admit([Self.arrival(1)], into: Self.presence(counted: 2))
    }

    @Test func visitsThatMightLeaveNoRoomAreReadAndNamed() {
        #expect(Presence.mayBeFull(Self.presence(counted: 2), for: [Self.arrival(1), Self.arrival(2)]) == [Self.floor.id])
        let visits = (1...3).map { Visit(checkinID: Fixture.id(0x400 + $0)) }
        #expect(throws: FrontdeskError.resourceOccupied(resourceID: Self.floor.id, resourceName: Self.floor.name, visits: visits)) {
            try Presence.admit([Self.arrival(1)], into: Self.presence(counted: 3, visits: visits))
        }
    }

    @Test func readVisitsCountWhenNotCountedApart() {
        let visits = (1...3).map { Visit(checkinID: Fixture.id(0x400 + $0)) }
        #expect(Presence(resource: Self.floor, timeZone: .gmt, visits: visits).inProgress == 3)
    }
}
