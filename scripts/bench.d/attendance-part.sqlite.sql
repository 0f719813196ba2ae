-- One part (att_part, set before each by bench.d/attendance.sh) of the visits and of the member days
-- they add up to (attendance-seed.sqlite.sql), each in a transaction of its own.
BEGIN IMMEDIATE;
INSERT INTO checkins (id, organization_id, resource_id, location_id, member_id, check_in, check_out, metadata, version, created_at,
                      updated_at, state, method, attendance_type, attendance_day, worked_minutes, late_minutes,
                      early_exit_minutes, auto_checked_out)
SELECT * FROM att_checkins;
COMMIT;
BEGIN IMMEDIATE;
INSERT INTO member_days (organization_id, day, member_id, location_id, visits, minutes, finished, half_days, morning,
                         afternoon, evening, night)
SELECT * FROM att_member_days;
COMMIT;
