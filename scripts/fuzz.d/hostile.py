"""Replays the hand-made hostile requests of hostile.tsv and the raw-socket cases of sockets.py on a
seeded server, then checks that none of them wrote anything: the event feed's last sequence, and every
list (with each row's `updated_at`), the organization and the keys are as they were.

Usage: hostile.py IDS.json [--only ID,...]   (IDS.json as seed.py wrote it)
Prints one line per row (ok or FAIL with what came back) and exits 1 if any row failed.
"""

import json
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from frontdesk import Client  # noqa: E402
import sockets  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
ids = json.load(open(sys.argv[1]))
only = set(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else None
api = Client(ids["base"], ids["owner"])
port = urllib.parse.urlsplit(ids["base"]).port


def snapshot():
    """What a write would change: the last event, each list's rows and their updated_at, the keys."""
    state = {}
    after = 0
    while True:
        page = api.ok("GET", f"/api/v1/events?after={after}&limit=1000")
        if not page["items"]:
            break
        after = page["next_after"]
    state["last_event"] = after
    for name in ["locations", "resources", "members", "bookings", "checkins", "actions"]:
        state[name] = sorted((row["id"], row.get("updated_at")) for row in api.all_items(f"/api/v1/{name}"))
    # Deliveries are attempted in the background (their rows change by themselves): counted only.
    state["webhook-deliveries"] = len(api.all_items("/api/v1/webhook-deliveries"))
    state["api-keys"] = sorted(key["id"] for key in api.ok("GET", "/api/v1/api-keys")["items"])
    state["organization"] = api.ok("GET", "/api/v1/organization")
    return state


def expand(text):
    if text == "-":
        return None
    webhook = next((a for a in api.all_items("/api/v1/actions") if a["type"] == "webhook"), None)
    values = {
        "LOCATION": ids["location_ids"][0],
        "RESOURCE": ids["resource_ids"][0],
        "MEMBER": ids["member_ids"][0],
        "BOOKING": ids["booking_ids"][0],
        "PENDING_CHECKIN": ids["checkin_ids"][0],
        "WEBHOOK_ACTION": webhook["id"] if webhook else "00000000-0000-7000-8000-000000000000",
        "OWNER": ids["owner"],
        "PORT": str(port),
        "REPLAY_KEY": ids["replayed_key_request"]["key"],
        "REPLAY_BODY": json.dumps(ids["replayed_key_request"]["body"]),
    }

    def placeholder(match):
        words = match.group(1).split()
        if words[0] == "CURSOR":
            return urllib.parse.quote(ids["cursors"][words[1]], safe="")
        if words[0] == "DEEP":
            depth = int(words[1])
            return "[" * depth + "]" * depth
        if words[0] == "REPEAT":
            return words[1] * int(words[2])
        return values[words[0]]

    return re.sub(r"\{\{([^}]+)\}\}", placeholder, text)


def rows():
    with open(os.path.join(here, "hostile.tsv")) as file:
        lines = [line.rstrip("\n") for line in file if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        yield dict(zip(header, line.split("\t")))


def replay(row):
    """None when the answer is the expected one, else what came back."""
    keys = {"owner": ids["owner"], "viewer": ids["viewer"], "none": ""}
    key = keys.get(row["key"], "fd_not_a_key")
    headers = json.loads(expand(row["headers"]) or "{}")
    body = expand(row["body"])
    answer = api.request(row["method"], expand(row["path"]), headers=headers, key=key,
                         raw=None if body is None else body.encode("utf-8"))
    problems = []
    if answer.status != int(row["status"]):
        problems.append(f"status {answer.status}, expected {row['status']}")
    if row["code"] != "-" and answer.code != row["code"]:
        problems.append(f"code {answer.code!r}, expected {row['code']!r}")
    if row["header"] != "-" and answer.headers.get(row["header"]) is None:
        problems.append(f"no {row['header']} header")
    if problems:
        return "; ".join(problems) + f" — body: {answer.body[:300].decode('utf-8', 'replace')!r}"
    return None


before = snapshot()
failed = []
count = 0
for row in rows():
    if only and row["id"] not in only:
        continue
    count += 1
    try:
        problem = replay(row)
    except Exception as error:  # a closed connection, a timeout: the row fails, the replay goes on
        problem = f"{type(error).__name__}: {error}"
    if problem:
        failed.append(row["id"])
        print(f"fuzz hostile: FAIL {row['id']}: {row['method']} {row['path']} -> {problem}")
    else:
        print(f"fuzz hostile: ok   {row['id']}")

if not only:
    for name, problem in sockets.run("127.0.0.1", port):
        count += 1
        if problem:
            failed.append(name)
            print(f"fuzz hostile: FAIL {name}: {problem}")
        else:
            print(f"fuzz hostile: ok   {name}")

after = snapshot()
written = [part for part in before if before[part] != after[part]]
for part in written:
    print(f"fuzz hostile: FAIL nothing written: {part} changed "
          f"({json.dumps(before[part], default=str)[:200]} -> {json.dumps(after[part], default=str)[:200]})")
if not written:
    print("fuzz hostile: ok   nothing written (events, lists, keys and organization unchanged)")
count += 1
if written:
    failed.append("nothing-written")

print(f"fuzz hostile: {count - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
