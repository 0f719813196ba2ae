"""A small client of a Frontdesk server for scripts/fuzz: the standard library only, so the seeding,
the hand-made replay and the raw-socket cases run with any python3."""

import json
import urllib.error
import urllib.parse
import urllib.request


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except ValueError:
            return None

    @property
    def code(self):
        document = self.json()
        return document.get("code") if isinstance(document, dict) else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


class Client:
    def __init__(self, base, key=None):
        self.base = base.rstrip("/")
        self.key = key

    def request(self, method, path, body=None, headers=None, key=None, raw=None):
        """body: a JSON value, or raw: bytes sent as they are (with the JSON content type)."""
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
        request = urllib.request.Request(self.base + path, data=data, method=method)
        token = key if key is not None else self.key
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with _opener.open(request, timeout=30) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, error.read())

    def ok(self, method, path, body=None, headers=None, key=None):
        """The answer's JSON; raises on any non-2xx."""
        answer = self.request(method, path, body, headers, key)
        if not 200 <= answer.status < 300:
            raise RuntimeError(f"{method} {path} -> {answer.status}: {answer.body[:500]!r}")
        return answer.json()

    def all_items(self, path):
        """Every item of a paged list."""
        items, cursor = [], None
        while True:
            separator = "&" if "?" in path else "?"
            page = self.ok("GET", path + (f"{separator}limit=200&cursor={urllib.parse.quote(cursor, safe='')}" if cursor else f"{separator}limit=200"))
            items.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return items
