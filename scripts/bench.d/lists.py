#!/usr/bin/env python3
"""Latency of the desk's lists, for scripts/bench --lists: each case's first page, then the page
after it (from the first page's next_cursor), requested one after another on one kept-alive
connection for SECONDS each; prints one line a case:

  bench.list <name> <requests> <p50_ms> <p99_ms> <non_200>

  lists.py URL TOKEN SECONDS CASES_FILE

CASES_FILE holds one case a line, `<name> <path and query>` (the query includes limit).
"""
import json
import sys
import urllib.parse

from latency import Reader, cases


def main():
    url, token, seconds, cases_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    reader = Reader(url, token, timeout=30)

    def measure(name, path):
        requests, p50, p99, bad, _ = reader.time(lambda: path, seconds)
        print(f"bench.list {name} {requests} {p50:.2f} {p99:.2f} {bad}", flush=True)

    for name, path in cases(cases_file):
        status, body = reader.get(path)
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
