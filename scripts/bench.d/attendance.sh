# scripts/bench, attendance: sourced by scripts/bench after the scan run (it uses the bench's
# server, database and helpers: say, scalar, post_one, post_many, json_id). A gym in Europe/Paris
# with 10 resources, made through the API; then, by SQL (attendance-seed.*.sql), 2,000 members and
# a million finished visits of theirs over the last 730 days, with the member_days rows they add
# up to and the members' tallies, as the server keeps them in each visit's transaction. Then times
# (attendance.py, one connection) a random member's statistics and the dashboard of the last 30
# and 365 days, of the organization and of the gym.
# Targets (issue 14): member statistics p99 <= 5 ms, the dashboard (30 days) p99 <= 100 ms; the
# 365-day dashboard is for information.
# Sets attendance_stats_line, attendance_dashboard_line and attendance_details for the summary.
# FRONTDESK_BENCH_VISITS=N seeds fewer visits, to try the phase quickly;
# FRONTDESK_BENCH_ATTENDANCE_SECONDS=N times each case N seconds (default 5).
# About a minute and a half on SQLite (40-50 s of it seeding), three on PostgreSQL (its checkins'
# GiST indexes make the seeding slower).

attendance_visits=${FRONTDESK_BENCH_VISITS:-1000000}
attendance_seconds=${FRONTDESK_BENCH_ATTENDANCE_SECONDS:-5} # of each timed case
say "bench: attendance: a gym of 10 resources, then 2,000 members and $attendance_visits visits by SQL"
attendance_location=$(make_place "Bench attendance" Europe/Paris 10 \
    '{"location_id":"%s","name":"Floor %02d","kind":"gym","capacity":100000,"rate_amount":0,"rate_unit":"session"}' \
    "$work/attendance-resources.txt") || exit 1
attendance_organization=$(scalar "SELECT organization_id FROM locations WHERE id = '$attendance_location'")
attendance_seed_started=$(date +%s.%N)
if [[ $engine == sqlite ]]; then
    { printf '.bail on\n.timeout 10000\nPRAGMA temp_store = MEMORY;\n'
      printf 'CREATE TEMP TABLE attendance_seed AS SELECT %s AS organization_id, %s AS location_id, %d AS count, %d AS now_ms;\n' \
          "'$attendance_organization'" "'$attendance_location'" "$attendance_visits" "$(($(date +%s) * 1000))"
      cat "$luadir/attendance-seed.sqlite.sql"
      for part in 0 1 2 3; do echo "UPDATE att_part SET part = $part;"; cat "$luadir/attendance-part.sqlite.sql"; done
      cat "$luadir/attendance-finish.sqlite.sql"; } | sqlite3 "$database" >/dev/null
else
    psql "$database" -q -v organization_id="$attendance_organization" -v location_id="$attendance_location" \
        -v count="$attendance_visits" -v now_ms="$(($(date +%s) * 1000))" -f "$luadir/attendance-seed.postgres.sql" >&2
fi
attendance_seed_seconds=$(printf '%.0f' "$(echo "$(date +%s.%N) - $attendance_seed_started" | bc)")
attendance_seeded=$(scalar "SELECT count(*) FROM checkins WHERE location_id = '$attendance_location'")
attendance_rows=$(scalar "SELECT count(*) FROM member_days WHERE location_id = '$attendance_location'")
say "bench: attendance: seeded $attendance_seeded visits, $attendance_rows member days in ${attendance_seed_seconds}s"

# The seeded members (scalar keeps one line only).
if [[ $engine == sqlite ]]; then
    sqlite3 -cmd '.timeout 5000' "$database" "SELECT member_id FROM member_tallies WHERE member_id LIKE 'a77e0000-%'" \
        >"$work/attendance-members.txt"
else
    psql "$database" -Atc "SELECT member_id FROM member_tallies WHERE member_id::text LIKE 'a77e0000-%'" >"$work/attendance-members.txt"
fi
[[ -s "$work/attendance-members.txt" ]] || { say "bench: attendance: no seeded member has a tally"; exit 1; }
attendance_now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
attendance_30=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
attendance_365=$(date -u -d '365 days ago' +%Y-%m-%dT%H:%M:%SZ)
attendance_dashboard="/api/v1/attendance/dashboard?to=$attendance_now"
cat >"$work/attendance.cases" <<CASES
member_stats /api/v1/members/{member}/attendance
dashboard_30d $attendance_dashboard&from=$attendance_30
dashboard_30d_location $attendance_dashboard&from=$attendance_30&location_id=$attendance_location
dashboard_365d $attendance_dashboard&from=$attendance_365
dashboard_365d_location $attendance_dashboard&from=$attendance_365&location_id=$attendance_location
CASES
sync
say "bench: attendance: GET a random member's statistics, then the dashboard, ${attendance_seconds}s each, one connection"
python3 "$luadir/attendance.py" "$url" "$token" "$attendance_seconds" "$work/attendance.cases" "$work/attendance-members.txt" \
    >"$work/attendance.out" 2>&1 || { say "bench: the attendance driver failed:"; cat "$work/attendance.out" >&2; exit 1; }

declare -A A # case -> "requests p50 p99 non_200 bytes"
while read -r _ attendance_name attendance_figures; do
    A[$attendance_name]=${attendance_figures%% #*}
done < <(grep '^bench\.attendance ' "$work/attendance.out")
attendance_details="attendance     $(thousands "$attendance_seeded") visits of $(wc -l <"$work/attendance-members.txt") members over 730 days ($(thousands "$attendance_rows") member days), seeded by SQL in ${attendance_seed_seconds}s; one connection, ${attendance_seconds}s a case"
attendance_worst() { # p99 of the worst of the named cases (an absent or failed case counts as failed)
    local name worst=0 p99 bad
    for name in "$@"; do
        read -r _ _ p99 bad _ <<<"${A[$name]:-0 0 999999 1 0}"
        ((bad == 0)) || p99=999999
        if [[ $(echo "$p99 > $worst" | bc) == 1 ]]; then worst=$p99; fi
    done
    echo "$worst"
}
for attendance_name in member_stats dashboard_30d dashboard_30d_location dashboard_365d dashboard_365d_location; do
    read -r attendance_requests attendance_p50 attendance_p99 attendance_bad attendance_bytes <<<"${A[$attendance_name]:-0 - - failed -}"
    attendance_details+=$'\n'"    $(printf '%-24s' "$attendance_name") p50 $(printf '%7s' "$attendance_p50") ms  p99 $(printf '%7s' "$attendance_p99") ms  ($attendance_requests requests, non-200 $attendance_bad, $attendance_bytes B/answer)"
done
[[ -z "$(grep '^bench\.attendance .* # ' "$work/attendance.out")" ]] ||
    attendance_details+=$'\n'"    first failure: $(grep -m1 '^bench\.attendance .* # ' "$work/attendance.out" | sed 's/.* # //')"
attendance_met() { if [[ $(echo "$1" | bc) == 1 ]]; then echo met; else echo "NOT met"; fi; }
attendance_stats_p99=$(attendance_worst member_stats)
attendance_30_p99=$(attendance_worst dashboard_30d dashboard_30d_location)
attendance_365_p99=$(attendance_worst dashboard_365d dashboard_365d_location)
read -r _ attendance_stats_p50 _ <<<"${A[member_stats]:-0 - -}"
attendance_stats_line="member stats p99 $attendance_stats_p99 ms, p50 $attendance_stats_p50 ms (target <= 5 ms: $(attendance_met "$attendance_stats_p99 <= 5"))"
attendance_dashboard_line="dashboard (30 days) p99 $attendance_30_p99 ms (target <= 100 ms: $(attendance_met "$attendance_30_p99 <= 100")); (365 days) p99 $attendance_365_p99 ms (for information); the worse of with and without location_id"
say "bench:   $attendance_details"
say "bench:   $attendance_stats_line"
say "bench:   $attendance_dashboard_line"
