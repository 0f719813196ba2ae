import Foundation
import Testing

/// One type, one JSON: the same booking or checkin reads byte for byte the same whichever answer
/// carries it (the hand-written routes, the generated ones, lists, events, audit entries), and the
/// same answer twice is the same bytes.
@Suite struct KeyOrderHTTPTests {

    @Test func aBookingIsTheSameBytesOnEveryPath() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 1)
            // A stay that has begun: the desk stamps now.
            let now = Date()
            let created = try await catalog.book(client, from: now.addingTimeInterval(-3_600).formatted(.iso8601),
                                                 to: now.addingTimeInterval(86_400).formatted(.iso8601),
                                                 extra: ["notes": "late arrival"])
            #expect(created.status == 201)
            let path = "/api/v1/bookings/\(created.id)"
            let read = try await client.get(path)
            #expect(read.text == created.text)
            #expect(try await client.get(path).text == read.text)
            #expect(try await client.get("/api/v1/bookings").text == #"{"items":["# + created.text + "]}")
            #expect(try await client.get("/api/v1/events?after=0").text.contains(created.text))
            #expect(try await client.get(path + "/audit").text.contains(created.text))

            let checkedIn = try await client.post(path + "/check-in")
            #expect(checkedIn.status == 200)
            #expect(try await client.get(path).text == checkedIn.text)
            #expect(try await client.get("/api/v1/events?after=0").text.contains(checkedIn.text))

            let visit = try #require(try await client.get("/api/v1/checkins?booking_id=\(created.id)").items.first)
            let visitID = try #require(visit["id"] as? String)
            let left = try await client.post("/api/v1/checkins/\(visitID)/check-out")
            #expect(left.status == 200)
            #expect(try await client.get("/api/v1/checkins/\(visitID)").text == left.text)
            #expect(try await client.get("/api/v1/checkins?booking_id=\(created.id)").text == #"{"items":["# + left.text + "]}")
        }
    }

    @Test func anAnswersKeysAreSortedAtEveryLevel() async throws {
        try await TestApp.run { client, _ in
            let catalog = try await Catalog.make(client, rooms: 2)
            _ = try await catalog.book(client)
            for path in ["/api/v1/bookings", "/api/v1/resources", "/api/v1/organization",
                         "/api/v1/availability?check_in=2030-03-01&check_out=2030-03-04"] {
                let answer = try await client.get(path)
                #expect(answer.status == 200)
                #expect(Self.keysInOrder(answer.body), "\(path): \(answer.text)")
            }
        }
    }

    /// Whether every object's keys in `json` come in sorted order, at every depth.
    static func keysInOrder(_ json: Data) -> Bool {
        var containers: [(isObject: Bool, keys: [String])] = []
        var inString = false, escaped = false, current = "", expectKey = false
        for character in String(decoding: json, as: UTF8.self) {
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                    if expectKey { containers[containers.count - 1].keys.append(current) }
                    expectKey = false
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{": containers.append((true, [])); expectKey = true
            case "[": containers.append((false, []))
            case ",": expectKey = containers.last?.isObject == true
            case "}", "]":
                let closed = containers.removeLast()
                if closed.keys != closed.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { return false }
            default: break
            }
        }
        return true
    }
}
