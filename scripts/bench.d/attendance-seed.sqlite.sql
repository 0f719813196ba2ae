-- Seeds a gym's attendance for scripts/bench's attendance phase (bench.d/attendance.sh), straight
-- into a SQLite database: 2,000 members, `count` finished visits of theirs (checkins) over the last
-- 730 local days (today's: those ended by now), the members' days those visits add up to
-- (member_days) and the tallies last evaluated from them (member_tallies). The caller first
-- creates the temporary table
--   attendance_seed(organization_id TEXT, location_id TEXT, count INTEGER, now_ms INTEGER)
-- with one row (after `PRAGMA temp_store = MEMORY`, which would drop it if set later); the
-- location (Europe/Paris) and its resources exist already (made through the API).
--
-- Members visit with different regularity (the candidates below): each may come on each day of
-- their membership, and some a second time, with a probability of their own. Two in five come
-- nearly every day and often twice (they make most of the visits: a million visits of 2,000
-- members over 730 days are 0.68 a member a day); a tenth stopped coming 30 to 430 days ago
-- (dormant), a twentieth 14 to 27 days ago (at risk), a tenth joined in the last year, and the
-- others come every third day, every sixth or a few times a month. Every candidate visit draws a
-- deterministic pseudo-random number u (the same in attendance-seed.postgres.sql), and the `count`
-- candidates of smallest u / probability are the visits: a fixed count, in the proportions of the
-- probabilities. At most 2,920,000 (two a day for each member).
--
-- Local time is approximated as UTC + 1 h (Paris in winter) for the whole period. The visits begin
-- in windows that keep their local day and time slot the same in summer (UTC + 2 h): mornings
-- 07:00-10:59, afternoons 12:00-15:59, evenings 17:00-20:59, nights 22:00-22:59, so the member_days
-- rows are those the server would have added (a visit of an hour or more is a full day, as the
-- default time-based detection counts it, a shorter one short).
-- Ids are recognisable: members a77e…, checkins c77e….
PRAGMA foreign_keys = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
-- The temporary tables first, outside the transaction: the server goes on writing meanwhile.
CREATE TEMP TABLE att_params AS
    SELECT organization_id AS org, location_id AS loc, count, now_ms,
           -- Today's local midnight, in UTC milliseconds (local = UTC + 1 h).
           ((now_ms + 3600000) / 86400000) * 86400000 - 3600000 AS today_ms
    FROM attendance_seed;
CREATE TEMP TABLE att_resources AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM resources
    WHERE location_id = (SELECT loc FROM att_params) AND deleted_at IS NULL;
-- Day d = 0…729: the last 730 local days (729 = today), within the default visit retention.
CREATE TEMP TABLE att_days AS
    WITH RECURSIVE n(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM n WHERE d < 729)
    SELECT d, today_ms - (729 - d) * 86400000 AS midnight_ms,
           date((today_ms - (729 - d) * 86400000 + 3600000) / 1000, 'unixepoch') AS day
    FROM n, att_params;
-- Member m = 0…1999: the days they may come (first…last), the chance of a visit on such a day
-- (p0) and of a second one (p1), the time slot they prefer (0 morning, 1 afternoon, 2 evening,
-- 3 night).
CREATE TEMP TABLE att_members AS
    WITH RECURSIVE n(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM n WHERE m < 1999),
    g AS (SELECT m, m % 20 AS g, (m * 37 + m / 100) % 100 / 100.0 AS r FROM n)
    SELECT m, printf('a77e0000-0000-4000-8000-%012x', m) AS id,
           CASE WHEN g IN (3, 13) THEN 365 + (m * 11) % 350 ELSE (m * 3) % 90 END AS first,
           CASE WHEN g IN (0, 10) THEN 698 - (m * 7) % 400 WHEN g = 5 THEN 715 - (m / 20) % 14 ELSE 729 END AS last,
           CASE WHEN g IN (0, 10, 5) THEN 0.3 + 0.6 * r WHEN g IN (3, 13) THEN 0.5 + 0.5 * r
                WHEN g IN (1, 11, 17) THEN 0.22 + 0.12 * r WHEN g IN (7, 15) THEN 0.12 + 0.1 * r
                WHEN g IN (9, 19) THEN 0.02 + 0.08 * r ELSE 0.85 + 0.15 * r END AS p0,
           CASE WHEN g IN (3, 13) THEN 0.3 * r WHEN g IN (2, 4, 6, 8, 12, 14, 16, 18) THEN 0.3 + 0.4 * r ELSE 0.0 END AS p1,
           CASE WHEN (m * 13) % 20 < 7 THEN 0 WHEN (m * 13) % 20 < 11 THEN 1 WHEN (m * 13) % 20 < 18 THEN 2 ELSE 3 END AS slot
    FROM g;

-- Candidate visits (member, day, k: first or second of the day) with their draw h (0…2^31-2), their
-- time slot, local start minute and length (30-150 minutes); today's only if they ended by now.
-- A second visit of the day never overlaps the first: in the evening after a morning, at night
-- after an afternoon, else in the morning.
CREATE TEMP TABLE att_candidates AS
    SELECT * FROM (
        SELECT m, d, p, h, slot, length, midnight_ms + minute * 60000 + (h / 29040) % 60 * 1000 AS check_in
        FROM (SELECT *, 30 + (h / 240) % 121 AS length,
                     CASE slot WHEN 0 THEN 420 WHEN 1 THEN 720 WHEN 2 THEN 1020 ELSE 1320 END
                         + h % CASE slot WHEN 3 THEN 60 ELSE 240 END AS minute
              FROM (SELECT m, d, midnight_ms, p, slot, (x * x + 12345) % 2147483647 * 48271 % 2147483647 AS h
                    FROM (SELECT am.m, ad.d, ad.midnight_ms, CASE kk.k WHEN 0 THEN am.p0 ELSE am.p1 END AS p,
                                 CASE WHEN kk.k = 0 THEN am.slot WHEN am.slot = 0 THEN 2 WHEN am.slot = 1 THEN 3 ELSE 0 END AS slot,
                                 am.m * 7919 + ad.d * 104729 + kk.k * 1299709 + 1 AS x
                          FROM att_members am JOIN att_days ad ON ad.d BETWEEN am.first AND am.last,
                               (SELECT 0 AS k UNION ALL SELECT 1) kk) c
                    WHERE p > 0) c) c) c
    WHERE check_in + length * 60000 <= (SELECT now_ms FROM att_params);

-- The visits, in the order they began.
CREATE TEMP TABLE att_visits AS
    SELECT c.*, ad.day
    FROM (SELECT * FROM att_candidates
          -- Those beyond 1.1 times the expected bound are left out before sorting.
          WHERE (h + 1) / 2147483648.0 / p < 1.1 * (SELECT count FROM att_params) / (SELECT sum(p) FROM att_candidates)
          ORDER BY (h + 1) / 2147483648.0 / p LIMIT (SELECT count FROM att_params)) c
    JOIN att_days ad ON ad.d = c.d
    ORDER BY c.check_in, c.m;

-- Then the writes, in transactions short enough for the server's writes to wait for them (its
-- busy timeout is 10 s), each taking the write lock from its start (a deferred one could not
-- upgrade once the server wrote after its first read): the checkins and the member days in four
-- parts each (att_part; attendance-part.sqlite.sql writes each part, then attendance-finish.sqlite.sql
-- the tallies).
CREATE TEMP TABLE att_part AS SELECT 0 AS part, 4 AS parts;
CREATE TEMP VIEW att_checkins AS
    -- In the order of the INSERT's columns below.
    SELECT printf('c77e0000-0000-4000-8000-%012x', v.rowid), org, ar.id, loc, printf('a77e0000-0000-4000-8000-%012x', v.m),
           v.check_in, v.check_in + v.length * 60000, '{}', 2, v.check_in, v.check_in + v.length * 60000,
           'complete', 'rfid', CASE WHEN v.length >= 60 THEN 'full_day' ELSE 'short' END, v.day, v.length, 0, 0, 0
    FROM att_visits v JOIN att_resources ar ON ar.n = (v.m + v.d) % (SELECT count(*) FROM att_resources), att_params, att_part
    WHERE v.rowid > (SELECT count(*) FROM att_visits) * part / parts AND v.rowid <= (SELECT count(*) FROM att_visits) * (part + 1) / parts
    ORDER BY v.rowid;
-- What the visits add up to, by member and local day (one location).
CREATE TEMP VIEW att_member_days AS
    SELECT org, v.day, printf('a77e0000-0000-4000-8000-%012x', v.m), loc, count(*), sum(v.length), count(*),
           sum(CASE WHEN v.length >= 60 THEN 2 ELSE 0 END), sum(v.slot = 0), sum(v.slot = 1), sum(v.slot = 2), sum(v.slot = 3)
    FROM att_visits v, att_params, att_part
    WHERE v.d >= 730 * part / parts AND v.d < 730 * (part + 1) / parts
    GROUP BY v.d, v.m
    ORDER BY v.d, v.m;

BEGIN IMMEDIATE;
INSERT INTO members (id, organization_id, type, name, email, created_at, updated_at)
SELECT id, org, 'person', 'Attendance member ' || m, 'attendance' || m || '@bench.example',
       today_ms - 731 * 86400000, today_ms - 731 * 86400000
FROM att_members, att_params;
COMMIT;
