-- wrk script: POST /api/v1/payments of one minor unit against the invoices of the bookings the
-- availability run made, seeded by scripts/bench. Each thread cycles through its own invoices
-- (every THREADS-th), so an invoice gets a payment every few thousand requests, as a desk's do.
--
--   wrk -s payments.lua URL -- TOKEN INVOICES_FILE THREADS
--
-- done() prints `bench.<key>=<value>`; rps counts payments answered 201.

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local invoices, nthreads, headers
local started = false
local next_index
paid = 0
errors = 0
first_error = ""

function init(args)
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json" }
  invoices = {}
  for line in io.lines(args[2]) do
    if line ~= "" then invoices[#invoices + 1] = line end
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
  local invoice = invoices[next_index]
  next_index = next_index + nthreads
  if next_index > #invoices then next_index = tid + 1 end
  return wrk.format("POST", "/api/v1/payments", headers,
      '{"invoice_id":"' .. invoice .. '","amount":1,"method":"card","reference":"bench"}')
end

function response(status, headers, body)
  if status == 201 then
    paid = paid + 1
  elseif status ~= 200 then
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local s = { paid = 0, errors = 0 }
  local first_err = ""
  for _, thread in ipairs(threads) do
    for key, _ in pairs(s) do s[key] = s[key] + thread:get(key) end
    local e = thread:get("first_error")
    if first_err == "" and e ~= nil and e ~= "" then first_err = e end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("bench.answered=%d\nbench.rps=%.1f\nbench.paid=%d\n", s.paid, s.paid / seconds, s.paid))
  io.write(string.format("bench.errors=%d\nbench.socket_errors=%d\n", s.errors, e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
