-- wrk script: POST /api/v1/bookings with (resource, window) pairs that never overlap, so every
-- booking should be created (201). Used by scripts/bench.
--
--   wrk -s bookings.lua URL -- TOKEN RESOURCES_FILE MEMBERS_FILE BASE_EPOCH THREADS MODE FIRST LAST [DONE_DIR]
--
-- Booking number g (0, 1, 2, ...) holds resource r = g % #resources on day 2*k + r % 2 after
-- BASE_EPOCH (k = g // #resources) from (8 + r % 10):00 UTC for one hour: distinct g never
-- overlap, and on any seeded day about half the resources are booked.
--   MODE timed: thread t sends g = FIRST + t + THREADS*l, l = 0, 1, 2, ... until wrk's -d ends.
--   MODE quota: the threads share every g in [FIRST, LAST) the same way; once all of its bookings
--               are answered, a thread stops and creates the file DONE_DIR/<thread>. wrk itself
--               still waits for -d: the caller sends it SIGINT when every thread has its file.
-- 201 = created; 409 = already there (expected only when quota mode re-sends bookings whose
-- answer a timed run never saw); anything else is an error. done() prints `bench.<key>=<value>`.

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  return lines
end

local resources, members, base, nthreads, mode, first, last, done_dir
local stopped = false
local headers
local l = 0              -- this thread's next local index
local started = false    -- the first request() of each thread is a GET /health (see request())
sent = 0                 -- bookings sent by this thread (globals: read by done() via thread:get)
created = 0
conflicts = 0
errors = 0
fillers = 0
first_error = ""

local function exhausted()
  return mode == "quota" and first + tid + nthreads * l >= last
end

-- Only quota runs pace their idle connections: a delay() function costs wrk a timer per request.
local function quota_delay()
  if exhausted() then return 20 end
  return 0
end

function init(args)
  local token = args[1]
  resources = read_lines(args[2])
  members = read_lines(args[3])
  base = tonumber(args[4])
  nthreads = tonumber(args[5])
  mode = args[6]
  first = tonumber(args[7])
  last = tonumber(args[8])
  done_dir = args[9]
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  if mode == "quota" then delay = quota_delay end
end

local function iso(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function request()
  -- wrk calls request() once on thread 0 before the run only to check it, and never sends that
  -- one: make every thread's first request a harmless GET /health so that no booking is lost.
  -- Once a quota is spent, the connections idle on /health (see delay()) until the answers are in.
  if not started or exhausted() then
    started = true
    return wrk.format("GET", "/health")
  end
  local g = first + tid + nthreads * l
  l = l + 1
  sent = sent + 1
  local n = #resources
  local r = g % n
  local k = math.floor(g / n)
  local starts = base + (2 * k + r % 2) * 86400 + (8 + r % 10) * 3600
  local body = '{"member_id":"' .. members[g % #members + 1] .. '","resource_ids":["' .. resources[r + 1] ..
      '"],"starts_at":"' .. iso(starts) .. '","ends_at":"' .. iso(starts + 3600) .. '","source":"api"}'
  return wrk.format("POST", "/api/v1/bookings", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    fillers = fillers + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
  if not stopped and exhausted() and created + conflicts + errors >= sent then
    stopped = true
    if done_dir then
      local marker = io.open(done_dir .. "/" .. tid, "w")
      if marker then marker:close() end
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local s = { sent = 0, created = 0, conflicts = 0, errors = 0, fillers = 0 }
  local min_sent = nil
  local first_err = ""
  for _, thread in ipairs(threads) do
    local sent_t = thread:get("sent")
    for key, _ in pairs(s) do s[key] = s[key] + thread:get(key) end
    if min_sent == nil or sent_t < min_sent then min_sent = sent_t end
    local e = thread:get("first_error")
    if first_err == "" and e ~= nil and e ~= "" then first_err = e end
  end
  local answered = s.created + s.conflicts + s.errors
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("bench.seconds=%.3f\n", seconds))
  io.write(string.format("bench.answered=%d\nbench.rps=%.1f\n", answered, answered / seconds))
  io.write(string.format("bench.sent=%d\nbench.min_sent_per_thread=%d\n", s.sent, min_sent or 0))
  io.write(string.format("bench.created=%d\nbench.conflicts=%d\nbench.errors=%d\n", s.created, s.conflicts, s.errors))
  io.write(string.format("bench.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.timeouts=%d\n", e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
