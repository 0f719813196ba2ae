import Foundation
import FrontdeskCore
import Testing

/// Expects `body` to fail with the `FrontdeskError` whose stable code is `code`; returns the error
/// so the test can look at its details.
@discardableResult
func expectError<T>(
    _ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> FrontdeskError? {
    do {
        let value = try await body()
        Issue.record("expected \(code), got success: \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let error as FrontdeskError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected FrontdeskError \(code), got \(String(reflecting: error))", sourceLocation: sourceLocation)
        return nil
    }
}

/// The conflicting booking numbers of a `bookingConflict`, by resource.
func conflictNumbers(_ error: FrontdeskError?) -> [UUID: [String]] {
    guard case .bookingConflict(let conflicts)? = error else { return [:] }
    return Dictionary(conflicts.map { ($0.resourceID, $0.bookingNumbers) }) { a, _ in a }
}
