-- Seeds an organization's lists for scripts/bench --lists: members, checkins and bookings (one line
-- each) written straight into a SQLite database, one row every 90 seconds of the past, so that the
-- newest are now. The caller first creates the temporary table
--   lists_seed(organization_id TEXT, count INTEGER, reversed INTEGER, now_ms INTEGER)
-- with one row. The organization's resources are split by location: those of the location with the
-- most resources take the rows in turn; the others (a small annex) take one in ten of the newest
-- tenth only, so that a list by the annex finds nothing among the oldest rows.
-- In the realistic order (reversed = 0) the oldest checkins are complete and the newest thousand
-- pending (the thousand before them in progress); bookings that started are completed and the
-- newest confirmed, one in twenty cancelled. reversed = 1 swaps old and new.
-- Ids are recognisable: members a15e…, checkins c15e…, bookings b15e…, lines d15e….
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE seed_resources AS
    SELECT row_number() OVER (PARTITION BY r.location_id = main.location_id ORDER BY r.id) - 1 AS n,
           r.location_id = main.location_id AS in_main, r.id, r.location_id
    FROM resources r, (SELECT location_id FROM resources WHERE organization_id = (SELECT organization_id FROM lists_seed)
                       GROUP BY location_id ORDER BY count(*) DESC LIMIT 1) main
    WHERE r.organization_id = (SELECT organization_id FROM lists_seed) AND r.deleted_at IS NULL;
CREATE TEMP TABLE seed_counts AS
    SELECT (SELECT count(*) FROM seed_resources WHERE in_main) AS main,
           (SELECT count(*) FROM seed_resources WHERE NOT in_main) AS annex,
           s.count, s.reversed, s.organization_id AS org, s.now_ms - s.count * 90000 AS base, 90000 AS step
    FROM lists_seed s;
-- A line lasts half the time between two bookings of its resource: lines never overlap.
ALTER TABLE seed_counts ADD COLUMN span INTEGER;
UPDATE seed_counts SET span = step * (CASE WHEN annex = 0 THEN main ELSE min(main, 10 * annex) END) / 2;

WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
INSERT INTO members (id, organization_id, type, name, email, created_at, updated_at)
SELECT printf('a15e0000-0000-4000-8000-%012x', i), org, 'person', 'Seeded member ' || i,
       'seeded' || i || '@lists.example', base, base
FROM n, seed_counts;

-- Row i (1…count): its age rank k counts from the newest (k = 1) in the realistic order, from the
-- oldest when reversed.
CREATE TEMP TABLE seed_rows AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT count FROM seed_counts))
SELECT i, CASE WHEN reversed THEN i ELSE count + 1 - i END AS k, base + i * step AS created_at,
       CASE WHEN annex > 0 AND i > count * 9 / 10 AND i % 10 = 0 THEN (i / 10) % annex ELSE i % main END AS r,
       CASE WHEN annex > 0 AND i > count * 9 / 10 AND i % 10 = 0 THEN 0 ELSE 1 END AS in_main
FROM n, seed_counts;

INSERT INTO bookings (id, organization_id, number, status, member_id, location_id, source, starts_at, ends_at,
                      actual_start_at, actual_end_at, currency, version, created_at, updated_at)
SELECT printf('b15e0000-0000-4000-8000-%012x', i), org, 'L' || i,
       CASE WHEN i % 20 = 0 THEN 'cancelled' WHEN k <= 1000 THEN 'pending' WHEN k <= 2000 THEN 'confirmed'
            ELSE 'completed' END,
       printf('a15e0000-0000-4000-8000-%012x', i % 10000), sr.location_id, 'api',
       created_at + 86400000, created_at + 86400000 + span,
       CASE WHEN k > 2000 AND i % 20 <> 0 THEN created_at + 86400000 END,
       CASE WHEN k > 2000 AND i % 20 <> 0 THEN created_at + 86400000 + span END,
       'EUR', 1, created_at, created_at
FROM seed_rows s JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main, seed_counts;

INSERT INTO booking_lines (id, booking_id, organization_id, resource_id, position, starts_at, ends_at, state,
                           checked_in_at, checked_out_at, amount, booking_number, booking_created_at)
SELECT printf('d15e0000-0000-4000-8000-%012x', s.i), printf('b15e0000-0000-4000-8000-%012x', s.i), org, sr.id, 0,
       b.starts_at, b.ends_at, CASE WHEN b.status IN ('cancelled', 'completed') THEN 'released' ELSE 'reserved' END,
       b.actual_start_at, b.actual_end_at, 1500, b.number, b.created_at
FROM seed_rows s JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main
JOIN bookings b ON b.id = printf('b15e0000-0000-4000-8000-%012x', s.i), seed_counts;

-- One checkin in ten is the presence of the booking of the same number; half have a planned window.
INSERT INTO checkins (id, organization_id, resource_id, location_id, member_id, booking_id, booking_line_id, starts_at,
                      ends_at, check_in, check_out, state, metadata, version, created_at, updated_at)
SELECT printf('c15e0000-0000-4000-8000-%012x', s.i), org, sr.id, sr.location_id, printf('a15e0000-0000-4000-8000-%012x', s.i % 10000),
       CASE WHEN s.i % 10 = 0 THEN printf('b15e0000-0000-4000-8000-%012x', s.i) END,
       CASE WHEN s.i % 10 = 0 THEN printf('d15e0000-0000-4000-8000-%012x', s.i) END,
       CASE WHEN s.i % 2 = 0 THEN s.created_at END, CASE WHEN s.i % 2 = 0 THEN s.created_at + 7200000 END,
       CASE WHEN s.k > 1000 THEN s.created_at + 600000 END, CASE WHEN s.k > 2000 THEN s.created_at + 4200000 END,
       CASE WHEN s.k <= 1000 THEN 'pending' WHEN s.k <= 2000 THEN 'in_progress' ELSE 'complete' END,
       '{}', 1, s.created_at, s.created_at
FROM seed_rows s JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main, seed_counts;

UPDATE organizations SET longest_line_ms = max(longest_line_ms, (SELECT span FROM seed_counts))
WHERE id = (SELECT org FROM seed_counts);
-- The longest visit with an end (`Checkin.span`), as the writer keeps it: two hours planned.
UPDATE organizations SET longest_visit_ms = max(longest_visit_ms, 7200000) WHERE id = (SELECT org FROM seed_counts);
COMMIT;
ANALYZE;
