"""Closed-loop HTTP load test of the main pages, standard library only.

Each virtual user logs in once (real login form, CSRF and all) and then requests the
pages of its role in a loop for a fixed time. Prints requests per second, latency
percentiles and errors. Sends traffic only to the base URL it is given (loopback).

    python scripts/loadtest.py --base http://127.0.0.1:8001 --users 50 --seconds 60
"""

import argparse
import http.cookiejar
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from urllib.parse import urlparse

PASSWORD = "demo-sosiokultural"  # noqa: S105 - the printed demo password
# Main pages per demo login (all exist after `seed_demo`).
JOURNEYS = {
    "kepala.kembangan": ["/", "/pegawai/", "/unit/", "/kegiatan/", "/laporan/"],
    "pegawai.cro": ["/", "/pegawai/", "/pemberitahuan/", "/kegiatan/", "/uji/"],
    "bpsdm": ["/", "/laporan/provinsi/", "/program/", "/kompetensi/", "/ikm/"],
}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _check_loopback(base: str) -> None:
    host = urlparse(base).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        sys.exit(f"refusing to load-test a non-loopback host: {host}")


def _opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def _login(opener, base: str, username: str) -> None:
    page = opener.open(f"{base}/akun/masuk/", timeout=30).read().decode()  # noqa: S310
    token = CSRF.search(page).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{base}/akun/masuk/", data=data, headers={"Referer": f"{base}/akun/masuk/"}
    )
    final = opener.open(request, timeout=30)  # noqa: S310
    if final.geturl().rstrip("/") != base.rstrip("/"):
        raise RuntimeError(f"login failed for {username}: ended at {final.geturl()}")


def _user(base, username, paths, deadline, latencies, by_path, errors, lock):
    opener = _opener()
    try:
        _login(opener, base, username)
    except Exception as exc:  # noqa: BLE001 - counted and reported
        with lock:
            errors.append(f"login {username}: {exc}")
        return
    i = 0
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        start = time.perf_counter()
        try:
            response = opener.open(f"{base}{path}", timeout=30)  # noqa: S310
            response.read()
            ok = response.status == 200
        except urllib.error.HTTPError as exc:
            ok = False
            detail = f"{path}: HTTP {exc.code}"
        except Exception as exc:  # noqa: BLE001
            ok = False
            detail = f"{path}: {exc}"
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            by_path.setdefault(path, []).append(elapsed)
            if not ok:
                errors.append(detail)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://127.0.0.1:8001")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    _check_loopback(args.base)
    latencies: list[float] = []
    by_path: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    logins = list(JOURNEYS)
    start = time.monotonic()
    deadline = start + args.seconds
    threads = [
        threading.Thread(
            target=_user,
            args=(
                args.base,
                logins[n % len(logins)],
                JOURNEYS[logins[n % len(logins)]],
                deadline,
                latencies,
                by_path,
                errors,
                lock,
            ),
        )
        for n in range(args.users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.monotonic() - start
    if not latencies:
        print("no requests completed", errors[:5])
        return 1
    ms = [v * 1000 for v in latencies]
    print(f"users          {args.users}")
    print(f"duration       {duration:.1f} s")
    print(f"requests       {len(ms)}")
    print(f"throughput     {len(ms) / duration:.1f} req/s")
    print(f"latency p50    {percentile(ms, 50):.0f} ms")
    print(f"latency p95    {percentile(ms, 95):.0f} ms")
    print(f"latency p99    {percentile(ms, 99):.0f} ms")
    print(f"latency mean   {statistics.fmean(ms):.0f} ms")
    print(f"errors         {len(errors)}")
    print("per page       requests   p50 ms   p95 ms")
    for path, values in sorted(by_path.items()):
        page_ms = [v * 1000 for v in values]
        print(
            f"  {path:<22} {len(page_ms):>8} {percentile(page_ms, 50):>8.0f}"
            f" {percentile(page_ms, 95):>8.0f}"
        )
    for line in errors[:10]:
        print(f"  {line}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
