import Foundation
import FrontdeskCore
import Testing

/// Catalog validation: every bad setting is reported under its JSON field name.
@Suite struct ValidationTests {
    struct Case<Value: Sendable>: Sendable, CustomTestStringConvertible {
        var field: String
        var label: String
        var change: @Sendable (inout Value) -> Void
        var testDescription: String { "\(field): \(label)" }

        init(_ field: String, _ label: String, _ change: @escaping @Sendable (inout Value) -> Void) {
            self.field = field
            self.label = label
            self.change = change
        }
    }

    // MARK: organization

    /// A text's length is its code points, as the spec's `maxLength`: 101 letters with a combining
    /// accent each are 101 characters to Swift's `count` but 202 to JSON Schema.
    @Test func textLengthCountsCodePoints() throws {
        var v = Validator()
        v.text(String(repeating: "e\u{301}", count: 101), "name", max: 200)
        v.text(String(repeating: "👍🏻", count: 100), "other", max: 200)
        #expect(v.issues == [FieldIssue("name", "must be at most 200 characters")])
    }

    @Test func validOrganizationPasses() {
        #expect(validationFields { () throws(FrontdeskError) in try Fixture.organization().validate() } == [])
        #expect(validationFields { () throws(FrontdeskError) in
            try Fixture.organization(timeZone: "America/New_York", currency: "USD").validate()
        } == [])
    }

    static let organizationCases: [Case<Organization>] = [
        Case("timezone", "unknown zone") { $0.timeZone = "Mars/Olympus_Mons" },
        Case("timezone", "empty zone") { $0.timeZone = "" },
        Case("timezone", "GMT+5, a fixed offset") { $0.timeZone = "GMT+5" },
        Case("timezone", "UTC+3, a fixed offset") { $0.timeZone = "UTC+3" },
        Case("timezone", "GMT-14, a fixed offset") { $0.timeZone = "GMT-14" },
        Case("timezone", "GMT+0500, a fixed offset") { $0.timeZone = "GMT+0500" },
        Case("timezone", "a NUL and garbage after a real zone") { $0.timeZone = "Europe/Lisbon\u{0}garbage" },
        Case("timezone", "a path") { $0.timeZone = "../../etc/localtime" },
        Case("timezone", "lowercase") { $0.timeZone = "europe/paris" },
        Case("booking_number_prefix", "a trailing line break") { $0.bookingNumberPrefix = "BK\n" },
        Case("name", "a NUL") { $0.name = "a\u{0}b" },
        Case("currency", "lowercase") { $0.currency = "eur" },
        Case("currency", "four letters") { $0.currency = "EURO" },
        Case("currency", "two letters") { $0.currency = "EU" },
        Case("currency", "digits") { $0.currency = "978" },
        Case("booking_number_prefix", "lowercase") { $0.bookingNumberPrefix = "bk" },
        Case("booking_number_prefix", "dash") { $0.bookingNumberPrefix = "B-K" },
        Case("booking_number_prefix", "empty") { $0.bookingNumberPrefix = "" },
        Case("booking_number_prefix", "eleven") { $0.bookingNumberPrefix = "ABCDEFGHIJK" },
        Case("check_in_time", "25:00") { $0.checkInTime = "25:00" },
        Case("check_out_time", "11") { $0.checkOutTime = "11" },
        Case("no_show_grace_minutes", "negative") { $0.noShowGraceMinutes = -1 },
        Case("no_show_grace_minutes", "over a week") { $0.noShowGraceMinutes = 10_081 },
        Case("pending_hold_minutes", "zero") { $0.pendingHoldMinutes = 0 },
        Case("name", "blank") { $0.name = "   " },
        Case("name", "too long") { $0.name = String(repeating: "x", count: 201) },
    ]

    @Test(arguments: organizationCases)
    func organizationField(_ c: Case<Organization>) {
        var org = Fixture.organization()
        c.change(&org)
        #expect(validationFields { () throws(FrontdeskError) in try org.validate() } == [c.field])
    }

    @Test func organizationReportsEveryFieldAtOnce() {
        var org = Fixture.organization()
        org.timeZone = "Nowhere"
        org.currency = "euro"
        org.bookingNumberPrefix = "bk"
        #expect(validationFields { () throws(FrontdeskError) in try org.validate() }
            == ["timezone", "currency", "booking_number_prefix"])
    }

    @Test func prefixBoundsAreAccepted() {
        for prefix in ["B", "BK", "HDL2026", "ABCDEFGHIJ"] {
            var org = Fixture.organization()
            org.bookingNumberPrefix = prefix
            #expect(validationFields { () throws(FrontdeskError) in try org.validate() } == [], "\(prefix)")
        }
    }

    // MARK: location

    @Test func locationTimeZone() {
        var location = Location(id: Fixture.locationID, organizationID: Fixture.organizationID, name: "Annecy",
                                timeZone: nil, createdAt: Fixture.created)
        #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == [])
        location.timeZone = "Europe/Zurich"
        #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == [])
        for zone in ["UTC", "GMT", "Asia/Kolkata", "Etc/UTC", "America/Argentina/Buenos_Aires", "America/Port-au-Prince"] {
            location.timeZone = zone
            #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == [], "\(zone)")
        }
        location.timeZone = "UTC+3"
        #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == ["timezone"])
        location.timeZone = "Europe/Annecy"
        #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == ["timezone"])
        location.name = ""
        #expect(validationFields { () throws(FrontdeskError) in try location.validate() } == ["name", "timezone"])
    }

    // MARK: resource

    @Test func validResourcePasses() {
        #expect(validationFields { () throws(FrontdeskError) in try Fixture.resource(Fixture.id(1)).validate() } == [])
        #expect(validationFields { () throws(FrontdeskError) in
            try Fixture.resource(Fixture.id(1), capacity: Resource.maxCapacity, rate: 0).validate()
        } == [])
    }

    static let resourceCases: [Case<Resource>] = [
        Case("capacity", "zero") { $0.capacity = 0 },
        Case("capacity", "negative") { $0.capacity = -2 },
        Case("capacity", "over the maximum") { $0.capacity = Resource.maxCapacity + 1 },
        Case("rate_amount", "negative") { $0.rateAmount = -1 },
        Case("name", "blank") { $0.name = " " },
        Case("kind", "empty") { $0.kind = "" },
        Case("kind", "too long") { $0.kind = String(repeating: "k", count: 51) },
        Case("category", "too long") { $0.category = String(repeating: "c", count: 101) },
    ]

    @Test(arguments: resourceCases)
    func resourceField(_ c: Case<Resource>) {
        var resource = Fixture.resource(Fixture.id(1))
        c.change(&resource)
        #expect(validationFields { () throws(FrontdeskError) in try resource.validate() } == [c.field])
    }

    // MARK: member

    @Test func validMemberPasses() {
        #expect(validationFields { () throws(FrontdeskError) in try Fixture.member().validate() } == [])
        var noEmail = Fixture.member()
        noEmail.email = nil
        #expect(validationFields { () throws(FrontdeskError) in try noEmail.validate() } == [])
    }

    static let memberCases: [Case<Member>] = [
        Case("email", "no at") { $0.email = "ada.example.com" },
        Case("email", "no domain dot") { $0.email = "ada@example" },
        Case("email", "space") { $0.email = "ada lovelace@example.com" },
        Case("email", "two ats") { $0.email = "ada@@example.com" },
        Case("email", "too long") { $0.email = String(repeating: "a", count: 250) + "@example.com" },
        Case("name", "blank") { $0.name = "" },
        Case("type", "blank") { $0.type = "  " },
        Case("phone", "too long") { $0.phone = String(repeating: "1", count: 41) },
        Case("name", "a NUL") { $0.name = "a\u{0}b" },
        Case("name", "a line break") { $0.name = "Ada\nLovelace" },
        Case("name", "a DEL") { $0.name = "Ada\u{7F}" },
        Case("name", "a C1 control") { $0.name = "Ada\u{85}" },
        Case("email", "a NUL") { $0.email = "ada\u{0}@example.com" },
        Case("type", "a tab") { $0.type = "guest\t" },
        Case("phone", "an escape") { $0.phone = "+351\u{1B}910" },
        Case("external_ref", "a NUL") { $0.externalRef = "ref\u{0}" },
        Case("notes", "a NUL") { $0.notes = "first\u{0}second" },
    ]

    @Test func notesKeepLineBreaksAndOtherControls() {
        var member = Fixture.member()
        member.notes = "line one\nline two\ttabbed\r\n\u{1}\u{7F}\u{85}"
        #expect(validationFields { () throws(FrontdeskError) in try member.validate() } == [])
    }

    @Test(arguments: memberCases)
    func memberField(_ c: Case<Member>) {
        var member = Fixture.member()
        c.change(&member)
        let fields = validationFields { () throws(FrontdeskError) in try member.validate() }
        #expect(!fields.isEmpty)
        #expect(Set(fields) == [c.field])
    }

    @Test func validationFailureShape() {
        var resource = Fixture.resource(Fixture.id(1))
        resource.capacity = 0
        let error = thrownError { () throws(FrontdeskError) in try resource.validate() }
        #expect(error?.code == "validation_failed")
        #expect(error?.status == 422)
        #expect(error?.detail.hasPrefix("capacity: ") == true)
    }
}
