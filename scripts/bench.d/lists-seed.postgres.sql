-- Seeds an organization's lists for scripts/bench --lists on PostgreSQL: the same rows as
-- lists-seed.sqlite.sql (read its header), written by psql with the variables
--   psql -v organization_id=UUID -v count=N -v reversed=0|1 -f lists-seed.postgres.sql
-- Rows go in by creation (ORDER BY s.i), as a live database appends them: unordered, a hash
-- join's output scattered a day's rows over a thousand heap pages, one page read per row.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_resources ON COMMIT DROP AS
    SELECT row_number() OVER (PARTITION BY r.location_id = main.location_id ORDER BY r.id) - 1 AS n,
           r.location_id = main.location_id AS in_main, r.id, r.location_id
    FROM resources r, (SELECT location_id FROM resources WHERE organization_id = :'organization_id'
                       GROUP BY location_id ORDER BY count(*) DESC LIMIT 1) main
    WHERE r.organization_id = :'organization_id' AND r.deleted_at IS NULL;
CREATE TEMP TABLE seed_counts ON COMMIT DROP AS
    SELECT main, annex, :count::bigint AS count, :reversed::int = 1 AS reversed,
           :'organization_id'::uuid AS org, now() - :count * interval '90 seconds' AS base,
           interval '90 seconds' AS step,
           -- A line lasts half the time between two bookings of its resource: lines never overlap.
           interval '45 seconds' * (CASE WHEN annex = 0 THEN main ELSE least(main, 10 * annex) END) AS span
    FROM (SELECT count(*) FILTER (WHERE in_main) AS main, count(*) FILTER (WHERE NOT in_main) AS annex
          FROM seed_resources) c;

INSERT INTO members (id, organization_id, type, name, email, search_text, created_at, updated_at)
SELECT ('a15e0000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, org, 'person', 'Seeded member ' || i,
       'seeded' || i || '@lists.example', 'seeded member ' || i || ' seeded' || i || '@lists.example', base, base
FROM generate_series(0, 9999) i, seed_counts;

CREATE TEMP TABLE seed_rows ON COMMIT DROP AS
SELECT i, CASE WHEN reversed THEN i ELSE count + 1 - i END AS k, base + i * step AS created_at,
       CASE WHEN annex > 0 AND i > count * 9 / 10 AND i % 10 = 0 THEN (i / 10) % annex ELSE i % main END AS r,
       NOT (annex > 0 AND i > count * 9 / 10 AND i % 10 = 0) AS in_main,
       lpad(to_hex(i), 12, '0') AS hex
FROM generate_series(1, (SELECT count FROM seed_counts)) i, seed_counts;

INSERT INTO bookings (id, organization_id, number, status, member_id, location_id, source, starts_at, ends_at,
                      actual_start_at, actual_end_at, currency, version, created_at, updated_at)
SELECT ('b15e0000-0000-4000-8000-' || hex)::uuid, org, 'L' || i, status,
       ('a15e0000-0000-4000-8000-' || lpad(to_hex(i % 10000), 12, '0'))::uuid, sr.location_id, 'api',
       created_at + interval '1 day', created_at + interval '1 day' + span,
       CASE WHEN status = 'completed' THEN created_at + interval '1 day' END,
       CASE WHEN status = 'completed' THEN created_at + interval '1 day' + span END,
       'EUR', 1, created_at, created_at
FROM (SELECT s.*, CASE WHEN i % 20 = 0 THEN 'cancelled' WHEN k <= 1000 THEN 'pending' WHEN k <= 2000 THEN 'confirmed'
                       ELSE 'completed' END AS status FROM seed_rows s) s
JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main, seed_counts
ORDER BY s.i;

INSERT INTO booking_lines (id, booking_id, booking_number, organization_id, resource_id, position, starts_at, ends_at,
                           state, checked_in_at, checked_out_at, amount, exclusive, booking_created_at)
SELECT ('d15e0000-0000-4000-8000-' || s.hex)::uuid, b.id, b.number, org, sr.id, 0, b.starts_at, b.ends_at,
       CASE WHEN b.status IN ('cancelled', 'completed') THEN 'released' ELSE 'reserved' END,
       b.actual_start_at, b.actual_end_at, 1500, true, b.created_at
FROM seed_rows s JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main
JOIN bookings b ON b.id = ('b15e0000-0000-4000-8000-' || s.hex)::uuid, seed_counts
ORDER BY s.i;

INSERT INTO checkins (id, organization_id, resource_id, location_id, member_id, booking_id, booking_line_id, starts_at,
                      ends_at, check_in, check_out, state, metadata, version, created_at, updated_at)
SELECT ('c15e0000-0000-4000-8000-' || s.hex)::uuid, org, sr.id, sr.location_id,
       ('a15e0000-0000-4000-8000-' || lpad(to_hex(s.i % 10000), 12, '0'))::uuid,
       CASE WHEN s.i % 10 = 0 THEN ('b15e0000-0000-4000-8000-' || s.hex)::uuid END,
       CASE WHEN s.i % 10 = 0 THEN ('d15e0000-0000-4000-8000-' || s.hex)::uuid END,
       CASE WHEN s.i % 2 = 0 THEN s.created_at END, CASE WHEN s.i % 2 = 0 THEN s.created_at + interval '2 hours' END,
       CASE WHEN s.k > 1000 THEN s.created_at + interval '10 minutes' END,
       CASE WHEN s.k > 2000 THEN s.created_at + interval '70 minutes' END,
       CASE WHEN s.k <= 1000 THEN 'pending' WHEN s.k <= 2000 THEN 'in_progress' ELSE 'complete' END,
       '{}', 1, s.created_at, s.created_at
FROM seed_rows s JOIN seed_resources sr ON sr.n = s.r AND sr.in_main = s.in_main, seed_counts
ORDER BY s.i;
COMMIT;
VACUUM ANALYZE members;
VACUUM ANALYZE bookings;
VACUUM ANALYZE booking_lines;
VACUUM ANALYZE checkins;
