-- wrk script: check-in then check-out of standalone checkins created beforehand by scripts/bench.
-- Each thread takes every THREADS-th checkin; a check-out is sent only once its check-in has been
-- answered, so every answer should be 200. Once a thread has run out of checkins its connections
-- idle on GET /health (counted as fillers: the run was too long for the checkins seeded).
--
--   wrk -s checkins.lua URL -- TOKEN CHECKIN_IDS_FILE THREADS
--
-- done() prints `bench.<key>=<value>`; rps counts check-ins and check-outs only.
--
-- booking-checkins.lua runs this script on bookings: it sets `subject` before loading it.

-- What is checked in and out: the path before the id, the text of an answer to each button, and
-- the id in an answer.
subject = subject or {
  path = "/api/v1/checkins/",
  checked_in = '"state":"in_progress"',
  checked_out = '"state":"complete"',
  id = function(body) return body:match('"id":"([0-9a-f-]+)"') end,
}

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local ids, nthreads, headers
local started = false
local next_index          -- this thread's next checkin to check in (1-based into ids)
local to_check_out = {}   -- checked-in ids waiting for their check-out
checked_in = 0
checked_out = 0
errors = 0
fillers = 0
first_error = ""

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  ids = {}
  for line in io.lines(args[2]) do
    if line ~= "" then ids[#ids + 1] = line end
  end
  nthreads = tonumber(args[3])
  next_index = tid + 1
end

function request()
  -- As in bookings.lua: wrk checks request() once without sending it, so the first is harmless.
  if not started then
    started = true
    return wrk.format("GET", "/health")
  end
  if #to_check_out > 0 then
    local id = table.remove(to_check_out, 1)
    return wrk.format("POST", subject.path .. id .. "/check-out", headers, "{}")
  end
  if next_index <= #ids then
    local id = ids[next_index]
    next_index = next_index + nthreads
    return wrk.format("POST", subject.path .. id .. "/check-in", headers, "{}")
  end
  return wrk.format("GET", "/health")
end

function response(status, headers, body)
  if status == 200 and body:find(subject.checked_in, 1, true) then
    checked_in = checked_in + 1
    to_check_out[#to_check_out + 1] = subject.id(body)
  elseif status == 200 and body:find(subject.checked_out, 1, true) then
    checked_out = checked_out + 1
  elseif status == 200 then
    fillers = fillers + 1
  else
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local s = { checked_in = 0, checked_out = 0, errors = 0, fillers = 0 }
  local first_err = ""
  for _, thread in ipairs(threads) do
    for key, _ in pairs(s) do s[key] = s[key] + thread:get(key) end
    local e = thread:get("first_error")
    if first_err == "" and e ~= nil and e ~= "" then first_err = e end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local answered = s.checked_in + s.checked_out
  io.write(string.format("bench.answered=%d\nbench.rps=%.1f\n", answered, answered / seconds))
  io.write(string.format("bench.checked_in=%d\nbench.checked_out=%d\n", s.checked_in, s.checked_out))
  -- Each thread's first request is a /health: more fillers than threads means the supply ran out.
  io.write(string.format("bench.errors=%d\nbench.ran_out=%d\n", s.errors, s.fillers > #threads and 1 or 0))
  io.write(string.format("bench.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
