-- wrk script: check-in then check-out of bookings created beforehand by scripts/bench, through
-- POST /api/v1/bookings/{id}/check-in and /check-out (no body: now, every line). It is checkins.lua
-- run on bookings: the same order (a check-out once its check-in is answered, so every answer
-- should be 200), the same idling on GET /health once a thread has run out, the same results.
--
--   wrk -s booking-checkins.lua URL -- TOKEN BOOKING_IDS_FILE THREADS
--
-- done() prints `bench.<key>=<value>`; rps counts check-ins and check-outs only.

subject = {
  path = "/api/v1/bookings/",
  checked_in = '"status":"checked_in"',
  checked_out = '"status":"completed"',
  -- The booking's own id: its lines' ids are dropped first (their key order is not the booking's).
  id = function(body) return body:gsub('"lines":%b[]', ""):match('"id":"([0-9a-f-]+)"') end,
}

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "checkins.lua")
