"""schemathesis hooks of scripts/fuzz (loaded through SCHEMATHESIS_HOOKS).

Generated ids almost never name a row, so every request would stop at 404 or at "no such member".
Before each call, an id the generator made (a path id, a body or query field that is a UUID) is
replaced half of the time by the id of a real seeded row of the right kind (FRONTDESK_FUZZ_IDS, the
JSON seed.py wrote), so the rules behind the lookups are fuzzed too. Only values that are valid
UUIDs are swapped, so a request made invalid on purpose stays invalid. DELETE only ever gets the
spare rows, and reads never get them, so the seeded ones stay for the rest. The stateful phase
is left alone: its ids come from the responses it follows.

Two values the spec can only describe are made real in requests valid by the spec: a `cursor`
becomes one the server returned for that list (a cursor is opaque), and a `timezone` that is not
an IANA name becomes one (the spec states the shape of a name, not the list of them).

Some refusals of a request valid by the spec are right and no JSON Schema can state them: rules
across fields (an end after its start), references to rows that do not exist, and the state a
request meets (a reused Idempotency-Key, a check-out before the check-in). `filter_failure` drops
a "schema-valid request rejected" failure only when every issue the server listed is one of
those (INEXPRESSIBLE below); any other refusal fails the run.
"""

import itertools
import json
import os
import random
import re
import uuid

import schemathesis

with open(os.environ["FRONTDESK_FUZZ_IDS"]) as _file:
    IDS = json.load(_file)
SEED = os.environ.get("FRONTDESK_FUZZ_SEED", "0")
SWAP = 0.5
_KEYS = itertools.count()

# Path prefix → (pool for reads and changes, pool for DELETE)
PATH_POOLS = {
    "/api/v1/locations/": ("location_ids", IDS["location_ids"][-1:]),
    "/api/v1/resources/": ("resource_ids", IDS["resource_ids"][-1:]),
    "/api/v1/members/": ("member_ids", IDS["member_ids"][-1:]),
    "/api/v1/bookings/": ("booking_refs", IDS["deletable_booking_refs"]),
    "/api/v1/checkins/": ("checkin_ids", IDS["checkin_ids"][-1:]),
    "/api/v1/actions/": ("action_ids", []),
    "/api/v1/webhook-deliveries/": ("delivery_ids", []),
    "/api/v1/api-keys/": ("api_key_ids", IDS["api_key_ids"]),
    "/api/v1/invoices/": ("invoice_ids", []),
}
IDS["booking_refs"] = IDS["booking_ids"] + IDS["booking_numbers"]
# Reads and changes never get a spare row: a DELETE may have removed it.
SPARE = {value for _, spare in PATH_POOLS.values() for value in spare}
for _pool in ["location_ids", "resource_ids", "member_ids", "booking_refs", "checkin_ids", "booking_ids"]:
    IDS[_pool] = [value for value in IDS[_pool] if value not in SPARE]

TIME_ZONES = ["UTC", "Europe/Lisbon", "Europe/Paris", "America/New_York", "America/Argentina/Buenos_Aires",
              "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Etc/GMT+5", "Africa/Casablanca"]

# Issues (field pattern, message pattern) that no JSON Schema states: rules across fields, rows that
# do not exist, the state the request meets. The spec says each of them in prose.
INEXPRESSIBLE = [
    (r".*", r"must be after (from|starts_at|check_in)"),
    (r".*", r"give either starts_at/ends_at or check_in/check_out, not both"),
    (r".*", r"a window is required: .*|resource_ids need a window|each line needs a window, .*"),
    (r".*", r"give resource_ids or lines(, not both)?"),
    (r".*", r"is required with \w+|give starts_at and ends_at together"),
    (r".*", r"a (line|visit) may last at most 400 days"),
    (r"to", r"must be at most 366 days after from"),
    (r".*", r"must fall in the years 1970 to 2199"),
    (r".*", r"no such .*|is not a (location|resource) of the organization"),
    (r".*", r".*is not (a line|a resource|the member) of (this )?booking.*"),
    (r"at|check_out", r"must not be before check_in.*"),
    (r"at", r"must not be before line .*'s check-in.*"),
    (r".*", r"must not lie in the future.*"),
    # A booking changed at the desk meets the booking as it is; a guest is named or made, one of
    # the two (the spec's generator cannot take a oneOf of required members); tiers rise.
    (r"member_id", r"give member_id or member, one of the two"),
    (r".*", r"changes nothing"),
    (r"resource_id", r".* is already a line of booking .*|a booking holds at most \d+ lines"),
    (r"line_id", r"is the booking's last line: cancel the booking instead"),
    (r"starts_at", r"a checked-in line keeps its start .*"),
    (r"resource_id", r"a line is swapped only at check-in|swaps one line: name it in line_ids or resource_ids"),
    # A password is at most 72 bytes, what bcrypt reads: a schema counts characters.
    (r"password", r"must be at most 72 bytes"),
    (r"rate_tiers\[\d+\]\.up_to_minutes", r"must be longer than the tier before"),
    (r"line_ids", r".* is (not checked in|already \w+)"),
    # Free JSON: its depth, size and numbers are stated in prose (CheckinMetadata).
    (r"metadata", r".*"),
    (r"type", r"cannot change: .*"),
    (r"check_in", r"a booking's visit is checked in by its check-in call.*"),
    (r"allowed_member_types", r"\"\*\" \(every type\) stands alone"),
    (r"scans", r"a nonce names one scan of the batch"),
    (r"resource_id", r"the location has (no resource to check into|\d+ resources .*)"),
    (r"types\..*\.overtime_hours", r"full_day_hours must be more than 0, and overtime_hours more than it.*"),
    # A host the spec's pattern allows may still be private (0, 10.1) or not a host name URL reads.
    (r"url", r"must not be a private or loopback address|must have a valid host name or IP address"),
    # The time zone database's names: the pattern states their shape (the stateful phase's
    # requests do not go through _make_real, which picks real ones).
    (r"timezone", r"must be an IANA time zone name .*"),
    # Money meets the billing settings as they are: a tax category needs its rate, each category once,
    # and the two prefixes differ; a line's quantity × unit amount stays within 2^53.
    (r"tax_category|resource_tax_categories\..*", r"must be standard or a category of (the )?tax.rates"),
    (r"tax_rates", r"must not repeat a category"),
    (r"credit_note_prefix", r"must differ from invoice_prefix"),
    (r"unit_amount", r"quantity × unit_amount must be at most 2\^53 minor units"),
    # An attendance correction's value meets the visit as it is.
    (r"value", r"must be (before|after) the visit's check_(in|out) .*"),
]
# The state the request meets: a correction naming a visit that does not exist, or no longer does;
# a scan of a member scanned at the place moments ago (429), or whom attendance refuses (turned off
# for them, paused or expired, a type not allowed).
# Money meets the invoice as it is: its currency (the organization's), its balance, what was paid,
# what a deposit still holds.
# A sign-in meets the count of wrong passwords before it; a user's email, the other users'.
INEXPRESSIBLE_CODES = {"idempotency_key_reused", "visit_not_found", "scan_debounced", "attendance_not_enabled",
                       "member_inactive", "member_type_not_allowed", "currency_mismatch", "payment_exceeds_balance",
                       "refund_exceeds_paid", "credit_exceeds_invoice", "deposit_exceeded", "deposit_settled",
                       "too_many_attempts", "email_taken"}

FIELD_POOLS = {
    "location_id": "location_ids",
    "resource_id": "resource_ids",
    "resource_ids": "resource_ids",
    "member_id": "member_ids",
    "booking_id": "booking_ids",
    "checkin_id": "checkin_ids",
    "line_ids": "line_ids",
    "action_id": "action_ids",
    "invoice_id": "invoice_ids",
}


def _is_uuid(value):
    if not isinstance(value, str):
        return False
    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False


def _swap(rng, value, pool):
    if _is_uuid(value) and pool and rng.random() < SWAP:
        return rng.choice(pool)
    return value


def _swap_fields(rng, data):
    """Swaps the id fields of a JSON object in place (and of the objects in its `lines`)."""
    if not isinstance(data, dict):
        return
    for field, value in list(data.items()):
        if field == "scope_id":
            scope = data.get("scope")
            pool = IDS["location_ids"] if scope == "location" else IDS["resource_ids"] if scope == "resource" else []
            data[field] = _swap(rng, value, pool)
        elif field in FIELD_POOLS:
            pool = IDS.get(FIELD_POOLS[field], [])
            if isinstance(value, list):
                data[field] = [_swap(rng, item, pool) for item in value]
            else:
                data[field] = _swap(rng, value, pool)
        elif field == "lines" and isinstance(value, list):
            for line in value:
                _swap_fields(rng, line)


def _is_positive(case):
    try:
        return case.meta.generation.mode.is_positive
    except AttributeError:
        return False


def _phase(case):
    try:
        return str(case.meta.phase.name)
    except AttributeError:
        return ""


@schemathesis.hook
def filter_failure(context, failure, case, response):
    """False (drop the failure) for a refusal of a valid request by a rule no schema can state."""
    # schemathesis reads the YAML of /openapi.yaml as data and compares it with `type: string`.
    if getattr(failure, "code", "") == "ST108" and case.path == "/openapi.yaml":
        return False
    # A deleted booking's or checkin's audit trail stays readable by its id, by design (README).
    if getattr(failure, "code", "") == "ST301" and case.path.endswith("/audit"):
        return False
    if getattr(failure, "code", "") != "ST202":
        return True
    try:
        problem = json.loads(response.content)
    except (ValueError, AttributeError):
        return True
    if not isinstance(problem, dict):
        return True
    if problem.get("code") in INEXPRESSIBLE_CODES:
        return False
    # A pattern states the ranges of a date's fields, not the days of each month in each year.
    if problem.get("code") == "malformed_request" and re.fullmatch(
            r"\w+ must be an RFC 3339 date-time .*: \".*\" has day \d+, but .*", str(problem.get("detail", "")), re.S):
        return False
    issues = problem.get("errors") if problem.get("code") == "validation_failed" else None
    if not issues:
        return True
    # A PATCH of an action meets the action as it is: its type (fixed), which takes a `url` or not
    # and binds to some triggers only, and its scope, which `scope_id` alone keeps.
    body = case.body if isinstance(case.body, dict) else {}
    if case.method.upper() == "PATCH" and case.path.startswith("/api/v1/actions/") and all(
            (issue.get("field") == "scope_id" and "scope" not in body)
            or (issue.get("field") == "url" and issue.get("message") == "is only for webhooks")
            or (issue.get("field") == "trigger" and "type" not in body
                and str(issue.get("message", "")).startswith("a ready_next_booking action fires on "))
            for issue in issues):
        return False
    return not all(any(re.fullmatch(field, str(issue.get("field", "")), re.S) and
                       re.fullmatch(message, str(issue.get("message", "")), re.S)
                       for field, message in INEXPRESSIBLE)
                   for issue in issues)


@schemathesis.hook
def before_call(context, case, kwargs):
    if _is_positive(case):
        _make_real(case)
    if _phase(case) != "stateful":
        _swap_ids(case)
    elif "Idempotency-Key" in (case.headers or {}):
        # The stateful phase follows the ids of the responses it chains: they stay. A key it drew
        # before would replay an old answer, naming a row a later step of the chain already deleted.
        case.headers["Idempotency-Key"] = f"fuzz-{SEED}-{next(_KEYS)}"


def _rng(case):
    key = f"{SEED}|{case.method}|{case.path}|{case.path_parameters}|{case.query}|" + json.dumps(
        case.body, sort_keys=True, default=str)
    return random.Random(key)


def _make_real(case):
    """A cursor the server returned for this list, an IANA time zone."""
    rng = _rng(case)
    if case.query and "cursor" in case.query:
        match = re.match(r"^/api/v1/([a-z-]+)$", case.path)
        cursor = IDS["cursors"].get(match.group(1)) if match else None
        if cursor:
            case.query["cursor"] = cursor
        else:
            del case.query["cursor"]
    if isinstance(case.body, dict):
        zone = case.body.get("timezone")
        if isinstance(zone, str) and zone not in TIME_ZONES and zone != "":
            case.body["timezone"] = rng.choice(TIME_ZONES)


def _swap_ids(case):
    rng = _rng(case)
    if case.path_parameters and "id" in case.path_parameters:
        for prefix, (pool, deletable) in PATH_POOLS.items():
            if case.path.startswith(prefix):
                current = case.path_parameters["id"]
                choices = deletable if case.method.upper() == "DELETE" else IDS.get(pool, [])
                if choices and rng.random() < SWAP and (_is_uuid(current) or pool == "booking_refs"):
                    case.path_parameters["id"] = rng.choice(choices)
                break

    if isinstance(case.body, dict):
        _swap_fields(rng, case.body)
    if case.query:
        _swap_fields(rng, case.query)
