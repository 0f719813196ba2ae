"""The web desk in a real headless Chromium, as its users run it (see scripts/browser).

Each scenario is a function; a failed check stops the run with what was expected and what the page
showed, and a screenshot of every page visited is saved (NN-name.png)."""

import argparse, json, os, subprocess, sys, time, urllib.request
from datetime import datetime, timedelta, timezone

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "correct horse battery"
args = None
shots = 0


def api(method, path, body=None, token=None):
    """The API with the owner key (or `token`): the JSON answer, or the problem on a refusal."""
    request = urllib.request.Request(args.url + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + (token or args.key),
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            data = response.read()
            return json.loads(data) if data else None
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{method} {path}: {error.code} {error.read().decode()}")


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(driver, name):
    global shots
    shots += 1
    driver.save_screenshot(os.path.join(args.screenshots, f"{shots:02d}-{name}.png"))


def wait(driver, condition, what, seconds=10):
    """Waits until `condition(driver)` holds. An element gone while it is read (a row replaced, a page
    reloading under it) is read again at the next poll."""
    def check(d):
        try:
            return condition(d)
        except WebDriverException:
            return False
    try:
        return WebDriverWait(driver, seconds).until(check)
    except TimeoutException:
        shot(driver, "failed")
        raise AssertionError(f"waited {seconds} s for {what}; the page shows:\n{driver.find_element(By.TAG_NAME, 'body').text}")


def row(driver, number):
    found = driver.find_elements(By.ID, "booking-" + number)
    return found[0] if found else None


def section_of(driver, number):
    """The section (arrivals, in-house, departures) the booking's row is in, or None."""
    found = row(driver, number)
    return found.find_element(By.XPATH, "ancestor::section").get_attribute("aria-labelledby").removesuffix("-title") if found else None


def sign_in(driver, email, password=PASSWORD):
    driver.get(args.url + "/")
    wait(driver, lambda d: d.current_url.endswith("/sign-in"), "the sign-in form")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()


def setup():
    """A hotel with three rooms and two guests arriving today, booked through the API."""
    location = api("POST", "/api/v1/locations", {"name": "Harbour Hotel", "timezone": "UTC"})
    rooms = [api("POST", "/api/v1/resources", {"location_id": location["id"], "name": f"Room {n}", "kind": "room",
                                              "rate_amount": 9500, "rate_unit": "night"})["id"] for n in (101, 102, 103)]
    guest = api("POST", "/api/v1/members", {"name": "Priya Mehta"})["id"]
    # Started an hour ago and not yet arrived: today's arrivals at any hour of the day.
    now = datetime.now(timezone.utc)
    window = {"starts_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "ends_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    stays = [api("POST", "/api/v1/bookings", {"member_id": guest, "resource_ids": [room], **window})["number"]
             for room in rooms[:2]]
    return stays


def invited_owner_signs_in(driver):
    made = subprocess.run([args.binary, "users", "create", "--email", "ana@example.com", "--name", "Ana Costa",
                           "--role", "owner", "--url", args.url, "--database", args.database],
                          capture_output=True, text=True, check=True).stdout
    link = next(word for word in made.split() if "/invite/fdi_" in word)
    driver.get(link)
    shot(driver, "invite")
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.NAME, "confirm").send_keys(PASSWORD + "!")
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "The two passwords differ." in d.find_element(By.CSS_SELECTOR, ".error").text, "a mismatch message")
    driver.find_element(By.NAME, "confirm").clear()
    driver.find_element(By.NAME, "confirm").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: d.current_url.endswith("/today"), "the day's page after the invitation")
    assert "Ana Costa" in driver.find_element(By.CLASS_NAME, "who").text


def a_wrong_password_is_refused(driver):
    sign_in(driver, "ana@example.com", "not the password")
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, ".error").is_displayed(), "the refusal")
    message = driver.find_element(By.CSS_SELECTOR, ".error").text
    assert "do not match" in message, message
    assert driver.current_url.endswith("/sign-in")
    shot(driver, "wrong-password")


def a_hotel_day(driver, stays):
    driver.get(args.url + "/")  # signed in by the invitation
    wait(driver, lambda d: d.current_url.endswith("/today"), "the day's page")
    wait(driver, lambda d: section_of(d, stays[0]) == "arrivals" and section_of(d, stays[1]) == "arrivals", "two arrivals")
    shot(driver, "today-arrivals")
    row(driver, stays[0]).find_element(By.CSS_SELECTOR, "button.act").click()
    wait(driver, lambda d: section_of(d, stays[0]) == "in-house", f"{stays[0]} in the house")
    assert "Checked In" in row(driver, stays[0]).text
    shot(driver, "today-checked-in")
    row(driver, stays[0]).find_element(By.CSS_SELECTOR, "button.act").click()
    wait(driver, lambda d: row(d, stays[0]) is None, f"{stays[0]} gone once checked out")
    assert api("GET", f"/api/v1/bookings/{stays[0]}")["status"] == "completed"
    shot(driver, "today-checked-out")


def another_desk_is_seen_live(first, second, stays):
    api("POST", "/api/v1/users", {"email": "lin@example.com", "name": "Lin Chen", "role": "front_desk", "password": PASSWORD})
    sign_in(second, "lin@example.com")
    wait(second, lambda d: section_of(d, stays[1]) == "arrivals", f"{stays[1]} among the second desk's arrivals")
    first.get(args.url + "/today")
    wait(first, lambda d: row(d, stays[1]) is not None, f"{stays[1]} on the first desk")
    row(first, stays[1]).find_element(By.CSS_SELECTOR, "button.act").click()
    # The second desk does not reload: the event stream moves the row.
    wait(second, lambda d: section_of(d, stays[1]) == "in-house", f"{stays[1]} moved live on the second desk")
    shot(second, "today-live")


def a_bookings_page(driver, number):
    box = driver.find_element(By.NAME, "number")
    box.send_keys(number.lower())
    box.submit()
    wait(driver, lambda d: d.current_url.endswith("/bookings/" + number), f"{number}'s page from the search box")
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Priya Mehta" in page and "Checked In" in page and "History" in page, page
    # Its invoice, settled at the desk: the amount due is filled in.
    driver.find_element(By.CSS_SELECTOR, "form[data-api='/api/v1/payments'] button[type=submit]").click()
    wait(driver, lambda d: d.find_element(By.ID, "balance").text == "0.00", "a settled balance")
    assert "payment · card" in driver.find_element(By.CLASS_NAME, "payments").text
    shot(driver, "booking-paid")


def a_deposit_held_and_a_return_with_damage(driver, number):
    driver.get(f"{args.url}/bookings/{number}")
    deposit = driver.find_element(By.ID, "deposit")
    deposit.find_element(By.NAME, "amount").send_keys("50")
    deposit.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "held" in d.find_element(By.CLASS_NAME, "deposits").text, "the deposit held")
    back = driver.find_element(By.ID, "return")
    back.find_element(By.NAME, "damage.description").send_keys("Broken lamp")
    back.find_element(By.NAME, "damage.amount").send_keys("20")
    back.find_element(By.NAME, "capture_deposit").click()
    back.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "Completed" in d.find_element(By.TAG_NAME, "h1").text, f"{number} completed by its return")
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Broken lamp" in page and "(held 30.00)" in page, page  # 20.00 of the 50.00 captured for the damage
    assert api("GET", f"/api/v1/bookings/{number}")["status"] == "completed"
    shot(driver, "booking-returned")


def a_booking_found_by_its_guest(driver, stays):
    box = driver.find_element(By.NAME, "number")
    box.send_keys("priya")
    box.submit()
    wait(driver, lambda d: d.find_elements(By.ID, "search-results"), "the bookings of Priya")
    found = driver.find_element(By.ID, "search-results").text
    assert all(number in found for number in stays), found
    shot(driver, "search")


def two_rooms_booked_at_the_desk(driver):
    start = (datetime.now(timezone.utc) + timedelta(days=10)).date()
    driver.get(f"{args.url}/bookings/new")
    form = driver.find_element(By.ID, "dates")
    for name, day in (("from", start), ("to", start + timedelta(days=2))):
        field = form.find_element(By.NAME, name)
        driver.execute_script("arguments[0].value = arguments[1]", field, day.isoformat())
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: d.find_elements(By.ID, "new-booking"), "what is free")
    picks = driver.find_elements(By.CSS_SELECTOR, "#new-booking input[name=resource_ids]")
    assert len(picks) == 3, f"{len(picks)} rooms free"
    picks[0].click()
    picks[1].click()
    driver.find_element(By.NAME, "member.name").send_keys("Ravi Kumar")
    shot(driver, "new-booking")
    driver.find_element(By.CSS_SELECTOR, "#new-booking button[type=submit]").click()
    wait(driver, lambda d: "/bookings/BK-" in d.current_url, "the new booking's page")
    number = driver.current_url.rsplit("/", 1)[1]
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "Ravi Kumar" in page and "Room 101" in page and "Room 102" in page, page
    # The calendar of that week shows it on both rooms.
    driver.get(f"{args.url}/calendar?from={start.isoformat()}")
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, f"a.cal-bar[href='/bookings/{number}']")) == 2,
         f"{number} on two rooms of the calendar")
    shot(driver, "calendar")


def who_is_in_follows_the_door(driver):
    gym = next(place for place in api("GET", "/api/v1/locations")["items"] if place["name"] == "Harbour Gym")["id"]
    driver.get(f"{args.url}/occupancy?location={gym}")
    wait(driver, lambda d: "Bea Lopes" in d.find_element(By.ID, "live").text, "Bea in the gym")
    shot(driver, "occupancy")
    visit = api("GET", f"/api/v1/checkins?state=in_progress&location_id={gym}")["items"][0]["id"]
    api("POST", f"/api/v1/checkins/{visit}/check-out", {})
    wait(driver, lambda d: "Nobody is in" in d.find_element(By.ID, "live").text, "Bea gone once checked out, without a reload")


def settings_invite_a_user_and_manage_keys(driver):
    driver.get(args.url + "/settings")
    form = driver.find_element(By.ID, "new-user")
    form.find_element(By.NAME, "name").send_keys("Noor Haddad")
    form.find_element(By.NAME, "email").send_keys("noor@example.com")
    Select(form.find_element(By.NAME, "role")).select_by_value("viewer")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: "/invite/fdi_" in d.find_element(By.CSS_SELECTOR, "#new-user output").text, "the invitation's link")
    keys = driver.find_element(By.ID, "new-key")
    keys.find_element(By.NAME, "name").send_keys("door scanner")
    Select(keys.find_element(By.NAME, "role")).select_by_value("kiosk")
    keys.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#new-key output").text.strip() != "", "the key's secret")
    secret = driver.find_element(By.CSS_SELECTOR, "#new-key output").text.strip()
    assert api("GET", "/api/v1/locations", token=secret)["items"], "the new key does not work"
    shot(driver, "settings")
    driver.get(args.url + "/settings")
    scanner = lambda d: [row for row in d.find_elements(By.CSS_SELECTOR, "tr") if "door scanner" in row.text]
    scanner(driver)[0].find_element(By.CSS_SELECTOR, "button.act").click()
    driver.switch_to.alert.accept()
    wait(driver, lambda d: not scanner(d), "the key revoked")
    assert "noor@example.com" in driver.find_element(By.ID, "users").find_element(By.XPATH, "following-sibling::table").text


def a_correction_approved_and_applied(driver):
    gym = next(place for place in api("GET", "/api/v1/locations")["items"] if place["name"] == "Harbour Gym")["id"]
    floor = api("GET", f"/api/v1/resources?location_id={gym}")["items"][0]["id"]
    member = api("GET", "/api/v1/members?q=Bea")["items"][0]["id"]
    yesterday = datetime.now(timezone.utc) - timedelta(days=1)
    correction = api("POST", "/api/v1/attendance/corrections", {
        "type": "add_missing_attendance", "member_id": member, "resource_id": floor, "reason": "the door was down",
        "check_in": yesterday.strftime("%Y-%m-%dT09:00:00Z"), "check_out": yesterday.strftime("%Y-%m-%dT10:00:00Z")})["id"]
    driver.get(args.url + "/corrections")
    row = lambda d: d.find_element(By.ID, "correction-" + correction)
    row(driver).find_element(By.XPATH, ".//button[text()='Approve']").click()
    wait(driver, lambda d: "approved" in row(d).text, "the correction approved")
    row(driver).find_element(By.XPATH, ".//button[text()='Apply']").click()
    wait(driver, lambda d: not d.find_elements(By.ID, "correction-" + correction), "the correction applied")
    assert api("GET", f"/api/v1/attendance/corrections/{correction}")["status"] == "applied"
    driver.get(f"{args.url}/attendance?location={gym}")
    wait(driver, lambda d: "Bea Lopes" in d.find_element(By.TAG_NAME, "main").text, "Bea among the regulars")
    shot(driver, "attendance")
    driver.find_element(By.LINK_TEXT, "Bea Lopes").click()
    wait(driver, lambda d: d.find_elements(By.ID, "member-stats"), "Bea's page")
    shot(driver, "member")


def reports_with_their_csv(driver):
    driver.get(args.url + "/reports")
    wait(driver, lambda d: d.find_elements(By.ID, "activity"), "the activity report")
    assert "Room 101" in driver.find_element(By.ID, "activity").text
    link = driver.find_element(By.CSS_SELECTOR, "a.download").get_attribute("href")
    assert "/reports/activity.csv?" in link, link
    shot(driver, "reports")


def a_kiosk_at_the_door(driver):
    gym = api("POST", "/api/v1/locations", {"name": "Harbour Gym", "timezone": "UTC"})["id"]
    api("POST", "/api/v1/resources", {"location_id": gym, "name": "Gym floor", "kind": "gym", "capacity": 80,
                                      "rate_amount": 0, "rate_unit": "session"})
    member = api("POST", "/api/v1/members", {"name": "Bea Lopes", "type": "member"})["id"]
    api("POST", f"/api/v1/members/{member}/codes", {"value": "BADGE-0042", "kind": "badge"})
    api("POST", "/api/v1/users", {"email": "door@example.com", "name": "Gym door", "role": "kiosk", "password": PASSWORD})
    sign_in(driver, "door@example.com")
    wait(driver, lambda d: d.current_url.endswith("/today"), "the signed-in desk")
    driver.get(f"{args.url}/kiosk?location={gym}")
    answer = lambda d: d.find_element(By.ID, "kiosk-answer").text
    driver.find_element(By.NAME, "code").send_keys("BADGE-0042\n")
    wait(driver, lambda d: answer(d).startswith("Welcome: you are checked in. Visit 1"), "the member greeted")
    shot(driver, "kiosk-in")
    driver.find_element(By.NAME, "code").send_keys("NO-SUCH-BADGE\n")
    wait(driver, lambda d: "No member holds this code" in answer(d), "an unknown code refused")
    assert driver.switch_to.active_element.get_attribute("name") == "code", "the field keeps the focus for the next scan"


def a_user_limited_to_one_location(driver):
    hotel = next(place for place in api("GET", "/api/v1/locations")["items"] if place["name"] == "Harbour Hotel")["id"]
    annex = api("POST", "/api/v1/locations", {"name": "Hill Annex", "timezone": "UTC"})["id"]
    cabin = api("POST", "/api/v1/resources", {"location_id": annex, "name": "Cabin 1", "kind": "room",
                                              "rate_amount": 7000, "rate_unit": "night"})["id"]
    guest = api("POST", "/api/v1/members", {"name": "Tomas Silva"})["id"]
    room = next(r for r in api("GET", f"/api/v1/resources?location_id={hotel}")["items"] if r["name"] == "Room 103")["id"]
    now = datetime.now(timezone.utc)
    window = {"starts_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "ends_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    here = api("POST", "/api/v1/bookings", {"member_id": guest, "resource_ids": [room], **window})["number"]
    away = api("POST", "/api/v1/bookings", {"member_id": guest, "resource_ids": [cabin], **window})["number"]
    api("POST", "/api/v1/users", {"email": "hotel@example.com", "name": "Hotel desk", "role": "front_desk",
                                  "location_ids": [hotel], "password": PASSWORD})
    driver.delete_all_cookies()
    sign_in(driver, "hotel@example.com")
    wait(driver, lambda d: row(d, here) is not None, f"{here} on the hotel desk's day")
    assert row(driver, away) is None, f"{away}, the annex's, is on the hotel desk's day"
    assert "Hill Annex" not in driver.find_element(By.TAG_NAME, "body").text, "the annex offered to the hotel desk"
    shot(driver, "limited-today")
    for path in (f"/bookings/{away}", f"/today?location={annex}"):
        driver.get(args.url + path)
        wait(driver, lambda d: "not found" in d.find_element(By.TAG_NAME, "main").text.lower(), f"{path} not found")
    shot(driver, "limited-not-found")
    driver.get(f"{args.url}/bookings?number={away}")
    wait(driver, lambda d: "not found" in d.find_element(By.TAG_NAME, "main").text.lower(), f"{away} not found by search")


def an_expired_session_signs_in_again(driver):
    token = driver.get_cookie("frontdesk_session")["value"]
    api("DELETE", "/api/v1/sessions/current", token=token)
    driver.get(args.url + "/today")
    wait(driver, lambda d: d.current_url.endswith("/sign-in"), "the sign-in form once the session ended")


def signing_out(driver):
    driver.find_element(By.ID, "sign-out").click()
    wait(driver, lambda d: d.current_url.endswith("/sign-in"), "the sign-in form after signing out")
    driver.get(args.url + "/today")
    wait(driver, lambda d: d.current_url.endswith("/sign-in"), "no day's page once signed out")
    shot(driver, "signed-out")


def main():
    global args
    parser = argparse.ArgumentParser()
    for name in ("--url", "--key", "--binary", "--database", "--screenshots"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    stays = setup()
    first, second = browser(), browser()
    passed = []
    try:
        for scenario, run in [
            ("an invited owner sets a password and signs in", lambda: invited_owner_signs_in(first)),
            ("a wrong password is refused with a message", lambda: a_wrong_password_is_refused(second)),
            ("a hotel day: two arrivals, one checked in and out", lambda: a_hotel_day(first, stays)),
            ("another desk's check-in is seen live", lambda: another_desk_is_seen_live(first, second, stays)),
            ("a booking's page: found by its number, its invoice paid", lambda: a_bookings_page(first, stays[1])),
            ("a deposit held, then a return with damage", lambda: a_deposit_held_and_a_return_with_damage(first, stays[1])),
            ("bookings found by their guest's name", lambda: a_booking_found_by_its_guest(first, stays)),
            ("two rooms booked at the desk, seen on the calendar", lambda: two_rooms_booked_at_the_desk(first)),
            ("an ended session goes back to the sign-in form", lambda: an_expired_session_signs_in_again(second)),
            ("a kiosk at the door: a badge checks in, an unknown one is refused", lambda: a_kiosk_at_the_door(second)),
            ("who is in follows the door, live", lambda: who_is_in_follows_the_door(first)),
            ("a correction approved and applied, the attendance it makes", lambda: a_correction_approved_and_applied(first)),
            ("reports with their CSV", lambda: reports_with_their_csv(first)),
            ("settings: a user invited, a key made and revoked", lambda: settings_invite_a_user_and_manage_keys(first)),
            ("a user limited to the hotel sees nothing of the annex", lambda: a_user_limited_to_one_location(second)),
            ("signing out", lambda: signing_out(first)),
        ]:
            started = time.monotonic()
            run()
            passed.append(scenario)
            print(f"browser: ok   {scenario} ({time.monotonic() - started:.1f} s)", file=sys.stderr)
        for driver in (first, second):
            # Script errors; refused requests (the wrong password's 401) are the network's entries.
            errors = [entry for entry in driver.get_log("browser")
                      if entry["level"] == "SEVERE" and entry.get("source") != "network"]
            assert not errors, f"the pages' scripts logged errors: {errors}"
    except AssertionError as failure:
        print(f"browser: FAILED after {len(passed)} scenarios: {failure}", file=sys.stderr)
        return 1
    finally:
        first.quit()
        second.quit()
    print(f"browser: {len(passed)} scenarios passed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
