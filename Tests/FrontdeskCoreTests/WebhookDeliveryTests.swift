import Crypto
import Foundation
import FrontdeskCore
import Testing

/// The retry schedule of a webhook delivery and the signature it carries.
@Suite struct WebhookDeliveryTests {
    static let start = Fixture.instant("2026-06-01T10:00:00Z")

    static let delivery = WebhookDelivery(
        id: Fixture.id(0xD1), organizationID: Fixture.organizationID, actionID: Fixture.id(0xAC),
        eventID: Fixture.id(0xE1), eventType: .checkinStarted, url: "https://example.com/hook",
        payload: Data("{}".utf8), nextAttemptAt: start, expiresAt: start.addingTimeInterval(WebhookDelivery.retryWindow),
        createdAt: start)

    @Test func backoffDoublesFromTenSecondsUpToAnHourWithUpToHalfAgainOfJitter() {
        #expect((1...6).map { RetrySchedule.delay(afterAttempt: $0, jitter: 0) } == [10, 20, 40, 80, 160, 320])
        #expect(RetrySchedule.delay(afterAttempt: 9, jitter: 0) == 2560)
        #expect(RetrySchedule.delay(afterAttempt: 10, jitter: 0) == 3600)
        #expect(RetrySchedule.delay(afterAttempt: 1000, jitter: 0) == 3600)
        #expect(RetrySchedule.delay(afterAttempt: 1, jitter: 1) == 15)
        #expect(RetrySchedule.delay(afterAttempt: 3, jitter: 0.5) == 50)
    }

    @Test func a2xxDeliversAndAnythingElseRetriesUntilTheWindowCloses() {
        let done = Self.delivery.after(.answered(status: 204), at: Self.start, jitter: 0)
        #expect(done.status == .delivered && done.deliveredAt == Self.start && done.nextAttemptAt == nil)
        #expect(done.attempts == 1 && done.lastStatusCode == 204 && done.lastError == nil)

        let refused = Self.delivery.after(.answered(status: 503), at: Self.start, jitter: 0)
        #expect(refused.status == .pending && refused.nextAttemptAt == Self.start.addingTimeInterval(10))
        #expect(refused.lastError == "HTTP 503")
        let timedOut = refused.after(.failed(reason: "timeout"), at: Self.start.addingTimeInterval(10), jitter: 0)
        #expect(timedOut.nextAttemptAt == Self.start.addingTimeInterval(30) && timedOut.lastStatusCode == nil)
        #expect(timedOut.lastError == "timeout" && timedOut.attempts == 2)

        let late = Self.start.addingTimeInterval(WebhookDelivery.retryWindow - 5)
        let failed = timedOut.after(.answered(status: 500), at: late, jitter: 0)
        #expect(failed.status == .failed && failed.nextAttemptAt == nil)

        let retried = failed.retried(at: late)
        #expect(retried.status == .pending && retried.nextAttemptAt == late)
        #expect(retried.expiresAt == late.addingTimeInterval(WebhookDelivery.retryWindow))
    }

    @Test func anOutcomeIsDroppedWhenTheDeliveryMovedDuringItsAttempt() throws {
        var claimed = Self.delivery
        claimed.nextAttemptAt = Self.start.addingTimeInterval(60)  // the lease
        let later = Self.start.addingTimeInterval(5)
        let recorded = try #require(claimed.recording(.answered(status: 500), claimed: claimed, at: later, jitter: 0))
        #expect(recorded == claimed.after(.answered(status: 500), at: later, jitter: 0))

        let retried = claimed.retried(at: Self.start.addingTimeInterval(2))
        #expect(retried.recording(.answered(status: 500), claimed: claimed, at: later, jitter: 0) == nil)
        #expect(retried.recording(.answered(status: 200), claimed: claimed, at: later, jitter: 0) == nil)
        var reclaimed = claimed
        reclaimed.nextAttemptAt = Self.start.addingTimeInterval(120)
        #expect(reclaimed.recording(.answered(status: 200), claimed: claimed, at: later, jitter: 0) == nil)
        let delivered = claimed.after(.answered(status: 200), at: later, jitter: 0)
        #expect(delivered.recording(.answered(status: 500), claimed: claimed, at: later, jitter: 0) == nil)
    }

    @Test func theSignatureIsTheHexHMACOfTimestampDotBody() {
        let body = Data(#"{"id":"x"}"#.utf8)
        let header = WebhookSignature.header(body: body, secret: "whsec_test", at: Date(timeIntervalSince1970: 1_780_000_000.9))
        let expected = HMAC<SHA256>.authenticationCode(for: Data(#"1780000000.{"id":"x"}"#.utf8),
                                                       using: SymmetricKey(data: Data("whsec_test".utf8)))
        #expect(header == "t=1780000000,v1=" + expected.map { String(format: "%02x", $0) }.joined())
        #expect(header.count == "t=1780000000,v1=".count + 64)
    }
}
