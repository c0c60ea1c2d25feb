"""Time and peak memory of the large exports on the synthetic province.

    DATABASE_URL=postgres://… python scripts/bench_exports.py [--user bench-bpsdm]

Run against a database built by ``manage.py bench_reports`` (100,000 employees,
2,000,000 attendance rows). Each export is requested as the web tier would get
it (the Django test client, in this process): above ``EXPORT_BACKGROUND_ROWS``
the GET answers the confirmation page and the POST creates the job, which runs
in-process here (no broker configured) exactly as a worker runs it. Peak RSS is
read from /proc (VmHWM, reset before each export), so "growth" is the peak
during the export minus the resident size just before it.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sosiokultural.settings")
os.environ.pop("CELERY_BROKER_URL", None)  # the job runs in this process

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from exports.models import Export  # noqa: E402
from people.models import User  # noqa: E402


def _kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux ≥ 4.0)


def measure(client: Client, url: str) -> dict:
    _reset_peak()
    before = _kib("VmRSS")
    started = time.perf_counter()
    response = client.get(url)
    streamed = 0
    if response.status_code == 200 and response.get("Content-Disposition"):
        for chunk in response.streaming_content:
            streamed += len(chunk)
        kind = "streamed"
        export = None
    else:
        if response.status_code != 200:
            raise RuntimeError(f"{url}: {response.status_code}")
        posted = client.post(url)
        pk = int(posted["Location"].rstrip("/").split("/")[-1])
        export = Export.objects.get(pk=pk)
        kind = "background"
        streamed = export.file.size if export.file else 0
    seconds = time.perf_counter() - started
    peak = _kib("VmHWM")
    return {
        "url": url,
        "how": kind,
        "status": export.status if export else "done",
        "rows": export.rows_done if export else None,
        "seconds": round(seconds, 1),
        "file_mb": round(streamed / 1024 / 1024, 1),
        "rss_before_mb": round(before / 1024),
        "peak_growth_mb": round((peak - before) / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="bench-bpsdm")
    parser.add_argument(
        "urls",
        nargs="*",
        default=[
            "/pegawai/ekspor.xlsx",
            "/pegawai/ekspor.csv",
            "/kegiatan/ekspor.csv",
            "/kegiatan/ekspor.xlsx",
        ],
    )
    args = parser.parse_args()
    user = User.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    print(f"EXPORT_BACKGROUND_ROWS = {settings.EXPORT_BACKGROUND_ROWS}")
    with override_settings(EXPORT_MAX_ACTIVE_PER_USER=100):
        for url in args.urls:
            print(measure(client, url), flush=True)


if __name__ == "__main__":
    main()
