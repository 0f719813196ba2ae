import Foundation
import FrontdeskCore
import Testing

@Suite struct UUIDTextTests {
    @Test func writesFoundationsFormInLowercaseAndReadsItBack() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(id.text == id.uuidString.lowercased())
            #expect(UUID(text: id.text) == id)
            #expect(UUID(text: id.uuidString) == id)
        }
    }

    @Test(arguments: ["", "not-a-uuid", "7c9e6679-7425-40de-944b-e07fc1f90ae", "7c9e6679-7425-40de-944b-e07fc1f90ae77",
                      "7c9e6679x7425-40de-944b-e07fc1f90ae7", "7c9e6679-7425-40de-944b-e07fc1f90ag7",
                      "7c9e66797425-40de-944b-e07fc1f90ae7-", "{7c9e6679-7425-40de-944b-e07fc1f90ae7}"])
    func refusesAnythingButTheCanonicalForm(_ text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
