@testable import FrontdeskPostgres
@testable import FrontdeskSQLite
import Testing

/// The two engines' migrations: one number names one change, on both engines, in order. A change
/// only one engine needs keeps its number out of the other, listed here with why.
@Suite("Migration numbers")
struct MigrationNumberTests {
    /// Changes of the SQLite schema that PostgreSQL's never needed.
    static let sqliteOnly: Set<String> = [
        // PostgreSQL's booking lines carried the booking number, and its indexes were those
        // availability and the sweeper read, from 0001.
        "0005_read_indexes",
        // PostgreSQL keeps the organization's event counter: its row lock orders the outbox.
        "0007_event_sequence_from_events",
        // The settings cached by SQLite's single writer (`WriterCatalog`) move its catalog version.
        "0008_settings_move_catalog",
        // SQLite's lists by window bound the visits they read by the longest one; PostgreSQL's GiST
        // index of visits needs no bound.
        "0017_longest_visit",
        // SQLite's writer pays for each index and for lists in its triggers; PostgreSQL's indexes
        // and CHECK constraints stay as they were.
        "0018_fewer_booking_indexes",
        "0019_enum_checks_compared",
        "0020_checkins_read_by_state",
        // SQLite's enumerations were checked by triggers, which cost every INSERT a statement
        // journal; PostgreSQL's are CHECK constraints from the start.
        "0036_known_values_checked_inline",
        // SQLite's one writer pays for each index of its events and audit entries; PostgreSQL's
        // keep their primary keys.
        "0037_logs_without_id_indexes",
        // SQLite's indexes held a line's state (0018); PostgreSQL's never did.
        "0038_line_state_out_of_indexes",
    ]
    /// Changes of the PostgreSQL schema that SQLite's never needed.
    static let postgresOnly: Set<String> = [
        // SQLite's one writer numbers events as it inserts them, in commit order; PostgreSQL's
        // writers commit side by side, and a sequencer numbers their events afterwards.
        "0014_events_numbered_after_commit",
        // PostgreSQL checks a foreign key by locking the row it refers to, and every write of the
        // desk locked its organization's; SQLite's one writer checks it by a lookup.
        "0039_activity_without_organization_keys",
    ]

    @Test func theSameNumberNamesTheSameChangeOnBothEngines() {
        let sqlite = SQLiteMigrations.all.map(\.version)
        let postgres = PostgresMigrations.all.map(\.version)
        #expect(Set(sqlite).subtracting(postgres) == Self.sqliteOnly)
        #expect(Set(postgres).subtracting(sqlite) == Self.postgresOnly)
        for versions in [sqlite, postgres] {
            #expect(versions == versions.sorted(), "migrations run in the order of their numbers")
            #expect(Set(versions.map { $0.prefix(4) }).count == versions.count, "a number names one migration")
        }
    }
}
