# scripts/bench --lists: sourced by scripts/bench once its other runs are done (it uses the bench's
# server, database and helpers: say, scalar, post_one, post_many, json_id). Seeds a million
# checkins and a million bookings by SQL in the realistic order (old ones complete, the newest
# pending; lists-seed.*.sql), with a small annex location whose resources only have recent rows,
# then times a page of 50 of each list filter and the page after it (lists.py, one connection).
# Sets lists_summary, printed after the bench's summary.

list_rows=${FRONTDESK_BENCH_LIST_ROWS:-1000000} # fewer to try the phase quickly
# An organization of its own: the bench's other phases made about 130,000 bookings and checkins in
# a few minutes, all around today, which is not the realistic order this phase measures.
say "bench: lists: an organization of 1,000 resources and an annex of 10, then $list_rows checkins and $list_rows bookings by SQL"
list_key=$(post_one /api/v1/organizations '{"name":"Bench lists"}' | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
[[ -n "$list_key" ]] || { say "bench: lists: could not create the organization"; exit 1; }
bench_auth=$auth
auth="Authorization: Bearer $list_key"
list_room='{"location_id":"%s","name":"Room %04d","kind":"room","capacity":1,"rate_amount":1500,"rate_unit":"hour"}'
list_location=$(make_place "Bench lists" UTC 1000 "$list_room" "$work/list-rooms.txt") || exit 1
list_annex=$(make_place "Bench annex" UTC 10 "$list_room" "$work/annex.txt") || exit 1
auth=$bench_auth
list_organization=$(scalar "SELECT organization_id FROM locations WHERE id = '$list_location'")
list_seed_started=$(date +%s.%N)
if [[ $engine == sqlite ]]; then
    { printf '.timeout 10000\nCREATE TEMP TABLE lists_seed AS SELECT %s AS organization_id, %d AS count, 0 AS reversed, %d AS now_ms;\n' \
          "'$list_organization'" "$list_rows" "$(($(date +%s) * 1000))"
      cat "$luadir/lists-seed.sqlite.sql"; } | sqlite3 "$database" >&2
else
    psql "$database" -q -v organization_id="$list_organization" -v count="$list_rows" -v reversed=0 \
        -f "$luadir/lists-seed.postgres.sql" >&2
    # The seed's dirty pages are written now, not by a checkpoint while the lists are timed
    # (CHECKPOINT takes a superuser or pg_checkpoint: the throwaway cluster's user is one).
    psql "$database" -qc CHECKPOINT >&2 || say "bench: lists: CHECKPOINT refused; the seed's pages may be written while timing"
fi
say "bench: lists: seeded in $(printf '%.0f' "$(echo "$(date +%s.%N) - $list_seed_started" | bc)")s"

# The middle row's resource, a seeded member and booking, the last day (UTC, whole seconds).
list_hex() { printf '%012x' "$1"; }
list_resource=$(scalar "SELECT resource_id FROM checkins WHERE id = 'c15e0000-0000-4000-8000-$(list_hex $((list_rows / 2)))'")
list_member="a15e0000-0000-4000-8000-$(list_hex 7)"
list_booking="b15e0000-0000-4000-8000-$(list_hex 10)"
list_to=$(date -u +%Y-%m-%dT%H:%M:%SZ)
list_from=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
# A day of the seeded past, and the last day, with the seeded open visits and pending bookings.
list_past_from=$(date -u -d '3 days ago' +%Y-%m-%dT%H:%M:%SZ)
list_past_to=$(date -u -d '2 days ago' +%Y-%m-%dT%H:%M:%SZ)
list_checkins="/api/v1/checkins?limit=50"
list_bookings="/api/v1/bookings?limit=50"
cat >"$work/lists.cases" <<CASES
checkins $list_checkins
checkins?state=pending $list_checkins&state=pending
checkins?state=in_progress $list_checkins&state=in_progress
checkins?state=complete $list_checkins&state=complete
checkins?resource_id $list_checkins&resource_id=$list_resource
checkins?member_id $list_checkins&member_id=$list_member
checkins?booking_id $list_checkins&booking_id=$list_booking
checkins?location_id $list_checkins&location_id=$list_location
checkins?location_id=annex $list_checkins&location_id=$list_annex
checkins?from&to(last_day) $list_checkins&from=$list_from&to=$list_to
checkins?from&to(past_day) $list_checkins&from=$list_past_from&to=$list_past_to
bookings $list_bookings
bookings?status=pending $list_bookings&status=pending
bookings?status=confirmed $list_bookings&status=confirmed
bookings?status=completed $list_bookings&status=completed
bookings?member_id $list_bookings&member_id=$list_member
bookings?resource_id $list_bookings&resource_id=$list_resource
bookings?location_id $list_bookings&location_id=$list_location
bookings?location_id=annex $list_bookings&location_id=$list_annex
bookings?from&to(last_day) $list_bookings&from=$list_from&to=$list_to
bookings?from&to(past_day) $list_bookings&from=$list_past_from&to=$list_past_to
CASES
sync
say "bench: lists: GET each list's first page and next page, 2s each, one connection"
python3 "$luadir/lists.py" "$url" "$list_key" 2 "$work/lists.cases" >"$work/lists.out" 2>&1 \
    || { say "bench: the lists driver failed:"; cat "$work/lists.out" >&2; exit 1; }
lists_summary="GET a page of 50 (${list_rows} seeded checkins and bookings, realistic order; target p99 <= 5 ms each)"
lists_worst=0
while read -r _ list_name list_requests list_p50 list_p99 list_bad _; do
    lists_summary+=$'\n'"  $(printf '%-36s' "$list_name") p50 $(printf '%6s' "$list_p50") ms  p99 $(printf '%7s' "$list_p99") ms  ($list_requests requests, non-200 $list_bad)"
    if [[ $(echo "$list_p99 > $lists_worst" | bc) == 1 ]]; then lists_worst=$list_p99; fi
done < <(grep '^bench\.list ' "$work/lists.out")
lists_summary+=$'\n'"  worst p99 $lists_worst ms (target <= 5 ms: $(if [[ $(echo "$lists_worst <= 5" | bc) == 1 ]]; then echo met; else echo "NOT met"; fi))"
say "$lists_summary"
