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
    /// its events, on the same connection when it makes the run (`NumberingRuns`): it returns once
    /// they are in `events(after:)`, as on SQLite.
    func recording<T: Sendable>(
        _ organizationID: UUID, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let (result, turn) = try await leased { connection in
            let result = try await connection.transaction(logger: self.logger, body)
            return (result, await self.number(organizationID, on: connection))
        }
        await turn?.wait()
        return result
    }

    /// Returns once a run of the sequencer that started after this call has numbered the
    /// organization's committed events. A run that fails is logged, not thrown: the write before
    /// has committed, and its events are numbered by the next run (the next write's, or the
    /// dispatcher's `numberStrays`).
    func numberEvents(_ organizationID: UUID) async {
        do {
            await (try await leased { connection in await self.number(organizationID, on: connection) })?.wait()
        } catch {
            logger.warning("Numbering events found no connection; the next run numbers them", metadata: [
                "organization": "\(organizationID)", "error": "\(String(reflecting: error))",
            ])
        }
    }

    /// After a commit on `connection`: runs the sequencer there, now or when the run under way
    /// ends, or returns the turn of the next run, to wait for once the connection is back.
    private func number(_ organizationID: UUID, on connection: PostgresConnection) async -> NumberingRuns.Turn? {
        var others: [NumberingRuns.Turn] = []
        switch numberingRuns.arrive(organizationID) {
        case .run: break
        case .next(let turn):
            await turn.wait()
            others = numberingRuns.starting(organizationID)
        case .wait(let turn): return turn
        }
        await runSequencer(organizationID, on: connection)
        numberingRuns.finished(organizationID, others)
        return nil
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
    private func runSequencer(_ organizationID: UUID, on connection: PostgresConnection) async {
        do {
            try await connection.transaction(logger: logger) { connection in
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
