import Foundation
import FrontdeskEngine
import GRDB

/// The schema, as explicit ordered migrations recorded in `schema_migrations`.
enum SQLiteMigrations {
    static let all: [(version: String, sql: String)] = [
        ("0001_booking_engine", """
        CREATE TABLE organizations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            timezone TEXT NOT NULL,
            currency TEXT NOT NULL,
            check_in_time TEXT NOT NULL,
            check_out_time TEXT NOT NULL,
            booking_number_prefix TEXT NOT NULL,
            no_show_grace_minutes INTEGER NOT NULL,
            pending_hold_minutes INTEGER NOT NULL,
            event_sequence INTEGER NOT NULL DEFAULT 0,
            longest_line_ms INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            prefix TEXT NOT NULL,
            hash TEXT NOT NULL UNIQUE,
            is_platform INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX api_keys_by_organization ON api_keys(organization_id, created_at, id);
        CREATE TABLE locations (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            name TEXT NOT NULL,
            timezone TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER,
            UNIQUE (organization_id, id)
        );
        CREATE INDEX locations_by_organization ON locations(organization_id, created_at, id);
        CREATE TABLE resources (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            location_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            category TEXT,
            capacity INTEGER NOT NULL CHECK (capacity >= 1),
            rate_amount INTEGER NOT NULL CHECK (rate_amount >= 0),
            rate_unit TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER,
            UNIQUE (organization_id, id),
            FOREIGN KEY (organization_id, location_id) REFERENCES locations(organization_id, id)
        );
        CREATE INDEX resources_by_organization ON resources(organization_id, created_at, id);
        CREATE TABLE members (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            email TEXT,
            phone TEXT,
            external_ref TEXT,
            notes TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER,
            UNIQUE (organization_id, id)
        );
        CREATE INDEX members_by_organization ON members(organization_id, created_at, id);
        CREATE TABLE bookings (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            number TEXT NOT NULL,
            status TEXT NOT NULL,
            member_id TEXT NOT NULL,
            source TEXT NOT NULL,
            notes TEXT,
            cancellation_reason TEXT,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            actual_start_at INTEGER,
            actual_end_at INTEGER,
            currency TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (organization_id, number),
            UNIQUE (organization_id, id),
            FOREIGN KEY (organization_id, member_id) REFERENCES members(organization_id, id)
        );
        CREATE INDEX bookings_by_organization ON bookings(organization_id, created_at, id);
        CREATE INDEX bookings_by_member ON bookings(organization_id, member_id);
        CREATE INDEX bookings_due ON bookings(status, starts_at) WHERE status IN ('pending', 'confirmed');
        CREATE TABLE booking_lines (
            id TEXT PRIMARY KEY,
            booking_id TEXT NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
            organization_id TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            checked_in_at INTEGER,
            checked_out_at INTEGER,
            amount INTEGER NOT NULL,
            FOREIGN KEY (organization_id, resource_id) REFERENCES resources(organization_id, id)
        );
        CREATE INDEX booking_lines_by_booking ON booking_lines(booking_id, position);
        CREATE INDEX booking_lines_by_resource ON booking_lines(resource_id, starts_at);
        CREATE INDEX booking_lines_held ON booking_lines(organization_id, starts_at, ends_at) WHERE state <> 'released';
        CREATE TABLE booking_series (
            organization_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_sequence INTEGER NOT NULL,
            PRIMARY KEY (organization_id, year)
        );
        CREATE TABLE audit_entries (
            id TEXT PRIMARY KEY,
            \(auditEntryColumns)
        );
        CREATE INDEX audit_entries_by_entity ON audit_entries(organization_id, entity_id, created_at);
        CREATE TABLE events (
            organization_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            data BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (organization_id, sequence)
        );
        CREATE TABLE idempotency_keys (
            organization_id TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            response_status INTEGER,
            response_content_type TEXT,
            response_body BLOB,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (organization_id, key)
        );
        """),
        ("0002_checkins", """
        CREATE TABLE checkins (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            resource_id TEXT NOT NULL,
            member_id TEXT,
            booking_id TEXT REFERENCES bookings(id) ON DELETE SET NULL,
            booking_line_id TEXT REFERENCES booking_lines(id) ON DELETE SET NULL,
            starts_at INTEGER,
            ends_at INTEGER,
            check_in INTEGER,
            check_out INTEGER,
            notes TEXT,
            metadata TEXT NOT NULL,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
            CHECK (check_out IS NULL OR (check_in IS NOT NULL AND check_out >= check_in)),
            FOREIGN KEY (organization_id, resource_id) REFERENCES resources(organization_id, id),
            FOREIGN KEY (organization_id, member_id) REFERENCES members(organization_id, id)
        );
        CREATE INDEX checkins_by_organization ON checkins(organization_id, created_at, id);
        CREATE INDEX checkins_by_resource ON checkins(resource_id, created_at);
        CREATE INDEX checkins_by_member ON checkins(member_id);
        CREATE INDEX checkins_by_booking ON checkins(booking_id);
        CREATE INDEX checkins_by_line ON checkins(booking_line_id);
        """),
        ("0003_actions", """
        ALTER TABLE resources ADD COLUMN housekeeping TEXT NOT NULL DEFAULT 'clean';
        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            trigger_event TEXT NOT NULL,
            scope TEXT NOT NULL,
            scope_id TEXT,
            type TEXT NOT NULL,
            url TEXT,
            secret TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER
        );
        CREATE INDEX actions_by_organization ON actions(organization_id, created_at, id);
        CREATE TABLE action_cursors (
            organization_id TEXT PRIMARY KEY REFERENCES organizations(id),
            sequence INTEGER NOT NULL
        );
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            action_id TEXT NOT NULL REFERENCES actions(id),
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            url TEXT NOT NULL,
            payload BLOB NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_at INTEGER,
            expires_at INTEGER NOT NULL,
            last_status_code INTEGER,
            last_error TEXT,
            delivered_at INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (action_id, event_id)
        );
        CREATE INDEX webhook_deliveries_by_organization ON webhook_deliveries(organization_id, created_at, id);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status = 'pending';
        """),
        ("0004_ready_next_booking", """
        ALTER TABLE bookings ADD COLUMN ready_at INTEGER;
        """),
        // Availability reads every line holding a resource around the window. With its booking's
        // number on the line (as on PostgreSQL; a number never changes) and an index holding all
        // it reads, that is one range of one index instead of two row lookups a line. Resources
        // are listed by location and name from an index, without a sort. The sweeper finds due
        // bookings per organization and status without reading the others.
        ("0005_read_indexes", """
        ALTER TABLE booking_lines ADD COLUMN booking_number TEXT;
        UPDATE booking_lines SET booking_number = (SELECT number FROM bookings b WHERE b.id = booking_lines.booking_id);
        DROP INDEX booking_lines_held;
        CREATE INDEX booking_lines_held ON booking_lines(organization_id, starts_at, ends_at, resource_id, booking_number)
            WHERE state <> 'released';
        DROP INDEX booking_lines_by_resource;
        CREATE INDEX booking_lines_by_resource ON booking_lines(resource_id, starts_at, ends_at, state, booking_number);
        CREATE INDEX resources_by_location ON resources(organization_id, location_id, name, id) WHERE deleted_at IS NULL;
        DROP INDEX bookings_due;
        CREATE INDEX bookings_due ON bookings(organization_id, status, starts_at);
        """),
        // Availability keeps each organization's resources in memory and reads them again only when
        // this version has moved: every change to a resource or a location moves it, in its transaction.
        ("0006_catalog_versions", """
        CREATE TABLE catalog_versions (organization_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
        """ + catalogTriggers),
        // An event's sequence is one past the organization's last event's, read from the events'
        // primary key: the counter on the organization row cost every event an update of that row.
        ("0007_event_sequence_from_events", """
        ALTER TABLE organizations DROP COLUMN event_sequence;
        """),
        // The writer keeps each organization's settings with its resources while the catalog
        // version stays (`WriterCatalog`): a change to the settings moves it too. The longest
        // line is the bookings' bookkeeping, not a setting.
        ("0008_settings_move_catalog", """
        CREATE TRIGGER organizations_update_moves_catalog
        AFTER UPDATE OF name, timezone, currency, check_in_time, check_out_time, booking_number_prefix,
            no_show_grace_minutes, pending_hold_minutes, created_at, updated_at ON organizations BEGIN
            \(movesCatalog("NEW.id"))
        END;
        """),
        // A stored answer belongs to the caller that made it, and keeps its headers. The keys of
        // requests made before cannot say whose they were: they are dropped (a retry runs anew).
        ("0009_idempotency_callers", """
        DROP TABLE idempotency_keys;
        CREATE TABLE idempotency_keys (
            organization_id TEXT NOT NULL,
            caller TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            response_status INTEGER,
            response_content_type TEXT,
            response_headers TEXT,
            response_body BLOB,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (organization_id, caller, key)
        );
        """),
        // A location may override each desk setting of its organization (NULL: the organization's),
        // and an organization may leave no-shows to the desk. The organization's new setting moves
        // the catalog version as the others do; a location's change already moves it (0006). The
        // organization's audit log is listed by creation.
        ("0010_location_settings", """
        ALTER TABLE organizations ADD COLUMN auto_no_show INTEGER NOT NULL DEFAULT 1 CHECK (auto_no_show IN (0, 1));
        ALTER TABLE locations ADD COLUMN check_in_time TEXT;
        ALTER TABLE locations ADD COLUMN check_out_time TEXT;
        ALTER TABLE locations ADD COLUMN no_show_grace_minutes INTEGER CHECK (no_show_grace_minutes BETWEEN 0 AND 10080);
        ALTER TABLE locations ADD COLUMN pending_hold_minutes INTEGER CHECK (pending_hold_minutes BETWEEN 1 AND 10080);
        ALTER TABLE locations ADD COLUMN auto_no_show INTEGER CHECK (auto_no_show IN (0, 1));
        CREATE INDEX audit_entries_by_organization ON audit_entries(organization_id, created_at, id);
        DROP TRIGGER organizations_update_moves_catalog;
        CREATE TRIGGER organizations_update_moves_catalog
        AFTER UPDATE OF name, timezone, currency, check_in_time, check_out_time, booking_number_prefix,
            no_show_grace_minutes, pending_hold_minutes, auto_no_show, created_at, updated_at ON organizations BEGIN
            \(movesCatalog("NEW.id"))
        END;
        """),
        ("0011_enum_checks", enumChecks),
        // Who is in the house: the lines checked in (an overdue one holds its resource past its
        // end) and the visits in progress of a resource, read by every check-in and availability.
        ("0012_presence_indexes", """
        CREATE INDEX booking_lines_occupied ON booking_lines (organization_id, resource_id) WHERE state = 'occupied';
        CREATE INDEX checkins_in_progress ON checkins (resource_id) WHERE check_in IS NOT NULL AND check_out IS NULL;
        """),
        ("0013_list_indexes", listIndexes),
        // A booking's location and a visit's are Core's to decide (`Booking.locationID`,
        // `Checkin.locationID`): stored, the sweep finds a location's due bookings, and the lists a
        // location's bookings and visits, by index. `bookings_due` is replaced by its location's.
        ("0015_booking_location", """
        ALTER TABLE bookings ADD COLUMN location_id TEXT;
        UPDATE bookings SET location_id = (
            SELECT r.location_id FROM booking_lines bl JOIN resources r ON r.id = bl.resource_id
            WHERE bl.booking_id = bookings.id AND bl.position = 0);
        DROP INDEX bookings_due;
        CREATE INDEX bookings_due ON bookings(location_id, status, starts_at) WHERE status IN ('pending', 'confirmed');
        CREATE INDEX bookings_by_location ON bookings(organization_id, location_id, created_at, id);
        ALTER TABLE checkins ADD COLUMN location_id TEXT;
        UPDATE checkins SET location_id = coalesce(
            (SELECT b.location_id FROM bookings b WHERE b.id = checkins.booking_id),
            (SELECT r.location_id FROM resources r WHERE r.id = checkins.resource_id));
        CREATE INDEX checkins_by_location ON checkins(organization_id, location_id, created_at, id);
        """),
        // Lists by window bound the visits they read by the organization's longest visit (`Checkin.span`),
        // kept by the writer as `longest_line_ms` is for lines. PostgreSQL's GiST index needs no bound.
        ("0017_longest_visit", """
        ALTER TABLE organizations ADD COLUMN longest_visit_ms INTEGER NOT NULL DEFAULT 0;
        \(longestVisit);
        """),
        // Fewer indexes for a booking to write, each still answering what the two it replaces did:
        // a line's time index also serves availability (its state and resource read from it, so
        // released lines are skipped there, not left out of it); its resource index also names its
        // booking, for the bookings of a resource; the organization's bookings in page order are
        // read from `bookings_by_status`, a range for each status.
        ("0018_fewer_booking_indexes", """
        DROP INDEX booking_lines_held;
        DROP INDEX booking_lines_by_time;
        CREATE INDEX booking_lines_by_time
            ON booking_lines (organization_id, starts_at, ends_at, resource_id, booking_number, state, booking_id);
        DROP INDEX booking_lines_by_resource;
        DROP INDEX booking_lines_by_resource_booking;
        CREATE INDEX booking_lines_by_resource
            ON booking_lines (resource_id, starts_at, ends_at, state, booking_number, booking_id);
        DROP INDEX bookings_by_organization;
        """),
        ("0019_enum_checks_compared", enumChecksCompared),
        // As 0018 for bookings: the organization's checkins in page order are read from
        // `checkins_by_state`, a range for each state, and a new checkin writes one index entry less.
        ("0020_checkins_read_by_state", """
        DROP INDEX checkins_by_organization;
        """),
        // Attendance: a member's status and whether they attend, the codes they show at the door
        // (a value once in an organization), found by value when scanned and by member when listed;
        // members found by their id in another system; the organization's attendance settings (the
        // JSON of what was set, `AttendanceSettings`); the event of a failed scan.
        ("0021_attendance_codes", """
        ALTER TABLE members ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
            CHECK (status IN ('active', 'paused', 'expired'));
        ALTER TABLE members ADD COLUMN attendance_enabled INTEGER NOT NULL DEFAULT 1 CHECK (attendance_enabled IN (0, 1));
        CREATE INDEX members_by_external_ref ON members(organization_id, external_ref) WHERE external_ref IS NOT NULL;
        CREATE TABLE member_codes (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL,
            member_id TEXT NOT NULL,
            value TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('badge', 'qr', 'rfid', 'membership')),
            expires_at INTEGER,
            created_at INTEGER NOT NULL,
            UNIQUE (organization_id, value),
            FOREIGN KEY (organization_id, member_id) REFERENCES members(organization_id, id)
        );
        CREATE INDEX member_codes_by_member ON member_codes(member_id, created_at, id);
        ALTER TABLE organizations ADD COLUMN attendance_settings TEXT NOT NULL DEFAULT '{}';
        \(enumChecksWithAttendance)
        """),
        // How a visit's arrival was recorded (method, device, where), and the visits in progress of
        // a member, by location: a member has one at a time there (`Presence`).
        ("0022_checkin_arrival", """
        ALTER TABLE checkins ADD COLUMN method TEXT
            CHECK (method IN ('manual', 'qr_code', 'rfid', 'biometric', 'mobile_app', 'api', 'kiosk'));
        ALTER TABLE checkins ADD COLUMN device TEXT;
        ALTER TABLE checkins ADD COLUMN geo TEXT;
        CREATE INDEX checkins_open_by_member ON checkins(member_id, location_id) WHERE check_in IS NOT NULL AND check_out IS NULL;
        """),
        // Activity reports read the visits by their actual stay (`checkins_by_stay`): the lists'
        // `checkins_by_visit` reads the planned window first, which a stay may leave by any length.
        ("0023_checkins_by_stay", """
        CREATE INDEX checkins_by_stay ON checkins (organization_id, \(stayEnd()), check_in) WHERE check_in IS NOT NULL;
        """),
        // What a finished visit of a member counted as (`AttendancePolicy.classify`), a member's own
        // schedule, and the event of a visit the sweeper closed.
        ("0024_attendance_detection", """
        ALTER TABLE members ADD COLUMN schedule TEXT;
        ALTER TABLE checkins ADD COLUMN attendance_type TEXT
            CHECK (attendance_type IN ('full_day', 'half_day_morning', 'half_day_afternoon', 'overtime', 'short'));
        ALTER TABLE checkins ADD COLUMN attendance_day TEXT;
        ALTER TABLE checkins ADD COLUMN worked_minutes INTEGER;
        ALTER TABLE checkins ADD COLUMN late_minutes INTEGER;
        ALTER TABLE checkins ADD COLUMN early_exit_minutes INTEGER;
        ALTER TABLE checkins ADD COLUMN auto_checked_out INTEGER NOT NULL DEFAULT 0 CHECK (auto_checked_out IN (0, 1));
        \(enumChecksWithDetection)
        """),
        // Attendance corrections (`Correction`), listed by each filter in page order; a visit's
        // attendance type a correction overrode; the events of the corrections' steps. No foreign
        // key to the visit: a correction outlives the visit it deletes.
        ("0025_attendance_corrections", """
        CREATE TABLE attendance_corrections (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            type TEXT NOT NULL CHECK (type IN ('update_check_in_time', 'update_check_out_time', 'add_missing_attendance',
                                            'delete_duplicate', 'override_attendance_type')),
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'applied')),
            priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
            checkin_id TEXT,
            member_id TEXT,
            resource_id TEXT,
            check_in INTEGER,
            check_out INTEGER,
            attendance_type TEXT
                CHECK (attendance_type IN ('full_day', 'half_day_morning', 'half_day_afternoon', 'overtime', 'short')),
            reason TEXT NOT NULL,
            submitted_by_type TEXT NOT NULL,
            submitted_by_id TEXT NOT NULL,
            submitted_by_name TEXT NOT NULL,
            reviewed_by_type TEXT,
            reviewed_by_id TEXT,
            reviewed_by_name TEXT,
            reviewed_at INTEGER,
            review_note TEXT,
            applied_by_type TEXT,
            applied_by_id TEXT,
            applied_by_name TEXT,
            applied_at INTEGER,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX attendance_corrections_by_page ON attendance_corrections(organization_id, created_at, id);
        CREATE INDEX attendance_corrections_by_status ON attendance_corrections(organization_id, status, created_at, id);
        CREATE INDEX attendance_corrections_by_type ON attendance_corrections(organization_id, type, created_at, id);
        CREATE INDEX attendance_corrections_by_priority ON attendance_corrections(organization_id, priority, created_at, id);
        CREATE INDEX attendance_corrections_by_member ON attendance_corrections(member_id, created_at, id);
        CREATE INDEX attendance_corrections_by_checkin ON attendance_corrections(checkin_id, created_at, id);
        ALTER TABLE checkins ADD COLUMN attendance_overridden INTEGER NOT NULL DEFAULT 0 CHECK (attendance_overridden IN (0, 1));
        \(enumChecksWithCorrections)
        """),
        // The answers given to an offline device's scans, by the nonce each came with: a batch sent
        // again is answered the same, and applies nothing twice.
        ("0026_scan_nonces", """
        CREATE TABLE scan_nonces (
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            nonce TEXT NOT NULL,
            answer TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (organization_id, nonce)
        ) WITHOUT ROWID;
        """),
        // A location whose members are in one place at a time: scanned in there, they are first
        // checked out elsewhere.
        ("0027_one_place_at_a_time", """
        ALTER TABLE locations ADD COLUMN one_place_at_a_time INTEGER NOT NULL DEFAULT 0 CHECK (one_place_at_a_time IN (0, 1));
        """),
        // What members' visits add up to, by member, location and local day (`MemberDay`), changed
        // in each visit's transaction and kept when visits are purged; stored in day order for the
        // dashboard, found by member for statistics (an index that holds the figures: a member's
        // statistics read no row of the table). What has been announced of each member
        // (`MemberTally`), found when changed since or due. The events announcing it. Offline scans'
        // answers by age, purged with the visits.
        ("0028_member_days", """
        CREATE TABLE member_days (
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            day TEXT NOT NULL,
            member_id TEXT NOT NULL,
            location_id TEXT NOT NULL,
            visits INTEGER NOT NULL,
            minutes INTEGER NOT NULL,
            finished INTEGER NOT NULL,
            half_days INTEGER NOT NULL,
            morning INTEGER NOT NULL,
            afternoon INTEGER NOT NULL,
            evening INTEGER NOT NULL,
            night INTEGER NOT NULL,
            PRIMARY KEY (organization_id, day, member_id, location_id)
        ) WITHOUT ROWID;
        CREATE INDEX member_days_by_member ON member_days(member_id, day, visits, minutes, finished, half_days, morning,
                                                          afternoon, evening, night, location_id);
        CREATE TABLE member_tallies (
            member_id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            changed INTEGER NOT NULL,
            evaluated INTEGER NOT NULL DEFAULT 0,
            milestones INTEGER NOT NULL DEFAULT 0,
            engagement TEXT CHECK (engagement IN ('highly_active', 'active', 'regular', 'occasional', 'inactive',
                                                  'at_risk', 'dormant')),
            evaluate_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX member_tallies_changed ON member_tallies(member_id) WHERE changed > evaluated;
        CREATE INDEX member_tallies_due ON member_tallies(evaluate_at) WHERE evaluate_at IS NOT NULL;
        CREATE INDEX member_tallies_by_engagement ON member_tallies(organization_id, engagement);
        CREATE INDEX scan_nonces_by_age ON scan_nonces(organization_id, created_at);
        \(enumChecksWithTallies)
        """),
        ("0029_booking_revisions", enumChecksWithRevisions),
        // Prices of shorter lines (`RateTier`), as JSON; NULL: none.
        ("0030_rate_tiers", "ALTER TABLE resources ADD COLUMN rate_tiers TEXT;"),
        // The dates a line was booked by, when it was (NULL: instants).
        ("0031_booked_dates", """
        ALTER TABLE booking_lines ADD COLUMN check_in_date TEXT;
        ALTER TABLE booking_lines ADD COLUMN check_out_date TEXT;
        """),
        ("0032_invoices", invoices),
        // The people who sign in to the desk (an email is one user's on the server) and their
        // sessions, by the SHA-256 of their tokens.
        ("0033_users", """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            email TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'front_desk', 'viewer', 'kiosk')),
            location_ids TEXT NOT NULL,
            password_hash TEXT,
            invite_hash TEXT UNIQUE,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX users_by_organization ON users(organization_id, created_at, id);
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_user ON sessions(user_id);
        """),
        // Wrong passwords, counted by the store so that every server counts them together.
        ("0034_sign_in_failures", """
        CREATE TABLE sign_in_failures (
            key TEXT NOT NULL,
            failed_at INTEGER NOT NULL
        );
        CREATE INDEX sign_in_failures_by_key ON sign_in_failures(key, failed_at);
        CREATE INDEX sign_in_failures_by_time ON sign_in_failures(failed_at);
        """),
        // Each line carries its booking's creation, the lists' page order: a resource's bookings
        // are walked in that order from an index, and a window's sorted from its lines alone,
        // before any booking is read (`SQLiteStore.bookingsDriving`); a window's visits likewise
        // from `checkins_by_visit`, which now holds their creation.
        ("0035_lines_in_page_order", """
        DROP INDEX checkins_by_visit;
        CREATE INDEX checkins_by_visit ON checkins (organization_id, \(visitEnd()), \(visitStart()), id, created_at);
        ALTER TABLE booking_lines ADD COLUMN booking_created_at INTEGER NOT NULL DEFAULT 0;
        UPDATE booking_lines SET booking_created_at = (SELECT created_at FROM bookings b WHERE b.id = booking_lines.booking_id);
        CREATE INDEX booking_lines_by_resource_age ON booking_lines (resource_id, booking_created_at, booking_id);
        DROP INDEX booking_lines_by_time;
        CREATE INDEX booking_lines_by_time
            ON booking_lines (organization_id, starts_at, ends_at, resource_id, booking_number, state, booking_id,
                              booking_created_at);
        """),
        ("0036_known_values_checked_inline", enumChecksInline),
        // The events and the audit entries, the two tables every write adds to, lose the index of
        // their ids: nothing looks a row up by its id (the events are read by sequence, the audit by
        // entity or by time) and nothing refers to it, and a UUIDv7 is unique by construction. Each
        // index was one more B-tree for every event or entry the writer adds (`scripts/bench-ab`,
        // with 0036: bookings 4,346 → 4,636 a second, a booking's check-in + check-out 2,468 →
        // 2,674). SQLite drops a table's own UNIQUE or PRIMARY KEY only with the table: both are
        // built again and their rows copied, keeping their rowids (the audit's order within a
        // millisecond). The upgrade copies about a gigabyte of them in 15 s here; the file keeps
        // the old tables' pages, free, for the writes that follow.
        ("0037_logs_without_id_indexes", """
        CREATE TABLE events_rebuilt (
            organization_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            entity_type TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            data BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            \(knownValuesColumn(of: "events")),
            PRIMARY KEY (organization_id, sequence)
        );
        INSERT INTO events_rebuilt (rowid, organization_id, sequence, id, type, entity_type, entity_id, data, created_at)
            SELECT rowid, organization_id, sequence, id, type, entity_type, entity_id, data, created_at FROM events;
        DROP TABLE events;
        ALTER TABLE events_rebuilt RENAME TO events;
        CREATE TABLE audit_entries_rebuilt (
            id TEXT NOT NULL,
            \(auditEntryColumns)
        );
        INSERT INTO audit_entries_rebuilt (rowid, id, organization_id, entity_type, entity_id, action, actor_type, actor_id,
                                           actor_name, before, after, reason, created_at)
            SELECT rowid, id, organization_id, entity_type, entity_id, action, actor_type, actor_id,
                   actor_name, before, after, reason, created_at FROM audit_entries;
        DROP TABLE audit_entries;
        ALTER TABLE audit_entries_rebuilt RENAME TO audit_entries;
        CREATE INDEX audit_entries_by_entity ON audit_entries(organization_id, entity_id, created_at);
        CREATE INDEX audit_entries_by_organization ON audit_entries(organization_id, created_at, id);
        """),
        // A line's state leaves its time and resource indexes. A check-in or a check-out changes the
        // state and nothing else these indexes hold, and each changed entry was a delete and an insert
        // at a random place of a large index: `scripts/bench-ab --mode booking-checkins`, 2,223
        // against 2,762 req/s (p99 38.6 against 23.7 ms). The reads that skip released lines or ask
        // for occupied ones now read the state from the line's row, one lookup a line in the window.
        ("0038_line_state_out_of_indexes", """
        DROP INDEX booking_lines_by_time;
        CREATE INDEX booking_lines_by_time
            ON booking_lines (organization_id, starts_at, ends_at, resource_id, booking_number, booking_id, booking_created_at);
        DROP INDEX booking_lines_by_resource;
        CREATE INDEX booking_lines_by_resource ON booking_lines (resource_id, starts_at, ends_at, booking_number, booking_id);
        """),
    ]

    /// Migration 0032: the billing settings (which move the catalog version, as the other settings
    /// do: the writer reads them with the organization), invoices with their items, payments and
    /// credit notes, deposits, and the gapless series of their numbers. The bookings still open get their
    /// invoice; those that ended before have none.
    private static var invoices: String {
        """
        ALTER TABLE organizations ADD COLUMN billing TEXT NOT NULL DEFAULT '{}';
        DROP TRIGGER organizations_update_moves_catalog;
        CREATE TRIGGER organizations_update_moves_catalog
        AFTER UPDATE OF name, timezone, currency, check_in_time, check_out_time, booking_number_prefix,
            no_show_grace_minutes, pending_hold_minutes, auto_no_show, billing, created_at, updated_at ON organizations BEGIN
            \(movesCatalog("NEW.id"))
        END;
        CREATE TABLE invoices (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            booking_id TEXT NOT NULL UNIQUE REFERENCES bookings(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('open', 'finalized', 'cancelled')),
            number TEXT,
            issued_at INTEGER,
            prices_include_tax INTEGER CHECK (prices_include_tax IN (0, 1)),
            dated_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (organization_id, number)
        );
        CREATE INDEX invoices_by_organization ON invoices (organization_id, created_at, id);
        CREATE TABLE invoice_items (
            id TEXT NOT NULL,
            invoice_id TEXT NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('booking', 'extra', 'fee', 'damage')),
            booking_line_id TEXT,
            description TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_amount INTEGER NOT NULL,
            tax_category TEXT NOT NULL,
            tax_name TEXT,
            tax_basis_points INTEGER,
            voided INTEGER NOT NULL CHECK (voided IN (0, 1)),
            created_at INTEGER NOT NULL,
            PRIMARY KEY (invoice_id, id)
        ) WITHOUT ROWID;
        CREATE TABLE payments (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            invoice_id TEXT NOT NULL REFERENCES invoices(id),
            direction TEXT NOT NULL CHECK (direction IN ('payment', 'refund')),
            amount INTEGER NOT NULL CHECK (amount > 0),
            currency TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'upi', 'bank_transfer', 'other')),
            reference TEXT,
            location_id TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX payments_by_organization ON payments (organization_id, created_at, id);
        CREATE INDEX payments_by_invoice ON payments (invoice_id, created_at, id);
        CREATE TABLE credit_notes (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            invoice_id TEXT NOT NULL REFERENCES invoices(id),
            number TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            currency TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (organization_id, number)
        );
        CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id, created_at, id);
        CREATE TABLE deposits (
            id TEXT PRIMARY KEY,
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            invoice_id TEXT NOT NULL REFERENCES invoices(id),
            booking_id TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            captured INTEGER NOT NULL CHECK (captured >= 0),
            released INTEGER NOT NULL CHECK (released >= 0),
            currency TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('cash', 'card', 'upi', 'bank_transfer', 'other')),
            reference TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK (captured + released <= amount)
        );
        CREATE INDEX deposits_by_invoice ON deposits (invoice_id, created_at, id);
        CREATE TABLE document_series (
            organization_id TEXT NOT NULL REFERENCES organizations(id),
            series TEXT NOT NULL CHECK (series IN ('invoice', 'credit_note')),
            year INTEGER NOT NULL,
            last_sequence INTEGER NOT NULL,
            PRIMARY KEY (organization_id, series, year)
        ) WITHOUT ROWID;
        INSERT INTO invoices (id, organization_id, booking_id, status, dated_at, version, created_at, updated_at)
            SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
                       || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
                       || '-' || lower(hex(randomblob(6))),
                   organization_id, id, 'open', created_at, 1, created_at, created_at
            FROM bookings WHERE status IN ('pending', 'confirmed', 'checked_in', 'active');
        \(enumChecksWithInvoices)
        """
    }

    /// An audit entry's columns after its id (migrations 0001 and 0037).
    private static let auditEntryColumns = """
        organization_id TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        before BLOB,
        after BLOB,
        reason TEXT,
        created_at INTEGER NOT NULL
        """

    /// Moves an organization's catalog version after each change to one of its resources or locations.
    private static var catalogTriggers: String {
        [("resources", "INSERT", "NEW"), ("resources", "UPDATE", "NEW"), ("resources", "DELETE", "OLD"),
         ("locations", "UPDATE", "NEW"), ("locations", "DELETE", "OLD")].map { table, event, row in
            """
            CREATE TRIGGER \(table)_\(event.lowercased())_moves_catalog AFTER \(event) ON \(table) BEGIN
                \(movesCatalog("\(row).organization_id"))
            END;

            """
        }.joined()
    }

    /// A trigger's statement moving the catalog version of the organization `organizationID` names.
    private static func movesCatalog(_ organizationID: String) -> String {
        """
        INSERT INTO catalog_versions (organization_id, version) VALUES (\(organizationID), 1)
                ON CONFLICT (organization_id) DO UPDATE SET version = version + 1;
        """
    }

    static func apply(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)
            """)
        let applied = Set(try String.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
        try refuseUnknown(applied)
        for migration in all where !applied.contains(migration.version) {
            try db.execute(sql: migration.sql)
            if migration.version == "0028_member_days" { try backfillMemberDays(db) }
            try db.execute(sql: "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                           arguments: [migration.version, Date().millis])
        }
    }

    static func verify(_ db: Database) throws {
        guard try db.tableExists("schema_migrations") else { throw StoreError.notMigrated }
        let applied = Set(try String.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
        try refuseUnknown(applied)
        guard all.allSatisfy({ applied.contains($0.version) }) else { throw StoreError.notMigrated }
    }

    private static func refuseUnknown(_ applied: Set<String>) throws {
        let unknown = applied.subtracting(all.map(\.version))
        if !unknown.isEmpty { throw StoreError.unknownMigrations(unknown.sorted()) }
    }
}
