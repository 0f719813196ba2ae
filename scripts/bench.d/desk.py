"""scripts/bench's web desk phase: the desk's pages on the demo's data, each read one after another
on one kept-alive connection as a signed-in owner for SECONDS seconds: p50 and p99 of each, and
whether the slowest p99 is within 200 ms. Serves BINARY on a fresh demo database of its own.

Usage: desk.py BINARY [SECONDS]; prints one line per page and a last line `desk <summary>`."""
import http.client, json, os, re, socket, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency import Reader  # noqa: E402

binary = os.path.abspath(sys.argv[1])
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5
work = tempfile.mkdtemp(prefix="frontdesk-bench-desk.")
database = os.path.join(work, "demo.sqlite")
subprocess.run([binary, "demo", "--database", database], check=True, capture_output=True)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
log = open(os.path.join(work, "server.log"), "w")
server = subprocess.Popen([binary, "serve", "--port", str(port), "--database", database], stdout=log, stderr=log, cwd=work)
try:
    for _ in range(300):
        time.sleep(0.1)
        # The server's own line, printed after the owner key (Hummingbird's log says "listening" first).
        if re.search(r"^Frontdesk .* listening on", open(os.path.join(work, "server.log")).read(), re.M):
            break
    made = subprocess.run([binary, "users", "create", "--email", "bench@example.com", "--name", "Bench", "--role", "owner",
                           "--database", database], check=True, capture_output=True, text=True).stdout
    invite = re.search(r"fdi_[A-Za-z0-9]+", made).group(0)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/api/v1/invitations/accept", json.dumps({"token": invite, "password": "bench password 1"}),
                       {"Content-Type": "application/json"})
    token = json.loads(connection.getresponse().read())["token"]
    key = re.search(r"fd_[A-Za-z0-9]+", open(os.path.join(work, "server.log")).read()).group(0)

    def get(path, headers):
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()

    _, body = get("/api/v1/locations", {"Authorization": f"Bearer {key}"})
    locations = json.loads(body)["items"]
    _, body = get("/api/v1/bookings?status=checked_in", {"Authorization": f"Bearer {key}"})
    number = json.loads(body)["items"][0]["number"]
    pages = [(f"today ({location['name']})", f"/today?location={location['id']}") for location in locations]
    _, body = get("/api/v1/members?limit=1", {"Authorization": f"Bearer {key}"})
    member = json.loads(body)["items"][0]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86_400))
    pages += [(f"booking {number}", f"/bookings/{number}"), ("kiosk", f"/kiosk?location={locations[0]['id']}"),
              ("sign-in", "/sign-in"), ("search by guest", "/bookings?number=" + member["name"].split()[0]),
              (f"member {member['name']}", f"/members/{member['id']}"), ("corrections", "/corrections"),
              ("settings", "/settings")]
    for location in locations:
        place = location["id"]
        pages += [(f"{page} ({location['name']})", f"/{path}?location={place}") for page, path in
                  (("calendar", "calendar"), ("who is in", "occupancy"), ("attendance", "attendance"), ("reports", "reports"))]
        pages.append((f"new booking ({location['name']})", f"/bookings/new?location={place}&from={today}&to={tomorrow}"))
    # Pages read the desk's cookie, not a bearer header.
    reader = Reader(f"http://127.0.0.1:{port}", token)
    reader.headers = {"Cookie": f"frontdesk_session={token}"}
    worst = 0.0
    for name, path in pages:
        reads, p50, p99, bad, size = reader.time(lambda: path, seconds)
        worst = max(worst, p99)
        print(f"  {name:<28} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  ({reads} reads of {size} B, non-200: {bad})")
    met = "met" if worst <= 200 else "NOT met"
    print(f"desk slowest page p99 {worst:.2f} ms over {len(pages)} pages of the demo (target <= 200 ms: {met})")
finally:
    server.terminate()
    server.wait()
