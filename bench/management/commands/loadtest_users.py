"""The logins of the load test (see docs/performance.md, "Load test").

    LOADTEST_PASSWORD=… python manage.py loadtest_users [--staff 35] [--heads 10]
                                                        [--bpsdm 5]

Makes (or reuses) ``lt-staf-NNN``, ``lt-kepala-NNN`` and ``lt-bpsdm-NNN`` from the
current database's own people (``bench.loadtest``), sets their password to
``LOADTEST_PASSWORD`` and deletes the briefings an earlier run recorded. Prints
one ``role username employee-id unit-id`` line per login: the file
``scripts/loadtest.py`` reads.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from bench.loadtest import prepare


class Command(BaseCommand):
    help = "Make the load test's logins (staff, heads, BPSDM) in the current database."

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, default=35)
        parser.add_argument("--heads", type=int, default=10)
        parser.add_argument("--bpsdm", type=int, default=5)

    def handle(self, *args, **options):
        password = os.environ.get("LOADTEST_PASSWORD", "")
        if len(password) < 12:
            raise CommandError("Set LOADTEST_PASSWORD (12 characters or more).")
        counts = [options["staff"], options["heads"], options["bpsdm"]]
        if min(counts) < 0:
            raise CommandError("Counts must be 0 or more.")
        logins = prepare(
            staff=counts[0], heads=counts[1], bpsdm=counts[2], password=password
        )
        for login in logins:
            employee, unit = login.employee_id or "-", login.unit_id or "-"
            self.stdout.write(f"{login.role} {login.username} {employee} {unit}")
