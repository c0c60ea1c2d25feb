"""Recompute the JP roll-up (``JPTotal``) from the ledger entries.

python manage.py rebuild_jp_rollups            # replace it with the recomputation
python manage.py rebuild_jp_rollups --check    # only compare; exit 1 on any drift
"""

import time

from django.core.management.base import BaseCommand, CommandError

from ledger.services import jp_totals_rebuild, totals_drift


class Command(BaseCommand):
    help = (
        "Recompute the JP totals per employee and window (calendar year, contract "
        "year) from the ledger entries; --check only reports drift."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="compare with the recomputation and write nothing",
        )

    def handle(self, *args, check: bool, **options):
        start = time.perf_counter()
        if check:
            drift = totals_drift()
            for employee, basis, starts_on, stored, fresh in drift[:20]:
                self.stdout.write(
                    f"pegawai {employee} {basis} {starts_on}: tersimpan {stored}, "
                    f"seharusnya {fresh}"
                )
            self.stdout.write(f"diperiksa dalam {time.perf_counter() - start:.1f} s")
            if drift:
                raise CommandError(f"Total JP menyimpang di {len(drift)} baris.")
            self.stdout.write(self.style.SUCCESS("Total JP sesuai dengan buku JP."))
            return
        rows = jp_totals_rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"Dibangun ulang dalam {time.perf_counter() - start:.1f} s: "
                f"JPTotal {rows}"
            )
        )
