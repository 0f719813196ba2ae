-- wrk script: POST /api/v1/bookings spread over many organizations at once, each request with its
-- organization's key, so that no two bookings overlap. Used by scripts/bench-replicas.
--
--   wrk -s organizations.lua URL -- ORGANIZATIONS_FILE BASE_EPOCH THREADS
--
-- ORGANIZATIONS_FILE has one line per organization: `key resource... ; member...`
-- (bench.d/replicas.py organizations). Booking number g (thread t sends t, t + THREADS, ...) is
-- organization o = g % #organizations; k = g // #organizations books that organization's resource
-- k % #resources on day k // #resources after BASE_EPOCH, 10:00-11:00 UTC: distinct g never overlap.
-- done() prints `bench.<key>=<value>`.

local threads = {}
local next_tid = 0

function setup(thread)
  thread:set("tid", next_tid)
  next_tid = next_tid + 1
  table.insert(threads, thread)
end

local organizations, base, nthreads
local started = false
local l = 0
created = 0
errors = 0
first_error = ""

function init(args)
  organizations = {}
  for line in io.lines(args[1]) do
    local key, rest = line:match("^(%S+)%s+(.*)$")
    if key then
      local resources_text, members_text = rest:match("^(.-)%s*;%s*(.*)$")
      local organization = { key = key, resources = {}, members = {} }
      for id in resources_text:gmatch("%S+") do table.insert(organization.resources, id) end
      for id in members_text:gmatch("%S+") do table.insert(organization.members, id) end
      table.insert(organizations, organization)
    end
  end
  base = tonumber(args[2])
  nthreads = tonumber(args[3])
end

function request()
  -- wrk checks request() once without sending it (see bookings.lua): the first is harmless.
  if not started then
    started = true
    return wrk.format("GET", "/health")
  end
  local g = tid + nthreads * l
  l = l + 1
  local n = #organizations
  local organization = organizations[g % n + 1]
  local k = math.floor(g / n)
  local r = k % #organization.resources
  local starts = base + math.floor(k / #organization.resources) * 86400 + 10 * 3600
  local body = '{"member_id":"' .. organization.members[k % #organization.members + 1] .. '","resource_ids":["' ..
      organization.resources[r + 1] .. '"],"starts_at":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", starts) ..
      '","ends_at":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ", starts + 3600) .. '","source":"api"}'
  return wrk.format("POST", "/api/v1/bookings",
      { ["Authorization"] = "Bearer " .. organization.key, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status ~= 200 then
    errors = errors + 1
    if first_error == "" then first_error = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local total_created, total_errors, first_err = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_errors = total_errors + thread:get("errors")
    local e = thread:get("first_error")
    if first_err == "" and e ~= nil and e ~= "" then first_err = e end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("bench.rps=%.1f\nbench.created=%d\nbench.errors=%d\n", (total_created + total_errors) / seconds,
      total_created, total_errors))
  io.write(string.format("bench.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write("bench.first_error=" .. string.gsub(first_err, "\n", " ") .. "\n")
end
