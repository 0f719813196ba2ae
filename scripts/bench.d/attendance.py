#!/usr/bin/env python3
"""Latency of attendance's reads, for scripts/bench's attendance phase (bench.d/attendance.sh):
each case requested one after another on one kept-alive connection for SECONDS (and at least 20
times), after one untimed request; prints one line a case:

  bench.attendance <name> <requests> <p50_ms> <p99_ms> <non_200> <bytes_per_answer>

  attendance.py URL TOKEN SECONDS CASES_FILE MEMBERS_FILE

CASES_FILE holds one case a line, `<name> <path and query>`; `{member}` in a path is replaced, at
each request, by a member id drawn (with a fixed seed) from MEMBERS_FILE (one id a line).
"""
import random
import sys

from latency import Reader, cases


def main():
    url, token, seconds, cases_file, members_file = sys.argv[1:6]
    seconds = float(seconds)
    with open(members_file) as lines:
        members = [line.strip() for line in lines if line.strip()]
    draw = random.Random(14)
    reader = Reader(url, token)

    def path_for(path):
        return lambda: path.replace("{member}", draw.choice(members))

    for name, path in cases(cases_file):
        status, body = reader.get(path_for(path)())
        if status != 200:
            print(f"bench.attendance {name} 1 0 0 1 0 # {status} {body[:300]!r}", flush=True)
            continue
        requests, p50, p99, bad, size = reader.time(path_for(path), seconds)
        print(f"bench.attendance {name} {requests} {p50:.2f} {p99:.2f} {bad} {size}", flush=True)


if __name__ == "__main__":
    main()
