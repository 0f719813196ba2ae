import Foundation
import FrontdeskCore
import Testing

/// What an audit entry keeps of a change: the members that differ, each side as it was.
@Suite("Audit changes")
struct AuditChangesTests {
    private func json(_ text: String) -> Data { Data(text.utf8) }
    private func text(_ data: Data?) -> String? { data.map { String(decoding: $0, as: UTF8.self) } }

    @Test func aChangeKeepsTheMembersThatDifferOnly() {
        let kept = AuditEntry.changes(
            before: json(#"{"id":"a","lines":[{"state":"booked"}],"notes":"late","state":"pending","version":1}"#),
            after: json(#"{"check_in":"2026-01-01T10:00:00.000Z","id":"a","lines":[{"state":"occupied"}],"state":"in_progress","version":2}"#))
        // Changed on both sides, set (after only), unset (before only); `id` did not change.
        #expect(text(kept.before) == #"{"lines":[{"state":"booked"}],"notes":"late","state":"pending","version":1}"#)
        #expect(text(kept.after) == #"{"check_in":"2026-01-01T10:00:00.000Z","lines":[{"state":"occupied"}],"state":"in_progress","version":2}"#)
    }

    @Test func aCreationAndADeletionKeepTheWholeEntity() {
        let entity = json(#"{"id":"a","metadata":{"x":1.5},"state":"pending"}"#)
        #expect(AuditEntry.changes(before: nil, after: entity) == (nil, entity))
        #expect(AuditEntry.changes(before: entity, after: nil) == (entity, nil))
    }

    @Test func aChangeOfNothingKeepsEmptyObjects() {
        let entity = json(#"{"id":"a","note":"caf\u00e9 \"x\""}"#)
        let kept = AuditEntry.changes(before: entity, after: entity)
        #expect(text(kept.before) == "{}" && text(kept.after) == "{}")
    }

    @Test func membersAreComparedWholeWhateverTheyHold() {
        // Braces, brackets, commas and escaped quotes inside strings belong to their member; so do
        // nested objects; space around the tokens is not part of a value.
        let kept = AuditEntry.changes(
            before: json(#"{ "a" : "x}]\",{" , "b":{"c":[1,{"d":"}"}]}, "n": 1 }"#),
            after: json(#"{"a":"x}]\",{","b":{"c":[1,{"d":"]"}]},"n":1}"#))
        #expect(text(kept.before) == #"{"b":{"c":[1,{"d":"}"}]}}"#)
        #expect(text(kept.after) == #"{"b":{"c":[1,{"d":"]"}]}}"#)
    }

    @Test func membersAreMatchedByKeyInWhateverOrderTheyCome() {
        let kept = AuditEntry.changes(before: json(#"{"a":1,"b":2,"c":3,"d":4}"#),
                                      after: json(#"{"d":4,"c":3,"e":0,"b":5,"a":1}"#))
        #expect(text(kept.before) == #"{"b":2}"#)
        #expect(text(kept.after) == #"{"e":0,"b":5}"#)
    }

    @Test func textThatIsNotAnObjectIsKeptWhole() {
        for broken in [#"["a"]"#, #"{"a":1"#, #"{"a" 1}"#, #"{"a":"b}"#, #"{"a":1} x"#, ""] {
            let other = json(#"{"a":2}"#)
            let kept = AuditEntry.changes(before: json(broken), after: other)
            #expect(text(kept.before) == broken && kept.after == other, "\(broken)")
        }
    }
}
