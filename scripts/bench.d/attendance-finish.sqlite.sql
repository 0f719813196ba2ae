-- The end of the attendance seed (after attendance-seed.sqlite.sql and each attendance-part.sqlite.sql).
-- Each member's tally as last evaluated (MemberStats.engagement): dormant 30 days or more since the
-- last visit, at risk 14 or more, else by the visits of the last 30 days (12, 8, 4, 1).
BEGIN IMMEDIATE;
INSERT INTO member_tallies (member_id, organization_id, changed, evaluated, milestones, engagement, evaluate_at)
SELECT printf('a77e0000-0000-4000-8000-%012x', m), org, 1, 1, 0,
       CASE WHEN 729 - last >= 30 THEN 'dormant' WHEN 729 - last >= 14 THEN 'at_risk'
            WHEN recent >= 12 THEN 'highly_active' WHEN recent >= 8 THEN 'active' WHEN recent >= 4 THEN 'regular'
            WHEN recent >= 1 THEN 'occasional' ELSE 'inactive' END,
       NULL
FROM (SELECT m, max(d) AS last, sum(d >= 700) AS recent FROM att_visits GROUP BY m), att_params
ORDER BY m;
-- The longest visit with an end (`Checkin.span`), as the writer keeps it.
UPDATE organizations SET longest_visit_ms = max(longest_visit_ms, 150 * 60000) WHERE id = (SELECT org FROM att_params);
COMMIT;
ANALYZE members;
ANALYZE checkins;
ANALYZE member_days;
ANALYZE member_tallies;
-- The server's reads find the pages in the database file, not in a WAL of a gigabyte.
PRAGMA wal_checkpoint(TRUNCATE);
