#!/usr/bin/env python3
"""The soak test of scripts/soak: serves BINARY on DATABASE, loads it with bookings and check-ins
while it kills the server with SIGKILL and starts it again KILLS times (and, on PostgreSQL, restarts
the database under load DB_RESTARTS times), then checks what was acknowledged:

  - every 2xx write is there: each booking answered 201 reads back (same resource, same window),
    each checkin reads back at least as far as its last 2xx step (pending, in_progress, complete),
    and each acknowledged booking has its booking_created event in the feed;
  - no booking overlaps another on an exclusive resource (capacity 1);
  - the event reader, which follows GET /api/v1/events?after= across the restarts, got the
    sequences 1, 2, 3, ... each once, up to the server's last;
  - every checkin_started event was delivered to the webhook receiver at least once (it counts
    deliveries by their Frontdesk-Delivery header, and events by the body's id);
  - no 5xx but `503 database_unavailable` (problem+json), and that one only on PostgreSQL;
  - on PostgreSQL, after each database restart the same server process answers 2xx again.

    soak.py --binary B --database D --work DIR [--kills N] [--db-restarts N] [--pg-ctl CMD] [--seed S]

Only the standard library. Prints a summary; the exit status is 1 if any check failed.
"""
import argparse
import http.client
import http.server
import json
import os
import random
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone

RESOURCES = 12          # exclusive rooms the bookings fight over
CHECKIN_ROOMS = 8       # desks of the walk-ins, with room for every visit
WORKERS = 8
HOLDING = {"pending", "confirmed", "checked_in", "active"}


def say(message):
    print(f"soak: {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Failures:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, message):
        with self.lock:
            if len(self.items) < 1000:
                self.items.append(message)


class Client:
    """One kept-alive connection; a request that gets no answer returns None (never retried here)."""

    def __init__(self, port, key):
        self.port, self.key, self.connection = port, key, None

    def request(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        head = {"Authorization": f"Bearer {self.key}", **(headers or {})}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            head["Content-Type"] = "application/json"
        try:
            self.connection.request(method, path, body=data, headers=head)
            response = self.connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            return None
        try:
            document = json.loads(raw) if raw else None
        except ValueError:
            document = None
        return response.status, response.getheader("Content-Type", ""), document, raw


class Server:
    def __init__(self, binary, database, work, master):
        self.binary, self.database, self.work, self.master = binary, database, work, master
        self.port = free_port()
        self.process = None
        self.log = open(os.path.join(work, "server.log"), "ab")

    def start(self):
        environment = dict(os.environ, FRONTDESK_MASTER_KEY=self.master, FRONTDESK_WEBHOOK_ALLOW_PRIVATE="1")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--database", self.database],
            env=environment, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.work)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"soak: the server exited with {self.process.returncode} (see {self.work}/server.log)")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise SystemExit("soak: the server did not answer /health within 120 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


class Receiver(http.server.ThreadingHTTPServer):
    """The webhook receiver: answers 200 to every POST and keeps what came, deduplicated."""
    daemon_threads = True

    def __init__(self):
        self.lock = threading.Lock()
        self.deliveries = set()   # Frontdesk-Delivery headers
        self.events = set()       # the body's event id
        self.posts = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.posts += 1
                    receiver.deliveries.add(self.headers.get("Frontdesk-Delivery"))
                    try:
                        receiver.events.add(json.loads(body)["id"])
                    except (ValueError, KeyError):
                        pass
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)


class Soak:
    def __init__(self, arguments):
        self.arguments = arguments
        self.postgres = arguments.database.startswith(("postgres://", "postgresql://"))
        self.random = random.Random(arguments.seed)
        self.failures = Failures()
        self.master = "soak-master-" + uuid.uuid4().hex
        self.server = Server(arguments.binary, arguments.database, arguments.work, self.master)
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.bookings = {}        # id -> (resource, starts_at, ends_at), answered 201
        self.checkins = {}        # id -> furthest acknowledged state
        self.counts = {"requests": 0, "no_answer": 0, "unavailable": 0, "conflicts": 0}
        self.events = []          # what the reader got, in order
        self.database_away = threading.Event()

    # --- setup --------------------------------------------------------------------------------------
    def setup(self):
        self.receiver = Receiver()
        threading.Thread(target=self.receiver.serve_forever, daemon=True).start()
        self.server.start()
        client = Client(self.server.port, self.master)

        def created(path, body):
            answer = client.request("POST", path, body)
            if answer is None or answer[0] != 201:
                raise SystemExit(f"soak: POST {path} failed during setup: {answer and answer[3][:300]}")
            return answer[2]["id"]

        location = created("/api/v1/locations", {"name": "Soak", "timezone": "UTC"})
        self.rooms = [created("/api/v1/resources", {"location_id": location, "name": f"Room {i}", "kind": "room",
                                                   "capacity": 1, "rate_amount": 1000, "rate_unit": "hour"})
                      for i in range(RESOURCES)]
        self.desks = [created("/api/v1/resources", {"location_id": location, "name": f"Desk {i}", "kind": "desk",
                                                   "capacity": 100000, "rate_amount": 0, "rate_unit": "hour"})
                      for i in range(CHECKIN_ROOMS)]
        # A webhook for the visits of one desk of the eight: the dispatcher sends at most 20 a
        # second, so a webhook on every visit would outrun it and the check would wait minutes.
        hook = f"http://127.0.0.1:{self.receiver.server_address[1]}/hook"
        created("/api/v1/actions", {"trigger": "checkin_started", "type": "webhook", "scope": "resource",
                                    "scope_id": self.desks[0], "url": hook})
        self.members = [created("/api/v1/members", {"name": f"Guest {i}", "email": f"guest{i}@soak.example"})
                        for i in range(8)]
        # Bookings fall in a fortnight a month from now, on whole hours: many overlap, so the
        # engine refuses most of those that would, and the check looks for any it let through.
        self.base = (datetime.now(timezone.utc) + timedelta(days=30)).replace(hour=0, minute=0, second=0, microsecond=0)

    # --- load ---------------------------------------------------------------------------------------
    def answered(self, answer, path):
        """Counts an answer; returns its status, or None when there was none."""
        with self.lock:
            self.counts["requests"] += 1
        if answer is None:
            with self.lock:
                self.counts["no_answer"] += 1
            return None
        status, content_type, document, raw = answer
        if status >= 500:
            code = document.get("code") if isinstance(document, dict) else None
            if status == 503 and code == "database_unavailable" and content_type == "application/problem+json" and self.postgres:
                with self.lock:
                    self.counts["unavailable"] += 1
                time.sleep(0.05)  # the database is away: do not spin
            else:
                self.failures.add(f"{status} on {path}: {raw[:300]!r}")
        elif status == 409:
            with self.lock:
                self.counts["conflicts"] += 1
        elif status >= 400:
            self.failures.add(f"unexpected {status} on {path}: {raw[:300]!r}")
        return status

    def book(self, client, rng):
        room = rng.choice(self.rooms)
        starts = self.base + timedelta(days=rng.randrange(14), hours=rng.randrange(8, 20))
        ends = starts + timedelta(hours=rng.choice((1, 2, 3)))
        body = {"member_id": rng.choice(self.members), "resource_ids": [room],
                "starts_at": starts.strftime("%Y-%m-%dT%H:%M:%SZ"), "ends_at": ends.strftime("%Y-%m-%dT%H:%M:%SZ")}
        answer = client.request("POST", "/api/v1/bookings", body)
        if self.answered(answer, "POST /api/v1/bookings") == 201:
            with self.lock:
                self.bookings[answer[2]["id"]] = (room, starts, ends)

    def visit(self, client, rng):
        # Anonymous: a member has one visit in progress in a location at a time, and workers
        # leave visits open when the server goes away.
        answer = client.request("POST", "/api/v1/checkins", {"resource_id": rng.choice(self.desks)})
        if self.answered(answer, "POST /api/v1/checkins") != 201:
            return
        checkin = answer[2]["id"]
        with self.lock:
            self.checkins[checkin] = "pending"
        # Each step is sent again while it gets no answer (the server is away): a step that had
        # committed answers 409 the second time, and the visit goes on.
        for step, state, done in (("check-in", "in_progress", "duplicate_checkin"),
                                  ("check-out", "complete", "already_checked_out")):
            for _ in range(200):
                if self.stopping.is_set():
                    return
                answer = client.request("POST", f"/api/v1/checkins/{checkin}/{step}", {})
                status = self.answered(answer, f"POST /api/v1/checkins/{{id}}/{step}")
                if status == 200:
                    with self.lock:
                        self.checkins[checkin] = state
                    break
                if status == 409 and answer[2].get("code") == done:
                    break
                if status is not None and status != 503:
                    return
                time.sleep(0.1)
            else:
                return

    def worker(self, index):
        rng = random.Random(f"{self.arguments.seed}-{index}")
        client = Client(self.server.port, self.master)
        while not self.stopping.is_set():
            (self.book if rng.random() < 0.5 else self.visit)(client, rng)
            if client.connection is None:
                time.sleep(0.05)  # the server is away: do not spin

    def reader(self):
        """Follows the event feed across restarts, as a client that keeps its last sequence does."""
        client = Client(self.server.port, self.master)
        after = 0
        while True:
            answer = client.request("GET", f"/api/v1/events?after={after}&limit=500")
            if answer is None or answer[0] != 200:
                if answer is not None and answer[0] != 503:
                    self.failures.add(f"event reader: {answer[0]} {answer[3][:200]!r}")
                time.sleep(0.1)
                continue
            items = answer[2]["items"]
            for event in items:
                self.events.append(event)
                after = event["sequence"]
            if not items:
                if self.stopping.is_set() and self.reader_done.is_set():
                    return
                time.sleep(0.05)

    # --- faults -------------------------------------------------------------------------------------
    def restart_database(self, client):
        """Stops PostgreSQL for a moment under load and starts it again; the server stays up."""
        pg_ctl = shlex.split(self.arguments.pg_ctl)
        away = self.random.uniform(1, 3)
        self.database_away.set()
        subprocess.run(pg_ctl + ["stop", "-m", "fast", "-w"], check=True, stdout=subprocess.DEVNULL)
        time.sleep(away)
        subprocess.run(pg_ctl + ["restart", "-w", "-t", "60"], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        self.database_away.clear()
        # The same process answers again (its pool reconnects): a write within 30 s.
        deadline, answer = time.time() + 30, None
        while time.time() < deadline:
            answer = client.request("POST", "/api/v1/checkins", {"resource_id": self.desks[0]})
            if answer is not None and answer[0] == 201:
                with self.lock:
                    self.checkins[answer[2]["id"]] = "pending"
                return time.time() - (deadline - 30)
            time.sleep(0.1)
        # What the server's connections were doing, to tell a wedged pool from a slow restart.
        activity = subprocess.run(
            ["psql", self.arguments.database, "-Atc", "SELECT state, wait_event_type, wait_event, "
             "now() - xact_start, left(query, 60) FROM pg_stat_activity WHERE datname = current_database()"],
            capture_output=True, text=True).stdout.strip().replace("\n", "; ")
        port = self.arguments.database.rsplit(":", 1)[1].split("/")[0]
        sockets = subprocess.run(["ss", "-tanH", f"( dport = :{port} )"], capture_output=True, text=True).stdout
        states = sorted(set(line.split()[0] for line in sockets.splitlines() if line.strip()))
        self.failures.add(f"after a database restart the server did not accept a write within 30 s "
                          f"(last answer: {answer and answer[3][:200]!r}; its connections as PostgreSQL sees them: "
                          f"{activity or 'none'}; TCP states towards PostgreSQL: {states or 'none'})")
        return None

    def run(self):
        a = self.arguments
        self.setup()
        say(f"serving on port {self.server.port}; {WORKERS} workers, {a.kills} kills"
            + (f", {a.db_restarts} database restarts" if self.postgres else ""))
        self.reader_done = threading.Event()
        threads = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(WORKERS)]
        reader = threading.Thread(target=self.reader, daemon=True)
        for thread in threads + [reader]:
            thread.start()
        control = Client(self.server.port, self.master)
        faults = ["kill"] * a.kills + (["database"] * a.db_restarts if self.postgres else [])
        self.random.shuffle(faults)
        recoveries = []
        started = time.time()
        for number, fault in enumerate(faults, 1):
            time.sleep(self.random.uniform(a.min_interval, a.max_interval))
            if fault == "kill":
                self.server.kill()
                time.sleep(self.random.uniform(0, 0.5))
                self.server.start()
            else:
                recovered = self.restart_database(control)
                if recovered is not None:
                    recoveries.append(recovered)
            if number % 10 == 0 or number == len(faults):
                say(f"{number}/{len(faults)} faults, {len(self.bookings)} bookings and {len(self.checkins)} checkins acknowledged")
        time.sleep(a.min_interval)
        self.stopping.set()
        for thread in threads:
            thread.join()
        self.reader_done.set()
        reader.join(timeout=60)
        loaded = time.time() - started
        # A fresh connection: `control`'s may be to a server killed since the last database restart.
        self.check(Client(self.server.port, self.master), recoveries, loaded)

    # --- checks -------------------------------------------------------------------------------------
    def pages(self, client, path):
        cursor = None
        while True:
            answer = client.request("GET", path + (f"&cursor={cursor}" if cursor else ""))
            if answer is None or answer[0] != 200:
                raise SystemExit(f"soak: GET {path} failed: {answer and answer[3][:300]}")
            yield from answer[2]["items"]
            cursor = answer[2].get("next_cursor")
            if not cursor:
                return

    def check(self, client, recoveries, loaded):
        results = []

        def result(name, failures):
            results.append((name, failures))

        # Every acknowledged booking and checkin is there.
        missing = []
        for booking, (room, starts, ends) in self.bookings.items():
            answer = client.request("GET", f"/api/v1/bookings/{booking}")
            if answer is None or answer[0] != 200:
                missing.append(f"booking {booking}: {answer and answer[0]}")
                continue
            line = answer[2]["lines"][0]
            if (line["resource_id"], instant(line["starts_at"]), instant(line["ends_at"])) != (room, starts, ends):
                missing.append(f"booking {booking} reads back as {line}")
        order = ["pending", "in_progress", "complete"]
        for checkin, state in self.checkins.items():
            answer = client.request("GET", f"/api/v1/checkins/{checkin}")
            if answer is None or answer[0] != 200:
                missing.append(f"checkin {checkin}: {answer and answer[0]}")
            elif order.index(answer[2]["state"]) < order.index(state):
                missing.append(f"checkin {checkin} is {answer[2]['state']}, acknowledged {state}")
        result(f"acknowledged writes ({len(self.bookings)} bookings, {len(self.checkins)} checkins) read back", missing)

        # No overlap on an exclusive room.
        held = {}
        for booking in self.pages(client, "/api/v1/bookings?limit=200"):
            if booking["status"] not in HOLDING:
                continue
            for line in booking["lines"]:
                if line["resource_id"] in self.rooms:
                    held.setdefault(line["resource_id"], []).append(
                        (instant(line["starts_at"]), instant(line["ends_at"]), booking["number"]))
        overlaps = []
        for room, lines in held.items():
            lines.sort()
            for (s1, e1, n1), (s2, e2, n2) in zip(lines, lines[1:]):
                if s2 < e1:
                    overlaps.append(f"{n1} and {n2} overlap on room {room}")
        result(f"no overlap ({sum(map(len, held.values()))} held lines on {len(held)} rooms)", overlaps)

        # The reader's sequences: 1, 2, 3, ... each once, up to the server's last.
        sequences = [event["sequence"] for event in self.events]
        gaps = [f"after {a} came {b}" for a, b in zip([0] + sequences, sequences) if b != a + 1][:20]
        tail = client.request("GET", f"/api/v1/events?after={sequences[-1] if sequences else 0}&limit=1")
        if tail is None or tail[0] != 200 or tail[2]["items"]:
            gaps.append(f"the reader stopped before the server's last event: {tail and tail[3][:200]!r}")
        created = {event["entity_id"] for event in self.events if event["type"] == "booking_created"}
        gaps += [f"booking {b} acknowledged without its booking_created event" for b in self.bookings if b not in created][:20]
        result(f"event sequence contiguous ({len(sequences)} events read across the restarts)", gaps)

        # Every checkin_started of the hooked desk reached the receiver at least once. A delivery
        # claimed by a server killed mid-attempt waits for its lease (a minute), and one that failed
        # while the database was away for its retry: wait while they keep coming, up to
        # --delivery-wait without progress.
        wanted = {event["id"] for event in self.events
                  if event["type"] == "checkin_started" and event["data"]["resource_id"] == self.desks[0]}
        waited, last_progress, left = time.time(), time.time(), None
        while time.time() - last_progress < self.arguments.delivery_wait:
            with self.receiver.lock:
                undelivered = wanted - self.receiver.events
            if not undelivered:
                break
            if left is None or len(undelivered) < left:
                last_progress, left = time.time(), len(undelivered)
            time.sleep(1)
        with self.receiver.lock:
            undelivered = wanted - self.receiver.events
            posts, distinct = self.receiver.posts, len(self.receiver.deliveries)
        result(f"webhooks delivered ({len(wanted)} checkin_started events of the hooked desk; "
               f"{distinct} deliveries, {posts} posts received; waited {time.time() - waited:.0f} s after the load)",
               [f"event {event} never delivered" for event in sorted(undelivered)][:20])

        result(f"no 5xx but 503 database_unavailable ({self.counts['unavailable']} of those)", self.failures.items)
        if self.postgres and self.arguments.db_restarts:
            result(f"recovered after each database restart (writes again after {', '.join(f'{r:.1f}' for r in recoveries)} s)",
                   [] if len(recoveries) == self.arguments.db_restarts else ["see above"])

        print()
        print(f"Frontdesk soak ({'postgresql' if self.postgres else 'sqlite'}, seed {self.arguments.seed}): "
              f"{self.arguments.kills} kills"
              + (f", {self.arguments.db_restarts} database restarts" if self.postgres else "")
              + f" in {loaded:.0f} s; {self.counts['requests']} requests, {self.counts['no_answer']} without an answer, "
              f"{self.counts['conflicts']} conflicts")
        failed = False
        for name, failures in results:
            print(f"  {'ok  ' if not failures else 'FAIL'}  {name}")
            for failure in failures[:20]:
                print(f"          {failure}")
            failed |= bool(failures)
        self.server.stop()
        self.receiver.shutdown()
        sys.exit(1 if failed else 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--db-restarts", type=int, default=0)
    parser.add_argument("--pg-ctl", default="", help="the pg_ctl command line of the cluster, without its action")
    parser.add_argument("--min-interval", type=float, default=1.0)
    parser.add_argument("--max-interval", type=float, default=4.0)
    parser.add_argument("--delivery-wait", type=float, default=75, help="seconds without a new delivery before giving up")
    parser.add_argument("--seed", default=str(random.randrange(1 << 30)))
    arguments = parser.parse_args()
    soak = Soak(arguments)
    try:
        soak.run()
    finally:
        soak.server.stop()


if __name__ == "__main__":
    main()
