-- wrk script: POST /api/v1/scan of members' badges at a gym's door, seeded by scripts/bench with
-- the debounce off. Each thread cycles through its own badges (every THREADS-th), so a badge is
-- never in flight twice: each scan checks its member in or out, and every answer should be 200.
--
--   wrk -s scans.lua URL -- TOKEN CODES_FILE LOCATION_ID THREADS
--
-- done() prints `bench.<key>=<value>`; rps counts scans answered 200.

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local codes, location, nthreads, headers
local started = false
local next_index
ins = 0
outs = 0
errors = 0
first_error = ""

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  codes = {}
  for line in io.lines(args[2]) do
    if line ~= "" then codes[#codes + 1] = line end
  end
  location = args[3]
  nthreads = tonumber(args[4])
  next_index = tid + 1
end

function request()
  -- As in bookings.lua: wrk checks request() once without sending it, so the first is harmless.
  if not started then
    started = true
    return wrk.format("GET", "/health")
  end
  local code = codes[next_index]
  next_index = next_index + nthreads
  if next_index > #codes then next_index = tid + 1 end
  return wrk.format("POST", "/api/v1/scan", headers,
      '{"code":"' .. code .. '","location_id":"' .. location .. '","device":"bench door"}')
end

function response(status, headers, body)
  if status == 200 and body:find('"step":"check_in"', 1, true) then
    ins = ins + 1
  elseif status == 200 and body:find('"step":"check_out"', 1, true) then
    outs = outs + 1
  elseif status ~= 200 then
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local s = { ins = 0, outs = 0, errors = 0 }
  local first_err = ""
  for _, thread in ipairs(threads) do
    for key, _ in pairs(s) do s[key] = s[key] + thread:get(key) end
    local e = thread:get("first_error")
    if first_err == "" and e ~= nil and e ~= "" then first_err = e end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("bench.answered=%d\nbench.rps=%.1f\nbench.ins=%d\nbench.outs=%d\n", s.ins + s.outs,
      (s.ins + s.outs) / seconds, s.ins, s.outs))
  io.write(string.format("bench.errors=%d\nbench.socket_errors=%d\n", s.errors, e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
