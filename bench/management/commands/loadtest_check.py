"""After a load test: did every background job and notice queued since a moment
complete? (scripts/two_hosts.sh, docs/performance.md "Two web hosts".)

    python manage.py loadtest_check --since 2026-12-02T18:00:00+00:00 [--wait 480]

Counts, among the rows created since ``--since``, the exports by status (with the
attempts each took: 2 means a worker died and the sweep gave the job to another),
the notices by email status and the channel deliveries by status; waits up to
``--wait`` seconds, polling every 5, for none to be pending, running or sending.
Exit 1 when something is still unfinished or failed at the end.
"""

import time
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count

from exports.models import Export
from notices.models import ChannelDelivery, Notice

UNFINISHED = {"pending", "running", "sending"}
FAILED = {"failed"}


def _counts(queryset, *fields) -> dict[tuple, int]:
    rows = queryset.values(*fields).annotate(n=Count("pk")).order_by(*fields)
    return {tuple(row[f] for f in fields): row["n"] for row in rows}


def _figures(moment: datetime) -> dict[str, dict[tuple, int]]:
    return {
        "exports": _counts(
            Export.objects.filter(created_at__gte=moment), "status", "attempts"
        ),
        "notices": _counts(Notice.objects.filter(created_at__gte=moment), "status"),
        "channels": _counts(
            ChannelDelivery.objects.filter(notice__created_at__gte=moment), "status"
        ),
    }


def _total(figures: dict[str, dict[tuple, int]], statuses: set[str]) -> int:
    return sum(
        n
        for counts in figures.values()
        for key, n in counts.items()
        if key[0] in statuses
    )


class Command(BaseCommand):
    help = "Check that the jobs and notices queued since a moment all completed."

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="ISO 8601 with offset")
        parser.add_argument("--wait", type=int, default=0, help="seconds to wait")

    def handle(self, *args, since, wait, **options):
        try:
            moment = datetime.fromisoformat(since)
        except ValueError as exc:
            raise CommandError(f"--since: {exc}") from exc
        if moment.tzinfo is None:
            raise CommandError("--since needs a UTC offset")
        started = time.monotonic()
        while True:
            figures = {
                "exports": _counts(
                    Export.objects.filter(created_at__gte=moment), "status", "attempts"
                ),
                "notices": _counts(
                    Notice.objects.filter(created_at__gte=moment), "status"
                ),
                "channels": _counts(
                    ChannelDelivery.objects.filter(notice__created_at__gte=moment),
                    "status",
                ),
            }
            open_ = sum(
                n
                for counts in figures.values()
                for key, n in counts.items()
                if key[0] in UNFINISHED
            )
            if not open_ or time.monotonic() - started >= wait:
                break
            time.sleep(5)
        waited = time.monotonic() - started
        for name, counts in figures.items():
            shown = ", ".join(
                f"{'/'.join(str(k) for k in key)}: {n}" for key, n in counts.items()
            )
            self.stdout.write(f"{name:<9} {shown or 'none'}")
        failed = sum(
            n
            for counts in figures.values()
            for key, n in counts.items()
            if key[0] in FAILED
        )
        self.stdout.write(f"unfinished {open_}, failed {failed}, after {waited:.0f} s")
        if open_ or failed:
            raise CommandError("not every job and notice completed")
