"""Seeds a fresh Frontdesk server through its API with real rows of every kind, in every state the
fuzzer can move them from, and writes their ids (and the keys) as JSON for the hooks and the replay.

Usage: seed.py BASE_URL OWNER_KEY OUT.json
The bookings to confirm or cancel lie in 2030 and later, so the sweeper marks none of them a
no-show while the fuzzer runs; those checked in started an hour ago.
"""

import datetime
import json
import sys
import time

from frontdesk import Client

base, owner, out = sys.argv[1:4]
api = Client(base, owner)
ids = {"base": base, "owner": owner, "warnings": []}


def warn(message):
    ids["warnings"].append(message)
    print(f"fuzz seed: {message}", file=sys.stderr)


def create(path, body, headers=None):
    return api.ok("POST", path, body, headers)


# Keys: a viewer made with an Idempotency-Key (the replay table sends the same request with the
# viewer's key), a kiosk, and a spare one the fuzzer may revoke.
replay = {"key": "fuzz-owner-creates-viewer", "body": {"name": "fuzz viewer", "role": "viewer"}}
viewer = create("/api/v1/api-keys", replay["body"], {"Idempotency-Key": replay["key"]})
ids["viewer"] = viewer["secret"]
ids["viewer_key_id"] = viewer["id"]
ids["replayed_key_request"] = replay
ids["kiosk"] = create("/api/v1/api-keys", {"name": "fuzz kiosk", "role": "kiosk"})["secret"]
ids["api_key_ids"] = [create("/api/v1/api-keys", {"name": "fuzz spare", "role": "front_desk"})["id"]]

hotel = create("/api/v1/locations", {"name": "Harbour Hotel", "timezone": "Europe/Lisbon"})["id"]
shop = create("/api/v1/locations", {"name": "Bike Shop", "timezone": "UTC"})["id"]
spare_location = create("/api/v1/locations", {"name": "Empty annex"})["id"]
ids["location_ids"] = [hotel, shop, spare_location]

rooms = [
    create("/api/v1/resources", {"location_id": hotel, "name": f"Room {100 + i}", "kind": "room", "category": "double",
                                 "rate_amount": 9500, "rate_unit": "night"})["id"]
    for i in range(1, 7)
]
bikes = [
    create("/api/v1/resources", {"location_id": shop, "name": f"Bike {i}", "kind": "bike", "category": "e-bike",
                                 "capacity": 2, "rate_amount": 1200, "rate_unit": "hour"})["id"]
    for i in range(1, 3)
]
spare_resource = create("/api/v1/resources", {"location_id": shop, "name": "Spare desk", "kind": "desk"})["id"]
ids["resource_ids"] = rooms + bikes + [spare_resource]

members = [
    create("/api/v1/members", {"name": name, "email": email})["id"]
    for name, email in [("Priya Mehta", "priya@example.com"), ("Tomás Silva", "tomas@example.com"),
                        ("Ana Costa", "ana@example.com"), ("Spare Member", "spare@example.com")]
]
ids["member_ids"] = members


def book(member, resources, check_in, check_out, status=None):
    body = {"member_id": member, "resource_ids": resources, "check_in": check_in, "check_out": check_out}
    if status:
        body["status"] = status
    return create("/api/v1/bookings", body)


def act(booking, action, body=None):
    answer = api.request("POST", f"/api/v1/bookings/{booking['id']}/{action}", body)
    if answer.status != 200:
        warn(f"booking {booking['number']} {action} -> {answer.status} {answer.code}")
    return answer.json()


def instant(hours):
    """Now plus `hours`, as the API writes instants."""
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=hours)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def book_now(member, resources, status=None):
    """A stay that started an hour ago: it may be checked in (not before its first day)."""
    body = {"member_id": member, "resource_ids": resources, "starts_at": instant(-1), "ends_at": instant(48)}
    if status:
        body["status"] = status
    return create("/api/v1/bookings", body)


bookings = []
confirmed = book(members[0], [rooms[0]], "2030-03-01", "2030-03-04")
bookings.append(confirmed)
bookings.append(book(members[1], [rooms[1]], "2030-03-01", "2030-03-04", status="pending"))
checked_in = book_now(members[1], [rooms[2]])
act(checked_in, "check-in")
bookings.append(checked_in)
bookings.append(book_now(members[2], [bikes[0]], status="active"))  # a walk-in
cancelled = book(members[2], [rooms[3]], "2030-06-01", "2030-06-02")
act(cancelled, "cancel", {"reason": "fuzz seed"})
bookings.append(cancelled)
completed = book_now(members[0], [rooms[4]])
act(completed, "check-in")
act(completed, "check-out")
bookings.append(completed)
two_rooms = book(members[0], [rooms[0], rooms[5]], "2031-01-10", "2031-01-12")
bookings.append(two_rooms)
ids["booking_ids"] = [b["id"] for b in bookings]
ids["booking_numbers"] = [b["number"] for b in bookings]
ids["line_ids"] = [line["id"] for b in bookings for line in b["lines"]]
ids["deletable_booking_refs"] = [cancelled["id"], cancelled["number"]]

checkins = []
for resource, member in [(bikes[1], members[0]), (bikes[1], members[1]), (rooms[5], members[2])]:
    checkins.append(create("/api/v1/checkins", {"resource_id": resource, "member_id": member,
                                                "metadata": {"badge": 42, "source": "fuzz"}})["id"])
api.ok("POST", f"/api/v1/checkins/{checkins[1]}/check-in")
# Stamps in the past: a stamp may not lie in the future.
api.ok("POST", f"/api/v1/checkins/{checkins[2]}/check-in", {"at": instant(-3)})
api.ok("POST", f"/api/v1/checkins/{checkins[2]}/check-out", {"at": instant(-2)})
checkins.append(create("/api/v1/checkins", {"booking_id": confirmed["id"], "resource_id": rooms[0]})["id"])
ids["checkin_ids"] = checkins

actions = [
    create("/api/v1/actions", {"trigger": "checkout_completed", "type": "flag_for_cleaning", "scope": "location",
                               "scope_id": hotel})["id"],
    create("/api/v1/actions", {"trigger": "checkout_completed", "type": "ready_next_booking", "scope": "resource",
                               "scope_id": rooms[0]})["id"],
]
# A webhook to a name that never resolves (RFC 6761 .invalid): its deliveries fail and stay for retries.
answer = api.request("POST", "/api/v1/actions", {"trigger": "checkin_started", "type": "webhook",
                                                 "scope": "organization", "url": "https://fuzz.invalid/hook"})
if answer.status == 201:
    actions.append(answer.json()["id"])
else:
    warn(f"webhook action refused: {answer.status} {answer.body[:200]!r}")
ids["action_ids"] = actions

# An event after the webhook exists, so the dispatcher writes a delivery to retry.
# Of another member: the second is in at the shop (one visit in progress in a location at a time).
late = create("/api/v1/checkins", {"resource_id": bikes[0], "member_id": members[2]})["id"]
api.ok("POST", f"/api/v1/checkins/{late}/check-in")
ids["checkin_ids"].append(late)
ids["delivery_ids"] = []
for _ in range(50):
    ids["delivery_ids"] = [d["id"] for d in api.ok("GET", "/api/v1/webhook-deliveries")["items"]]
    if ids["delivery_ids"]:
        break
    time.sleep(0.1)
if not ids["delivery_ids"]:
    warn("no webhook delivery after 5 s: retry is fuzzed on random ids only")

# The bookings' invoices, with a payment on one, so that money meets real invoices.
ids["invoice_ids"] = [i["id"] for i in api.ok("GET", "/api/v1/invoices?limit=200")["items"]]
open_invoices = [i["id"] for i in api.ok("GET", "/api/v1/invoices?status=open&limit=200")["items"]]
if open_invoices:
    create("/api/v1/payments", {"invoice_id": open_invoices[0], "amount": 100, "method": "cash"})

# A second page of each list, for cursors that name real positions.
ids["cursors"] = {}
for name in ["locations", "resources", "members", "bookings", "checkins", "actions"]:
    page = api.ok("GET", f"/api/v1/{name}?limit=1")
    if page.get("next_cursor"):
        ids["cursors"][name] = page["next_cursor"]

with open(out, "w") as file:
    json.dump(ids, file, indent=1)
counts = ", ".join(f"{len(ids[key])} {name}" for key, name in [
    ("location_ids", "locations"), ("resource_ids", "resources"), ("member_ids", "members"),
    ("booking_ids", "bookings"), ("checkin_ids", "checkins"), ("action_ids", "actions"),
    ("delivery_ids", "webhook deliveries")])
print(f"fuzz seed: {counts}", file=sys.stderr)
