import Foundation
import FrontdeskEngine
import PostgresNIO

/// The event feed's order without a queue of commits. A write inserts its events without a
/// sequence, in its own transaction (the outbox stays transactional), and commits without waiting
/// for any other write of its organization. Then the sequencer, one run at a time per organization
/// across every process on the database (the lock of the organization's `event_sequences` row),
/// numbers the committed events that have none after the last number it gave, in insertion order
/// (`position`), and commits.
///
/// Readers and the dispatcher read numbered events only, so the feed keeps its promise: each run
/// sees every event committed before it took the lock, numbers after those of the runs before
/// it, and commits whole, so a reader that saw a number has seen every smaller one, and a number
/// never changes. Events of writes made one after the other are numbered in that order, since the
/// later write's events were inserted after the earlier's committed.
extension PostgresStore {
    /// One transaction of a write that records events of `organizationID`, then the numbering of
    /// its events: it returns once they are in `events(after:)`, as on SQLite.
    func recording<T: Sendable>(
        _ organizationID: UUID, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let result = try await transaction(body)
        await numberEvents(organizationID)
        return result
    }

    /// Returns once a run of the sequencer that started after this call has numbered the
    /// organization's committed events. A run that fails is logged, not thrown: the write before
    /// has committed, and its events are numbered by the next run (the next write's, or the
    /// dispatcher's `numberStrays`).
    func numberEvents(_ organizationID: UUID) async {
        await numberingRuns.request(organizationID) { await self.runSequencer(organizationID) }
    }

    /// Numbers the events that were committed but not numbered: those of writes in flight, and
    /// those of a process that stopped between its commit and its numbering.
    func numberStrays() async throws {
        for row in try await query("SELECT DISTINCT organization_id FROM events WHERE sequence IS NULL") {
            await numberEvents(try row.value("organization_id"))
        }
    }

    /// One run: the lock, which returns the last number given (the next statement's snapshot then
    /// sees every event committed before the lock was granted), the numbering, and a notification
    /// `<organization>:<last sequence>` that PostgreSQL delivers to every listening process once
    /// the run commits, so streams wake when the events are there to read.
    private func runSequencer(_ organizationID: UUID) async {
        do {
            try await transaction { connection in
                let last = try await connection.rows("""
                    INSERT INTO event_sequences (organization_id, last_sequence) VALUES (\(organizationID), 0)
                    ON CONFLICT (organization_id) DO UPDATE SET last_sequence = event_sequences.last_sequence
                    RETURNING last_sequence
                    """, logger: logger)[0].value("last_sequence", as: Int64.self)
                try await connection.run("""
                    WITH unnumbered AS (
                        SELECT position, row_number() OVER (ORDER BY position) AS rank
                        FROM events WHERE organization_id = \(organizationID) AND sequence IS NULL
                    ),
                    numbered AS (
                        UPDATE events e SET sequence = \(last) + unnumbered.rank FROM unnumbered
                        WHERE e.organization_id = \(organizationID) AND e.sequence IS NULL
                          AND e.position = unnumbered.position
                        RETURNING e.sequence
                    ),
                    counted AS (
                        UPDATE event_sequences SET last_sequence = (SELECT max(sequence) FROM numbered)
                        WHERE organization_id = \(organizationID) AND EXISTS (SELECT 1 FROM numbered)
                        RETURNING last_sequence
                    )
                    SELECT pg_notify(\(Self.eventChannel)::text, \(organizationID)::text || ':' || last_sequence) FROM counted
                    """, logger: logger)
            }
        } catch {
            logger.warning("Numbering events failed; the next run numbers them", metadata: [
                "organization": "\(organizationID)", "error": "\(String(reflecting: error))",
            ])
        }
    }
}
