"""Closed-loop HTTP load test of the main pages, standard library only.

Each virtual user logs in once (real login form, CSRF and all; the logins are not
timed: the clock starts once every user has logged in) and then goes through the
journey of its role in a loop for a fixed time, with no think time. The logins
come from ``manage.py loadtest_users`` (a file of ``role username employee unit``
lines) and the users are spread over the roles as in real use: by default 70 %
staff, 20 % heads, 10 % BPSDM. Staff record a briefing on every round (the form,
then a POST of it: themselves present, at an evening slot of a past day no other
round uses, so it never overlaps another activity) and look at their own pages;
heads look at their unit; BPSDM at the province. Prints requests per second, latency
percentiles (overall and per role and page) and errors. Sends traffic only to the
base URL it is given (loopback).

    python scripts/loadtest.py --base http://127.0.0.1:18081 --logins logins.txt \\
        --password "$LOADTEST_PASSWORD" --users 50 --seconds 60
"""

import argparse
import collections
import datetime as dt
import http.cookiejar
import itertools
import json
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from urllib.parse import urlparse

BRIEFING = "POST /kegiatan/briefing/"
# The pages of each role, in order; {employee} is the login's own employee.
JOURNEYS = {
    "staf": [
        "/",
        "/kegiatan/briefing/",
        BRIEFING,
        "/kegiatan/",
        "/laporan/pegawai/{employee}/",
        "/jp/pegawai/{employee}/",
        "/pemberitahuan/",
    ],
    "kepala": [
        "/",
        "/kegiatan/verifikasi/",
        "/unit/",
        "/pegawai/",
        "/laporan/",
        "/jp/",
    ],
    "bpsdm": ["/", "/laporan/provinsi/", "/program/", "/jp/", "/kegiatan/"],
}
DEFAULT_MIX = "staf=70,kepala=20,bpsdm=10"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TIMEOUT = 30
# Fifty users logging in at the same moment queue behind each other's password
# hashing (deliberately slow): the login phase is not timed, so it may wait longer.
LOGIN_TIMEOUT = 300
# At most this many logins at once (users do not all press "Masuk" in the same second).
_logging_in = threading.Semaphore(4)
# Briefing slots: 19:00, 19:15, … 21:45 of yesterday, then of the day before, …
SLOTS_PER_DAY = 12
_slots = itertools.count()
_slot_lock = threading.Lock()


def _check_loopback(base: str) -> None:
    host = urlparse(base).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        sys.exit(f"refusing to load-test a non-loopback host: {host}")


def _opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def _token(page: str) -> str:
    found = CSRF.search(page)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def _post(opener, base: str, path: str, fields: dict, page: str, timeout=TIMEOUT):
    data = urllib.parse.urlencode(
        {**fields, "csrfmiddlewaretoken": _token(page)}, doseq=True
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}{path}", data=data, headers={"Referer": f"{base}{path}"}
    )
    return opener.open(request, timeout=timeout)  # noqa: S310


def _login(opener, base: str, username: str, password: str) -> None:
    url = f"{base}/akun/masuk/"
    page = opener.open(url, timeout=LOGIN_TIMEOUT).read().decode()  # noqa: S310
    fields = {"username": username, "password": password}
    final = _post(opener, base, "/akun/masuk/", fields, page, timeout=LOGIN_TIMEOUT)
    final.read()
    if final.geturl().rstrip("/") != base.rstrip("/"):
        raise RuntimeError(f"login failed for {username}: ended at {final.geturl()}")


def _slot(today: dt.date) -> str:
    with _slot_lock:
        n = next(_slots)
    day = today - dt.timedelta(days=1 + n // SLOTS_PER_DAY)
    minutes = 19 * 60 + 15 * (n % SLOTS_PER_DAY)
    return f"{day.isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"


def _record_briefing(opener, base: str, login: dict, form_page: str) -> str | None:
    """POST the briefing; None when recorded (the answer is the activity's page),
    else what went wrong."""
    fields = {
        "unit": login["unit"],
        "started_at": _slot(dt.date.today()),
        "duration_minutes": "10",
        "agenda_kind": "setia_motivation",
        "summary": "Briefing pagi",
        "present": [login["employee"]],
        "confirm_duplicate": "on",
        "client_key": str(uuid.uuid4()),
    }
    response = _post(opener, base, "/kegiatan/briefing/", fields, form_page)
    response.read()
    if not re.search(r"/kegiatan/\d+/$", urlparse(response.geturl()).path):
        return f"briefing not recorded (ended at {response.geturl()})"
    return None


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.by_page: dict[tuple[str, str], list[float]] = {}
        self.errors: list[str] = []
        self.logins = 0
        self.exports: list[int] = []

    def add(self, role: str, page: str, elapsed: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(elapsed)
            self.by_page.setdefault((role, page), []).append(elapsed)
            if error:
                self.errors.append(f"{role} {page}: {error}")


def _user(base, login, password, clock, tally: Tally):
    """Log in, wait for every user to have logged in, then run the journey until
    the deadline (``clock`` holds it once the barrier is passed)."""
    opener = _opener()
    try:
        with _logging_in:
            _login(opener, base, login["username"], password)
    except Exception as exc:  # noqa: BLE001 - counted and reported
        with tally.lock:
            tally.errors.append(f"login {login['username']}: {exc}")
        opener = None
    else:
        with tally.lock:
            tally.logins += 1
    clock["barrier"].wait()
    if opener is None:
        return
    deadline = clock["deadline"]
    journey = JOURNEYS[login["role"]]
    last_page = ""
    for step in itertools.cycle(journey):
        if time.monotonic() >= deadline:
            break
        error = None
        start = time.perf_counter()
        try:
            if step == BRIEFING:
                error = _record_briefing(opener, base, login, last_page)
            else:
                path = step.format(employee=login["employee"])
                response = opener.open(f"{base}{path}", timeout=TIMEOUT)  # noqa: S310
                last_page = response.read().decode("utf-8", "replace")
                if response.status != 200:
                    error = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            error = f"HTTP {exc.code}"
        except Exception as exc:  # noqa: BLE001
            error = str(exc)
        tally.add(login["role"], step, time.perf_counter() - start, error)


def _queue_exports(base, logins, password, clock, count, path, after, tally: Tally):
    """``after`` seconds into the run, ask for ``count`` background exports of
    ``path`` (its confirmation page, then the POST), one per BPSDM login in turn."""
    clock["barrier"].wait()
    time.sleep(after)
    for n in range(count):
        login = logins[n % len(logins)]
        try:
            opener = _opener()
            _login(opener, base, login["username"], password)
            page = opener.open(f"{base}{path}", timeout=TIMEOUT).read().decode()  # noqa: S310
            response = _post(opener, base, path, {}, page)
            response.read()
            found = re.search(r"/ekspor/(\d+)/$", urlparse(response.geturl()).path)
            if found is None:
                raise RuntimeError(f"no export job (ended at {response.geturl()})")
            with tally.lock:
                tally.exports.append(int(found.group(1)))
        except Exception as exc:  # noqa: BLE001 - counted and reported
            with tally.lock:
                tally.errors.append(f"export {path}: {exc}")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def read_logins(path: str) -> dict[str, list[dict]]:
    by_role: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            role, username, employee, unit = line.split()
            by_role.setdefault(role, []).append(
                {"role": role, "username": username, "employee": employee, "unit": unit}
            )
    return by_role


def assign(by_role: dict[str, list[dict]], mix: str, users: int) -> list[dict]:
    """``users`` virtual users spread over the roles by ``mix`` (largest remainder),
    each role's logins taken in turn (a login may have several sessions)."""
    weights = {}
    for part in mix.split(","):
        role, weight = part.split("=")
        if role not in JOURNEYS:
            sys.exit(f"unknown role in --mix: {role}")
        if by_role.get(role):
            weights[role] = float(weight)
    total = sum(weights.values())
    shares = {role: users * w / total for role, w in weights.items()}
    counts = {role: int(share) for role, share in shares.items()}
    rest = sorted(shares, key=lambda r: shares[r] - counts[r], reverse=True)
    for role in rest[: users - sum(counts.values())]:
        counts[role] += 1
    return [
        by_role[role][n % len(by_role[role])]
        for role in weights
        for n in range(counts[role])
    ]


def summary(tally: Tally, users: int, duration: float) -> dict:
    ms = [v * 1000 for v in tally.latencies]
    return {
        "users": users,
        "duration_s": round(duration, 1),
        "requests": len(ms),
        "req_per_s": round(len(ms) / duration, 1) if duration else 0,
        "p50_ms": round(percentile(ms, 50)) if ms else None,
        "p95_ms": round(percentile(ms, 95)) if ms else None,
        "p99_ms": round(percentile(ms, 99)) if ms else None,
        "mean_ms": round(statistics.fmean(ms)) if ms else None,
        "errors": len(tally.errors),
        "logins": tally.logins,
        "briefings": sum(
            len(values) for key, values in tally.by_page.items() if key[1] == BRIEFING
        )
        - sum(1 for error in tally.errors if BRIEFING in error),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://127.0.0.1:18081")
    parser.add_argument("--logins", required=True, help="output of loadtest_users")
    parser.add_argument("--password", required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--mix", default=DEFAULT_MIX, help="role=weight,…")
    parser.add_argument("--label", default="", help="name printed with the figures")
    parser.add_argument("--json", help="also write the summary to this file")
    parser.add_argument(
        "--exports", type=int, default=0, help="background exports to ask for"
    )
    parser.add_argument("--exports-path", default="/pegawai/ekspor.csv")
    parser.add_argument("--exports-after", type=float, default=5.0, help="seconds")
    parser.add_argument(
        "--started-file", help="written (the start time) when the clock starts"
    )
    args = parser.parse_args()
    _check_loopback(args.base)
    by_role = read_logins(args.logins)
    team = assign(by_role, args.mix, args.users)
    tally = Tally()
    clock: dict = {}
    login_start = time.monotonic()

    def start_clock():
        clock["login_s"] = time.monotonic() - login_start
        clock["start"] = time.monotonic()
        clock["deadline"] = clock["start"] + args.seconds
        if args.started_file:
            with open(args.started_file, "w", encoding="utf-8") as handle:
                handle.write(f"{time.time():.3f}\n")

    queue_exports = args.exports > 0 and by_role.get("bpsdm")
    parties = len(team) + (1 if queue_exports else 0)
    clock["barrier"] = threading.Barrier(parties, action=start_clock)
    threads = [
        threading.Thread(
            target=_user, args=(args.base, login, args.password, clock, tally)
        )
        for login in team
    ]
    if queue_exports:
        threads.append(
            threading.Thread(
                target=_queue_exports,
                args=(args.base, by_role["bpsdm"], args.password, clock, args.exports),
                kwargs={
                    "path": args.exports_path,
                    "after": args.exports_after,
                    "tally": tally,
                },
            )
        )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = summary(tally, len(team), time.monotonic() - clock["start"])
    result["login_s"] = round(clock["login_s"], 1)
    result["exports"] = tally.exports
    result["label"] = args.label
    result["roles"] = {
        role: sum(1 for login in team if login["role"] == role) for role in JOURNEYS
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle)
    if not tally.latencies:
        print("no requests completed", tally.errors[:5])
        return 1
    print(f"== {args.label or args.base}")
    for key in ("users", "duration_s", "requests", "req_per_s", "p50_ms", "p95_ms"):
        print(f"{key:<14} {result[key]}")
    for key in ("p99_ms", "mean_ms", "errors", "logins", "login_s", "briefings"):
        print(f"{key:<14} {result[key]}")
    print(f"roles          {result['roles']}")
    if args.exports:
        print(f"exports        {result['exports']}")
    print(f"{'role':<7} {'page':<32} requests   p50 ms   p95 ms   p99 ms")
    for (role, page), values in sorted(tally.by_page.items()):
        page_ms = [v * 1000 for v in values]
        print(
            f"{role:<7} {page:<32} {len(page_ms):>8} {percentile(page_ms, 50):>8.0f}"
            f" {percentile(page_ms, 95):>8.0f} {percentile(page_ms, 99):>8.0f}"
        )
    for line, n in collections.Counter(tally.errors).most_common(10):
        print(f"  {n:>5} × {line}")
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
