-- wrk script: GET /api/v1/availability for one whole UTC day, picked at random among the seeded
-- days, so that about half the resources are booked (with their booking numbers) and half are
-- available (with a price). Used by scripts/bench, with -t1 -c1: latency, not throughput.
--
--   wrk --latency -s availability.lua URL -- TOKEN BASE_EPOCH DAYS LOCATION_ID
--
-- Every answer must be 200; done() prints `bench.<key>=<value>` (latencies in ms).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local headers, base, days, location
ok = 0
errors = 0
first_error = ""
sample = ""   -- "<bytes> <available> <unavailable>" of the first answer

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1] }
  base = tonumber(args[2])
  days = tonumber(args[3])
  location = args[4]
  math.randomseed(42)
end

local function iso(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function request()
  local day = base + math.random(0, days - 1) * 86400
  local path = "/api/v1/availability?starts_at=" .. iso(day) .. "&ends_at=" .. iso(day + 86400) ..
      "&location_id=" .. location
  return wrk.format("GET", path, headers)
end

local function count(text, pattern)
  local _, n = string.gsub(text, pattern, "")
  return n
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
    if sample == "" then
      sample = #body .. " " .. count(body, '"remaining_capacity"') .. " " .. count(body, '"reason"')
    end
  else
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local ok_total, errors_total, first_err, sample_all = 0, 0, "", ""
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("ok")
    errors_total = errors_total + thread:get("errors")
    if first_err == "" then first_err = thread:get("first_error") or "" end
    if sample_all == "" then sample_all = thread:get("sample") or "" end
  end
  local e = summary.errors
  io.write(string.format("bench.seconds=%.3f\nbench.requests=%d\n", summary.duration / 1e6, summary.requests))
  io.write(string.format("bench.ok=%d\nbench.errors=%d\n", ok_total, errors_total))
  io.write(string.format("bench.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({ 50, 90, 99 }) do
    io.write(string.format("bench.p%d_ms=%.2f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("bench.max_ms=%.2f\nbench.mean_ms=%.2f\n", latency.max / 1000, latency.mean / 1000))
  io.write("bench.sample=" .. sample_all .. "\n")
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
