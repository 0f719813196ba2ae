"""Hostile bytes on a raw socket: each case sends what no HTTP client library would, and expects the
server to answer 400 or 431 (or, where no answer can be read, nothing) and to close the connection
within a few seconds, never to hang or to read the bytes as a request.

run(host, port) yields (name, None when the case passed, else what went wrong).
"""

import re
import socket
import time

CLOSE_WITHIN = 5.0

TLS_CLIENT_HELLO = bytes.fromhex(
    "16030100a5010000a10303" + "00" * 32 + "000020c02bc02fc02cc030cca9cca8c013c014009c009d002f0035000a0100"
    "0058000000140012000010667a7a2e6578616d706c652e636f6d000b000403000102000a000a0008001d0017001800190023"
    "0000000d00140012040308040401050308050501080606010201"
)

CASES = [
    # (name, bytes to send, statuses accepted, whether an answer is required)
    ("socket-nul-in-header",
     b"GET /health HTTP/1.1\r\nHost: fuzz\r\nX-Fuzz: a\x00b\r\n\r\n", {400}, True),
    ("socket-100k-header",
     b"GET /health HTTP/1.1\r\nHost: fuzz\r\nX-Fuzz: " + b"a" * 100_000 + b"\r\n\r\n", {431, 400}, True),
    ("socket-content-length-and-chunked",
     b"POST /api/v1/members HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\n"
     b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /health HTTP/1.1\r\nHost: fuzz\r\n\r\n",
     {400}, True),
    ("socket-two-content-lengths",
     b"POST /api/v1/members HTTP/1.1\r\nHost: fuzz\r\nContent-Type: application/json\r\n"
     b"Content-Length: 2\r\nContent-Length: 14\r\n\r\n{}",
     {400}, True),
    ("socket-tls-on-plain-port", TLS_CLIENT_HELLO, {400}, False),
    ("socket-garbage-request-line", b"\x16\x03\x01 HELLO \xff\xfe\r\n\r\n", {400}, False),
    ("socket-http-1.0-no-keep-alive", b"GET /health HTTP/1.0\r\nHost: fuzz\r\n\r\n", {200}, True),
]


def _exchange(host, port, payload):
    """(the bytes answered, seconds until the server closed, or None if it kept the connection open)."""
    with socket.create_connection((host, port), timeout=CLOSE_WITHIN) as connection:
        started = time.monotonic()
        try:
            connection.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may close before it has read everything; its answer may still be there
        received = b""
        while True:
            remaining = CLOSE_WITHIN - (time.monotonic() - started)
            if remaining <= 0:
                return received, None
            connection.settimeout(remaining)
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                return received, None
            except ConnectionResetError:
                return received, time.monotonic() - started
            if not chunk:
                return received, time.monotonic() - started
            received += chunk


def run(host, port):
    for name, payload, statuses, answer_required in CASES:
        try:
            received, closed_after = _exchange(host, port, payload)
        except OSError as error:
            yield name, f"{type(error).__name__}: {error}"
            continue
        match = re.match(rb"HTTP/1\.[01] (\d{3})", received)
        status = int(match.group(1)) if match else None
        problems = []
        if status is None and (answer_required or received):
            problems.append(f"no HTTP answer (received {received[:80]!r})")
        elif status is not None and status not in statuses:
            problems.append(f"status {status}, expected {' or '.join(map(str, sorted(statuses)))}")
        if closed_after is None:
            problems.append(f"connection still open after {CLOSE_WITHIN:.0f} s")
        if status is not None and len(re.findall(rb"HTTP/1\.[01] \d{3}", received)) > 1:
            problems.append("more than one answer: the bytes after the first request were read as another")
        yield name, "; ".join(problems) or None
