-- Seeds a gym's attendance for scripts/bench's attendance phase on PostgreSQL: the same rows as
-- attendance-seed.sqlite.sql (read its header: the members, their regularity, the draw, the local
-- time approximated as UTC + 1 h), written by psql with the variables
--   psql -v organization_id=UUID -v location_id=UUID -v count=N -v now_ms=MS -f attendance-seed.postgres.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE att_params ON COMMIT DROP AS
    SELECT :'organization_id'::uuid AS org, :'location_id'::uuid AS loc, :count::bigint AS count, :now_ms::bigint AS now_ms,
           -- Today's local midnight, in UTC milliseconds (local = UTC + 1 h).
           ((:now_ms::bigint + 3600000) / 86400000) * 86400000 - 3600000 AS today_ms;
CREATE TEMP TABLE att_resources ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY id::text) - 1 AS n, id FROM resources
    WHERE location_id = (SELECT loc FROM att_params) AND deleted_at IS NULL;
-- Day d = 0…729: the last 730 local days (729 = today), within the default visit retention.
CREATE TEMP TABLE att_days ON COMMIT DROP AS
    SELECT d, today_ms - (729 - d) * 86400000 AS midnight_ms,
           to_char(to_timestamp((today_ms - (729 - d) * 86400000 + 3600000) / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
    FROM generate_series(0::bigint, 729) d, att_params;
-- Member m = 0…1999: the days they may come (first…last), the chance of a visit on such a day
-- (p0) and of a second one (p1), the time slot they prefer (0 morning, 1 afternoon, 2 evening,
-- 3 night).
CREATE TEMP TABLE att_members ON COMMIT DROP AS
    WITH g AS (SELECT m, m % 20 AS g, ((m * 37 + m / 100) % 100) / 100.0::float8 AS r FROM generate_series(0, 1999) m)
    SELECT m, ('a77e0000-0000-4000-8000-' || lpad(to_hex(m), 12, '0'))::uuid AS id,
           CASE WHEN g IN (3, 13) THEN 365 + (m * 11) % 350 ELSE (m * 3) % 90 END AS first,
           CASE WHEN g IN (0, 10) THEN 698 - (m * 7) % 400 WHEN g = 5 THEN 715 - (m / 20) % 14 ELSE 729 END AS last,
           CASE WHEN g IN (0, 10, 5) THEN 0.3 + 0.6 * r WHEN g IN (3, 13) THEN 0.5 + 0.5 * r
                WHEN g IN (1, 11, 17) THEN 0.22 + 0.12 * r WHEN g IN (7, 15) THEN 0.12 + 0.1 * r
                WHEN g IN (9, 19) THEN 0.02 + 0.08 * r ELSE 0.85 + 0.15 * r END AS p0,
           CASE WHEN g IN (3, 13) THEN 0.3 * r WHEN g IN (2, 4, 6, 8, 12, 14, 16, 18) THEN 0.3 + 0.4 * r ELSE 0.0 END AS p1,
           CASE WHEN (m * 13) % 20 < 7 THEN 0 WHEN (m * 13) % 20 < 11 THEN 1 WHEN (m * 13) % 20 < 18 THEN 2 ELSE 3 END AS slot
    FROM g;

INSERT INTO members (id, organization_id, type, name, email, search_text, created_at, updated_at)
SELECT id, org, 'person', 'Attendance member ' || m, 'attendance' || m || '@bench.example',
       'attendance member ' || m || E'\n' || 'attendance' || m || '@bench.example',
       to_timestamp((today_ms - 731 * 86400000::bigint) / 1000), to_timestamp((today_ms - 731 * 86400000::bigint) / 1000)
FROM att_members, att_params;

-- Candidate visits (member, day, k: first or second of the day) with their draw h (0…2^31-2), their
-- time slot, local start minute and length (30-150 minutes); today's only if they ended by now.
-- A second visit of the day never overlaps the first: in the evening after a morning, at night
-- after an afternoon, else in the morning.
CREATE TEMP TABLE att_candidates ON COMMIT DROP AS
    SELECT * FROM (
        SELECT m, d, p, h, slot, length, midnight_ms + minute * 60000 + (h / 29040) % 60 * 1000 AS check_in
        FROM (SELECT *, 30 + (h / 240) % 121 AS length,
                     CASE slot WHEN 0 THEN 420 WHEN 1 THEN 720 WHEN 2 THEN 1020 ELSE 1320 END
                         + h % CASE slot WHEN 3 THEN 60 ELSE 240 END AS minute
              FROM (SELECT m, d, midnight_ms, p, slot, (x * x + 12345) % 2147483647 * 48271 % 2147483647 AS h
                    FROM (SELECT am.m, ad.d, ad.midnight_ms, CASE kk.k WHEN 0 THEN am.p0 ELSE am.p1 END AS p,
                                 CASE WHEN kk.k = 0 THEN am.slot WHEN am.slot = 0 THEN 2 WHEN am.slot = 1 THEN 3 ELSE 0 END AS slot,
                                 (am.m * 7919 + ad.d * 104729 + kk.k * 1299709 + 1)::bigint AS x
                          FROM att_members am JOIN att_days ad ON ad.d BETWEEN am.first AND am.last,
                               (VALUES (0), (1)) kk(k)) c
                    WHERE p > 0) c) c) c
    WHERE check_in + length * 60000 <= (SELECT now_ms FROM att_params);

-- The visits, in the order they began.
CREATE TEMP TABLE att_visits ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY c.check_in, c.m) AS i, c.*, ad.day
    FROM (SELECT * FROM att_candidates
          -- Those beyond 1.1 times the expected bound are left out before sorting.
          WHERE (h + 1) / 2147483648.0::float8 / p < 1.1 * (SELECT count FROM att_params) / (SELECT sum(p) FROM att_candidates)
          ORDER BY (h + 1) / 2147483648.0::float8 / p LIMIT (SELECT count FROM att_params)) c
    JOIN att_days ad ON ad.d = c.d;

INSERT INTO checkins (id, organization_id, resource_id, location_id, member_id, check_in, check_out, metadata, version,
                      created_at, updated_at, state, method, attendance_type, attendance_day, worked_minutes,
                      late_minutes, early_exit_minutes, auto_checked_out)
SELECT ('c77e0000-0000-4000-8000-' || lpad(to_hex(v.i), 12, '0'))::uuid, org, ar.id, loc,
       ('a77e0000-0000-4000-8000-' || lpad(to_hex(v.m), 12, '0'))::uuid,
       to_timestamp(v.check_in / 1000.0), to_timestamp((v.check_in + v.length * 60000) / 1000.0), '{}', 2,
       to_timestamp(v.check_in / 1000.0), to_timestamp((v.check_in + v.length * 60000) / 1000.0), 'complete', 'rfid',
       CASE WHEN v.length >= 60 THEN 'full_day' ELSE 'short' END, v.day, v.length, 0, 0, false
FROM att_visits v JOIN att_resources ar ON ar.n = (v.m + v.d) % (SELECT count(*) FROM att_resources), att_params
ORDER BY v.i;

-- What those visits add up to, by member and local day (one location).
INSERT INTO member_days (organization_id, day, member_id, location_id, visits, minutes, finished, half_days,
                         morning, afternoon, evening, night)
SELECT org, min(v.day), ('a77e0000-0000-4000-8000-' || lpad(to_hex(v.m), 12, '0'))::uuid, loc, count(*), sum(v.length),
       count(*), sum(CASE WHEN v.length >= 60 THEN 2 ELSE 0 END),
       count(*) FILTER (WHERE v.slot = 0), count(*) FILTER (WHERE v.slot = 1),
       count(*) FILTER (WHERE v.slot = 2), count(*) FILTER (WHERE v.slot = 3)
FROM att_visits v, att_params
GROUP BY v.d, v.m, org, loc
ORDER BY v.d, v.m;

-- Each member's tally as last evaluated (MemberStats.engagement): dormant 30 days or more since the
-- last visit, at risk 14 or more, else by the visits of the last 30 days (12, 8, 4, 1).
INSERT INTO member_tallies (member_id, organization_id, changed, evaluated, milestones, engagement, evaluate_at)
SELECT ('a77e0000-0000-4000-8000-' || lpad(to_hex(m), 12, '0'))::uuid, org, 1, 1, 0,
       CASE WHEN 729 - last >= 30 THEN 'dormant' WHEN 729 - last >= 14 THEN 'at_risk'
            WHEN recent >= 12 THEN 'highly_active' WHEN recent >= 8 THEN 'active' WHEN recent >= 4 THEN 'regular'
            WHEN recent >= 1 THEN 'occasional' ELSE 'inactive' END,
       NULL
FROM (SELECT m, max(d) AS last, count(*) FILTER (WHERE d >= 700) AS recent FROM att_visits GROUP BY m) t, att_params
ORDER BY m;
COMMIT;
VACUUM ANALYZE members;
VACUUM ANALYZE checkins;
VACUUM ANALYZE member_days;
VACUUM ANALYZE member_tallies;
