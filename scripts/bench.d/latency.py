"""What scripts/bench's read phases share (lists.py, attendance.py): GET requests one after another
on one kept-alive connection, timed."""
import http.client
import time
import urllib.parse


def cases(path):
    """The cases of a file holding one a line, `<name> <path and query>`: (name, path) pairs."""
    with open(path) as lines:
        for line in lines:
            if line.strip():
                name, target = line.split(None, 1)
                yield name, target.strip()


class Reader:
    """GETs paths of the server at URL with TOKEN, on one connection."""

    def __init__(self, url, token, timeout=60):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path):
        """The answer's status and body."""
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        return response.status, response.read()

    def time(self, path, seconds, least=20):
        """GETs `path()` for `seconds` and at least `least` times: (requests, p50 ms, p99 ms, non-200
        answers, bytes per answer)."""
        times, bad, size = [], 0, 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline or len(times) < least:
            started = time.perf_counter()
            status, body = self.get(path())
            times.append((time.perf_counter() - started) * 1000)
            bad += status != 200
            size += len(body)
        times.sort()

        def percentile(fraction):
            return times[min(len(times) - 1, int(len(times) * fraction))]

        return len(times), percentile(0.5), percentile(0.99), bad, size // len(times)
