#!/usr/bin/env python3
"""Follows GET /api/v1/events/stream for SECONDS and measures, for each event, the delay between
its `created_at` (stamped by the engine just before the transaction commits) and its arrival here:
commit-to-delivery, slightly over-estimated by the commit itself. Used by scripts/bench while the
check-in/check-out run writes events; prints `bench.<key>=<value>` lines (delays in ms).

    sse-delay.py URL TOKEN SECONDS TYPES AFTER

AFTER is the sequence to start after (the newest event when it starts: live events only).
"""
import json
import select
import socket
import sys
import time
import urllib.parse
from datetime import datetime


def main() -> None:
    url, token, seconds, types, after = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    parts = urllib.parse.urlsplit(url)
    connection = socket.create_connection((parts.hostname, parts.port))
    connection.sendall((f"GET /api/v1/events/stream?after={after}&types={types} HTTP/1.1\r\n"
                        f"Host: {parts.hostname}\r\nAuthorization: Bearer {token}\r\n"
                        "Accept: text/event-stream\r\n\r\n").encode())
    raw, head, text, delays = b"", None, b"", []
    deadline = time.time() + seconds
    while time.time() < deadline:
        # select, not a socket timeout: a timed-out socket file cannot be read again.
        if not select.select([connection], [], [], 0.2)[0]:
            continue
        received = connection.recv(65536)
        arrived = time.time()
        if not received:
            break
        raw += received
        if head is None:
            if b"\r\n\r\n" not in raw:
                continue
            head, raw = raw.split(b"\r\n\r\n", 1)
            if not head.startswith(b"HTTP/1.1 200"):
                print(f"bench.sse_error={head.splitlines()[0]!r}")
                return
        # The body is chunked: size in hex, CRLF, data, CRLF.
        while b"\r\n" in raw:
            size_line, rest = raw.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            if len(rest) < size + 2:
                break
            text, raw = text + rest[:size], rest[size + 2:]
        *lines, text = text.split(b"\n")
        for line in lines:
            if line.startswith(b"data:"):
                created = datetime.fromisoformat(json.loads(line[5:])["created_at"].replace("Z", "+00:00"))
                delays.append((arrived - created.timestamp()) * 1000)
    connection.close()
    delays.sort()

    def percentile(p: float) -> float:
        return delays[min(len(delays) - 1, int(len(delays) * p / 100))] if delays else 0.0

    print(f"bench.sse_events={len(delays)}")
    print(f"bench.sse_p50_ms={percentile(50):.2f}\nbench.sse_p99_ms={percentile(99):.2f}")
    print(f"bench.sse_max_ms={delays[-1] if delays else 0:.2f}")


if __name__ == "__main__":
    main()
