"""Recompute the roll-ups from their sources and report drift.

python manage.py rebuild_rollups            # replace them with the recomputation
python manage.py rebuild_rollups --check    # only compare; exit 1 on any drift

Level roll-ups (``assessments.rollups``): the validity intervals of released
``DimensionResult`` rows, ``LatestLevel``, ``LevelCount``, ``LevelCountAt``
(of the snapshot days there are), ``LevelProfileCount``, ``LevelChangeStep``
and ``YearStartChange``; the
ledger's ``JPTotal`` and ``FormYearEntries`` (``ledger.services``;
``rebuild_jp_rollups`` does that one alone) and ``FormYearChange``
(``ledger.rollups``, from both); the effectiveness report's ``ProgramChange``
(``evaluations.rollups``) and the follow-up queue's ``DueFollowUpDay``
(``evaluations.rollups``); the IKM answer totals ``ElementTotal`` and
``Survey.response_count`` (``surveys.rollups``); and the activities'
``AttendeeUnit`` (``activities.rollups``).
"""

import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from activities.rollups import attendee_units_drift, attendee_units_rebuild
from assessments.rollups import rollups_drift, rollups_rebuild
from evaluations.rollups import (
    due_follow_ups_drift,
    due_follow_ups_rebuild,
    program_changes_drift,
    program_changes_rebuild,
)
from ledger.rollups import form_year_changes_drift, form_year_changes_rebuild
from ledger.services import (
    form_year_entries_drift,
    form_year_entries_rebuild,
    jp_totals_rebuild,
    totals_drift,
)
from surveys.rollups import element_totals_drift, element_totals_rebuild

SHOWN = 20

# The roll-ups outside the level ones, (name, rebuild, drift), in the order they
# are rebuilt: each after the ones it is computed from (FormYearChange from the
# JP entries and the level changes, ProgramChange from the levels).
OTHERS: list[tuple[str, Callable[[], int], Callable[[], list]]] = [
    ("JPTotal", jp_totals_rebuild, totals_drift),
    ("FormYearEntries", form_year_entries_rebuild, form_year_entries_drift),
    ("FormYearChange", form_year_changes_rebuild, form_year_changes_drift),
    ("ProgramChange", program_changes_rebuild, program_changes_drift),
    ("DueFollowUpDay", due_follow_ups_rebuild, due_follow_ups_drift),
    ("ElementTotal", element_totals_rebuild, element_totals_drift),
    ("AttendeeUnit", attendee_units_rebuild, attendee_units_drift),
]


def rebuild_all() -> dict[str, int]:
    """Every roll-up from scratch, in dependency order: {name: rows written}.
    The caller holds the transaction."""
    counts = rollups_rebuild()  # the level roll-ups first: others read them
    for name, rebuild, __ in OTHERS:
        counts[name] = rebuild()
    return counts


def drift_all() -> dict[str, list]:
    """{roll-up: drifting rows}, each against a recomputation from its sources."""
    return {**rollups_drift(), **{name: drift() for name, __, drift in OTHERS}}


class Command(BaseCommand):
    help = (
        "Recompute the level roll-ups (validity intervals, LatestLevel, LevelCount, "
        "LevelCountAt, LevelProfileCount, LevelChangeStep, YearStartChange), the JP "
        "totals, "
        "form counts, the participants' changes per form and program, the due "
        "follow-ups per unit and day, the IKM answer "
        "totals and the "
        "activities' attendee units from scratch; --check only reports drift (exit 1)."
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
            drift = drift_all()
            for name, rows in drift.items():
                self.stdout.write(f"{name}: {len(rows)} baris menyimpang")
                for row in rows[:SHOWN]:
                    self.stdout.write(f"  {row}")
            self.stdout.write(f"diperiksa dalam {time.perf_counter() - start:.1f} s")
            drifting = sum(len(rows) for rows in drift.values())
            if drifting:
                raise CommandError(f"Roll-up menyimpang di {drifting} baris.")
            self.stdout.write(
                self.style.SUCCESS("Semua roll-up sesuai dengan sumbernya.")
            )
            return
        with transaction.atomic():
            counts = rebuild_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Dibangun ulang dalam {time.perf_counter() - start:.1f} s: "
                + ", ".join(f"{name} {n}" for name, n in counts.items())
            )
        )
