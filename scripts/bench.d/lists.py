#!/usr/bin/env python3
"""Latency of the desk's lists, for scripts/bench --lists: each case's first page, then the page
after it (from the first page's next_cursor), requested one after another on one kept-alive
connection for SECONDS each; prints one line a case:

  bench.list <name> <requests> <p50_ms> <p99_ms> <non_200>

  lists.py URL TOKEN SECONDS CASES_FILE

CASES_FILE holds one case a line, `<name> <path and query>` (the query includes limit).
"""
import http.client
import json
import sys
import time
import urllib.parse


def percentile(sorted_ms, fraction):
    return sorted_ms[min(len(sorted_ms) - 1, int(len(sorted_ms) * fraction))]


def main():
    url, token, seconds, cases_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}

    def get(path):
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()

    def measure(name, path):
        times, bad = [], 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline or len(times) < 20:
            started = time.perf_counter()
            status, _ = get(path)
            times.append((time.perf_counter() - started) * 1000)
            bad += status != 200
        times.sort()
        print(f"bench.list {name} {len(times)} {percentile(times, 0.5):.2f} {percentile(times, 0.99):.2f} {bad}",
              flush=True)

    with open(cases_file) as cases:
        for line in cases:
            if not line.strip():
                continue
            name, path = line.split(None, 1)
            path = path.strip()
            status, body = get(path)
            if status != 200:
                print(f"bench.list {name} 1 0 0 1 # {status} {body[:200]!r}", flush=True)
                continue
            measure(name, path)
            cursor = json.loads(body).get("next_cursor")
            if cursor:
                separator = "&" if "?" in path else "?"
                measure(name + ":next", f"{path}{separator}cursor={urllib.parse.quote(cursor)}")


if __name__ == "__main__":
    main()
