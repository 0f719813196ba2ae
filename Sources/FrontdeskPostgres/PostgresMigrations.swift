import Foundation
import FrontdeskEngine
import Logging
import PostgresNIO

/// The schema, as explicit ordered migrations recorded in `schema_migrations`. A migration is
/// never edited once released: changes go in a new one at the end.
enum PostgresMigrations {
    struct Migration {
        var version: String
        /// Run in order, one by one, inside the migrating transaction.
        var statements: [String]
    }

    static let all: [Migration] = [
        Migration(version: "0001_booking_engine", statements: [
            "CREATE EXTENSION IF NOT EXISTS btree_gist",
            """
            CREATE TABLE organizations (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                timezone text NOT NULL,
                currency text NOT NULL,
                check_in_time text NOT NULL,
                check_out_time text NOT NULL,
                booking_number_prefix text NOT NULL,
                no_show_grace_minutes integer NOT NULL,
                pending_hold_minutes integer NOT NULL,
                -- The last outbox sequence: bumped under the row lock by every write, so events are
                -- numbered per organization in commit order.
                event_sequence bigint NOT NULL DEFAULT 0,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE api_keys (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                name text NOT NULL,
                role text NOT NULL,
                prefix text NOT NULL,
                hash text NOT NULL UNIQUE,
                is_platform boolean NOT NULL,
                created_at timestamptz NOT NULL,
                last_used_at timestamptz
            )
            """,
            "CREATE INDEX api_keys_by_organization ON api_keys (organization_id, created_at, id)",
            """
            CREATE TABLE locations (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                name text NOT NULL,
                timezone text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                deleted_at timestamptz,
                UNIQUE (organization_id, id)
            )
            """,
            "CREATE INDEX locations_list ON locations (organization_id, created_at, id) WHERE deleted_at IS NULL",
            """
            CREATE TABLE resources (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                location_id uuid NOT NULL,
                name text NOT NULL,
                kind text NOT NULL,
                category text,
                capacity integer NOT NULL CHECK (capacity >= 1),
                rate_amount bigint NOT NULL CHECK (rate_amount >= 0),
                rate_unit text NOT NULL,
                status text NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                deleted_at timestamptz,
                UNIQUE (organization_id, id),
                FOREIGN KEY (organization_id, location_id) REFERENCES locations (organization_id, id)
            )
            """,
            "CREATE INDEX resources_list ON resources (organization_id, created_at, id) WHERE deleted_at IS NULL",
            "CREATE INDEX resources_by_location ON resources (organization_id, location_id) WHERE deleted_at IS NULL",
            """
            CREATE TABLE members (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                type text NOT NULL,
                name text NOT NULL,
                email text,
                phone text,
                external_ref text,
                notes text,
                -- Name, email and phone lowercased by Swift, whatever the server's locale: for search.
                search_text text NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                deleted_at timestamptz,
                UNIQUE (organization_id, id)
            )
            """,
            "CREATE INDEX members_list ON members (organization_id, created_at, id) WHERE deleted_at IS NULL",
            """
            CREATE TABLE bookings (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                number text NOT NULL,
                status text NOT NULL,
                member_id uuid NOT NULL,
                source text NOT NULL,
                notes text,
                cancellation_reason text,
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL,
                actual_start_at timestamptz,
                actual_end_at timestamptz,
                currency text NOT NULL,
                version integer NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (organization_id, number),
                UNIQUE (organization_id, id),
                FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id)
            )
            """,
            "CREATE INDEX bookings_list ON bookings (organization_id, created_at, id)",
            "CREATE INDEX bookings_by_member ON bookings (organization_id, member_id)",
            "CREATE INDEX bookings_confirmed ON bookings (organization_id, starts_at) WHERE status = 'confirmed'",
            "CREATE INDEX bookings_pending ON bookings (organization_id, created_at) WHERE status = 'pending'",
            """
            CREATE TABLE booking_lines (
                id uuid PRIMARY KEY,
                booking_id uuid NOT NULL,
                -- The booking's number, which never changes: held lines name it without a join.
                booking_number text NOT NULL,
                organization_id uuid NOT NULL,
                resource_id uuid NOT NULL,
                position integer NOT NULL,
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
                state text NOT NULL CHECK (state IN ('reserved', 'occupied', 'released')),
                checked_in_at timestamptz,
                checked_out_at timestamptz,
                amount bigint NOT NULL,
                -- The resource's capacity was 1 when the line was written.
                exclusive boolean NOT NULL,
                FOREIGN KEY (organization_id, booking_id) REFERENCES bookings (organization_id, id) ON DELETE CASCADE,
                FOREIGN KEY (organization_id, resource_id) REFERENCES resources (organization_id, id),
                -- The backstop under the planner: two held lines of an exclusive resource never overlap.
                CONSTRAINT booking_lines_exclusive EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
                    WHERE (exclusive AND state <> 'released')
            )
            """,
            "CREATE INDEX booking_lines_by_booking ON booking_lines (booking_id, position)",
            // Lines by resource and time: a booking's checks, a resource's bookings. Questions about a
            // whole organization (availability, lists by window) spell the same range
            // tstzrange(…, '[)') and get the index by organization: another expression, so that the
            // planner never answers them by walking every resource in this one.
            """
            CREATE INDEX booking_lines_by_resource ON booking_lines
                USING gist (resource_id, tstzrange(starts_at, ends_at))
            """,
            """
            CREATE INDEX booking_lines_by_organization ON booking_lines
                USING gist (organization_id, tstzrange(starts_at, ends_at, '[)'))
            """,
            """
            CREATE TABLE booking_series (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                year integer NOT NULL,
                last_sequence integer NOT NULL,
                PRIMARY KEY (organization_id, year)
            )
            """,
            """
            CREATE TABLE audit_entries (
                id uuid PRIMARY KEY,
                -- Insertion order, for entries written in the same millisecond.
                position bigint GENERATED ALWAYS AS IDENTITY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                entity_type text NOT NULL,
                entity_id uuid NOT NULL,
                action text NOT NULL,
                actor_type text NOT NULL,
                actor_id text NOT NULL,
                actor_name text NOT NULL,
                before bytea,
                after bytea,
                reason text,
                created_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX audit_entries_by_entity ON audit_entries (organization_id, entity_id, created_at, position)",
            """
            CREATE TABLE events (
                id uuid NOT NULL UNIQUE,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                sequence bigint NOT NULL,
                type text NOT NULL,
                entity_type text NOT NULL,
                entity_id uuid NOT NULL,
                data bytea NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (organization_id, sequence)
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                key text NOT NULL,
                fingerprint text NOT NULL,
                status text NOT NULL CHECK (status IN ('in_progress', 'completed')),
                response_status integer,
                response_content_type text,
                response_body bytea,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (organization_id, key)
            )
            """,
        ]),
        Migration(version: "0002_checkins", statements: [
            """
            CREATE TABLE checkins (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                resource_id uuid NOT NULL,
                member_id uuid,
                -- A deleted booking (cancelled or expired) leaves its checkins standalone.
                booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
                booking_line_id uuid REFERENCES booking_lines (id) ON DELETE SET NULL,
                starts_at timestamptz,
                ends_at timestamptz,
                check_in timestamptz,
                check_out timestamptz,
                notes text,
                -- A JSON object, as text: kept and returned as written, never queried.
                metadata text NOT NULL,
                version integer NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
                CHECK (check_out IS NULL OR (check_in IS NOT NULL AND check_out >= check_in)),
                FOREIGN KEY (organization_id, resource_id) REFERENCES resources (organization_id, id),
                FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id)
            )
            """,
            "CREATE INDEX checkins_list ON checkins (organization_id, created_at, id)",
            "CREATE INDEX checkins_by_resource ON checkins (resource_id, created_at)",
            "CREATE INDEX checkins_by_member ON checkins (member_id)",
            "CREATE INDEX checkins_by_booking ON checkins (booking_id)",
            "CREATE INDEX checkins_by_line ON checkins (booking_line_id)",
        ]),
        Migration(version: "0003_actions", statements: [
            "ALTER TABLE resources ADD COLUMN housekeeping text NOT NULL DEFAULT 'clean'",
            """
            CREATE TABLE actions (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                trigger_event text NOT NULL,
                scope text NOT NULL,
                scope_id uuid,
                type text NOT NULL,
                url text,
                secret text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                deleted_at timestamptz
            )
            """,
            "CREATE INDEX actions_list ON actions (organization_id, created_at, id)",
            """
            CREATE TABLE action_cursors (
                -- The last event of the organization dispatched to its actions; a dispatcher locks
                -- the row (SKIP LOCKED), so two processes never dispatch the same events.
                organization_id uuid PRIMARY KEY REFERENCES organizations (id),
                sequence bigint NOT NULL
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                action_id uuid NOT NULL REFERENCES actions (id),
                event_id uuid NOT NULL,
                event_type text NOT NULL,
                url text NOT NULL,
                payload bytea NOT NULL,
                status text NOT NULL,
                attempts integer NOT NULL,
                next_attempt_at timestamptz,
                expires_at timestamptz NOT NULL,
                last_status_code integer,
                last_error text,
                delivered_at timestamptz,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (action_id, event_id)
            )
            """,
            "CREATE INDEX webhook_deliveries_list ON webhook_deliveries (organization_id, created_at, id)",
            "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'",
        ]),
        Migration(version: "0004_ready_next_booking", statements: [
            "ALTER TABLE bookings ADD COLUMN ready_at timestamptz",
        ]),
        // Availability keeps each organization's resources in memory and reads them again only when
        // this version has moved: every change to a resource or a location moves it, in its
        // transaction. Statement triggers take the version's lock after the rows' locks.
        Migration(version: "0006_catalog_versions", statements: [
            "CREATE TABLE catalog_versions (organization_id uuid PRIMARY KEY, version bigint NOT NULL)",
            """
            CREATE FUNCTION frontdesk_move_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO catalog_versions (organization_id, version)
                SELECT DISTINCT organization_id, 1 FROM changed
                ON CONFLICT (organization_id) DO UPDATE SET version = catalog_versions.version + 1;
                RETURN NULL;
            END
            $$
            """,
        ] + [("resources", "INSERT", "NEW"), ("resources", "UPDATE", "NEW"), ("resources", "DELETE", "OLD"),
             ("locations", "UPDATE", "NEW"), ("locations", "DELETE", "OLD")].map { table, event, rows in
            """
            CREATE TRIGGER \(table)_\(event.lowercased())_moves_catalog AFTER \(event) ON \(table)
            REFERENCING \(rows) TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_move_catalog()
            """
        }),
        // A stored answer belongs to the caller that made it, and keeps its headers. The keys of
        // requests made before cannot say whose they were: they are dropped (a retry runs anew).
        Migration(version: "0009_idempotency_callers", statements: [
            "DELETE FROM idempotency_keys",
            "ALTER TABLE idempotency_keys ADD COLUMN caller text NOT NULL",
            "ALTER TABLE idempotency_keys ADD COLUMN response_headers text",
            "ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey",
            "ALTER TABLE idempotency_keys ADD PRIMARY KEY (organization_id, caller, key)",
        ]),
        // A location may override each desk setting of its organization (NULL: the organization's),
        // and an organization may leave no-shows to the desk. The organization's audit log is listed
        // by creation.
        Migration(version: "0010_location_settings", statements: [
            "ALTER TABLE organizations ADD COLUMN auto_no_show boolean NOT NULL DEFAULT true",
            """
            ALTER TABLE locations ADD COLUMN check_in_time text, ADD COLUMN check_out_time text,
                ADD COLUMN no_show_grace_minutes integer CHECK (no_show_grace_minutes BETWEEN 0 AND 10080),
                ADD COLUMN pending_hold_minutes integer CHECK (pending_hold_minutes BETWEEN 1 AND 10080),
                ADD COLUMN auto_no_show boolean
            """,
            "CREATE INDEX audit_entries_by_organization ON audit_entries (organization_id, created_at, id)",
        ]),
        Migration(version: "0011_enum_checks", statements: enumChecks),
        // Who is in the house: the lines checked in (an overdue one holds its resource past its
        // end) and the visits in progress of a resource, read by every check-in and availability.
        Migration(version: "0012_presence_indexes", statements: [
            "CREATE INDEX booking_lines_occupied ON booking_lines (organization_id, resource_id) WHERE state = 'occupied'",
            "CREATE INDEX checkins_in_progress ON checkins (resource_id) WHERE check_in IS NOT NULL AND check_out IS NULL",
        ]),
        Migration(version: "0013_list_indexes", statements: listIndexes),
        // Events are numbered after they commit (`PostgresStore+Sequencing.swift`), no longer under
        // the organization's row lock: a write inserts them without a sequence, in `position`
        // order, and the sequencer numbers them after the last number it gave, which it keeps in
        // a row of its own (its lock). The event's id is its key, so that a numbering is an update
        // a logical replica can apply.
        Migration(version: "0014_events_numbered_after_commit", statements: [
            """
            ALTER TABLE events DROP CONSTRAINT events_pkey, DROP CONSTRAINT events_id_key, ADD PRIMARY KEY (id),
                ALTER COLUMN sequence DROP NOT NULL, ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY
            """,
            "CREATE UNIQUE INDEX events_by_sequence ON events (organization_id, sequence)",
            "CREATE INDEX events_unnumbered ON events (organization_id, position) WHERE sequence IS NULL",
            """
            CREATE TABLE event_sequences (
                organization_id uuid PRIMARY KEY REFERENCES organizations (id),
                last_sequence bigint NOT NULL
            )
            """,
            "INSERT INTO event_sequences SELECT id, event_sequence FROM organizations WHERE event_sequence > 0",
            "ALTER TABLE organizations DROP COLUMN event_sequence",
        ]),
        // A booking's location and a visit's are Core's to decide (`Booking.locationID`,
        // `Checkin.locationID`): stored, the sweep finds a location's due bookings, and the lists a
        // location's bookings and visits, by index.
        Migration(version: "0015_booking_location", statements: [
            "ALTER TABLE bookings ADD COLUMN location_id uuid",
            """
            UPDATE bookings b SET location_id = r.location_id FROM booking_lines bl JOIN resources r ON r.id = bl.resource_id
            WHERE bl.booking_id = b.id AND bl.position = 0
            """,
            "ALTER TABLE bookings ALTER COLUMN location_id SET NOT NULL",
            "DROP INDEX bookings_confirmed",
            "DROP INDEX bookings_pending",
            "CREATE INDEX bookings_confirmed ON bookings (location_id, starts_at) WHERE status = 'confirmed'",
            "CREATE INDEX bookings_pending ON bookings (location_id, created_at) WHERE status = 'pending'",
            "CREATE INDEX bookings_by_location ON bookings (organization_id, location_id, created_at, id)",
            "ALTER TABLE checkins ADD COLUMN location_id uuid",
            """
            UPDATE checkins c SET location_id = coalesce(
                (SELECT b.location_id FROM bookings b WHERE b.id = c.booking_id),
                (SELECT r.location_id FROM resources r WHERE r.id = c.resource_id))
            """,
            "ALTER TABLE checkins ALTER COLUMN location_id SET NOT NULL",
            "CREATE INDEX checkins_by_location ON checkins (organization_id, location_id, created_at, id)",
        ]),
        // Attendance: a member's status and whether they attend, the codes they show at the door
        // (a value once in an organization), found by value when scanned and by member when listed;
        // members found by their id in another system; the organization's attendance settings (the
        // JSON of what was set, `AttendanceSettings`); the event of a failed scan.
        Migration(version: "0021_attendance_codes", statements: [
            """
            ALTER TABLE members ADD COLUMN status text NOT NULL DEFAULT 'active'
                CONSTRAINT members_status_known CHECK (status IN ('active', 'paused', 'expired'))
            """,
            "ALTER TABLE members ADD COLUMN attendance_enabled boolean NOT NULL DEFAULT true",
            """
            CREATE INDEX members_by_external_ref ON members (organization_id, external_ref)
            WHERE external_ref IS NOT NULL AND deleted_at IS NULL
            """,
            """
            CREATE TABLE member_codes (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL,
                member_id uuid NOT NULL,
                value text NOT NULL,
                kind text NOT NULL CONSTRAINT member_codes_kind_known CHECK (kind IN ('badge', 'qr', 'rfid', 'membership')),
                expires_at timestamptz,
                created_at timestamptz NOT NULL,
                UNIQUE (organization_id, value),
                FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id)
            )
            """,
            "CREATE INDEX member_codes_by_member ON member_codes (member_id, created_at, id)",
            "ALTER TABLE organizations ADD COLUMN attendance_settings text NOT NULL DEFAULT '{}'",
        ] + eventTypesWithAttendance),
        // How a visit's arrival was recorded (method, device, where), and the visits in progress of
        // a member, by location: a member has one at a time there (`Presence`).
        Migration(version: "0022_checkin_arrival", statements: [
            """
            ALTER TABLE checkins ADD COLUMN method text CONSTRAINT checkins_method_known
                CHECK (method IN ('manual', 'qr_code', 'rfid', 'biometric', 'mobile_app', 'api', 'kiosk'))
            """,
            "ALTER TABLE checkins ADD COLUMN device text",
            "ALTER TABLE checkins ADD COLUMN geo text",
            """
            CREATE INDEX checkins_open_by_member ON checkins (member_id, location_id)
            WHERE check_in IS NOT NULL AND check_out IS NULL
            """,
        ]),
        // Activity reports read the visits by their actual stay (`checkins_by_stay`): the lists'
        // `checkins_by_visit` indexes the planned window first, which a stay may leave by any length.
        Migration(version: "0023_checkins_by_stay", statements: [
            "CREATE INDEX checkins_by_stay ON checkins USING gist (organization_id, \(stay())) WHERE check_in IS NOT NULL",
        ]),
        // What a finished visit of a member counted as (`AttendancePolicy.classify`), a member's own
        // schedule, and the event of a visit the sweeper closed.
        Migration(version: "0024_attendance_detection", statements: [
            "ALTER TABLE members ADD COLUMN schedule text",
            """
            ALTER TABLE checkins ADD COLUMN attendance_type text CONSTRAINT checkins_attendance_type_known
                CHECK (attendance_type IN ('full_day', 'half_day_morning', 'half_day_afternoon', 'overtime', 'short'))
            """,
            "ALTER TABLE checkins ADD COLUMN attendance_day text",
            "ALTER TABLE checkins ADD COLUMN worked_minutes integer",
            "ALTER TABLE checkins ADD COLUMN late_minutes integer",
            "ALTER TABLE checkins ADD COLUMN early_exit_minutes integer",
            "ALTER TABLE checkins ADD COLUMN auto_checked_out boolean NOT NULL DEFAULT false",
        ] + eventTypesWithDetection),
        // Attendance corrections (`Correction`), listed by each filter in page order; a visit's
        // attendance type a correction overrode; the events of the corrections' steps. No foreign
        // key to the visit: a correction outlives the visit it deletes.
        Migration(version: "0025_attendance_corrections", statements: [
            """
            CREATE TABLE attendance_corrections (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                type text NOT NULL CONSTRAINT attendance_corrections_type_known
                    CHECK (type IN ('update_check_in_time', 'update_check_out_time', 'add_missing_attendance',
                                    'delete_duplicate', 'override_attendance_type')),
                status text NOT NULL CONSTRAINT attendance_corrections_status_known
                    CHECK (status IN ('pending', 'approved', 'rejected', 'applied')),
                priority text NOT NULL CONSTRAINT attendance_corrections_priority_known
                    CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
                checkin_id uuid,
                member_id uuid,
                resource_id uuid,
                check_in timestamptz,
                check_out timestamptz,
                attendance_type text CONSTRAINT attendance_corrections_attendance_type_known
                    CHECK (attendance_type IN ('full_day', 'half_day_morning', 'half_day_afternoon', 'overtime', 'short')),
                reason text NOT NULL,
                submitted_by_type text NOT NULL,
                submitted_by_id text NOT NULL,
                submitted_by_name text NOT NULL,
                reviewed_by_type text,
                reviewed_by_id text,
                reviewed_by_name text,
                reviewed_at timestamptz,
                review_note text,
                applied_by_type text,
                applied_by_id text,
                applied_by_name text,
                applied_at timestamptz,
                version integer NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX attendance_corrections_by_page ON attendance_corrections (organization_id, created_at, id)",
            "CREATE INDEX attendance_corrections_by_status ON attendance_corrections (organization_id, status, created_at, id)",
            "CREATE INDEX attendance_corrections_by_type ON attendance_corrections (organization_id, type, created_at, id)",
            """
            CREATE INDEX attendance_corrections_by_priority ON attendance_corrections (organization_id, priority, created_at, id)
            """,
            "CREATE INDEX attendance_corrections_by_member ON attendance_corrections (member_id, created_at, id)",
            "CREATE INDEX attendance_corrections_by_checkin ON attendance_corrections (checkin_id, created_at, id)",
            "ALTER TABLE checkins ADD COLUMN attendance_overridden boolean NOT NULL DEFAULT false",
        ] + eventTypesWithCorrections),
        // The answers given to an offline device's scans, by the nonce each came with: a batch sent
        // again is answered the same, and applies nothing twice.
        Migration(version: "0026_scan_nonces", statements: [
            """
            CREATE TABLE scan_nonces (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                nonce text NOT NULL,
                answer text NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (organization_id, nonce)
            )
            """,
        ]),
        // A location whose members are in one place at a time: scanned in there, they are first
        // checked out elsewhere.
        Migration(version: "0027_one_place_at_a_time", statements: [
            "ALTER TABLE locations ADD COLUMN one_place_at_a_time boolean NOT NULL DEFAULT false",
        ]),
        // What members' visits add up to, by member, location and local day (`MemberDay`), changed
        // in each visit's transaction and kept when visits are purged; found by day for the
        // dashboard, by member for statistics (an index that holds the figures). What has been announced of each member
        // (`MemberTally`), found when changed since or due. The events announcing it. Offline scans'
        // answers by age, purged with the visits.
        Migration(version: "0028_member_days", statements: [
            """
            CREATE TABLE member_days (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                day text NOT NULL,
                member_id uuid NOT NULL,
                location_id uuid NOT NULL,
                visits integer NOT NULL,
                minutes integer NOT NULL,
                finished integer NOT NULL,
                half_days integer NOT NULL,
                morning integer NOT NULL,
                afternoon integer NOT NULL,
                evening integer NOT NULL,
                night integer NOT NULL,
                PRIMARY KEY (organization_id, day, member_id, location_id)
            )
            """,
            """
            CREATE INDEX member_days_by_member ON member_days (member_id, day)
                INCLUDE (visits, minutes, finished, half_days, morning, afternoon, evening, night, location_id)
            """,
            """
            CREATE TABLE member_tallies (
                member_id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                changed bigint NOT NULL,
                evaluated bigint NOT NULL DEFAULT 0,
                milestones integer NOT NULL DEFAULT 0,
                engagement text CONSTRAINT member_tallies_engagement_known
                    CHECK (engagement IN ('highly_active', 'active', 'regular', 'occasional', 'inactive', 'at_risk', 'dormant')),
                evaluate_at timestamptz
            )
            """,
            "CREATE INDEX member_tallies_changed ON member_tallies (member_id) WHERE changed > evaluated",
            "CREATE INDEX member_tallies_due ON member_tallies (evaluate_at) WHERE evaluate_at IS NOT NULL",
            "CREATE INDEX member_tallies_by_engagement ON member_tallies (organization_id, engagement)",
            "CREATE INDEX scan_nonces_by_age ON scan_nonces (organization_id, created_at)",
        ] + eventTypesWithTallies),
        Migration(version: "0029_booking_revisions", statements: eventTypesWithRevisions),
        // Prices of shorter lines (`RateTier`), as JSON; NULL: none.
        Migration(version: "0030_rate_tiers", statements: ["ALTER TABLE resources ADD COLUMN rate_tiers text"]),
        // The dates a line was booked by, when it was (NULL: instants).
        Migration(version: "0031_booked_dates", statements: [
            "ALTER TABLE booking_lines ADD COLUMN check_in_date text, ADD COLUMN check_out_date text",
        ]),
        // The billing settings, invoices with their items, payments, credit notes and deposits, and the
        // gapless series of their numbers (a row locked by the issuing transaction). The bookings
        // still open get their invoice; those that ended before have none.
        Migration(version: "0032_invoices", statements: [
            "ALTER TABLE organizations ADD COLUMN billing text NOT NULL DEFAULT '{}'",
            """
            CREATE TABLE invoices (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                booking_id uuid NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
                status text NOT NULL CHECK (status IN ('open', 'finalized', 'cancelled')),
                number text,
                issued_at timestamptz,
                prices_include_tax boolean,
                dated_at timestamptz NOT NULL,
                version integer NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                UNIQUE (organization_id, number)
            )
            """,
            "CREATE INDEX invoices_by_organization ON invoices (organization_id, created_at, id)",
            """
            CREATE TABLE invoice_items (
                id uuid NOT NULL,
                invoice_id uuid NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
                position integer NOT NULL,
                kind text NOT NULL CHECK (kind IN ('booking', 'extra', 'fee', 'damage')),
                booking_line_id uuid,
                description text NOT NULL,
                quantity integer NOT NULL CHECK (quantity > 0),
                unit_amount bigint NOT NULL,
                tax_category text NOT NULL,
                tax_name text,
                tax_basis_points integer,
                voided boolean NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (invoice_id, id)
            )
            """,
            """
            CREATE TABLE payments (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                invoice_id uuid NOT NULL REFERENCES invoices (id),
                direction text NOT NULL CHECK (direction IN ('payment', 'refund')),
                amount bigint NOT NULL CHECK (amount > 0),
                currency text NOT NULL,
                method text NOT NULL CHECK (method IN ('cash', 'card', 'upi', 'bank_transfer', 'other')),
                reference text,
                location_id uuid NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX payments_by_organization ON payments (organization_id, created_at, id)",
            "CREATE INDEX payments_by_invoice ON payments (invoice_id, created_at, id)",
            """
            CREATE TABLE credit_notes (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                invoice_id uuid NOT NULL REFERENCES invoices (id),
                number text NOT NULL,
                amount bigint NOT NULL CHECK (amount > 0),
                currency text NOT NULL,
                reason text NOT NULL,
                created_at timestamptz NOT NULL,
                UNIQUE (organization_id, number)
            )
            """,
            "CREATE INDEX credit_notes_by_invoice ON credit_notes (invoice_id, created_at, id)",
            """
            CREATE TABLE deposits (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                invoice_id uuid NOT NULL REFERENCES invoices (id),
                booking_id uuid NOT NULL,
                amount bigint NOT NULL CHECK (amount > 0),
                captured bigint NOT NULL CHECK (captured >= 0),
                released bigint NOT NULL CHECK (released >= 0),
                currency text NOT NULL,
                method text NOT NULL CHECK (method IN ('cash', 'card', 'upi', 'bank_transfer', 'other')),
                reference text,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CHECK (captured + released <= amount)
            )
            """,
            "CREATE INDEX deposits_by_invoice ON deposits (invoice_id, created_at, id)",
            """
            CREATE TABLE document_series (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                series text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
                year integer NOT NULL,
                last_sequence integer NOT NULL,
                PRIMARY KEY (organization_id, series, year)
            )
            """,
            """
            INSERT INTO invoices (id, organization_id, booking_id, status, dated_at, version, created_at, updated_at)
            SELECT gen_random_uuid(), organization_id, id, 'open', created_at, 1, created_at, created_at
            FROM bookings WHERE status IN ('pending', 'confirmed', 'checked_in', 'active')
            """,
        ] + eventTypesWithInvoices),
        // The people who sign in to the desk (an email is one user's on the server) and their
        // sessions, by the SHA-256 of their tokens.
        Migration(version: "0033_users", statements: [
            """
            CREATE TABLE users (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                email text NOT NULL UNIQUE,
                name text NOT NULL,
                role text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'front_desk', 'viewer', 'kiosk')),
                location_ids text NOT NULL,
                password_hash text,
                invite_hash text UNIQUE,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX users_by_organization ON users (organization_id, created_at, id)",
            """
            CREATE TABLE sessions (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL REFERENCES organizations (id),
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                token_hash text NOT NULL UNIQUE,
                created_at timestamptz NOT NULL,
                last_seen_at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX sessions_by_user ON sessions (user_id)",
        ]),
        // Wrong passwords, counted by the store so that every server counts them together.
        Migration(version: "0034_sign_in_failures", statements: [
            "CREATE TABLE sign_in_failures (key text NOT NULL, failed_at timestamptz NOT NULL)",
            "CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, failed_at)",
            "CREATE INDEX sign_in_failures_by_time ON sign_in_failures (failed_at)",
        ]),
        // Each line carries its booking's creation, the lists' page order: a resource's bookings
        // are walked in that order from the index, not all read and sorted.
        Migration(version: "0035_lines_in_page_order", statements: [
            "ALTER TABLE booking_lines ADD COLUMN booking_created_at timestamptz",
            "UPDATE booking_lines l SET booking_created_at = b.created_at FROM bookings b WHERE b.id = l.booking_id",
            "ALTER TABLE booking_lines ALTER COLUMN booking_created_at SET NOT NULL",
            "CREATE INDEX booking_lines_by_resource_age ON booking_lines (resource_id, booking_created_at, booking_id)",
        ]),
        // The desk's activity no longer refers to its organization by a foreign key. PostgreSQL
        // checks one by locking the row referred to (FOR KEY SHARE): every booking, visit, event and
        // audit entry locked its organization's one row, which writers side by side then share as a
        // MultiXact; without those locks, 12% more bookings a second (`scripts/bench-ab`).
        // Organizations are never deleted, and the store writes these rows only for the organization
        // it is called for. The catalog (locations, resources, members, keys, users, actions)
        // keeps its keys.
        Migration(version: "0039_activity_without_organization_keys", statements: [
            "bookings", "booking_series", "audit_entries", "events", "event_sequences", "idempotency_keys", "checkins",
            "action_cursors", "webhook_deliveries", "attendance_corrections", "scan_nonces", "member_days",
            "member_tallies", "invoices", "payments", "credit_notes", "deposits", "sessions",
        ].map { "ALTER TABLE \($0) DROP CONSTRAINT \($0)_organization_id_fkey" }),
    ]

    /// Applies the missing migrations in one transaction. The advisory lock makes replicas that
    /// start together take turns: the second one finds everything applied.
    static func apply(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.run("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
        try await connection.run("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL)
            """, logger: logger)
        let applied = try await appliedVersions(connection, logger: logger)
        try refuseUnknown(applied)
        for migration in all where !applied.contains(migration.version) {
            logger.info("applying migration \(migration.version)")
            for statement in migration.statements {
                try await connection.run("\(raw: statement)", logger: logger)
            }
            if migration.version == "0028_member_days" { try await backfillMemberDays(connection, logger: logger) }
            try await connection.run("""
                INSERT INTO schema_migrations (version, applied_at) VALUES (\(migration.version), now())
                """, logger: logger)
        }
    }

    static func verify(_ connection: PostgresConnection, logger: Logger) async throws {
        let exists = try await connection.rows("SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
                                               logger: logger)
        guard try exists.first?.value("present", as: Bool.self) == true else { throw StoreError.notMigrated }
        let applied = try await appliedVersions(connection, logger: logger)
        try refuseUnknown(applied)
        guard all.allSatisfy({ applied.contains($0.version) }) else { throw StoreError.notMigrated }
    }

    /// The key of the advisory lock migrations take ("frontdesk" in ASCII, as a number).
    private static let lockKey: Int64 = 0x66_72_6f_6e_74_64_65_73

    private static func appliedVersions(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        Set(try await connection.rows("SELECT version FROM schema_migrations", logger: logger)
            .map { try $0.value("version", as: String.self) })
    }

    private static func refuseUnknown(_ applied: Set<String>) throws {
        let unknown = applied.subtracting(all.map(\.version))
        if !unknown.isEmpty { throw StoreError.unknownMigrations(unknown.sorted()) }
    }
}
