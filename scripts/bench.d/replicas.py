#!/usr/bin/env python3
"""Helpers of scripts/bench-replicas (the standard library only); each prints `bench.<key>=<value>`
lines or writes the files it is given.

    replicas.py seed URL TOKEN RESOURCES MEMBERS OUT_DIR [CAPACITY]
        one location, RESOURCES resources (capacity CAPACITY, default 1) and MEMBERS members through
        the API; writes OUT_DIR/resources.txt and OUT_DIR/members.txt, one id a line.
    replicas.py checkins URL TOKEN RESOURCES_FILE MEMBERS_FILE COUNT OUT_FILE
        COUNT standalone checkins, spread over the resources; their ids to OUT_FILE.
    replicas.py contend TOKEN RESOURCE MEMBER WAYS URL [URL ...]
        WAYS bookings of RESOURCE for one window at once, sent round-robin through the URLs (one
        connection each, all released together): exactly one must be created, the rest 409.
    replicas.py subscribe URL TOKEN SUBSCRIBERS SECONDS TYPES AFTER [RESOURCES_FILE]
        SUBSCRIBERS Server-Sent Events streams at once (one thread, selectors) for SECONDS; the
        delay from each event's created_at to its arrival, over every subscriber, for the events of
        the resources in RESOURCES_FILE when it is given (those written through another replica).
    replicas.py organizations URL MASTER COUNT RESOURCES OUT_FILE
        COUNT organizations through the platform key, each with a location, RESOURCES resources and
        two members; OUT_FILE gets one line per organization: `key resource... ; member...`.
"""
import http.client
import json
import re
import selectors
import socket
import sys
import threading
import time
import urllib.parse
from datetime import datetime

CREATED_AT = re.compile(rb'"created_at":"([^"]+)"')


class Client:
    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.token = token

    def post(self, path, body, expect=201):
        self.connection.request("POST", path, body=json.dumps(body).encode(),
                                headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        response = self.connection.getresponse()
        raw = response.read()
        if expect is not None and response.status != expect:
            raise SystemExit(f"replicas.py: POST {path} answered {response.status}: {raw[:300]!r}")
        return response.status, json.loads(raw) if raw else None


def seed(client, resources, members, capacity, prefix=""):
    _, location = client.post("/api/v1/locations", {"name": f"{prefix}Bench", "timezone": "UTC"})
    rooms = [client.post("/api/v1/resources", {
        "location_id": location["id"], "name": f"{prefix}Room {i:04d}", "kind": "room", "capacity": capacity,
        "rate_amount": 1500, "rate_unit": "hour"})[1]["id"] for i in range(resources)]
    people = [client.post("/api/v1/members", {"name": f"{prefix}Member {i}", "email": f"member{i}@bench.example"})[1]["id"]
              for i in range(members)]
    return rooms, people


def lines(path):
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def percentiles(delays):
    delays.sort()

    def at(p):
        return delays[min(len(delays) - 1, int(len(delays) * p / 100))] if delays else 0.0
    return at(50), at(99), (delays[-1] if delays else 0.0)


def contend(token, resource, member, ways, urls):
    body = json.dumps({"member_id": member, "resource_ids": [resource], "starts_at": "2031-01-01T10:00:00Z",
                       "ends_at": "2031-01-01T11:00:00Z", "source": "api"}).encode()
    statuses, barrier, lock = [], threading.Barrier(ways), threading.Lock()

    def one(index):
        parts = urllib.parse.urlsplit(urls[index % len(urls)])
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        connection.connect()
        barrier.wait()
        connection.request("POST", "/api/v1/bookings", body=body,
                           headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        with lock:
            statuses.append(response.status)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(ways)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"bench.contention_seconds={time.time() - started:.2f}")
    print(f"bench.contention_created={statuses.count(201)}\nbench.contention_conflicts={statuses.count(409)}")
    print(f"bench.contention_other={len(statuses) - statuses.count(201) - statuses.count(409)}")


def subscribe(url, token, count, seconds, types, after, resources_file):
    wanted = set(lines(resources_file)) if resources_file else None
    parts = urllib.parse.urlsplit(url)
    selector = selectors.DefaultSelector()
    request = (f"GET /api/v1/events/stream?after={after}&types={types} HTTP/1.1\r\nHost: {parts.hostname}\r\n"
               f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode()
    for _ in range(count):
        connection = socket.create_connection((parts.hostname, parts.port))
        connection.sendall(request)
        connection.setblocking(False)
        selector.register(connection, selectors.EVENT_READ, {"raw": b"", "head": None, "text": b""})
    print("bench.subscribers_connected=1", flush=True)
    delays, refused, closed = [], 0, 0
    deadline = time.time() + seconds
    while time.time() < deadline and selector.get_map():
        for key, _ in selector.select(timeout=0.2):
            state = key.data
            try:
                received = key.fileobj.recv(65536)
            except BlockingIOError:
                continue
            arrived = time.time()
            if not received:
                selector.unregister(key.fileobj)
                closed += 1
                continue
            state["raw"] += received
            if state["head"] is None:
                if b"\r\n\r\n" not in state["raw"]:
                    continue
                state["head"], state["raw"] = state["raw"].split(b"\r\n\r\n", 1)
                if not state["head"].startswith(b"HTTP/1.1 200"):
                    refused += 1
                    selector.unregister(key.fileobj)
                    continue
            raw = state["raw"]
            while b"\r\n" in raw:  # chunked: size in hex, CRLF, data, CRLF
                size_line, rest = raw.split(b"\r\n", 1)
                size = int(size_line.split(b";")[0], 16)
                if len(rest) < size + 2:
                    break
                state["text"], raw = state["text"] + rest[:size], rest[size + 2:]
            state["raw"] = raw
            *complete, state["text"] = state["text"].split(b"\n")
            for line in complete:
                if not line.startswith(b"data:"):
                    continue
                # Keys are sorted, so the event's own created_at comes first: a thousand
                # subscribers' worth of events is read without parsing each one whole.
                if wanted is None:
                    stamp = CREATED_AT.search(line).group(1).decode()
                else:
                    event = json.loads(line[5:])
                    if event["data"].get("resource_id") not in wanted:
                        continue
                    stamp = event["created_at"]
                created = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
                delays.append((arrived - created.timestamp()) * 1000)
    p50, p99, worst = percentiles(delays)
    print(f"bench.sse_subscribers={count}\nbench.sse_refused={refused}\nbench.sse_closed={closed}")
    print(f"bench.sse_deliveries={len(delays)}\nbench.sse_p50_ms={p50:.2f}\nbench.sse_p99_ms={p99:.2f}\nbench.sse_max_ms={worst:.2f}")


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "seed":
        url, token, resources, members, out = args[:5]
        capacity = int(args[5]) if len(args) > 5 else 1
        rooms, people = seed(Client(url, token), int(resources), int(members), capacity)
        with open(f"{out}/resources.txt", "w") as f:
            f.write("\n".join(rooms) + "\n")
        with open(f"{out}/members.txt", "w") as f:
            f.write("\n".join(people) + "\n")
    elif command == "checkins":
        url, token, resources_file, members_file, count, out = args
        client, rooms, people = Client(url, token), lines(resources_file), lines(members_file)
        ids = [client.post("/api/v1/checkins", {"resource_id": rooms[i % len(rooms)], "member_id": people[i % len(people)]})[1]["id"]
               for i in range(int(count))]
        with open(out, "w") as f:
            f.write("\n".join(ids) + "\n")
    elif command == "contend":
        token, resource, member, ways, *urls = args
        contend(token, resource, member, int(ways), urls)
    elif command == "subscribe":
        url, token, count, seconds, types, after, *rest = args
        subscribe(url, token, int(count), float(seconds), types, int(after), rest[0] if rest else None)
    elif command == "organizations":
        url, master, count, resources, out = args
        platform = Client(url, master)
        with open(out, "w") as f:
            for index in range(int(count)):
                _, created = platform.post("/api/v1/organizations", {"name": f"Bench organization {index}"})
                rooms, people = seed(Client(url, created["api_key"]["secret"]), int(resources), 2, 1)
                f.write(" ".join([created["api_key"]["secret"], *rooms, ";", *people]) + "\n")
    else:
        raise SystemExit(f"replicas.py: unknown command {command}")


if __name__ == "__main__":
    main()
